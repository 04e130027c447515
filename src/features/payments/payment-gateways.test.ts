import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { AppError } from "../../shared/errors.js";
import type { PaymentGateway } from "./payment-gateway.types.js";
import { createPaymentGatewayRegistry } from "./payment-gateways.js";
import { createPaymentsRoutes } from "./payments.api.js";

let kit: ShopKit;
beforeEach(async () => {
  kit = await createShopKit();
});
afterEach(async () => {
  await kit.close();
});

/** Payment notifications recorded (Telegram updates share the table). */
const events = () => kit.db.selectFrom("webhook_events").selectAll().where("source", "!=", "telegram").execute();

describe("the payment gateway registry and POST /webhooks/:gateway", () => {
  it("answers 404 for a gateway it does not know, and records nothing", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    const body = JSON.stringify(kit.sandbox.midtrans.notificationFor(transaction.order_id));
    const answer = await kit.app.request("/webhooks/xendit", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(answer.status).toBe(404);
    expect(await events()).toHaveLength(0);
    const order = await kit.db.selectFrom("orders").select("status").executeTakeFirstOrThrow();
    expect(order.status).not.toBe("paid");
  });

  it("hands /webhooks/midtrans to the Midtrans adapter found by its id, and records the event under that id", async () => {
    expect(kit.container.gateways.get("midtrans")?.id).toBe("midtrans");
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    expect((await kit.postNotification(kit.sandbox.midtrans.notificationFor(transaction.order_id))).status).toBe(200);
    expect((await events()).map((e) => e.source)).toEqual(["midtrans"]);
  });

  it("asks the gateway named in the path to verify the raw body and headers", async () => {
    const seen: Array<{ body: string; signature: string | null }> = [];
    const other: PaymentGateway = {
      ...kit.container.gateways.primary,
      id: "othergate",
      verifyNotification: async (rawBody, headers) => {
        seen.push({ body: rawBody, signature: headers.get("x-signature") });
        throw new AppError("payments.signature_invalid", "the notification's signature does not match");
      },
    };
    const gateways = createPaymentGatewayRegistry([kit.container.gateways.primary, other]);
    const app = new Hono().route("/webhooks", createPaymentsRoutes(kit.container.paymentWebhook, gateways));
    app.onError((error, c) =>
      c.json(
        { code: error instanceof AppError ? error.code : "internal" },
        error instanceof AppError ? (error.httpStatus as 401) : 500,
      ),
    );
    const answer = await app.request("/webhooks/othergate", {
      method: "POST",
      headers: { "x-signature": "abc" },
      body: '{"id":"raw"}',
    });
    expect(answer.status).toBe(401);
    expect(seen).toEqual([{ body: '{"id":"raw"}', signature: "abc" }]);
    expect(await events()).toHaveLength(0);
  });

  it("refuses two gateways with the same id", () => {
    const midtrans = kit.container.gateways.primary;
    expect(() => createPaymentGatewayRegistry([midtrans, midtrans])).toThrow(/same id|share an id/);
  });
});
