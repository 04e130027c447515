import { Hono } from "hono";
import { paymentsNotConfigured, type MidtransWebhook } from "./payments.webhook.js";

/** `POST /webhooks/midtrans`: the raw body goes to the handler untouched (the signature covers it); a refusal is an AppError the server answers. */
export function createPaymentsRoutes(webhook: MidtransWebhook | undefined): Hono {
  const routes = new Hono();
  routes.post("/midtrans", async (c) => {
    if (!webhook) throw paymentsNotConfigured();
    return c.json(await webhook.handle(await c.req.text()));
  });
  return routes;
}
