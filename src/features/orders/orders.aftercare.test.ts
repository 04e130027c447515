import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
});
afterEach(async () => {
  await kit.close();
});

/** Sample services: mid 1 has a 30-day refill and cancel; mid 3 has neither. */
async function deliveredOrder(mid = 1, target = "https://instagram.com/budi") {
  const { customer, transaction } = await buyUntilInvoice(kit, { mid, target, quantity: 1000 });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
  const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  return { customer, order };
}

describe("order history and detail", () => {
  it("pages through many orders, newest first", async () => {
    for (let i = 0; i < 7; i++) await deliveredOrder(1, `https://instagram.com/budi${i}`);
    const customer = kit.customer();
    const [first] = await customer.say("/pesanan");
    expect(first!.plain).toContain("Pesanan 1–5 dari 7");
    const ids = (await kit.db.selectFrom("orders").select("id").orderBy("id", "desc").execute()).map((o) => o.id);
    expect(first!.buttons[0]!.map((b) => b.text)).toEqual(ids.slice(0, 5).map((id) => `#${id}`));
    const [second] = await customer.press(first!.message_id, "ords:1");
    expect(second!.plain).toContain("Pesanan 6–7 dari 7");
  });

  it("shows an order's progress from the supplier's counts", async () => {
    const { customer, order } = await deliveredOrder();
    clock.advance(12_000); // the simulator is half way
    const [detail] = await customer.press((await customer.say("/pesanan"))[0]!.message_id, `ord:${order.id}`);
    expect(detail!.plain).toContain(`Pesanan #${order.id}`);
    // The status refresh button asks the supplier now.
    const [refreshed] = await customer.press(detail!.message_id, `ordsync:${order.id}`);
    expect(refreshed!.plain).toMatch(/Terkirim: \d[\d.]* dari 1\.000/);
  });

  it("does not show another customer's order", async () => {
    const { order } = await deliveredOrder();
    kit.sandbox.telegram.addUser({ id: 100009, first_name: "Eve", username: "eve", language_code: "id" });
    const stranger = kit.customer(100009);
    await stranger.say("/start");
    expect(
      await kit.container.aftercare.detail(
        order.id,
        (await kit.db.selectFrom("customers").select("id").where("telegram_id", "=", 100009).executeTakeFirstOrThrow())
          .id,
      ),
    ).toBeUndefined();
  });
});

describe("refills", () => {
  it("asks the supplier for a refill of a completed order within its guarantee and tells the customer when it is done", async () => {
    const { customer, order } = await deliveredOrder(1);
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    const result = await kit.container.aftercare.requestRefill(order.id, order.customer_id);
    expect(result.ok).toBe(true);
    expect(kit.sandbox.smm.requests.at(-1)).toMatchObject({
      action: "refill",
      fields: {
        order: (await kit.db.selectFrom("orders").select("provider_order_id").executeTakeFirstOrThrow())
          .provider_order_id,
      },
    });
    expect(await kit.container.aftercare.requestRefill(order.id, order.customer_id)).toEqual({
      ok: false,
      error: { code: "refill_in_progress" },
    });
    clock.advance(60_000);
    expect(await kit.container.aftercare.syncRefills()).toEqual({ checked: 1, finished: 1 });
    await kit.runJobs();
    expect(customer.lastText()).toContain("Refill pesanan");
  });

  it("refuses a refill before delivery, after the guarantee, or for a service without one", async () => {
    const { order } = await deliveredOrder(1);
    expect(await kit.container.aftercare.requestRefill(order.id, order.customer_id)).toMatchObject({
      ok: false,
      error: { code: "refill_not_yet" },
    });
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    clock.advance(31 * 86_400_000);
    expect(await kit.container.aftercare.requestRefill(order.id, order.customer_id)).toMatchObject({
      ok: false,
      error: { code: "refill_expired" },
    });
    const noRefill = await deliveredOrder(3, "https://instagram.com/other");
    expect(await kit.container.aftercare.requestRefill(noRefill.order.id, noRefill.order.customer_id)).toMatchObject({
      ok: false,
      error: { code: "refill_not_offered" },
    });
  });

  it("offers the refill button only when a refill is possible", async () => {
    const { customer, order } = await deliveredOrder(1);
    const list = (await customer.say("/pesanan"))[0]!;
    expect(
      (await customer.press(list.message_id, `ord:${order.id}`))[0]!.buttons.flat().map((b) => b.callback_data),
    ).not.toContain(`refill:${order.id}`);
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    const detail = (await customer.press(list.message_id, `ord:${order.id}`))[0]!;
    expect(detail.buttons.flat().map((b) => b.callback_data)).toContain(`refill:${order.id}`);
    const [reply] = await customer.press(detail.message_id, `refill:${order.id}`);
    expect(reply!.plain).toContain("sudah diminta ke supplier");
  });
});

describe("cancel requests", () => {
  it("sends the request and refunds only once the supplier reports the order canceled", async () => {
    const { order } = await deliveredOrder(1);
    const result = await kit.container.aftercare.requestCancel(order.id, order.customer_id);
    expect(result.ok).toBe(true);
    expect(await kit.db.selectFrom("ledger_entries").selectAll().execute()).toHaveLength(0);
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    expect((await kit.db.selectFrom("orders").select("status").executeTakeFirstOrThrow()).status).toBe("canceled");
    expect(await kit.db.selectFrom("ledger_entries").selectAll().execute()).toEqual([
      expect.objectContaining({ amount: order.amount }),
    ]);
    expect(await kit.container.aftercare.requestCancel(order.id, order.customer_id)).toMatchObject({
      ok: false,
      error: { code: "cancel_too_late" },
    });
  });

  it("refuses to cancel a service that does not allow it", async () => {
    const { order } = await deliveredOrder(3);
    expect(await kit.container.aftercare.requestCancel(order.id, order.customer_id)).toMatchObject({
      ok: false,
      error: { code: "cancel_not_offered" },
    });
  });
});
