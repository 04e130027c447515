import { Cell, Input, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { Pager } from "../components/Pager";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { useStickyState } from "../use-sticky-state";
import { customerName, type CustomerListItem, type Page } from "./orders.types";

/** The shop's customers, newest first, each with balance and paid orders; search by id, @username or name. */
export function Customers() {
  const { t, rupiah, number } = useI18n();
  const { push } = useNavigation();
  const [state, setState] = useStickyState("customers", { q: "", page: 0 });
  const q = useDebounced(state.q);
  const customers = useLoad(
    () => api<Page<CustomerListItem>>("/customers", { query: { q, page: state.page, pageSize: 20 } }),
    [q, state.page],
  );
  return (
    <List>
      <Section>
        <Input
          header={t("app.search")}
          placeholder={t("orders.customer.placeholder")}
          value={state.q}
          onChange={(e) => setState({ q: e.target.value, page: 0 })}
          data-testid="customers-search"
        />
      </Section>
      {customers.error ? (
        <ErrorNote error={customers.error} onRetry={customers.reload} />
      ) : !customers.data ? (
        <Loading />
      ) : (
        <Section header={t("customers.found", { count: customers.data.total })} data-testid="customers-list">
          {customers.data.items.length === 0 && <Cell>{t("app.none")}</Cell>}
          {customers.data.items.map((c) => (
            <Cell
              key={c.id}
              onClick={() => push("customer", { id: c.id })}
              subtitle={`Telegram ${c.telegramId} · ${t("customers.orders", { count: number(c.orders) })}`}
              after={<span className="amount">{rupiah(c.balance)}</span>}
              data-testid={`customer-row-${c.id}`}
            >
              {customerName(c)}
            </Cell>
          ))}
          <Pager
            page={customers.data.page}
            pageSize={customers.data.pageSize}
            total={customers.data.total}
            onPage={(page) => setState((s) => ({ ...s, page }))}
            testId="customers-pager"
          />
        </Section>
      )}
    </List>
  );
}
