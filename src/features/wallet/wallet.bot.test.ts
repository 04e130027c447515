import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * `/saldo` in both languages: each entry says why it exists in the customer's words, counts are
 * written as the shop writes numbers, and a top-up (which belongs to no order) names no order.
 * Driven through the bot, the Midtrans simulator and the SMM panel simulator's partial outcome.
 */

let kit: ShopKit;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
});
afterEach(async () => {
  await kit.close();
});

/** Tops up 200,000 by QRIS, buys 5,000 of sample mid 2 from the balance for a link the simulator delivers only 70 % of, and lets the supplier finish. */
async function history(userId: number, language: "id" | "en") {
  kit.sandbox.telegram.addUser({ id: userId, first_name: "Budi", username: `budi${userId}`, language_code: language });
  const customer = kit.customer(userId);
  await customer.say("/topup 200000");
  await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
  await kit.runJobs();
  await customer.say("ID 2 https://instagram.com/partial_budi 5000");
  await customer.pressButton(/^payw:/);
  await kit.runJobs();
  const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  clock.advance(10 * 60_000);
  await kit.container.statusSync.syncOrders([order.id]);
  expect(
    await kit.db
      .selectFrom("orders")
      .select(["status", "remains"])
      .where("id", "=", order.id)
      .executeTakeFirstOrThrow(),
  ).toEqual({ status: "partial", remains: 1500 });
  return { customer, order };
}

describe("the wallet history in chat", () => {
  it("says in Indonesian why each entry exists, with no order number on a top-up", async () => {
    const { customer, order } = await history(100_001, "id");
    const text = (await customer.say("/saldo"))[0]!.plain;
    expect(text).toContain(`pengembalian dana: 1.500 dari 5.000 tidak terkirim (pesanan #${order.id})`);
    expect(text).toContain(`pembelian (pesanan #${order.id})`);
    expect(text).toMatch(/isi saldo lewat QRIS$/m);
    expect(text).not.toContain("#-");
    expect(text).not.toMatch(/partial|not delivered|top-up/i);
  });

  it("says the same in English", async () => {
    const { customer, order } = await history(100_002, "en");
    const text = (await customer.say("/saldo"))[0]!.plain;
    expect(text).toContain(`refund: 1.500 of 5.000 not delivered (order #${order.id})`);
    expect(text).toMatch(/top-up by QRIS$/m);
    expect(text).not.toContain("#-");
  });
});
