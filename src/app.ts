import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { ALLOWED_UPDATES, createBot } from "./bot/index.js";
import type { BotContext } from "./bot/context.js";
import { registerCommands } from "./bot/commands.js";
import { createTelegramSender } from "./bot/telegram-sender.js";
import { createContainer, type Container, type ContainerOverrides } from "./container.js";
import { createSupplierCallbackRoutes } from "./features/fulfilment/fulfilment.api.js";
import { createPaymentsRoutes } from "./features/payments/payments.api.js";
import { migrateToLatest } from "./infra/db/migrations.js";
import { createScheduler } from "./infra/scheduler/scheduler.js";
import { everyMinutes } from "./infra/scheduler/every.js";
import { createServer } from "./server/index.js";
import { listen } from "./server/listen.js";
import { createSandbox, type Sandbox } from "./sandbox/index.js";
import { ensureSandboxSuppliers } from "./sandbox-setup.js";
import { pruneFinishedJobs } from "./features/jobs/jobs.housekeeping.js";
import { pruneHandledUpdates } from "./bot/update-dedupe.middleware.js";

export interface RunningApplication {
  /** Where the HTTP server listens, e.g. http://127.0.0.1:3000 */
  url: string;
  container: Container;
  bot: Bot<BotContext>;
  sandbox: Sandbox | undefined;
  stop(): Promise<void>;
}

/**
 * Start-up order: (sandbox) → container → migrations → HTTP server → bot → worker and schedules.
 * Without a bot token everything outside runs as local simulators mounted under /sandbox, and the
 * same code talks to them through configuration only.
 */
export async function startApplication(baseConfig: Config, logger: Logger, overrides: ContainerOverrides = {}): Promise<RunningApplication> {
  const localUrl = `http://127.0.0.1:${baseConfig.server.port}`;
  const sandbox = baseConfig.mode === "sandbox" ? createSandbox({ notificationUrl: `${localUrl}/webhooks/midtrans` }) : undefined;
  const config: Config = sandbox ? sandboxConfig(baseConfig, sandbox, localUrl) : baseConfig;
  sandbox?.setBaseUrl(`${localUrl}/sandbox`);

  const container = createContainer(config, logger, overrides);
  const { applied } = await migrateToLatest(container.db, container.database.sqlite);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  if (container.masterKey.origin === "generated") logger.warn({ path: container.masterKey.path }, "MASTER_KEY not set: generated one for this machine; set MASTER_KEY before going live");

  const bot = createBot({ token: config.telegram.token!, apiRoot: config.telegram.apiRoot, deps: botDeps(container), i18n: container.i18n });
  container.notifications.bindSender(createTelegramSender(bot.api));
  container.stars.bindApi({ refundStarPayment: async (userId, chargeId) => void (await bot.api.refundStarPayment(userId, chargeId)) });
  const webhookMode = config.telegram.botMode === "webhook";
  const app = createServer({
    db: container.db,
    logger,
    routes: [
      { path: "/webhooks", app: createPaymentsRoutes(container.midtransWebhook) },
      { path: "/webhooks", app: createSupplierCallbackRoutes(container.supplierCallbacks) },
      ...(sandbox ? [{ path: "/sandbox", app: sandbox.app }] : []),
    ],
    ...(webhookMode ? { telegramWebhook: webhookCallback(bot, "hono", { secretToken: config.telegram.webhookSecret! }) } : {}),
  });

  // In webhook mode Telegram may call as soon as we listen, so the bot must know itself first; the
  // sandbox must listen first, because the bot's getMe goes to the emulator it serves.
  if (!sandbox) await bot.init();
  const server = await listen(app, config.server.host, config.server.port);
  const url = `http://${config.server.host === "0.0.0.0" ? "127.0.0.1" : config.server.host}:${server.port}`;

  if (sandbox) {
    await ensureSandboxSuppliers(container, sandbox, `${localUrl}/sandbox`, localUrl, logger);
    await bot.init();
  } else {
    const disabled = await container.providers.disableSandboxProviders();
    if (disabled > 0) logger.warn({ disabled }, "disabled the sandbox supplier: a live bot never sells through the simulator");
  }
  await registerCommands(bot, logger);

  let runner: RunnerHandle | undefined;
  if (webhookMode) {
    await bot.api.setWebhook(`${config.server.publicUrl}/webhooks/telegram`, { secret_token: config.telegram.webhookSecret!, allowed_updates: [...ALLOWED_UPDATES] });
  } else {
    await bot.api.deleteWebhook().catch((error: unknown) => logger.warn({ err: error }, "cannot remove an old webhook"));
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }
  const released = await container.queue.releaseAfterRestart();
  if (released > 0) logger.warn({ released }, "jobs interrupted by a previous crash are taken again");
  container.worker.start();

  const scheduler = createScheduler(logger);
  if (container.reconciler) scheduler.register("payments-reconcile", "* * * * *", () => container.reconciler!.reconcileOpenPayments());
  scheduler.register("status-sync", everyMinutes(await container.settings.get("fulfilment.status_sync_minutes")), () => container.statusSync.syncAll());
  scheduler.register("refill-sync", "*/10 * * * *", () => container.aftercare.syncRefills());
  scheduler.register("stars-expiry", "* * * * *", () => container.stars.expireStale());
  scheduler.register("catalog-resync", await container.settings.get("catalog.sync_cron"), () => container.catalogResync.syncAll());
  scheduler.register("housekeeping", "17 3 * * *", async () => {
    await pruneFinishedJobs(container.db, container.clock);
    await pruneHandledUpdates(container.db, container.clock.now());
  });

  logger.info({ url, mode: config.mode, botMode: config.telegram.botMode, bot: bot.botInfo.username }, "shop bot running");
  let stopped = false;
  return {
    url,
    container,
    bot,
    sandbox,
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stopAll();
      if (runner?.isRunning()) await runner.stop();
      sandbox?.close();
      await server.close();
      await container.close();
    },
  };
}

function sandboxConfig(config: Config, sandbox: Sandbox, localUrl: string): Config {
  return {
    ...config,
    telegram: { ...config.telegram, token: sandbox.telegram.token, apiRoot: `${localUrl}/sandbox/telegram`, botMode: "polling" },
    midtrans: { ...config.midtrans, serverKey: sandbox.midtrans.serverKey, isProduction: false, apiUrl: `${localUrl}/sandbox/midtrans` },
    server: { ...config.server, publicUrl: config.server.publicUrl ?? localUrl },
  };
}

function botDeps(c: Container) {
  return {
    db: c.db,
    clock: c.clock,
    logger: c.logger,
    customers: c.customers,
    catalog: c.catalog,
    checkout: c.checkout,
    orders: c.orders,
    payments: c.payments,
    stars: c.stars,
    wallet: c.wallet,
    aftercare: c.aftercare,
    statusSync: c.statusSync,
    adminTelegramIds: c.config.adminTelegramIds,
  };
}
