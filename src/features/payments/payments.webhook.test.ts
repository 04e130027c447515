import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
beforeEach(async () => {
  kit = await createShopKit();
});
afterEach(async () => {
  await kit.close();
});

const placeJobs = () => kit.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").execute();

describe("Midtrans notifications", () => {
  it("places exactly one supplier order when the same settlement is notified many times", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    const body = kit.sandbox.midtrans.notificationFor(transaction.order_id);
    for (let i = 0; i < 5; i++) expect((await kit.postNotification(body)).status).toBe(200);
    expect(await placeJobs()).toHaveLength(1);
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });

  it("places exactly one supplier order when duplicates arrive at the same time over real HTTP", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    const answers = await kit.sandbox.midtrans.resend(transaction.order_id, 8, true);
    expect(answers.every((status) => status === 200)).toBe(true);
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(1);
    const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(order.status).toBe("processing");
    expect(order.provider_order_id).not.toBeNull();
  });

  it("tells the customer the payment arrived and that the order is processing, with its number", async () => {
    const { customer, transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id);
    await kit.runJobs();
    const order = await kit.db.selectFrom("orders").select("id").executeTakeFirstOrThrow();
    const texts = customer.botMessages().map((m) => m.plain);
    expect(texts.some((t) => t.includes("Pembayaran") && t.includes(`#${order.id}`))).toBe(true);
    expect(texts.at(-1)).toContain(`Pesanan #${order.id} sedang diproses`);
  });

  it("rejects a forged signature with 401, writes nothing and never asks the gateway", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    const genuine = kit.sandbox.midtrans.notificationFor(transaction.order_id);
    const forgeries = [
      { ...genuine, signature_key: genuine.signature_key.toUpperCase() },
      { ...genuine, signature_key: genuine.signature_key.slice(0, 100) },
      { ...genuine, signature_key: "f".repeat(128) },
      { ...genuine, gross_amount: "1.00" },
      { ...genuine, order_id: "TB-999-ZZZZZZ" },
    ];
    const eventsBefore = await kit.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("source", "=", "midtrans")
      .execute();
    for (const forged of forgeries) expect((await kit.postNotification(forged)).status).toBe(401);
    const { signature_key: _dropped, ...unsigned } = genuine;
    expect((await kit.postNotification(unsigned)).status).toBe(400);
    expect((await kit.postNotification("not json")).status).toBe(400);
    expect(await kit.db.selectFrom("webhook_events").selectAll().where("source", "=", "midtrans").execute()).toEqual(
      eventsBefore,
    );
    expect(await placeJobs()).toHaveLength(0);
    const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(order.status).toBe("awaiting_payment");
  });

  it("refuses through the server's one error answer: the code says why, the status comes from the code", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    const genuine = kit.sandbox.midtrans.notificationFor(transaction.order_id);
    const answerTo = async (body: unknown) => {
      const response = await kit.postNotification(body);
      return { status: response.status, body: await response.json() };
    };
    expect(await answerTo({ ...genuine, signature_key: "f".repeat(128) })).toEqual({
      status: 401,
      body: { error: { code: "payments.signature_invalid", message: "the notification's signature does not match" } },
    });
    expect(await answerTo("not json")).toEqual({
      status: 400,
      body: { error: { code: "payments.bad_request", message: "the notification is not JSON" } },
    });
    const { order_id: _dropped, ...anonymous } = genuine;
    expect((await answerTo(anonymous)).body.error.code).toBe("payments.bad_request");
  });

  it("acts on the gateway's status, not on edited unsigned fields of a genuine notification", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    // A genuine "pending" notification with its unsigned status flipped to settlement.
    const pending = kit.sandbox.midtrans.notificationFor(transaction.order_id);
    const edited = { ...pending, transaction_status: "settlement", fraud_status: "accept" };
    expect((await kit.postNotification(edited)).status).toBe(200);
    expect(await placeJobs()).toHaveLength(0);
    expect((await kit.db.selectFrom("payments").select("status").executeTakeFirstOrThrow()).status).toBe("pending");
  });

  it("does not fulfil a notification whose amount differs from the invoice, and alerts the admins", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    // Correctly signed (the sender knows the key) but for another amount.
    const { signatureFor } = await import("../../sandbox/midtrans/midtrans-simulator.js");
    const body = kit.sandbox.midtrans.notificationFor(transaction.order_id, { gross_amount: "10.00" });
    body.signature_key = signatureFor(body.order_id, body.status_code, "10.00", kit.sandbox.midtrans.serverKey);
    expect((await kit.postNotification(body)).status).toBe(200);
    expect(await placeJobs()).toHaveLength(0);
    const payment = await kit.db.selectFrom("payments").selectAll().executeTakeFirstOrThrow();
    expect(payment.status).toBe("pending");
    expect(payment.flagged_reason).toContain("10.00");
    await kit.runJobs();
    expect(kit.sandbox.telegram.messagesIn(900001).at(-1)?.plain).toContain("tidak cocok");
  });

  it("answers 200 and fulfils later when the gateway status check fails", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    kit.sandbox.midtrans.setFault("status", "http500");
    expect((await kit.postNotification(kit.sandbox.midtrans.notificationFor(transaction.order_id))).status).toBe(200);
    expect(await placeJobs()).toHaveLength(0);
    kit.sandbox.midtrans.setFault("status", undefined);
    // Midtrans retries the same notification; it is processed now, not dropped as a duplicate.
    expect((await kit.postNotification(kit.sandbox.midtrans.notificationFor(transaction.order_id))).status).toBe(200);
    expect(await placeJobs()).toHaveLength(1);
  });

  it("answers 200 to a notification for an invoice it does not know", async () => {
    const { signatureFor } = await import("../../sandbox/midtrans/midtrans-simulator.js");
    const body = {
      order_id: "someone-else-1",
      status_code: "200",
      gross_amount: "5000.00",
      transaction_status: "settlement",
    };
    const res = await kit.postNotification({
      ...body,
      signature_key: signatureFor(body.order_id, body.status_code, body.gross_amount, kit.sandbox.midtrans.serverKey),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "unknown_order" });
  });
});
