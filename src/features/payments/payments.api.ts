import { Hono } from "hono";
import type { PaymentGatewayRegistry } from "./payment-gateways.js";
import type { PaymentWebhook } from "./payments.webhook.js";

/**
 * `POST /webhooks/:gateway`, the gateway found by its id in the registry: the raw body and headers go to the
 * gateway's own check untouched (the signature covers them); a refusal is an AppError the server
 * answers. A path that names no payment gateway falls through to the other webhook routes
 * (supplier callbacks), and to 404 when none matches.
 */
export function createPaymentsRoutes(webhook: PaymentWebhook, gateways: PaymentGatewayRegistry): Hono {
  const routes = new Hono();
  routes.post("/:gateway", async (c, next) => {
    const gateway = gateways.get(c.req.param("gateway"));
    if (!gateway) return next();
    return c.json(await webhook.handle(gateway, await c.req.text(), c.req.raw.headers));
  });
  return routes;
}
