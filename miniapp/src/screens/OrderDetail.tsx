import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useLoad } from "../use-api";
import { OrderExtras } from "./OrderExtras";
import { OrderTimeline } from "./OrderTimeline";
import { customerName, type OrderDetail as Detail } from "./orders.types";

/** One order: what was bought, by whom, the money, what can be done now, and its timeline. */
export function OrderDetail() {
  const { t, rupiah, number, dateTime } = useI18n();
  const { route, push } = useNavigation();
  const id = Number(route.params.id);
  const [canOperate, canRefund] = [useCan("operate"), useCan("refund")];
  const detail = useLoad(() => api<Detail>(`/orders/${id}`), [id]);
  if (detail.error) return <ErrorNote error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { order, customer, service, supplier, money, actions, timeline } = detail.data;
  const dash = (v: unknown) => (v === null || v === undefined ? "–" : String(v));

  return (
    <List>
      <Section header={t("order.title", { id: order.id })}>
        <Cell
          multiline
          subtitle={service ? `ID ${service.mid} · ${service.name}` : undefined}
          data-testid="order-status"
        >
          <span className={`status status-${order.status}`}>{t(`orders.status.${order.status}`)}</span>
          {order.isManual && <span className="tag">{t("orders.manual")}</span>}
        </Cell>
        <Cell
          multiline
          subhead={t("order.target")}
          description={
            [order.zone ? `${t("order.zone")}: ${order.zone}` : "", order.nickname ?? ""].filter(Boolean).join(" · ") ||
            undefined
          }
        >
          <span className="breakable">{order.target}</span>
        </Cell>
        <Cell subhead={t("order.quantity")} after={<span className="amount">{rupiah(order.amount)}</span>}>
          {number(order.quantity)}
        </Cell>
        <OrderExtras extras={order.extras} quantity={order.quantity} />
        <Cell
          subhead={t("order.customer")}
          subtitle={`Telegram ${customer.telegramId}`}
          onClick={() => push("customer", { id: customer.id })}
          data-testid="order-customer"
        >
          {customerName(customer)}
        </Cell>
        <Cell
          multiline
          subhead={t("order.supplier")}
          subtitle={t("order.supplier.detail", { id: dash(order.providerOrderId), status: dash(order.providerStatus) })}
          description={t("order.progress", { start: dash(order.startCount), remains: dash(order.remains) })}
        >
          {supplier?.name ?? "–"}
        </Cell>
        {order.lastStatusCheckAt !== null && (
          <Cell subhead={t("order.last_check")}>{dateTime(order.lastStatusCheckAt)}</Cell>
        )}
        {order.adminNotes && (
          <Cell multiline subhead={t("order.admin_notes")}>
            {order.adminNotes}
          </Cell>
        )}
        {order.supplierNote && (
          <Cell multiline subhead={t("order.supplier_note")}>
            {order.supplierNote}
          </Cell>
        )}
        {order.lastError && (
          <Cell multiline subhead={t("order.last_error")}>
            <span className="destructive">{order.lastError}</span>
          </Cell>
        )}
      </Section>

      <Section header={t("order.money")}>
        <Cell after={rupiah(money.paid)}>
          {t("order.money.paid", { rail: order.paidWith ? t(`rail.${order.paidWith}`) : "–" })}
        </Cell>
        <Cell after={<span data-testid="order-refunded">{rupiah(money.refunded)}</span>}>
          {t("order.money.refunded")}
        </Cell>
        <Cell after={<span data-testid="order-left">{rupiah(money.leftToRefund)}</span>}>{t("order.money.left")}</Cell>
      </Section>

      {(canOperate || canRefund) &&
        (actions.sync ||
          actions.outcome ||
          actions.resolve ||
          actions.refund ||
          actions.progress ||
          actions.retry ||
          actions.notes) && (
          <Section header={t("order.actions")}>
            {canOperate && actions.sync && (
              <Cell
                before={<span aria-hidden>🔄</span>}
                onClick={() => push("order-sync", { id })}
                data-testid="action-sync"
              >
                {t("order.action.sync")}
              </Cell>
            )}
            {canOperate && actions.retry && (
              <Cell
                before={<span aria-hidden>⏯️</span>}
                multiline
                subtitle={
                  order.fundsWaitingSince !== null
                    ? t("order.waiting_since", { at: dateTime(order.fundsWaitingSince) })
                    : undefined
                }
                onClick={() => push("order-retry", { id })}
                data-testid="action-retry"
              >
                {t("order.action.retry")}
              </Cell>
            )}
            {canOperate && actions.progress && (
              <Cell
                before={<span aria-hidden>📈</span>}
                onClick={() => push("order-progress", { id })}
                data-testid="action-progress"
              >
                {t("order.action.progress")}
              </Cell>
            )}
            {canOperate && actions.outcome && (
              <Cell
                before={<span aria-hidden>✍️</span>}
                onClick={() => push("order-outcome", { id })}
                data-testid="action-outcome"
              >
                {t("order.action.outcome")}
              </Cell>
            )}
            {canOperate && actions.resolve && (
              <Cell
                before={<span aria-hidden>❓</span>}
                onClick={() => push("order-resolve", { id })}
                data-testid="action-resolve"
              >
                {t("order.action.resolve")}
              </Cell>
            )}
            {canOperate && actions.notes && (
              <Cell
                before={<span aria-hidden>🗒️</span>}
                onClick={() => push("order-notes", { id })}
                data-testid="action-notes"
              >
                {t("order.action.notes")}
              </Cell>
            )}
            {canRefund && actions.refund && (
              <Cell
                before={<span aria-hidden>💸</span>}
                subtitle={t("order.action.refund.left", { amount: rupiah(money.leftToRefund) })}
                onClick={() => push("order-refund", { id })}
                data-testid="action-refund"
              >
                {t("order.action.refund")}
              </Cell>
            )}
          </Section>
        )}

      <Section header={t("order.timeline")}>
        <div className="timeline-wrap">
          <OrderTimeline events={timeline} />
        </div>
      </Section>
      <Section>
        <Cell
          before={<span aria-hidden>🧾</span>}
          onClick={() => push("audit", { subject: `order:${order.id}` })}
          data-testid="order-audit"
        >
          {t("order.audit")}
        </Cell>
      </Section>
    </List>
  );
}
