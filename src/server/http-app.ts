import type { Handler, Hono } from "hono";
import type { Container } from "../container.js";
import { createAdminApi } from "../features/admin/admin.api.js";
import { createSupplierCallbackRoutes } from "../features/fulfilment/fulfilment.api.js";
import { createPaymentsRoutes } from "../features/payments/payments.api.js";
import { createServer } from "./index.js";
import { createMiniAppRoutes } from "./miniapp-static.js";

export interface HttpAppOptions {
  /** The sandbox's stand-ins, served under /sandbox by the app itself (sandbox mode). */
  sandbox?: Hono;
  /** Webhook mode only: Telegram's updates (grammY's handler checks the secret-token header). */
  telegramWebhook?: Handler;
}

/**
 * Every HTTP route the shop serves, mounted once: the app, the test kit and the benchmarks all
 * serve this, so a route added here is live everywhere.
 */
export function createHttpApp(container: Container, options: HttpAppOptions = {}): Hono {
  return createServer({
    db: container.db,
    logger: container.logger,
    routes: [
      { path: "/webhooks", app: createPaymentsRoutes(container.paymentWebhook, container.gateways) },
      { path: "/webhooks", app: createSupplierCallbackRoutes(container.supplierCallbacks) },
      { path: "/api/admin", app: createAdminApi(container) },
      { path: "/miniapp", app: createMiniAppRoutes() },
      ...(options.sandbox ? [{ path: "/sandbox", app: options.sandbox }] : []),
    ],
    ...(options.telegramWebhook ? { telegramWebhook: options.telegramWebhook } : {}),
  });
}
