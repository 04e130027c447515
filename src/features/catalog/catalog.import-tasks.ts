import { randomId, type Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError, errorMessage } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { CatalogService, ImportProgress, ImportReport, NewServicesState } from "./catalog.service.js";

export type ImportTaskState = "running" | "done" | "failed";

/** An import started from the admin app, as the app polls it. */
export interface ImportTask {
  id: string;
  providerId: number;
  provider: string;
  actor: string;
  state: ImportTaskState;
  progress: ImportProgress;
  /** 0–100, for the progress bar: fetching and checking take the first tenth, writing the rest. */
  percent: number;
  startedAt: number;
  finishedAt: number | null;
  report: (ImportReport & { syncId: number }) | null;
  error: string | null;
  /** Whether new services go on sale at once or wait for review, and whether the admin chose it or the default did. */
  newServices: NewServicesState;
  newServicesChosen: boolean;
}

/** Finished tasks kept for the app to read back; older ones are in `catalog_syncs` (counts only). */
const KEEP_FINISHED = 20;

export function percentOf(progress: ImportProgress): number {
  switch (progress.phase) {
    case "fetching":
      return 2;
    case "validating":
      return 8;
    case "writing":
      return progress.total === 0 ? 10 : 10 + Math.floor((90 * progress.written) / progress.total);
    case "done":
      return 100;
  }
}

/**
 * Imports (or re-syncs) a supplier's catalog in the background for the admin app: `start` answers
 * at once with a task id, and the app polls `get(id)` for the progress and, at the end, the report
 * with every skipped row and its reason. One import per supplier at a time: a second start is a
 * 409 while one runs (here or as the scheduled re-sync). Tasks live in this process's memory; a
 * restart loses the running one, and its `catalog_syncs` row stays unfinished.
 */
export function createImportTasks(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  catalog: CatalogService;
  providers: ProvidersService;
  audit: AuditService;
}) {
  const { db, clock, logger, catalog, providers, audit } = deps;
  const tasks = new Map<string, ImportTask>();
  /** Set before the first await of a start, so two quick starts cannot both pass the check. */
  const starting = new Set<number>();

  const forget = () => {
    const finished = [...tasks.values()].filter((t) => t.state !== "running").sort((a, b) => b.startedAt - a.startedAt);
    for (const task of finished.slice(KEEP_FINISHED)) tasks.delete(task.id);
  };

  const run = async (task: ImportTask): Promise<void> => {
    try {
      const report = await catalog.importFromProvider(task.provider, "admin", {
        newServices: task.newServices,
        onProgress: (progress) => {
          task.progress = progress;
          task.percent = percentOf(progress);
        },
      });
      const counts = {
        received: report.received,
        imported: report.imported,
        underReview: report.underReview,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        repriced: report.repriced,
        disabledBelowCost: report.disabledBelowCost,
        skipped: report.skipped.length,
      };
      // Audited before the task reads "done", so whoever sees it done also finds it in the audit log.
      await audit.record(db, {
        actor: task.actor,
        action: "catalog.import",
        subject: `provider:${task.providerId}`,
        after: counts,
      });
      task.progress = { ...task.progress, phase: "done", written: task.progress.total };
      task.percent = 100;
      task.report = report;
      task.state = "done";
    } catch (error) {
      task.state = "failed";
      task.error = errorMessage(error);
      logger.warn({ err: error, provider: task.provider, taskId: task.id }, "catalog import from the admin app failed");
    } finally {
      task.finishedAt = clock.now();
      starting.delete(task.providerId);
      forget();
    }
  };

  return {
    /**
     * Starts an import of supplier `providerId`; the promise settles once it is under way. New
     * services go on sale, or wait for review: as `options.review` says, else as the catalog's
     * default (review once another supplier's services are in the shop).
     */
    start(providerId: number, actor: string, options: { review?: boolean | undefined } = {}): Promise<ImportTask> {
      const busy = () =>
        new AppError(
          "catalog.import_running",
          "an import of this supplier is already running; wait for it to finish before starting another",
        );
      if (starting.has(providerId) || catalog.importRunningSince(providerId) !== undefined)
        return Promise.reject(busy());
      starting.add(providerId);
      return (async () => {
        const provider = await providers.getById(providerId);
        if (!provider) {
          starting.delete(providerId);
          throw new AppError("providers.not_found", `no supplier with id ${providerId}`);
        }
        const now = clock.now();
        const review = options.review ?? (await catalog.reviewByDefault(providerId));
        const task: ImportTask = {
          id: randomId("imp_"),
          providerId,
          provider: provider.name,
          actor,
          state: "running",
          progress: { phase: "fetching", fetched: 0, validated: 0, skipped: 0, written: 0, total: 0 },
          percent: 0,
          startedAt: now,
          finishedAt: null,
          report: null,
          error: null,
          newServices: review ? "review" : "sale",
          newServicesChosen: options.review !== undefined,
        };
        tasks.set(task.id, task);
        // Not awaited: the import goes on after the request that started it has been answered.
        void run(task);
        return { ...task };
      })();
    },

    get(id: string): ImportTask | undefined {
      const task = tasks.get(id);
      return task ? { ...task } : undefined;
    },

    /** Newest first; only `providerId`'s when given. */
    list(providerId?: number): ImportTask[] {
      return [...tasks.values()]
        .filter((t) => providerId === undefined || t.providerId === providerId)
        .sort((a, b) => b.startedAt - a.startedAt)
        .map((t) => ({ ...t }));
    },

    /** Resolves once no task is running (tests, shutdown). */
    async settled(): Promise<void> {
      while ([...tasks.values()].some((t) => t.state === "running"))
        await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

export type ImportTasks = ReturnType<typeof createImportTasks>;
