import { Cell, Input, List, Section, Textarea } from "@telegram-apps/telegram-ui";
import { useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { OrderHeader, ReasonField, useOrder } from "./OrderOperate";
import type { OrdersSynced, SyncReport } from "./orders.types";

/** A whole number from a text field, or undefined while empty or not a number. */
const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** A manual order under way: start count and what remains, as the work goes on (the customer is told). */
export function OrderProgress() {
  const { t } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [startCount, setStartCount] = useState<string | undefined>(undefined);
  const [remains, setRemains] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  const order = detail.data?.order;
  const start =
    startCount ?? (order?.startCount !== null && order?.startCount !== undefined ? String(order.startCount) : "");
  const left = remains ?? (order?.remains !== null && order?.remains !== undefined ? String(order.remains) : "");
  const typedOk = (text: string) => text.trim() === "" || wholeNumber(text) !== undefined;
  const anything = wholeNumber(start) !== undefined || wholeNumber(left) !== undefined;
  useMainButton({
    text: t("order.progress.save"),
    enabled: reason.trim() !== "" && anything && typedOk(start) && typedOk(left),
    loading: action.busy,
    onClick: () =>
      action.run(() =>
        api(`/orders/${id}/progress`, {
          method: "POST",
          body: {
            reason,
            ...(wholeNumber(start) !== undefined ? { startCount: wholeNumber(start) } : {}),
            ...(wholeNumber(left) !== undefined ? { remains: wholeNumber(left) } : {}),
          },
        }),
      ),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("order.action.progress")} footer={t("order.progress.hint")}>
        <OrderHeader detail={detail.data} />
        <Input
          header={t("order.start_count")}
          inputMode="numeric"
          value={start}
          onChange={(e) => setStartCount(e.target.value)}
          status={typedOk(start) ? undefined : "error"}
          data-testid="progress-start-count"
        />
        <Input
          header={t("order.progress.remains", { max: detail.data.order.quantity })}
          inputMode="numeric"
          value={left}
          onChange={(e) => setRemains(e.target.value)}
          status={typedOk(left) ? undefined : "error"}
          data-testid="progress-remains"
        />
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}

/** The admin's notes on an order, edited on their own: no state change, nothing sent to the customer. */
export function OrderNotes() {
  const { t } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [notes, setNotes] = useState<string | undefined>(undefined);
  const action = useAction(() => pop());
  const text = notes ?? detail.data?.order.adminNotes ?? "";
  useMainButton({
    text: t("order.notes.save"),
    enabled: detail.data !== undefined && text.length <= 2_000,
    loading: action.busy,
    onClick: () => action.run(() => api(`/orders/${id}/notes`, { method: "POST", body: { notes: text } })),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("order.action.notes")} footer={t("order.notes.hint")}>
        <OrderHeader detail={detail.data} />
        <Textarea
          header={t("order.admin_notes")}
          value={text}
          onChange={(e) => setNotes(e.target.value)}
          data-testid="notes"
        />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}

/** An order waiting for its supplier's funds, placed again now (the admin topped the supplier up). */
export function OrderRetry() {
  const { t } = useI18n();
  const { pop } = useNavigation();
  const { id, detail } = useOrder();
  const [reason, setReason] = useState("");
  const action = useAction(() => pop());
  useMainButton({
    text: t("order.action.retry"),
    enabled: reason.trim() !== "",
    loading: action.busy,
    onClick: () => action.run(() => api(`/orders/${id}/retry`, { method: "POST", body: { reason } })),
  });
  if (!detail.data) return detail.error ? <ErrorNote error={detail.error} /> : <Loading />;
  return (
    <List>
      <Section header={t("order.action.retry")} footer={t("order.retry.hint")}>
        <OrderHeader detail={detail.data} />
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}

/** "Sync all": every order in progress at every supplier, asked now; the result stays on screen. */
export function OrdersSyncAll() {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [report, setReport] = useState<SyncReport | undefined>(undefined);
  const action = useAction<OrdersSynced>((result) => setReport(result.report));
  useMainButton({
    text: t("orders.sync_all"),
    enabled: reason.trim() !== "",
    loading: action.busy,
    onClick: () => action.run(() => api("/orders/sync-all", { method: "POST", body: { reason } })),
  });
  return (
    <List>
      <Section header={t("orders.sync_all")} footer={t("orders.sync_all.hint")}>
        <ReasonField value={reason} onChange={setReason} />
      </Section>
      {report && (
        <Section header={t("orders.sync_all.done")}>
          <Cell multiline data-testid="sync-all-report">
            {t("orders.sync_all.report", {
              checked: report.checked,
              changed: report.changed,
              calls: report.supplierCalls,
              failed: report.failedSuppliers,
            })}
          </Cell>
        </Section>
      )}
      {action.error !== undefined && <ErrorNote error={action.error} />}
    </List>
  );
}
