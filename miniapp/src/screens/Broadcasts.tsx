import "./team-areas.css";
import { Cell, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useEvery } from "../use-every";
import { useLoad } from "../use-api";
import { audienceLabel } from "./broadcast-format";
import type { BroadcastList } from "./team.types";

/** How often the list refreshes while one of its broadcasts is still sending. */
const REFRESH_MS = 2_000;

/** Past broadcasts, newest first, each with how far it got; and the way to write a new one. */
export function Broadcasts() {
  const { t, dateTime, number } = useI18n();
  const { push } = useNavigation();
  const list = useLoad(() => api<BroadcastList>("/broadcasts"), []);
  useEvery(REFRESH_MS, list.reload, list.data?.items.some((b) => b.status === "sending") ?? false);

  return (
    <List>
      <Section>
        <Cell before={<span aria-hidden>✍️</span>} onClick={() => push("broadcast-new")} data-testid="broadcasts-new">
          {t("broadcasts.new")}
        </Cell>
      </Section>
      {!list.data ? (
        list.error ? (
          <ErrorNote error={list.error} onRetry={list.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <Section header={t("broadcasts.past")} data-testid="broadcasts-list">
          {list.data.items.length === 0 && <Cell>{t("app.none")}</Cell>}
          {list.data.items.map((b) => (
            <Cell
              key={b.id}
              multiline
              subhead={`#${b.id} · ${dateTime(b.createdAt)} · ${audienceLabel(t, b.audience)} · ${b.createdByName ?? b.createdBy}`}
              subtitle={t("broadcasts.row", { sent: number(b.counts.sent), total: number(b.total) })}
              after={
                <span className={b.status === "canceled" ? "status team-problem" : "status"}>
                  {t(`broadcasts.status.${b.status}`)}
                </span>
              }
              onClick={() => push("broadcast", { id: b.id })}
              data-testid={`broadcast-row-${b.id}`}
            >
              {b.preview}
            </Cell>
          ))}
        </Section>
      )}
    </List>
  );
}
