import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError, errorMessage } from "../../shared/errors.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { CatalogService, ImportReport } from "./catalog.service.js";

export interface ResyncResult {
  provider: string;
  report?: ImportReport;
  error?: string;
}

/**
 * The scheduled re-sync: every active supplier's list, applied like an import. Admins hear about
 * what changed (new, removed, repriced services, and any no longer sold because their fixed price
 * fell below the new cost) and about suppliers that could not be read.
 */
export function createCatalogResync(deps: {
  db: Db;
  logger: Logger;
  catalog: CatalogService;
  providers: ProvidersService;
  notifications: NotificationsService;
}) {
  const { db, logger, catalog, providers, notifications } = deps;
  const mids = (changes: Array<{ mid: number }>) =>
    changes
      .slice(0, 10)
      .map((c) => c.mid)
      .join(", ") + (changes.length > 10 ? " …" : "");

  return {
    async syncAll(trigger = "schedule"): Promise<ResyncResult[]> {
      const results: ResyncResult[] = [];
      for (const provider of await providers.list()) {
        if (!provider.active) continue;
        try {
          // A later supplier's new services wait for review here too, as they do from the app.
          const newServices = (await catalog.reviewByDefault(provider.id)) ? "review" : "sale";
          const report = await catalog.importFromProvider(provider.name, trigger, { newServices });
          results.push({ provider: provider.name, report });
          if (report.imported + report.removed + report.repriced + report.disabledBelowCost === 0) continue;
          await db.transaction().execute(async (trx) => {
            await notifications.toAdmins(trx, {
              key: "admin-catalog-sync",
              vars: {
                provider: provider.name,
                imported: report.imported,
                removed: report.removed,
                repriced: report.repriced,
                skipped: report.skipped.length,
              },
            });
            if (report.underReview > 0)
              await notifications.toAdmins(trx, {
                key: "admin-catalog-review",
                vars: { provider: provider.name, count: report.underReview },
              });
            if (report.disabledBelowCost > 0) {
              await notifications.toAdmins(trx, {
                key: "admin-catalog-below-cost",
                vars: { provider: provider.name, count: report.disabledBelowCost, mids: mids(report.changes.disabled) },
              });
            }
          });
        } catch (error) {
          results.push({ provider: provider.name, error: errorMessage(error) });
          logger.warn({ err: error, provider: provider.name }, "catalog re-sync failed");
          // A currency hold was announced once when it began (providers service); not again at every re-sync.
          if (error instanceof AppError && error.code === "providers.currency") continue;
          await db.transaction().execute((trx) =>
            notifications.toAdmins(trx, {
              key: "admin-catalog-sync-failed",
              vars: { provider: provider.name, message: errorMessage(error) },
            }),
          );
        }
      }
      return results;
    },
  };
}

export type CatalogResync = ReturnType<typeof createCatalogResync>;
