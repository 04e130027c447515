import "./team-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useEvery } from "../use-every";
import { useLoad } from "../use-api";
import { customerName } from "./orders.types";
import { personLabel, type HandoffItem } from "./team.types";
import type { HandoffInbox } from "./team.types";

/** New hand-offs show up without leaving the screen. */
const REFRESH_MS = 10_000;

/** The hand-off inbox: customers waiting for a person (oldest first), then the latest ended ones. */
export function Handoffs() {
  const { t, dateTime } = useI18n();
  const { push } = useNavigation();
  const inbox = useLoad(() => api<HandoffInbox>("/handoffs"), []);
  useEvery(REFRESH_MS, inbox.reload);
  if (!inbox.data) return inbox.error ? <ErrorNote error={inbox.error} onRetry={inbox.reload} /> : <Loading />;
  const { open, recent } = inbox.data;
  const closedBy = (h: HandoffItem) =>
    h.closedBy === "customer"
      ? t("handoffs.closed_by.customer")
      : h.closedBy
        ? t("handoffs.closed_by.admin", { who: personLabel(h.closedByName, h.closedBy) })
        : "";

  return (
    <List>
      <Section
        header={t("handoffs.open", { count: open.length })}
        footer={t("handoffs.open.hint")}
        data-testid="handoffs-open"
      >
        {open.length === 0 && <Cell multiline>{t("handoffs.open.none")}</Cell>}
        {open.map((h) => (
          <Cell
            key={h.number}
            multiline
            before={<span aria-hidden>🙋</span>}
            subhead={`#${h.number} · ${t("handoffs.opened_at", { at: dateTime(h.openedAt) })}`}
            subtitle={t(`handoffs.reason.${h.reason}`)}
            onClick={() => push("handoff", { number: h.number })}
            data-testid={`handoff-row-${h.number}`}
          >
            {customerName(h.customer)}
          </Cell>
        ))}
      </Section>
      {recent.length > 0 && (
        <Section header={t("handoffs.recent")} data-testid="handoffs-recent">
          {recent.map((h) => (
            <Cell
              key={h.number}
              multiline
              subhead={`#${h.number} · ${t("handoffs.closed_at", { at: dateTime(h.closedAt ?? h.openedAt) })}`}
              subtitle={closedBy(h)}
              onClick={() => push("handoff", { number: h.number })}
              data-testid={`handoff-row-${h.number}`}
            >
              {customerName(h.customer)}
            </Cell>
          ))}
        </Section>
      )}
      {inbox.error !== undefined && <ErrorNote error={inbox.error} onRetry={inbox.reload} />}
    </List>
  );
}
