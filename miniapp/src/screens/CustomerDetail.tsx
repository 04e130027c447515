import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { Pager } from "../components/Pager";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import { ledgerQuote, ledgerTitle } from "./wording-format";
import { customerName, type CustomerDetail as Detail } from "./orders.types";
import type { LedgerPage } from "./orders.types";

const LEDGER_PAGE = 10;

/** One customer: balance, what they bought, their latest orders and the wallet's ledger, paged. */
export function CustomerDetail() {
  const { t, rupiah, number, dateTime } = useI18n();
  const { route, push } = useNavigation();
  const id = Number(route.params.id);
  const [canRefund, canManage] = [useCan("refund"), useCan("manage")];
  const [page, setPage] = useState(0);
  const detail = useLoad(() => api<Detail>(`/customers/${id}`), [id]);
  const ledger = useLoad(
    () => api<LedgerPage>(`/customers/${id}/ledger`, { query: { page, pageSize: LEDGER_PAGE } }),
    [id, page],
  );
  if (detail.error) return <ErrorNote error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { customer, balance, paidOrders, spent, recentOrders } = detail.data;

  return (
    <List>
      <Section header={customerName(customer)}>
        <Cell
          subhead={t("customer.balance")}
          after={
            <strong className="amount" data-testid="customer-balance">
              {rupiah(balance)}
            </strong>
          }
        >
          {t("customer.wallet")}
        </Cell>
        <Cell subtitle={t("customer.spent", { amount: rupiah(spent) })}>
          {t("customers.orders", { count: number(paidOrders) })}
        </Cell>
        <Cell
          subtitle={`${t("customer.language")}: ${customer.language === "en" ? "English" : "Bahasa Indonesia"} · ${t("customer.since", { when: dateTime(customer.createdAt) })}`}
        >
          Telegram {customer.telegramId}
        </Cell>
      </Section>
      <Section header={t("order.actions")}>
        {canRefund && (
          <Cell
            before={<span aria-hidden>👛</span>}
            onClick={() => push("customer-adjust", { id })}
            data-testid="customer-adjust"
          >
            {t("customer.adjust")}
          </Cell>
        )}
        {canManage && (
          <Cell
            before={<span aria-hidden>➕</span>}
            onClick={() => push("order-manual", { customerId: id })}
            data-testid="customer-manual-order"
          >
            {t("orders.manual.new")}
          </Cell>
        )}
        <Cell
          before={<span aria-hidden>📦</span>}
          onClick={() => push("orders", { customerId: id })}
          data-testid="customer-orders"
        >
          {t("customer.all_orders")}
        </Cell>
        <Cell
          before={<span aria-hidden>🧾</span>}
          onClick={() => push("audit", { subject: `customer:${id}` })}
          data-testid="customer-audit"
        >
          {t("customer.audit")}
        </Cell>
      </Section>
      <Section header={t("customer.recent_orders")}>
        {recentOrders.length === 0 && <Cell>{t("app.none")}</Cell>}
        {recentOrders.map((o) => (
          <Cell
            key={o.id}
            onClick={() => push("order", { id: o.id })}
            subhead={`#${o.id} · ${dateTime(o.createdAt)}`}
            subtitle={o.target}
            after={rupiah(o.amount)}
          >
            {t(`orders.status.${o.status}`)}
          </Cell>
        ))}
      </Section>
      <Section header={t("customer.ledger")} data-testid="customer-ledger">
        {ledger.error !== undefined && <ErrorNote error={ledger.error} onRetry={ledger.reload} />}
        {ledger.data?.entries.length === 0 && <Cell>{t("app.none")}</Cell>}
        {ledger.data?.entries.map((e) => (
          <Cell
            key={e.id}
            multiline
            subhead={dateTime(e.createdAt)}
            subtitle={
              [e.orderId ? t("customer.ledger.order", { id: e.orderId }) : "", ledgerQuote(t, e.description) ?? ""]
                .filter(Boolean)
                .join(" · ") || undefined
            }
            after={
              <span
                className={e.amount > 0 ? "amount credit" : "amount debit"}
              >{`${e.amount > 0 ? "+" : "−"}${rupiah(Math.abs(e.amount))}`}</span>
            }
            onClick={e.orderId ? () => push("order", { id: e.orderId! }) : undefined}
            data-testid={`ledger-${e.id}`}
          >
            {ledgerTitle(t, number, e.description)}
          </Cell>
        ))}
        {ledger.data && (
          <Pager
            page={ledger.data.page}
            pageSize={ledger.data.pageSize}
            total={ledger.data.total}
            onPage={setPage}
            testId="ledger-pager"
          />
        )}
      </Section>
    </List>
  );
}
