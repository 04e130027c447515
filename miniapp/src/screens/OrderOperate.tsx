import { Cell, Input, List, Radio, Section, SegmentedControl, Textarea } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useCan } from "../session";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { MoveTarget, OrderDetail, OrderSynced } from "./orders.types";

/** A whole number from a text field, or undefined while empty or not a number. */
const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

export function useOrder() {
  const { route } = useNavigation();
  const id = Number(route.params.id);
  return { id, detail: useLoad(() => api<OrderDetail>(`/orders/${id}`), [id]) };
}

export function OrderHeader(props: { detail: OrderDetail }) {
  const { t, rupiah, number } = useI18n();
  const { order } = props.detail;
  return (
    <Cell
      multiline
      subhead={t("order.title", { id: order.id })}
      subtitle={`${number(order.quantity)} · ${rupiah(order.amount)}`}
      description={order.target}
    >
      {t(`orders.status.${order.status}`)}
    </Cell>
  );
}

export function ReasonField(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <Textarea
      header={t("form.reason")}
      placeholder={t("form.reason.placeholder")}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid="reason"
    />
  );
}

/** "Ask the supplier now" for one order in progress, with why. */
export function OrderSync() {
  const { t } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [reason, setReason] = useState("");
  const [unanswered, setUnanswered] = useState(false);
  // Back to the order when the supplier answered; otherwise say so here (the attempt is audited either way).
  const action = useAction<OrderSynced>((result) =>
    result.report.checked > 0 && result.report.failedSuppliers === 0 ? pop() : setUnanswered(true),
  );
  useMainButton({
    text: t("order.action.sync"),
    enabled: reason.trim() !== "",
    loading: action.busy,
    onClick: () => action.run(() => api(`/orders/${id}/sync`, { method: "POST", body: { reason } })),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("order.action.sync")} footer={t("order.sync.hint")}>
        <OrderHeader detail={detail.data} />
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {unanswered && (
        <div role="alert" className="error-note" data-testid="sync-unanswered">
          {t("order.sync.unanswered")}
        </div>
      )}
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}

/** The outcome of an order handled by hand (or a correction): completed, partial or canceled. */
export function OrderOutcome() {
  const { t, rupiah } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [status, setStatus] = useState<MoveTarget<"manualOutcome">>("completed");
  const [startCount, setStartCount] = useState("");
  const [remains, setRemains] = useState("");
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  const remainsOk = status !== "partial" || wholeNumber(remains) !== undefined;
  useMainButton({
    text: t("order.outcome.save"),
    enabled: reason.trim() !== "" && remainsOk,
    loading: action.busy,
    onClick: () =>
      action.run(() =>
        api(`/orders/${id}/outcome`, {
          method: "POST",
          body: {
            status,
            reason,
            ...(note.trim() ? { note } : {}),
            ...(wholeNumber(startCount) !== undefined ? { startCount: wholeNumber(startCount) } : {}),
            ...(status === "partial" ? { remains: wholeNumber(remains) } : {}),
          },
        }),
      ),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  const { order, money } = detail.data;
  const partialRefund =
    status === "partial" && wholeNumber(remains) !== undefined
      ? Math.floor((order.amount * wholeNumber(remains)!) / order.quantity)
      : undefined;
  const refundNote =
    status === "canceled"
      ? t("order.outcome.refund", { amount: rupiah(Math.min(order.amount, money.leftToRefund)) })
      : partialRefund !== undefined
        ? t("order.outcome.refund", { amount: rupiah(Math.min(partialRefund, money.leftToRefund)) })
        : t("order.outcome.no_refund");
  return (
    <List>
      <Section header={t("order.action.outcome")} footer={refundNote}>
        <OrderHeader detail={detail.data} />
        <SegmentedControl>
          {(["completed", "partial", "canceled"] as const).map((s) => (
            <SegmentedControl.Item
              key={s}
              selected={status === s}
              onClick={() => setStatus(s)}
              data-testid={`outcome-${s}`}
            >
              {t(`orders.status.${s}`)}
            </SegmentedControl.Item>
          ))}
        </SegmentedControl>
        <Input
          header={t("order.start_count")}
          inputMode="numeric"
          value={startCount}
          onChange={(e) => setStartCount(e.target.value)}
          data-testid="start-count"
        />
        {status === "partial" && (
          <Input
            header={t("order.remains", { max: order.quantity - 1 })}
            inputMode="numeric"
            value={remains}
            onChange={(e) => setRemains(e.target.value)}
            data-testid="remains"
          />
        )}
        <Textarea header={t("order.note")} value={note} onChange={(e) => setNote(e.target.value)} data-testid="note" />
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}

/** An order whose supplier outcome is unknown: the admin checked the supplier's panel and says what happened. */
export function OrderResolve() {
  const { t, rupiah } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  // Resolving by refunding moves money: only offered to roles that may refund (the server checks too).
  const canRefund = useCan("refund");
  const [kind, setKind] = useState<"placed" | "not_placed" | "refund">("placed");
  const [providerOrderId, setProviderOrderId] = useState("");
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  useMainButton({
    text: t(`order.resolve.${kind}.button`),
    enabled: reason.trim() !== "" && (kind !== "placed" || providerOrderId.trim() !== ""),
    loading: action.busy,
    onClick: () =>
      action.run(() =>
        api(`/orders/${id}/resolve`, {
          method: "POST",
          body: kind === "placed" ? { kind, providerOrderId, reason } : { kind, reason },
        }),
      ),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section
        header={t("order.action.resolve")}
        footer={t(`order.resolve.${kind}.hint`, { amount: rupiah(detail.data.money.leftToRefund) })}
      >
        <OrderHeader detail={detail.data} />
        {(canRefund ? (["placed", "not_placed", "refund"] as const) : (["placed", "not_placed"] as const)).map((k) => (
          <Cell
            key={k}
            Component="label"
            multiline
            before={<Radio name="resolution" value={k} checked={kind === k} onChange={() => setKind(k)} />}
            data-testid={`resolve-${k}`}
          >
            {t(`order.resolve.${k}`)}
          </Cell>
        ))}
        {kind === "placed" && (
          <Input
            header={t("order.resolve.provider_order_id")}
            value={providerOrderId}
            onChange={(e) => setProviderOrderId(e.target.value)}
            data-testid="provider-order-id"
          />
        )}
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}
