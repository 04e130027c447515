import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createI18n, createTranslator } from "./bot/i18n.js";
import { createTelegramApi, telegramStarsApi } from "./bot/telegram-api.js";
import { createTelegramChannel } from "./bot/telegram-channel.js";
import { createChatLocks } from "./bot/chat-lock.middleware.js";
import { createChannelRegistry } from "./features/channels/channel-registry.js";
import { createCatalogResync } from "./features/catalog/catalog.job.js";
import { createImportTasks } from "./features/catalog/catalog.import-tasks.js";
import { createAdminStats } from "./features/admin/admin.stats.service.js";
import { createCatalogManagement } from "./features/catalog/catalog.management.js";
import { createCatalogService } from "./features/catalog/catalog.service.js";
import { createCheckoutService } from "./features/checkout/checkout.service.js";
import { createCustomersService } from "./features/customers/customers.service.js";
import { createFulfilmentService } from "./features/fulfilment/fulfilment.service.js";
import { createAftercare } from "./features/orders/orders.aftercare.js";
import { createRefunds } from "./features/orders/orders.refund-payout.js";
import { createStatusSync } from "./features/fulfilment/fulfilment.status-sync.js";
import { createSupplierFunds } from "./features/fulfilment/fulfilment.funds.js";
import { createSupplierCallbacks } from "./features/fulfilment/supplier-callbacks.js";
import { createJobQueue } from "./features/jobs/job-queue.js";
import { createNotificationsService } from "./features/notifications/notifications.service.js";
import { createJobWorkerWithLanes } from "./schedules.js";
import { knowledgeEmbedder } from "./features/knowledge/knowledge.embedder.js";
import { createKnowledgeService } from "./features/knowledge/knowledge.service.js";
import { knowledgeSearchBackend } from "./features/knowledge/knowledge.search-dialect.js";
import type { Embedder } from "./infra/llm/embedder.js";
import { createHandoffService } from "./features/assistant/handoff.service.js";
import { createTranscriptsService } from "./features/assistant/transcripts.service.js";
import { createAssistant } from "./features/assistant/assistant.service.js";
import { createChatModel, type ChatModel } from "./infra/llm/chat-model.js";
import { createOpenAiClient } from "./infra/llm/openai-client.js";
import { createOrdersService } from "./features/orders/orders.service.js";
import { createMidtransGateway } from "./features/payments/midtrans.gateway.js";
import { createMidtransSettings, midtransSettingsDescriptor } from "./features/payments/midtrans.settings.js";
import { createGatewaySettings } from "./features/payments/gateway-settings.service.js";
import { createPaymentConfirmation } from "./features/payments/payments.confirmation.js";
import { createPaymentReconciler } from "./features/payments/payments.job.js";
import { createOrderOpener } from "./features/orders/orders.opener.js";
import { createPaymentsService } from "./features/payments/payments.service.js";
import { createStarsPayments } from "./features/payments/payments.stars.js";
import { createAdminsService } from "./features/admin/admins.service.js";
import { createAuditService } from "./features/audit/audit.service.js";
import { createOrderAdmin } from "./features/orders/orders.admin.js";
import { createOrderDetail } from "./features/orders/orders.detail.js";
import { createCustomerRefunds } from "./features/orders/orders.refunds.js";
import { createManualOrders } from "./features/orders/orders.manual.js";
import { createOrderQueries } from "./features/orders/orders.queries.js";
import { createCustomerDirectory } from "./features/customers/customers.admin.js";
import { createWalletAdmin } from "./features/wallet/wallet.admin.js";
import { createPaymentWebhook } from "./features/payments/payments.webhook.js";
import { createPaymentGatewayRegistry } from "./features/payments/payment-gateways.js";
import { createProvidersService } from "./features/providers/providers.service.js";
import { createSettingsService, SHARED_SETTINGS_CACHE_MS } from "./features/settings/settings.service.js";
import { createSettingsAdmin } from "./features/settings/settings.admin.js";
import { createBotTexts } from "./features/settings/bot-texts.service.js";
import { createFaqAdmin } from "./features/settings/faq.admin.js";
import { createBroadcasts } from "./features/notifications/broadcast.service.js";
import { createPacer } from "./infra/clock/pacer.js";
import { createSharedPacer } from "./infra/clock/shared-pacer.js";
import { createCluster } from "./infra/db/cluster.js";
import { createWalletService } from "./features/wallet/wallet.service.js";
import { systemClock, type Clock } from "./infra/clock/clock.js";
import { resolveMasterKey } from "./infra/crypto/master-key.js";
import { createSecretBox } from "./infra/crypto/secret-box.js";
import { openDatabase } from "./infra/db/open-database.js";
import { createFailpoints } from "./infra/failpoints.js";
import { createCommits } from "./infra/db/group-commit.js";
import { createHttpClient, type HttpClient } from "./infra/http/http-client.js";

export interface ContainerOverrides {
  clock?: Clock;
  http?: HttpClient;
  /** The knowledge base's embedder (tests count its calls or point it at a fake server). */
  embedder?: Embedder;
  /** The assistant's chat model when OPENAI_API_KEY is not set (the sandbox's stand-in model). */
  chat?: ChatModel;
}

/**
 * Builds infra, then the feature services, as one plain object. The bot, the HTTP server, the CLI
 * and the tests all run on the same container, so an operator command and a chat run the same code.
 */
export function createContainer(config: Config, logger: Logger, overrides: ContainerOverrides = {}) {
  // DATABASE_URL picks SQLite (a file, one process) or PostgreSQL (a pool; several instances).
  const database = openDatabase(config.database.url, {
    poolSize: config.database.poolSize,
    onPoolError: (error) => logger.warn({ err: error }, "a PostgreSQL connection was lost; the pool opens a new one"),
  });
  const db = database.db;
  const clock = overrides.clock ?? systemClock();
  const http = overrides.http ?? createHttpClient();
  const masterKey = resolveMasterKey({
    hex: config.masterKeyHex,
    dataDir: config.dataDir,
    production: config.production,
  });
  const secretBox = createSecretBox(masterKey.key);
  const i18n = createI18n();
  const failpoints = createFailpoints(config.failpoints);

  // Instances cache settings briefly on a shared database, so a change made on one reaches the others.
  const settings = createSettingsService({
    db,
    clock,
    ...(database.dialect === "postgres" ? { cacheMs: SHARED_SETTINGS_CACHE_MS } : {}),
  });
  const audit = createAuditService({ db, clock });
  const customers = createCustomersService({ db, clock });
  // several instances: who this process is among those sharing the database, and how they agree.
  const cluster = createCluster({ db, clock, dialect: database.dialect });
  const queue = createJobQueue({ db, clock, holder: cluster.instanceId, leaseMs: config.jobs.leaseMs });
  const admins = createAdminsService({ db, clock, audit, ownerIds: config.adminTelegramIds });
  const transcripts = createTranscriptsService({ db, clock, customers, settings });
  // The shop's one Telegram client, built from the token before the bot (which adopts it): every
  // message the shop sends, on its own or as a reply, goes through it. Without a token (the CLI
  // before set-up) it exists too and fails only if something tries to send.
  const telegram = createTelegramApi({
    token: config.telegram.token ?? "",
    apiRoot: config.telegram.apiRoot,
    transcripts,
    adminTelegramIds: config.adminTelegramIds,
    logger,
  });
  // Alerts go to the whole staff list as it is when the alert is written (owners from the environment included).
  // Everything the bot sends on its own shares Telegram's ~30 messages a second (broadcasts pace themselves lower still).
  // Message channels: Telegram first (WhatsApp and email join here), each on its own worker lane.
  // On PostgreSQL the pace is shared by every instance through a row (Telegram counts per bot).
  const telegramPacer = cluster.shared
    ? createSharedPacer({ db, name: "telegram", perSecond: 30, local: createPacer(30) })
    : createPacer(30);
  const channels = createChannelRegistry([createTelegramChannel(telegram, { pacer: telegramPacer })]);
  const notifications = createNotificationsService({
    queue,
    customers,
    translate: createTranslator(i18n),
    channels,
    adminChatIds: (trx) => admins.allIds(trx),
    logger,
  });
  // currency: a supplier held for its currency (or released) is an admin alert.
  const providers = createProvidersService({
    db,
    clock,
    http,
    secretBox,
    audit,
    alerts: (trx, notice) => notifications.toAdmins(trx, notice),
  });
  const catalog = createCatalogService({ db, clock, providers, settings });
  const catalogManagement = createCatalogManagement({ db, clock, catalog, providers, settings, audit });
  const knowledge = createKnowledgeService({
    db,
    clock,
    logger,
    catalog,
    embedder: overrides.embedder ?? knowledgeEmbedder(config.openai),
    backend: knowledgeSearchBackend(database.dialect),
  });
  // The search index follows the catalog (imports, scheduled re-syncs, admin edits, once committed)
  // without holding them up: it is a read model, and product searches wait for it themselves.
  catalog.onChanged(() => {
    knowledge
      .syncServices()
      .catch((error: unknown) =>
        logger.warn(
          { err: error },
          "the knowledge index did not follow a catalog change; the next change or restart retries",
        ),
      );
  });
  // currency: the quote guard's admin alerts go through notifications.
  const checkout = createCheckoutService({ db, clock, logger, catalog, providers, settings, notifications });
  const orders = createOrdersService({ db, clock });
  const wallet = createWalletService({ db, clock });
  const refunds = createRefunds({ wallet, queue, notifications });
  const fulfilment = createFulfilmentService({
    db,
    clock,
    logger,
    queue,
    orders,
    catalog,
    providers,
    refunds,
    notifications,
    failpoints,
  });
  const statusSync = createStatusSync({
    db,
    clock,
    logger,
    orders,
    catalog,
    providers,
    refunds,
    notifications,
    settings,
  });
  const supplierFunds = createSupplierFunds({
    db,
    clock,
    logger,
    orders,
    providers,
    fulfilment,
    refunds,
    notifications,
    settings,
    audit,
  });
  const supplierCallbacks = createSupplierCallbacks({ providers, statusSync, logger });
  const aftercare = createAftercare({ db, clock, logger, catalog, providers, notifications });
  const catalogResync = createCatalogResync({ db, logger, catalog, providers, notifications });
  const importTasks = createImportTasks({ db, clock, logger, catalog, providers, audit });
  const adminStats = createAdminStats({ db, clock });
  const assistant = createAssistant({
    db,
    clock,
    logger,
    settings,
    chat: chatModelFor(config.openai) ?? overrides.chat,
  });
  const handoff = createHandoffService({
    db,
    clock,
    logger,
    customers,
    transcripts,
    notifications,
    settings,
    audit,
    adminTelegramIds: config.adminTelegramIds,
    staffIds: () => admins.allIds(),
  });

  // Payment gateways: each one's settings follow its descriptor, resolved at each call: values set
  // in the admin app (sealed in the database) win over the environment's (MIDTRANS_*: the bootstrap
  // and fallback), and a change reaches the gateway, the webhook's signature check and the
  // reconciler at once. Without any key, QRIS is simply not offered.
  const midtransDeps = {
    http,
    bootstrap: config.midtrans,
    notificationUrl: config.server.publicUrl ? `${config.server.publicUrl}/webhooks/midtrans` : undefined,
    masterKeyFromEnv: masterKey.origin === "env",
  };
  const midtransDescriptor = midtransSettingsDescriptor(midtransDeps);
  const gatewaySettings = createGatewaySettings({ db, clock, secretBox, audit, descriptors: [midtransDescriptor] });
  const midtrans = createMidtransSettings({ ...midtransDeps, settings: gatewaySettings });
  const gateways = createPaymentGatewayRegistry([
    createMidtransGateway(midtrans.coreApi, midtrans, midtransDescriptor),
  ]);
  const opener = createOrderOpener({ checkout, clock });
  const confirmation = createPaymentConfirmation({
    db,
    clock,
    logger,
    gateways,
    opener,
    orders,
    wallet,
    fulfilment,
    notifications,
    settings,
  });
  const payments = createPaymentsService({
    db,
    clock,
    logger,
    gateways,
    confirmation,
    orders,
    opener,
    wallet,
    fulfilment,
    notifications,
    settings,
  });
  const stars = createStarsPayments({
    db,
    clock,
    logger,
    queue,
    customers,
    orders,
    opener,
    fulfilment,
    notifications,
    settings,
    api: telegramStarsApi(telegram),
  });
  const orderAdmin = createOrderAdmin({ db, clock, orders, fulfilment, statusSync, refunds, notifications, audit });
  const orderDetail = createOrderDetail({ db, audit });
  const customerRefunds = createCustomerRefunds({ db });
  const manualOrders = createManualOrders({ db, clock, checkout, opener, customers, wallet, notifications, audit });
  const orderQueries = createOrderQueries({ db });
  const customerDirectory = createCustomerDirectory({ db, wallet, orders });
  const walletAdmin = createWalletAdmin({ db, clock, wallet, customers, audit, notifications });
  const paymentWebhook = createPaymentWebhook({
    db,
    commits: createCommits(database),
    clock,
    logger,
    confirmation,
    notifications,
    failpoints,
  });
  const reconciler = createPaymentReconciler({ db, clock, logger, gateways, confirmation });
  const settingsAdmin = createSettingsAdmin({ db, settings, audit, catalogManagement });
  const botTexts = createBotTexts({ db, clock, audit, translate: createTranslator(i18n) });
  const faqAdmin = createFaqAdmin({ db, knowledge, audit });
  // Under Telegram's ~30 messages a second for bulk sends, leaving room for the shop's own notices.
  const broadcasts = createBroadcasts({ db, clock, logger, queue, notifications, audit, pacer: createPacer(25) });

  const worker = createJobWorkerWithLanes({
    queue,
    clock,
    logger,
    channels,
    notifications,
    fulfilment,
    stars,
    broadcasts,
  });

  return {
    config,
    logger,
    database,
    dialect: database.dialect,
    cluster,
    chatLocks: cluster.shared ? createChatLocks(cluster, logger) : undefined,
    // The per-customer message limit's window (a minute), counted across instances.
    sharedCounters: cluster.shared ? cluster.counters(60_000) : undefined,
    db,
    clock,
    http,
    masterKey,
    i18n,
    telegram,
    channels,
    settings,
    settingsAdmin,
    botTexts,
    faqAdmin,
    broadcasts,
    midtrans,
    gatewaySettings,
    customers,
    providers,
    catalog,
    catalogManagement,
    knowledge,
    catalogResync,
    importTasks,
    adminStats,
    transcripts,
    handoff,
    assistant,
    checkout,
    orders,
    wallet,
    queue,
    notifications,
    fulfilment,
    statusSync,
    supplierFunds,
    supplierCallbacks,
    aftercare,
    payments,
    stars,
    audit,
    admins,
    orderAdmin,
    orderDetail,
    customerRefunds,
    manualOrders,
    orderQueries,
    customerDirectory,
    walletAdmin,
    refunds,
    confirmation,
    gateways,
    paymentWebhook,
    reconciler,
    worker,
    async close(): Promise<void> {
      if (cluster.shared) {
        // Several instances: a stop is bounded (the orchestrator kills after its grace period), and
        // the jobs still running go back to the others now rather than after their lease.
        await worker.stop({ graceMs: config.jobs.stopGraceMs });
        await queue
          .releaseHeld()
          .catch((error: unknown) =>
            logger.warn({ err: error }, "cannot hand running jobs back; they return when their lease runs out"),
          );
      } else await worker.stop();
      // Index writes already asked for finish first (a CLI import exits with its index up to date).
      await knowledge.idle();
      await http.close();
      await database.close();
    },
  };
}

export type Container = ReturnType<typeof createContainer>;

/** The LLM the assistant reads with, when an API key is configured (any OpenAI-compatible server). */
function chatModelFor(openai: Config["openai"]) {
  if (!openai.apiKey) return undefined;
  const client = createOpenAiClient({
    apiKey: openai.apiKey,
    baseUrl: openai.baseUrl,
    timeoutMs: openai.timeoutMs,
    maxRetries: openai.maxRetries,
  });
  // A custom base URL is an OpenAI-compatible server (Ollama, vLLM…), which reads `max_tokens`.
  return createChatModel(client, openai.model, { limitField: openai.baseUrl ? "max_tokens" : "max_completion_tokens" });
}
