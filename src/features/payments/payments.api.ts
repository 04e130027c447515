import { Hono } from "hono";
import type { MidtransWebhook } from "./payments.webhook.js";

/** `POST /webhooks/midtrans`: the raw body goes to the handler untouched (the signature covers it). */
export function createPaymentsRoutes(webhook: MidtransWebhook | undefined): Hono {
  const routes = new Hono();
  routes.post("/midtrans", async (c) => {
    if (!webhook) return c.json({ status: "payments_not_configured" }, 503);
    const answer = await webhook.handle(await c.req.text());
    return c.json(answer.body, answer.status as 200);
  });
  return routes;
}
