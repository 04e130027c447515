import type { Container } from "./container.js";
import type { Logger } from "./logger.js";
import type { Scheduler } from "./infra/scheduler/scheduler.js";
import { everyMinutes } from "./infra/scheduler/every.js";
import type { SettingKey } from "./features/settings/settings.service.js";

/**
 * The schedules that shop settings decide: supplier status sync (every N minutes) and the catalog
 * re-sync (a cron). They are registered from the current settings, and again whenever the admin
 * app changes one, so a change applies without a restart (the scheduler replaces a job of the same
 * name; a run already under way finishes).
 */
export async function registerSettingSchedules(scheduler: Scheduler, container: Pick<Container, "settings" | "statusSync" | "catalogResync" | "supplierFunds" | "fulfilment">, logger: Logger): Promise<{ stop(): void }> {
  const { settings } = container;
  const schedules: Partial<Record<SettingKey, () => Promise<void>>> = {
    "fulfilment.status_sync_minutes": async () => scheduler.register("status-sync", everyMinutes(await settings.get("fulfilment.status_sync_minutes")), () => container.statusSync.syncAll()),
    // Orders waiting for a supplier's funds resume (or are refunded past the deadline); unknown
    // placements at suppliers that dedupe on our reference are asked again.
    "fulfilment.funds_check_minutes": async () =>
      scheduler.register("supplier-funds", everyMinutes(await settings.get("fulfilment.funds_check_minutes")), async () => {
        await container.supplierFunds.checkAll();
        await container.fulfilment.resolveUnknownAutomatically();
      }),
    "catalog.sync_cron": async () => scheduler.register("catalog-resync", await settings.get("catalog.sync_cron"), () => container.catalogResync.syncAll()),
  };
  for (const register of Object.values(schedules)) await register!();
  let stopped = false;
  settings.onChange((key) => {
    const register = schedules[key];
    if (!register || stopped) return;
    register().then(
      () => logger.info({ setting: key }, "schedule follows the new setting"),
      (error: unknown) => logger.error({ err: error, setting: key }, "cannot reschedule after a settings change; the old schedule stays"),
    );
  });
  return {
    stop() {
      stopped = true;
    },
  };
}
