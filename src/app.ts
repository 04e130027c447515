import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { ALLOWED_UPDATES, createBot } from "./bot/index.js";
import type { BotContext } from "./bot/context.js";
import { registerCommands } from "./bot/commands.js";
import { createContainer, type Container, type ContainerOverrides } from "./container.js";
import { migrateToLatest } from "./infra/db/migrations.js";
import { startSchedules } from "./schedules.js";
import { createHttpApp } from "./server/http-app.js";
import { createAdminMenuButtons } from "./bot/menu-button.js";
import { listen } from "./server/listen.js";
import { registerWebhook, takePolling } from "./bot/update-source.js";
import { createSandbox, type Sandbox } from "./sandbox/index.js";
import { ensureSandboxSuppliers } from "./sandbox-setup.js";
import { rulesBrain } from "./sandbox-brain.js";
import { sandboxCatalog } from "./sandbox/smm/sample-catalog.js";
import { createChatModel } from "./infra/llm/chat-model.js";
import { createOpenAiClient } from "./infra/llm/openai-client.js";
import { SANDBOX_ADMIN } from "./sandbox/miniapp-launch.js";

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
export async function startApplication(
  baseConfig: Config,
  logger: Logger,
  overrides: ContainerOverrides = {},
): Promise<RunningApplication> {
  const localUrl = `http://127.0.0.1:${baseConfig.server.port}`;
  const sandbox =
    baseConfig.mode === "sandbox"
      ? createSandbox({
          notificationUrl: `${localUrl}/webhooks/midtrans`,
          openaiBrain: rulesBrain,
          dataDir: baseConfig.dataDir,
          supplierSeconds: baseConfig.sandbox.supplierSeconds,
          smm: { catalog: sandboxCatalog() },
        })
      : undefined;
  const config: Config = sandbox ? sandboxConfig(baseConfig, sandbox, localUrl) : baseConfig;
  sandbox?.setBaseUrl(`${localUrl}/sandbox`);

  const container = createContainer(
    config,
    logger,
    sandbox ? { chat: sandboxChatModel(sandbox, localUrl, config), ...overrides } : overrides,
  );
  const { applied } = await migrateToLatest(container.database);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  if (container.masterKey.origin === "generated")
    logger.warn(
      { path: container.masterKey.path },
      "MASTER_KEY not set: generated one for this machine; set MASTER_KEY before going live",
    );

  // One poller per bot: on a shared database a second polling instance refuses to start, before it listens.
  const webhookMode = config.telegram.botMode === "webhook";
  const polling = webhookMode
    ? undefined
    : await takePolling(container.cluster, logger).catch(async (error: unknown) => {
        sandbox?.close();
        await container.close();
        throw error;
      });

  const bot = createBot({ api: container.telegram, deps: botDeps(container), i18n: container.i18n });
  const app = createHttpApp(container, {
    ...(sandbox ? { sandbox: sandbox.app } : {}),
    ...(webhookMode
      ? { telegramWebhook: webhookCallback(bot, "hono", { secretToken: config.telegram.webhookSecret! }) }
      : {}),
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
    if (disabled > 0)
      logger.warn({ disabled }, "disabled the sandbox supplier: a live bot never sells through the simulator");
  }
  // The search index follows catalog changes from here on; this pass builds it for a shop that had
  // none and catches up with anything changed while the bot was down. In the background: with
  // OpenAI embeddings a first build of a big catalog takes a while, and the bot answers meanwhile.
  void container.knowledge.sync().then(
    (report) => logger.info({ services: report.services, faq: report.faq }, "knowledge index in sync"),
    (error: unknown) =>
      logger.warn({ err: error }, "knowledge index sync at start-up failed; searches build it on first use"),
  );
  await registerCommands(bot, logger);
  // Staff get a menu button that opens the admin app (https only), now and whenever staff change.
  const menuButtons = createAdminMenuButtons({
    api: bot.api,
    admins: container.admins,
    publicUrl: config.server.publicUrl,
    label: "Admin",
    logger,
  });
  await menuButtons.sync();
  container.admins.onChanged(() => void menuButtons.sync());

  let runner: RunnerHandle | undefined;
  if (webhookMode) {
    // Several instances on PostgreSQL: registered by one of them, not by every start (update-source.ts).
    await registerWebhook(
      bot.api,
      container.cluster,
      {
        url: `${config.server.publicUrl}/webhooks/telegram`,
        secretToken: config.telegram.webhookSecret!,
        allowedUpdates: ALLOWED_UPDATES,
      },
      logger,
    );
  } else {
    await bot.api
      .deleteWebhook()
      .catch((error: unknown) => logger.warn({ err: error }, "cannot remove an old webhook"));
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }
  const released = await container.queue.releaseAfterRestart();
  if (released > 0) logger.warn({ released }, "jobs interrupted by a previous crash are taken again");
  container.worker.start();

  // Sandbox suppliers finish in seconds: status sync asks them at their pace.
  const schedules = await startSchedules(
    container,
    logger,
    sandbox ? { statusSyncCron: sandbox.pace.statusSyncCron } : {},
  );

  logger.info(
    {
      url,
      mode: config.mode,
      botMode: config.telegram.botMode,
      bot: bot.botInfo.username,
      instance: container.cluster.instanceId,
      database: container.dialect,
    },
    "shop bot running",
  );
  let stopped = false;
  return {
    url,
    container,
    bot,
    sandbox,
    async stop() {
      if (stopped) return;
      stopped = true;
      schedules.stop();
      if (runner?.isRunning()) await runner.stop();
      await polling
        ?.release()
        .catch((error: unknown) =>
          logger.warn({ err: error }, "cannot hand the polling lease back; it runs out by itself"),
        );
      sandbox?.close();
      await server.close();
      // A first index build with OpenAI embeddings can take minutes: stop it; the next start resumes from the embedding cache.
      await container.knowledge.stop();
      await container.close();
    },
  };
}

/** Without OPENAI_API_KEY the sandbox's assistant reads through the OpenAI stand-in, so the LLM path runs too. */
function sandboxChatModel(sandbox: Sandbox, localUrl: string, config: Config) {
  const client = createOpenAiClient({
    apiKey: sandbox.openai.apiKey,
    baseUrl: `${localUrl}/sandbox/openai/v1`,
    timeoutMs: config.openai.timeoutMs,
    maxRetries: config.openai.maxRetries,
  });
  return createChatModel(client, config.openai.model, { limitField: "max_tokens" });
}

function sandboxConfig(config: Config, sandbox: Sandbox, localUrl: string): Config {
  return {
    ...config,
    telegram: {
      ...config.telegram,
      token: sandbox.telegram.token,
      apiRoot: `${localUrl}/sandbox/telegram`,
      botMode: "polling",
    },
    midtrans: {
      ...config.midtrans,
      serverKey: sandbox.midtrans.serverKey,
      isProduction: false,
      apiUrl: `${localUrl}/sandbox/midtrans`,
    },
    server: { ...config.server, publicUrl: config.server.publicUrl ?? localUrl },
    // The sandbox's owner may open the admin app (from /sandbox/admin).
    adminTelegramIds: [...new Set([...config.adminTelegramIds, SANDBOX_ADMIN.id])],
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
    settings: c.settings,
    transcripts: c.transcripts,
    handoff: c.handoff,
    assistant: c.assistant,
    knowledge: c.knowledge,
    adminTelegramIds: c.config.adminTelegramIds,
    admins: c.admins,
    adminStats: c.adminStats,
    providers: c.providers,
    orderAdmin: c.orderAdmin,
    orderDetail: c.orderDetail,
    customerRefunds: c.customerRefunds,
    audit: c.audit,
    botTexts: c.botTexts,
    chatLocks: c.chatLocks,
    sharedCounters: c.sharedCounters,
    config: c.config,
  };
}
