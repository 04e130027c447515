import "./shop-areas.css";
import { ButtonCell, Cell, List, Progress, Section, Select } from "@telegram-apps/telegram-ui";
import { useEffect, useState } from "react";
import { api } from "../api";
import { ErrorNote, Loading } from "../components/Status";
import { useI18n } from "../i18n";
import { useMainButton } from "../main-button";
import { useNavigation } from "../navigation";
import { useAction } from "../use-action";
import { useLoad } from "../use-api";
import type { ImportReport, ImportTask } from "./shop-areas.types";
import type { SupplierList } from "./shop-areas.types";
import type { ImportOverview } from "./shop-areas.types";

/** How often the screen asks how far a running import got. */
const POLL_MS = 400;
/** Skipped rows shown before "show all": a bad supplier list can skip thousands. */
const SKIPPED_SHOWN = 50;

/**
 * Imports or re-syncs a supplier's catalog: the server runs it in the background, this screen polls
 * it for a progress bar and shows the report at the end, skipped rows with their reasons included.
 * Leaving and coming back picks a running import up again.
 */
export function Imports() {
  const { t, dateTime, number } = useI18n();
  const { route } = useNavigation();
  const [supplierId, setSupplierId] = useState<number | undefined>(
    route.params.supplierId === undefined ? undefined : Number(route.params.supplierId),
  );
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [task, setTask] = useState<ImportTask | undefined>(undefined);
  const suppliers = useLoad(() => api<SupplierList>("/suppliers"), []);
  const overview = useLoad(
    () =>
      supplierId === undefined
        ? Promise.resolve(undefined)
        : api<ImportOverview>("/imports", { query: { supplierId } }),
    [supplierId],
  );
  // New services on sale at once, or hidden until reviewed: the server's default until the admin picks.
  const [review, setReview] = useState<boolean | undefined>(undefined);
  const reviewChoice = review ?? overview.data?.reviewByDefault ?? false;
  const start = useAction<ImportTask>((started) => {
    setTask(started);
    setTaskId(started.id);
  });

  // A task already running for this supplier (started before the screen opened) is followed too.
  useEffect(() => {
    const running = overview.data?.tasks.find((x) => x.state === "running");
    if (running && !taskId) setTaskId(running.id);
  }, [overview.data, taskId]);

  useEffect(() => {
    if (!taskId) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<ImportTask>(`/imports/${taskId}`);
        if (!alive) return;
        setTask(next);
        if (next.state === "running") timer = setTimeout(poll, POLL_MS);
        else overview.reload();
      } catch {
        if (alive) timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [taskId]);

  const running = task?.state === "running";
  const resync = (overview.data?.history ?? []).some((h) => !h.error && h.finished_at !== null);
  useMainButton({
    text: running ? t("imports.running") : resync ? t("imports.resync") : t("imports.start"),
    visible: supplierId !== undefined,
    enabled: !running,
    loading: start.busy || running,
    onClick: () =>
      start.run(() => api<ImportTask>("/imports", { method: "POST", body: { supplierId, review: reviewChoice } })),
  });

  if (!suppliers.data)
    return suppliers.error ? <ErrorNote error={suppliers.error} onRetry={suppliers.reload} /> : <Loading />;
  const progress = task?.progress;

  return (
    <List>
      <Section footer={t("imports.hint")}>
        <Select
          header={t("imports.supplier")}
          value={supplierId ?? ""}
          disabled={running}
          onChange={(e) => {
            setSupplierId(e.target.value ? Number(e.target.value) : undefined);
            setReview(undefined);
            setTask(undefined);
            setTaskId(undefined);
          }}
          data-testid="imports-supplier"
        >
          <option value="">{t("imports.supplier.pick")}</option>
          {suppliers.data.suppliers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
        {supplierId !== undefined && overview.data && (
          <Select
            header={t("imports.new_services")}
            value={reviewChoice ? "review" : "sale"}
            disabled={running}
            onChange={(e) => setReview(e.target.value === "review")}
            data-testid="imports-new-services"
          >
            <option value="sale">{t("imports.new_services.sale")}</option>
            <option value="review">{t("imports.new_services.review")}</option>
          </Select>
        )}
        {supplierId !== undefined && overview.data && (
          <Cell multiline data-testid="imports-new-services-hint">
            <span className="shop-hint">
              {overview.data.reviewByDefault
                ? t("imports.new_services.default_review")
                : t("imports.new_services.default_sale")}
            </span>
          </Cell>
        )}
      </Section>

      {task && progress && (
        <Section header={task.provider}>
          <div className="shop-progress">
            <Progress value={task.percent} data-testid="imports-progress" data-percent={task.percent} />
            <div className="shop-progress-text" data-testid="imports-phase">
              {t(`imports.phase.${task.state === "done" ? "done" : progress.phase}`, {
                fetched: number(progress.fetched),
                written: number(progress.written),
                total: number(progress.total),
              })}
            </div>
          </div>
        </Section>
      )}
      {task?.state === "failed" && (
        <Section header={t("imports.failed")}>
          <Cell multiline data-testid="imports-error">
            <span className="shop-fail">{task.error}</span>
          </Cell>
        </Section>
      )}
      {start.error !== undefined && <ErrorNote error={start.error} />}
      {task?.report && <ImportReportView report={task.report} chosen={task.newServicesChosen} />}

      {supplierId !== undefined && (
        <Section header={t("imports.history")}>
          {overview.data?.history.length === 0 && <Cell>{t("imports.history.none")}</Cell>}
          {overview.data?.history.map((h) => (
            <Cell
              key={h.id}
              multiline
              subhead={`${dateTime(h.started_at)} · ${t(`imports.trigger.${h.trigger}`)}`}
              subtitle={h.error ? <span className="shop-fail">{h.error}</span> : undefined}
            >
              {h.finished_at === null
                ? t("imports.running")
                : t("supplier.history.row", {
                    imported: number(h.imported),
                    updated: number(h.updated),
                    removed: number(h.removed),
                    skipped: number(h.skipped),
                  })}
            </Cell>
          ))}
        </Section>
      )}
    </List>
  );
}

function ImportReportView(props: { report: ImportReport; chosen: boolean }) {
  const { t, number } = useI18n();
  const { push } = useNavigation();
  const [all, setAll] = useState(false);
  const r = props.report;
  const rows: Array<[string, number]> = [
    ["imports.report.received", r.received],
    ["imports.report.imported", r.imported],
    ["imports.report.review", r.underReview],
    ["imports.report.updated", r.updated],
    ["imports.report.unchanged", r.unchanged],
    ["imports.report.removed", r.removed],
    ["imports.report.repriced", r.repriced],
    ["imports.report.disabled", r.disabledBelowCost],
    ["imports.report.skipped", r.skipped.length],
  ];
  const shown = all ? r.skipped : r.skipped.slice(0, SKIPPED_SHOWN);
  return (
    <>
      <Section header={t("imports.report")} data-testid="imports-report">
        {rows.map(([key, value]) => (
          <Cell
            key={key}
            after={<strong data-testid={`imports-report-${key.split(".").at(-1)}`}>{number(value)}</strong>}
          >
            {t(key)}
          </Cell>
        ))}
        {r.imported > 0 && (
          <Cell multiline data-testid="imports-report-new-services">
            {r.newServices === "review"
              ? t(props.chosen ? "imports.report.new_review" : "imports.report.new_review_default", {
                  count: number(r.underReview),
                })
              : t("imports.report.new_sale", { count: number(r.imported) })}
          </Cell>
        )}
        {r.underReview > 0 && (
          <ButtonCell onClick={() => push("services", { state: "review" })} data-testid="imports-review-open">
            {t("imports.review.open")}
          </ButtonCell>
        )}
      </Section>
      {r.skipped.length > 0 && (
        <Section header={t("imports.skipped", { count: number(r.skipped.length) })} data-testid="imports-skipped">
          {shown.map((s) => (
            <Cell
              key={s.row}
              multiline
              subhead={[
                t("imports.skipped.row", { row: s.row }),
                s.providerServiceId ? t("imports.skipped.id", { id: s.providerServiceId }) : "",
              ]
                .filter(Boolean)
                .join(" · ")}
              subtitle={s.reason}
            >
              {t(`imports.skip.${s.code}`)}
            </Cell>
          ))}
          {!all && r.skipped.length > SKIPPED_SHOWN && (
            <ButtonCell onClick={() => setAll(true)}>
              {t("imports.skipped.more", { count: number(r.skipped.length) })}
            </ButtonCell>
          )}
        </Section>
      )}
    </>
  );
}
