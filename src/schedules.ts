import type { Container } from "./container.js";
import type { Logger } from "./logger.js";
import { createScheduler, type Scheduler } from "./infra/scheduler/scheduler.js";
import { everyMinutes } from "./infra/scheduler/every.js";
import type { Clock } from "./infra/clock/clock.js";
import { SHARED_SETTINGS_CACHE_MS, type SettingKey } from "./features/settings/settings.service.js";
import { createJobWorker, type JobQueue } from "./features/jobs/job-queue.js";
import type { NotificationsService } from "./features/notifications/notifications.service.js";
import type { ChannelRegistry } from "./features/channels/channel-registry.js";
import { BROADCAST_JOB, type Broadcasts } from "./features/notifications/broadcast.service.js";
import { PLACE_ORDER_JOB, type FulfilmentService } from "./features/fulfilment/fulfilment.service.js";
import { STARS_REFUND_JOB } from "./features/orders/orders.refund-payout.js";
import type { StarsPayments } from "./features/payments/payments.stars.js";
import { pruneFinishedJobs } from "./features/jobs/jobs.housekeeping.js";
import { pruneHandledUpdates } from "./bot/update-dedupe.middleware.js";

/**
 * Every piece of background work in one place: the job worker's handlers and lanes (built with the
 * container, so the CLI and the tests run jobs the same way) and every recurring schedule (started
 * by the app once the bot runs). A schedule or lane added here is live wherever the shop runs.
 */

/** The job worker: which handler runs each job kind, and the lanes that keep kinds apart. */
export function createJobWorkerWithLanes(deps: {
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  channels: ChannelRegistry;
  notifications: NotificationsService;
  fulfilment: FulfilmentService;
  stars: StarsPayments;
  broadcasts: Broadcasts;
}) {
  const { channels, notifications, fulfilment, stars, broadcasts } = deps;
  // Each message channel's notices on a lane of its own (Telegram's is `messages`, kind `notify`),
  // so a slow or failing channel never holds up another, nor the money path.
  const channelLanes = channels
    .list()
    .map((c) => ({ name: c.lane.name, kinds: [c.lane.jobKind], concurrency: c.lane.concurrency }));
  return createJobWorker({
    queue: deps.queue,
    clock: deps.clock,
    logger: deps.logger,
    handlers: {
      ...Object.fromEntries(
        channels.list().map((c) => [c.lane.jobKind, (payload: unknown) => notifications.deliver(payload)]),
      ),
      [PLACE_ORDER_JOB]: (payload, job) => fulfilment.placeOrder(payload, job),
      [STARS_REFUND_JOB]: (payload) => stars.refund(payload),
      [BROADCAST_JOB]: (payload, job) => broadcasts.deliver(payload, job),
    },
    // Messages go out one at a time per channel, in order; supplier calls may overlap.
    lanes: [
      ...channelLanes,
      { name: "supplier", kinds: [PLACE_ORDER_JOB], concurrency: 4 },
      { name: "refunds", kinds: [STARS_REFUND_JOB], concurrency: 1 },
      // Broadcasts on a lane of their own (paced by the broadcasts' pacer), so a big one never
      // holds up payment and order notices on the messages lane.
      { name: "broadcasts", kinds: [BROADCAST_JOB], concurrency: 4 },
    ],
  });
}

export interface ScheduleOptions {
  /** The sandbox's suppliers finish in seconds: status sync follows their pace instead of the setting. */
  statusSyncCron?: string;
  /** Tests watch what is registered; the app uses the real one. */
  scheduler?: Scheduler;
}

export interface RunningSchedules {
  scheduler: Scheduler;
  stop(): void;
}

/** Starts every recurring job: the fixed ones and those the shop's settings decide. */
export async function startSchedules(
  container: Container,
  logger: Logger,
  options: ScheduleOptions = {},
): Promise<RunningSchedules> {
  // Every instance on PostgreSQL fires every tick; the claim of (schedule, tick) lets one run it.
  const { cluster } = container;
  const scheduler =
    options.scheduler ??
    createScheduler(
      logger,
      undefined,
      cluster.shared ? { claimTick: (name, tick) => cluster.claimOnce(`schedule:${name}`, tick.toISOString()) } : {},
    );
  const reconciler = container.reconciler;
  if (reconciler) scheduler.register("payments-reconcile", "* * * * *", () => reconciler.reconcileOpenPayments());
  const settingSchedules = await registerSettingSchedules(scheduler, container, logger);
  // Same job name, so it replaces the setting's one.
  if (options.statusSyncCron)
    scheduler.register("status-sync", options.statusSyncCron, () => container.statusSync.syncAll());
  scheduler.register("refill-sync", "*/10 * * * *", () => container.aftercare.syncRefills());
  scheduler.register("stars-expiry", "* * * * *", () => container.stars.expireStale());
  scheduler.register("unpaid-orders-expiry", "*/5 * * * *", () => container.payments.expireAbandonedOrders());
  scheduler.register("housekeeping", "17 3 * * *", async () => {
    await pruneFinishedJobs(container.db, container.clock);
    await pruneHandledUpdates(container.db, container.clock.now());
    await container.transcripts.prune();
    await container.handoff.prune();
    await container.assistant.pruneUsage();
    await cluster.pruneClaims();
    await cluster.pruneLeases();
    await cluster.pruneCounters();
  });
  // Several instances: a setting changed on another instance reschedules here too, within seconds.
  const settingsWatch = cluster.shared
    ? setInterval(
        () =>
          void container.settings
            .refresh()
            .catch((error: unknown) => logger.warn({ err: error }, "cannot re-read settings")),
        SHARED_SETTINGS_CACHE_MS,
      )
    : undefined;
  settingsWatch?.unref();
  return {
    scheduler,
    stop() {
      clearInterval(settingsWatch);
      settingSchedules.stop();
      scheduler.stopAll();
    },
  };
}

/**
 * The schedules that shop settings decide: supplier status sync (every N minutes) and the catalog
 * re-sync (a cron). They are registered from the current settings, and again whenever the admin
 * app changes one, so a change applies without a restart (the scheduler replaces a job of the same
 * name; a run already under way finishes).
 */
export async function registerSettingSchedules(
  scheduler: Scheduler,
  container: Pick<Container, "settings" | "statusSync" | "catalogResync" | "supplierFunds" | "fulfilment">,
  logger: Logger,
): Promise<{ stop(): void }> {
  const { settings } = container;
  const schedules: Partial<Record<SettingKey, () => Promise<void>>> = {
    "fulfilment.status_sync_minutes": async () =>
      scheduler.register("status-sync", everyMinutes(await settings.get("fulfilment.status_sync_minutes")), () =>
        container.statusSync.syncAll(),
      ),
    // Orders waiting for a supplier's funds resume (or are refunded past the deadline); unknown
    // placements at suppliers that dedupe on our reference are asked again.
    "fulfilment.funds_check_minutes": async () =>
      scheduler.register(
        "supplier-funds",
        everyMinutes(await settings.get("fulfilment.funds_check_minutes")),
        async () => {
          await container.supplierFunds.checkAll();
          await container.fulfilment.resolveUnknownAutomatically();
        },
      ),
    "catalog.sync_cron": async () =>
      scheduler.register("catalog-resync", await settings.get("catalog.sync_cron"), () =>
        container.catalogResync.syncAll(),
      ),
  };
  for (const register of Object.values(schedules)) await register!();
  let stopped = false;
  settings.onChange((key) => {
    const register = schedules[key];
    if (!register || stopped) return;
    register().then(
      () => logger.info({ setting: key }, "schedule follows the new setting"),
      (error: unknown) =>
        logger.error({ err: error, setting: key }, "cannot reschedule after a settings change; the old schedule stays"),
    );
  });
  return {
    stop() {
      stopped = true;
    },
  };
}
