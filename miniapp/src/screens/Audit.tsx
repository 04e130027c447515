import { Cell, Input, List, Section } from "@telegram-apps/telegram-ui";
import { api } from "../api";
import { Pager } from "../components/Pager";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useNavigation } from "../navigation";
import { useLoad } from "../use-api";
import { useDebounced } from "../use-debounced";
import { useStickyState } from "../use-sticky-state";
import { auditFieldLabel } from "./wording-format";
import { actorLabel, type AuditEntry, type Page } from "./orders.types";

/** "order.refund" → "Refund"; an action with no text of its own shows as recorded. */
export function auditActionLabel(
  t: (key: string, vars?: Record<string, string | number>) => string,
  action: string,
): string {
  const key = `audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

/** The screen a subject opens, when there is one ("order:12" → the order). */
function subjectScreen(subject: string): { screen: string; id: number } | undefined {
  const match = /^(order|customer):(\d+)$/.exec(subject);
  return match ? { screen: match[1]!, id: Number(match[2]) } : undefined;
}

/**
 * Who changed what and why, newest first: filter by subject ("order:12", "customer:3", or a whole
 * kind like "provider") and by actor. Before and after are shown field by field; secrets never
 * reach the app (the server hides them), only the fact that they changed.
 */
export function Audit() {
  const { t, dateTime, number } = useI18n();
  const { route, push } = useNavigation();
  const fixed = typeof route.params.subject === "string" ? route.params.subject : undefined;
  const [state, setState] = useStickyState(`audit:${fixed ?? "all"}`, { subject: fixed ?? "", actor: "", page: 0 });
  const subject = useDebounced(state.subject);
  const actor = useDebounced(state.actor);
  const entries = useLoad(
    () => api<Page<AuditEntry>>("/audit", { query: { subject, actor, page: state.page, pageSize: 20 } }),
    [subject, actor, state.page],
  );
  // An order's status in words ("Diproses"), as the orders screens say it; other values as recorded.
  const fieldValue = (field: string, v: unknown) =>
    field === "status" && typeof v === "string" && t(`orders.status.${v}`) !== `orders.status.${v}`
      ? t(`orders.status.${v}`)
      : value(v);
  const value = (v: unknown) =>
    v === null || v === undefined || v === ""
      ? "–"
      : typeof v === "number"
        ? number(v)
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);

  return (
    <List>
      <Section footer={t("audit.filters.hint")}>
        <Input
          header={t("audit.subject")}
          placeholder="order:12"
          value={state.subject}
          onChange={(e) => setState((s) => ({ ...s, subject: e.target.value, page: 0 }))}
          data-testid="audit-subject"
        />
        <Input
          header={t("audit.actor")}
          placeholder="telegram:12345"
          value={state.actor}
          onChange={(e) => setState((s) => ({ ...s, actor: e.target.value, page: 0 }))}
          data-testid="audit-actor"
        />
      </Section>
      {entries.error ? (
        <ErrorNote error={entries.error} onRetry={entries.reload} />
      ) : !entries.data ? (
        <Loading />
      ) : (
        <Section header={t("audit.found", { count: entries.data.total })} data-testid="audit-list">
          {entries.data.items.length === 0 && <Cell>{t("app.none")}</Cell>}
          {entries.data.items.map((e) => {
            const opens = subjectScreen(e.subject);
            const changed = e.changes.filter((c) => c.changed);
            return (
              <Cell
                key={e.id}
                multiline
                subhead={`${e.subject} · ${dateTime(e.at)}`}
                subtitle={t("timeline.by", { who: actorLabel(t, e) })}
                onClick={opens ? () => push(opens.screen, { id: opens.id }) : undefined}
                data-testid={`audit-entry-${e.id}`}
                description={
                  <span className="audit-detail">
                    {e.reason && <span className="audit-reason">“{e.reason}”</span>}
                    {changed.map((c) => (
                      <span key={c.field} className="audit-change">
                        {auditFieldLabel(t, c.field)}:{" "}
                        {c.hidden
                          ? t("audit.hidden")
                          : `${fieldValue(c.field, c.before)} → ${fieldValue(c.field, c.after)}`}
                      </span>
                    ))}
                  </span>
                }
              >
                {auditActionLabel(t, e.action)}
              </Cell>
            );
          })}
          <Pager
            page={entries.data.page}
            pageSize={entries.data.pageSize}
            total={entries.data.total}
            onPage={(page) => setState((s) => ({ ...s, page }))}
            testId="audit-pager"
          />
        </Section>
      )}
    </List>
  );
}
