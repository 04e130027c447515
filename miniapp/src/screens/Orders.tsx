import { Cell, Input, List, Section, Select } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { Pager } from "../components/Pager";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { useStickyState } from "../use-sticky-state";
import { customerName, ORDER_STATUSES, type OrderListItem, type Page } from "./orders.types";

const PAGE_SIZE = 20;

interface Filters {
  status: string;
  from: string;
  to: string;
  customer: string;
  q: string;
  page: number;
}

const EMPTY: Filters = { status: "", from: "", to: "", customer: "", q: "", page: 0 };

/** Every order, newest first: filter by status, day (Jakarta), customer and link; the server pages. */
export function Orders() {
  const { t, rupiah, dateTime } = useI18n();
  const { route, push } = useNavigation();
  const canManage = useCan("manage");
  const canOperate = useCan("operate");
  const customerId = typeof route.params.customerId === "number" ? route.params.customerId : undefined;
  const [filters, setFilters] = useStickyState<Filters>(`orders:${customerId ?? "all"}`, EMPTY);
  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 0 }));
  const customer = useDebounced(filters.customer);
  const q = useDebounced(filters.q);

  const orders = useLoad(
    () =>
      api<Page<OrderListItem>>("/orders", {
        query: {
          status: filters.status,
          from: filters.from,
          to: filters.to,
          customer,
          customerId,
          q,
          page: filters.page,
          pageSize: PAGE_SIZE,
        },
      }),
    [filters.status, filters.from, filters.to, customer, customerId, q, filters.page],
  );

  return (
    <List>
      <Section
        header={t("orders.filters")}
        footer={customerId ? t("orders.filters.one_customer") : t("orders.filters.hint")}
      >
        <Select
          header={t("orders.status")}
          value={filters.status}
          onChange={(e) => change({ status: e.target.value })}
          data-testid="orders-status"
        >
          <option value="">{t("orders.status.all")}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`orders.status.${s}`)}
            </option>
          ))}
        </Select>
        <Input
          header={t("orders.from")}
          type="date"
          value={filters.from}
          onChange={(e) => change({ from: e.target.value })}
          data-testid="orders-from"
        />
        <Input
          header={t("orders.to")}
          type="date"
          value={filters.to}
          onChange={(e) => change({ to: e.target.value })}
          data-testid="orders-to"
        />
        {!customerId && (
          <Input
            header={t("orders.customer")}
            placeholder={t("orders.customer.placeholder")}
            value={filters.customer}
            onChange={(e) => change({ customer: e.target.value })}
            data-testid="orders-customer"
          />
        )}
        <Input
          header={t("orders.text")}
          placeholder={t("orders.text.placeholder")}
          value={filters.q}
          onChange={(e) => change({ q: e.target.value })}
          data-testid="orders-text"
        />
      </Section>
      {(canManage || canOperate) && (
        <Section>
          {canManage && (
            <Cell
              before={<span aria-hidden>➕</span>}
              onClick={() => push("order-manual", customerId ? { customerId } : {})}
              data-testid="orders-new-manual"
            >
              {t("orders.manual.new")}
            </Cell>
          )}
          {canOperate && (
            <Cell
              before={<span aria-hidden>🔄</span>}
              onClick={() => push("orders-sync-all")}
              data-testid="orders-sync-all"
            >
              {t("orders.sync_all")}
            </Cell>
          )}
        </Section>
      )}
      {orders.error ? (
        <ErrorNote error={orders.error} onRetry={orders.reload} />
      ) : !orders.data ? (
        <Loading />
      ) : (
        <Section header={t("orders.found", { count: orders.data.total })} data-testid="orders-list">
          {orders.data.items.length === 0 && <Cell>{t("app.none")}</Cell>}
          {orders.data.items.map((o) => (
            <Cell
              key={o.id}
              multiline
              onClick={() => push("order", { id: o.id })}
              data-testid={`order-row-${o.id}`}
              subhead={`#${o.id} · ${dateTime(o.createdAt)}`}
              subtitle={`${customerName(o.customer)} · ${o.service.mid !== null ? `ID ${o.service.mid} ` : ""}${o.service.name}`}
              description={o.target}
              after={<span className="amount">{rupiah(o.amount)}</span>}
            >
              <span className={`status status-${o.status}`}>{t(`orders.status.${o.status}`)}</span>
              {o.isManual && <span className="tag">{t("orders.manual")}</span>}
            </Cell>
          ))}
          <Pager
            page={orders.data.page}
            pageSize={orders.data.pageSize}
            total={orders.data.total}
            onPage={(page) => change({ page })}
            testId="orders-pager"
          />
        </Section>
      )}
    </List>
  );
}
