import "./team-areas.css";
import { Cell, List, Progress, Section } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ConfirmCell } from "../components/ConfirmCell";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useEvery } from "../use-every";
import { useLoad } from "../use-api";
import { audienceLabel } from "./broadcast-format";
import { personLabel, type Broadcast, type BroadcastAnswer, type RecipientStatus } from "./team.types";

/** How often a broadcast still sending is asked how far it got. */
const REFRESH_MS = 1_000;
const COUNTS: RecipientStatus[] = ["sent", "failed", "blocked", "canceled", "pending"];

/** Loaded, a broadcast names who started and stopped it; the cancel answer carries only their ids. */
type Shown = BroadcastAnswer & Partial<Pick<Broadcast, "createdByName" | "canceledByName">>;

/**
 * One broadcast: a progress bar with sent / failed / blocked counts, refreshed while it sends, and
 * stopping it (customers not reached yet then get nothing).
 */
export function BroadcastProgress() {
  const { t, number, dateTime } = useI18n();
  const { route } = useNavigation();
  const id = Number(route.params.id);
  const loaded = useLoad(() => api<Broadcast>(`/broadcasts/${id}`), [id]);
  const [view, setView] = useState<Shown | undefined>(undefined);
  useEffect(() => {
    if (loaded.data) setView(loaded.data);
  }, [loaded.data]);
  useEvery(REFRESH_MS, loaded.reload, view?.status === "sending");
  const cancel = useAction<BroadcastAnswer>(setView);

  if (!view) return loaded.error ? <ErrorNote error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  const processed = view.total - view.counts.pending;
  const percent = view.total === 0 ? 100 : Math.floor((processed / view.total) * 100);

  return (
    <List>
      <Section
        header={t("broadcast.title", { id: view.id })}
        footer={view.status === "sending" ? t("broadcast.progress.hint") : undefined}
      >
        <Cell
          after={
            <span
              className={view.status === "canceled" ? "status team-problem" : "status"}
              data-testid="broadcast-status"
            >
              {t(`broadcasts.status.${view.status}`)}
            </span>
          }
        >
          {audienceLabel(t, view.audience)}
        </Cell>
        <div className="team-progress">
          <Progress value={percent} data-testid="broadcast-progress" data-percent={percent} />
          <div className="team-progress-text" data-testid="broadcast-processed">
            {t("broadcast.progress.text", { done: number(processed), total: number(view.total) })}
          </div>
        </div>
        {COUNTS.filter((c) => c !== "canceled" || view.counts.canceled > 0).map((c) => (
          <Cell key={c} after={<strong data-testid={`broadcast-count-${c}`}>{number(view.counts[c])}</strong>}>
            {t(`broadcast.count.${c}`)}
          </Cell>
        ))}
      </Section>

      <Section header={t("broadcast.message")}>
        <Cell
          multiline
          subhead={t("broadcast.created", {
            at: dateTime(view.createdAt),
            who: personLabel(view.createdByName, view.createdBy),
          })}
          description={
            [
              view.finishedAt !== null ? t("broadcast.finished", { at: dateTime(view.finishedAt) }) : "",
              view.canceledBy
                ? t("broadcast.canceled_by", { who: personLabel(view.canceledByName, view.canceledBy) })
                : "",
            ]
              .filter(Boolean)
              .join(" · ") || undefined
          }
        >
          <span className="chat-text">{view.preview}</span>
        </Cell>
      </Section>

      {view.status === "sending" && (
        <Section>
          <ConfirmCell
            destructive
            label={t("broadcast.cancel")}
            question={t("broadcast.cancel.confirm")}
            disabled={cancel.busy}
            onConfirm={() => cancel.run(() => api<BroadcastAnswer>(`/broadcasts/${id}/cancel`, { method: "POST" }))}
            testId="broadcast-cancel"
          />
        </Section>
      )}
      {cancel.error !== undefined && <ErrorNote error={cancel.error} />}
    </List>
  );
}
