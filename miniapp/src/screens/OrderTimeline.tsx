import { Timeline } from "@telegram-apps/telegram-ui";
import { useI18n } from "../i18n";
import { auditActionLabel } from "./Audit";
import { ledgerQuote, ledgerTitle } from "./wording-format";
import { actorLabel, type TimelineEvent } from "./orders.types";

/** The order's history as the database knows it, oldest first, in the admin's language. */
export function OrderTimeline(props: { events: TimelineEvent[] }) {
  const i18n = useI18n();
  const { t, rupiah, dateTime } = i18n;
  const dash = (v: unknown) => (v === null || v === undefined || v === "" ? "–" : String(v));

  const describe = (e: TimelineEvent): { header: string; lines: string[] } => {
    switch (e.kind) {
      case "created":
        return {
          header: t("timeline.created"),
          lines: [t("timeline.created.detail", { quantity: i18n.number(e.quantity), amount: rupiah(e.amount) })],
        };
      case "invoice":
        return {
          header: t("timeline.invoice", { rail: t(`rail.${e.rail}`) }),
          lines: [`${e.reference} · ${rupiah(e.amount)} · ${t(`payment.status.${e.status}`)}`],
        };
      case "paid":
        return {
          header: t("timeline.paid", { rail: t(`rail.${e.rail}`) }),
          lines: [`${rupiah(e.amount)}${e.reference ? ` · ${e.reference}` : ""}`],
        };
      case "placed":
        return {
          header: t("timeline.placed", { supplier: dash(e.supplier) }),
          lines: [t("timeline.placed.detail", { id: dash(e.providerOrderId) })],
        };
      case "progress":
        return {
          header: t("timeline.progress", { status: dash(e.providerStatus) }),
          lines: [t("timeline.progress.detail", { start: dash(e.startCount), remains: dash(e.remains) })],
        };
      case "stuck":
        return { header: t("timeline.stuck"), lines: [] };
      case "cancel_requested":
        return { header: t("timeline.cancel_requested"), lines: [] };
      case "refill":
        return {
          header: t("timeline.refill", { status: e.status }),
          lines: [e.providerRefillId ? `ID ${e.providerRefillId}` : "", e.error ?? ""].filter(Boolean),
        };
      case "ledger":
        return {
          header:
            e.reason === "refund"
              ? t("timeline.refund", { amount: rupiah(e.amount) })
              : t("timeline.ledger", {
                  amount: `${e.amount > 0 ? "+" : "−"}${rupiah(Math.abs(e.amount))}`,
                  reason: ledgerTitle(t, i18n.number, e.description),
                }),
          lines: [
            e.reason === "refund" ? ledgerTitle(t, i18n.number, e.description) : "",
            ledgerQuote(t, e.description) ?? "",
          ].filter(Boolean),
        };
      case "finished":
        return {
          header: t("timeline.finished"),
          lines: [
            e.providerStatus ? t("timeline.finished.supplier", { status: e.providerStatus }) : "",
            e.remains ? t("timeline.finished.remains", { remains: i18n.number(e.remains) }) : "",
          ].filter(Boolean),
        };
      case "audit":
        return {
          header: auditActionLabel(t, e.action),
          lines: [t("timeline.by", { who: actorLabel(t, e) }), e.reason ? `“${e.reason}”` : ""].filter(Boolean),
        };
    }
  };

  return (
    <Timeline active={props.events.length - 1} data-testid="order-timeline">
      {props.events.map((e, index) => {
        const { header, lines } = describe(e);
        return (
          <Timeline.Item key={index} header={header} data-testid={`timeline-${e.kind}`}>
            <div className="hint">{dateTime(e.at)}</div>
            {lines.map((line, n) => (
              <div key={n}>{line}</div>
            ))}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
