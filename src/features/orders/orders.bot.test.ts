import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/** What a customer reads about their orders: counts, amounts and accounts in their own words. */
let kit: ShopKit;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
});
afterEach(async () => {
  await kit.close();
});

const ID_USER = 100001;
const EN_USER = 100002;
const latestOrder = () => kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();

/** Orders 5000 on a link the panel delivers only in part (1500 left), paid by QRIS. */
async function partialOrder(userId: number) {
  const customer = kit.customer(userId);
  const quote = await customer.say("ID 2 https://instagram.com/partial_budi 5000");
  await customer.pressButton(/^pay:/);
  await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
  await kit.runJobs();
  clock.advance(60_000);
  await kit.container.statusSync.syncAll();
  await kit.runJobs();
  expect((await latestOrder()).status).toBe("partial");
  return { customer, quote: quote.at(-1)!.plain };
}

describe("counts", () => {
  it("are grouped the Indonesian way everywhere an Indonesian customer reads them", async () => {
    const { customer, quote } = await partialOrder(ID_USER);
    expect(quote).toContain("Jumlah: 5.000");
    expect(quote).toMatch(/Harga: Rp\u00a0[\d.]+ \/ 1\.000/);
    expect(
      customer
        .botMessages()
        .map((m) => m.plain)
        .join("\n"),
    ).toContain("(1.500 belum terkirim)");
    const [list] = await customer.say("/pesanan");
    expect(list!.plain).toContain("5.000 → https://instagram.com/partial_budi");
    const [services] = await customer.say("mau beli followers instagram");
    expect(services!.plain).toMatch(/Rp\u00a0[\d.]+ \/ 1\.000 · min 100 · maks 50\.000/);
  });

  it("are grouped the English way for an English-speaking customer", async () => {
    const { customer, quote } = await partialOrder(EN_USER);
    expect(quote).toContain("Quantity: 5,000");
    expect(quote).toMatch(/Price: Rp\u00a0[\d.]+ \/ 1,000/);
    expect(
      customer
        .botMessages()
        .map((m) => m.plain)
        .join("\n"),
    ).toContain("(1,500 not delivered)");
    const [list] = await customer.say("/orders");
    expect(list!.plain).toContain("5,000 → https://instagram.com/partial_budi");
    const [services] = await customer.say("I want instagram followers");
    expect(services!.plain).toMatch(/Rp\u00a0[\d.]+ \/ 1,000 · min 100 · max 50,000/);
  });
});

describe("an order's detail", () => {
  it("shows delivery progress without supplier jargon", async () => {
    const customer = kit.customer(ID_USER);
    await customer.say("ID 2 https://instagram.com/budi 2000");
    await customer.pressButton(/^pay:/);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    const order = await latestOrder();
    expect(order.start_count).not.toBeNull();
    const [detail] = await customer.say("/pesanan");
    const replies = await customer.press(detail!.message_id, `ord:${order.id}`);
    expect(replies[0]!.plain).toContain("Terkirim: 2.000 dari 2.000");
    expect(replies[0]!.plain).toContain("Target: https://instagram.com/budi");
    expect(replies[0]!.plain).not.toMatch(/jumlah awal|start count/i);
  });

  it("names a phone number as one, with no nickname line", async () => {
    await kit.addTopupSupplier("digiflazz");
    const customer = kit.customer(ID_USER);
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    await customer.say(`ID ${mid} 081234567890`);
    await customer.pressButton(/^pay:/);
    const order = await latestOrder();
    const [list] = await customer.say("/pesanan");
    const [detail] = await customer.press(list!.message_id, `ord:${order.id}`);
    expect(detail!.plain).toContain("Nomor HP: 081234567890");
    expect(detail!.plain).not.toMatch(/Target:|Akun:|Nickname/);
  });
});

describe("a Stars-paid order", () => {
  it("is listed and shown with the Stars paid, not a rupiah amount", async () => {
    const customer = kit.customer(ID_USER);
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const [invoice] = await customer.pressButton(/^pays:/);
    const { update, queryId } = kit.sandbox.telegram.startInvoicePayment(ID_USER, invoice!.message_id);
    await kit.bot.handleUpdate(update as never);
    await kit.bot.handleUpdate(kit.sandbox.telegram.finishInvoicePayment(queryId).update as never);
    const order = await latestOrder();
    const stars = invoice!.invoice!.amount;
    const [list] = await customer.say("/pesanan");
    expect(list!.plain).toContain(`⭐ ${stars} · `);
    expect(list!.plain).not.toContain(`Rp\u00a0${order.amount.toLocaleString("id-ID")}`);
    const [detail] = await customer.press(list!.message_id, `ord:${order.id}`);
    expect(detail!.plain).toContain(`Jumlah: 1.000 · ⭐ ${stars}`);
  });
});

describe("a link of another platform", () => {
  it("is refused in English without a wrong article", async () => {
    const replies = await kit.customer(EN_USER).say("ID 2 https://www.tiktok.com/@budi 1000");
    const text = replies.map((m) => m.plain).join("\n");
    expect(text).toContain("That link is not from Instagram");
    expect(text).not.toMatch(/\ba Instagram\b/);
  });
});
