import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createI18n, createTranslator } from "./bot/i18n.js";
import { createCatalogResync } from "./features/catalog/catalog.job.js";
import { createCatalogManagement } from "./features/catalog/catalog.management.js";
import { createCatalogService } from "./features/catalog/catalog.service.js";
import { createCheckoutService } from "./features/checkout/checkout.service.js";
import { createCustomersService } from "./features/customers/customers.service.js";
import { createFulfilmentService, PLACE_ORDER_JOB } from "./features/fulfilment/fulfilment.service.js";
import { createAftercare } from "./features/fulfilment/fulfilment.aftercare.js";
import { createRefunds, STARS_REFUND_JOB } from "./features/fulfilment/fulfilment.refunds.js";
import { createStatusSync } from "./features/fulfilment/fulfilment.status-sync.js";
import { createSupplierCallbacks } from "./features/fulfilment/supplier-callbacks.js";
import { createJobQueue, createJobWorker } from "./features/jobs/job-queue.js";
import { createNotificationsService, NOTIFY_JOB } from "./features/notifications/notifications.service.js";
import { createOrdersService } from "./features/orders/orders.service.js";
import { createMidtransGateway } from "./features/payments/midtrans.gateway.js";
import { createPaymentConfirmation } from "./features/payments/payments.confirmation.js";
import { createPaymentReconciler } from "./features/payments/payments.job.js";
import { createOrderOpener } from "./features/payments/payments.orders.js";
import { createPaymentsService } from "./features/payments/payments.service.js";
import { createStarsPayments } from "./features/payments/payments.stars.js";
import { createAuditService } from "./features/audit/audit.service.js";
import { createOrderAdmin } from "./features/orders/orders.admin.js";
import { createWalletAdmin } from "./features/wallet/wallet.admin.js";
import { createMidtransWebhook } from "./features/payments/payments.webhook.js";
import { createProvidersService } from "./features/providers/providers.service.js";
import { createSettingsService } from "./features/settings/settings.service.js";
import { createWalletService } from "./features/wallet/wallet.service.js";
import { systemClock, type Clock } from "./infra/clock/clock.js";
import { resolveMasterKey } from "./infra/crypto/master-key.js";
import { createSecretBox } from "./infra/crypto/secret-box.js";
import { openDatabase } from "./infra/db/open-database.js";
import { createFailpoints } from "./infra/failpoints.js";
import { createGroupCommit } from "./infra/db/group-commit.js";
import { createHttpClient, type HttpClient } from "./infra/http/http-client.js";
import { createMidtransCoreApi } from "./infra/midtrans/midtrans-core-api.js";

export interface ContainerOverrides {
  clock?: Clock;
  http?: HttpClient;
}

/**
 * Builds infra, then the feature services, as one plain object. The bot, the HTTP server, the CLI
 * and the tests all run on the same container, so an operator command and a chat run the same code.
 */
export function createContainer(config: Config, logger: Logger, overrides: ContainerOverrides = {}) {
  const database = openDatabase(config.database.path);
  const db = database.db;
  const clock = overrides.clock ?? systemClock();
  const http = overrides.http ?? createHttpClient();
  const masterKey = resolveMasterKey({ hex: config.masterKeyHex, dataDir: config.dataDir, production: config.production });
  const secretBox = createSecretBox(masterKey.key);
  const i18n = createI18n();
  const failpoints = createFailpoints(config.failpoints);

  const settings = createSettingsService({ db, clock });
  const customers = createCustomersService({ db, clock });
  const providers = createProvidersService({ db, clock, http, secretBox });
  const catalog = createCatalogService({ db, clock, providers, settings });
  const catalogManagement = createCatalogManagement({ db, clock, catalog, providers, settings });
  const checkout = createCheckoutService({ db, clock, logger, catalog, providers, settings });
  const orders = createOrdersService({ db, clock });
  const wallet = createWalletService({ db, clock });
  const queue = createJobQueue({ db, clock });
  const notifications = createNotificationsService({ queue, customers, translate: createTranslator(i18n), adminChatIds: config.adminTelegramIds, logger });
  const refunds = createRefunds({ wallet, queue, notifications });
  const fulfilment = createFulfilmentService({ db, clock, logger, queue, orders, catalog, providers, refunds, notifications, failpoints });
  const statusSync = createStatusSync({ db, clock, logger, orders, catalog, providers, refunds, notifications, settings });
  const supplierCallbacks = createSupplierCallbacks({ providers, statusSync, logger });
  const aftercare = createAftercare({ db, clock, logger, orders, catalog, providers, notifications });
  const catalogResync = createCatalogResync({ db, logger, catalog, providers, notifications });

  const serverKey = config.midtrans.serverKey;
  const gateway = serverKey
    ? createMidtransGateway(
        createMidtransCoreApi({
          serverKey,
          clientKey: config.midtrans.clientKey,
          isProduction: config.midtrans.isProduction,
          apiUrl: config.midtrans.apiUrl,
          timeoutMs: 10_000,
          http,
          notificationUrl: config.server.publicUrl ? `${config.server.publicUrl}/webhooks/midtrans` : undefined,
        }),
      )
    : undefined;
  const confirmation = gateway ? createPaymentConfirmation({ db, clock, logger, gateway, checkout, orders, wallet, fulfilment, notifications, settings }) : undefined;
  const opener = createOrderOpener({ checkout, orders });
  const payments = createPaymentsService({ db, clock, logger, gateway, confirmation, checkout, orders, opener, wallet, fulfilment, notifications, settings });
  const stars = createStarsPayments({ db, clock, logger, queue, checkout, orders, opener, fulfilment, notifications, settings });
  const audit = createAuditService({ db, clock });
  const orderAdmin = createOrderAdmin({ db, clock, orders, fulfilment, statusSync, refunds, notifications, audit });
  const walletAdmin = createWalletAdmin({ db, clock, wallet, audit, notifications });
  const midtransWebhook = serverKey && confirmation ? createMidtransWebhook({ db, commits: createGroupCommit(db), clock, logger, serverKey, confirmation, notifications, failpoints }) : undefined;
  const reconciler = gateway && confirmation ? createPaymentReconciler({ db, clock, logger, gateway, confirmation }) : undefined;

  const worker = createJobWorker({
    queue,
    clock,
    logger,
    handlers: {
      [NOTIFY_JOB]: (payload) => notifications.deliver(payload),
      [PLACE_ORDER_JOB]: (payload, job) => fulfilment.placeOrder(payload, job),
      [STARS_REFUND_JOB]: (payload) => stars.refund(payload),
    },
    // Messages go out one at a time, in order; supplier calls may overlap.
    lanes: [
      { name: "messages", kinds: [NOTIFY_JOB], concurrency: 1 },
      { name: "supplier", kinds: [PLACE_ORDER_JOB], concurrency: 4 },
      { name: "refunds", kinds: [STARS_REFUND_JOB], concurrency: 1 },
    ],
  });

  return {
    config,
    logger,
    database,
    db,
    clock,
    http,
    masterKey,
    i18n,
    settings,
    customers,
    providers,
    catalog,
    catalogManagement,
    catalogResync,
    checkout,
    orders,
    wallet,
    queue,
    notifications,
    fulfilment,
    statusSync,
    supplierCallbacks,
    aftercare,
    payments,
    stars,
    audit,
    orderAdmin,
    walletAdmin,
    refunds,
    confirmation,
    midtransWebhook,
    reconciler,
    worker,
    async close(): Promise<void> {
      await worker.stop();
      await http.close();
      await database.close();
    },
  };
}

export type Container = ReturnType<typeof createContainer>;
