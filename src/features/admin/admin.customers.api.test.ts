import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { adminClient, STAFF, type AdminClient } from "../../../test/kit/admin-client.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The customers area of the admin API over HTTP: search, balances and order counts, one customer
 * with the ledger paged, and balance adjustments (refund permission: the wallet's one transaction
 * with its ledger entry, audit entry and notice). Budi (100001) buys and pays one order; Alex
 * (100002) only says hello; Sari (100003) only checks her balance.
 */

let kit: ShopKit;
let clock: ManualClock;
let staff: AdminClient;
let budi: { id: number; orderAmount: number };
let alexId: number;

const idOf = async (telegramId: number) =>
  (await kit.db.selectFrom("customers").select("id").where("telegram_id", "=", telegramId).executeTakeFirstOrThrow())
    .id;
const everything = async () => ({
  ledger: await kit.db.selectFrom("ledger_entries").selectAll().execute(),
  audit: await kit.db.selectFrom("audit_log").selectAll().execute(),
});

beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0));
  kit = await createShopKit({ clock });
  staff = adminClient(kit);
  await staff.addStaff();
  const { transaction } = await buyUntilInvoice(kit, { mid: 2, target: "https://instagram.com/budi", quantity: 1000 });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
  const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
  budi = { id: order.customer_id, orderAmount: order.amount };
  clock.advance(1_000);
  await kit.customer(100_002).say("halo");
  alexId = await idOf(100_002);
  clock.advance(1_000);
  await kit.customer(100_003).say("/saldo");
});
afterAll(async () => {
  await kit?.close();
});

describe("finding customers", () => {
  it("lists every customer newest first with balance and paid-order count; searches by Telegram id, @username or name", async () => {
    const operator = staff.operator();
    const all = await operator.get("/customers");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((c: { telegramId: number }) => c.telegramId)).toEqual([100_003, 100_002, 100_001]);
    expect(all.body.items[2]).toMatchObject({
      id: budi.id,
      firstName: "Budi",
      username: "budi_sandbox",
      balance: 0,
      orders: 1,
    });
    expect(all.body.items[1]).toMatchObject({ username: "alex_sandbox", orders: 0 });

    for (const q of ["100002", "@alex_sandbox", "ALEX", "lex_sand"])
      expect((await operator.get("/customers", { q })).body.items.map((c: { id: number }) => c.id)).toEqual([alexId]);
    expect((await operator.get("/customers", { q: "%" })).body.total).toBe(0);
    const paged = await operator.get("/customers", { pageSize: 2, page: 1 });
    expect(paged.body).toMatchObject({ total: 3, page: 1, pageSize: 2, items: [{ id: budi.id }] });
  });

  it("shows one customer with balance, what they spent, recent orders and the ledger a page at a time", async () => {
    const detail = await staff.operator().get(`/customers/${budi.id}`);
    expect(detail.body).toMatchObject({
      customer: { telegramId: 100_001, language: "id" },
      balance: 0,
      paidOrders: 1,
      spent: budi.orderAmount,
      recentOrders: [{ status: "processing", target: "https://instagram.com/budi" }],
    });
    expect((await staff.operator().get("/customers/999999")).status).toBe(404);
    expect((await staff.operator().get("/customers/999999/ledger")).status).toBe(404);
  });
});

describe("adjusting a balance", () => {
  it("credits and debits with a reason, never below zero; each is one ledger entry, one audit entry and a message to the customer", async () => {
    const owner = staff.owner();
    const credit = await owner.post(`/customers/${alexId}/adjust`, { amount: 15_000, reason: "paid by bank transfer" });
    expect(credit).toEqual({ status: 200, body: { balance: 15_000 } });
    clock.advance(1_000);
    const debit = await staff.admin().post(`/customers/${alexId}/adjust`, { amount: -4_000, reason: "credited twice" });
    expect(debit.body).toEqual({ balance: 11_000 });

    const before = await everything();
    const below = await owner.post(`/customers/${alexId}/adjust`, { amount: -11_001, reason: "too much" });
    expect(below.status).toBe(409);
    expect(below.body.error.code).toBe("wallet.insufficient_balance");
    for (const body of [
      { amount: 0, reason: "zero" },
      { amount: 10.5, reason: "fraction" },
      { amount: "5000", reason: "text" },
      { amount: 5_000 },
      { amount: 5_000, reason: "  " },
    ]) {
      expect((await owner.post(`/customers/${alexId}/adjust`, body)).status).toBe(400);
    }
    expect((await owner.post("/customers/999999/adjust", { amount: 1_000, reason: "nobody" })).status).toBe(404);
    expect(await everything()).toEqual(before);

    const ledger = await staff.operator().get(`/customers/${alexId}/ledger`, { pageSize: 1 });
    expect(ledger.body).toMatchObject({
      total: 2,
      page: 0,
      pageSize: 1,
      entries: [{ amount: -4_000, reason: "adjustment", note: "credited twice" }],
    });
    expect((await staff.operator().get(`/customers/${alexId}/ledger`, { pageSize: 1, page: 1 })).body.entries).toEqual([
      expect.objectContaining({ amount: 15_000 }),
    ]);
    expect((await staff.operator().get(`/customers/${alexId}`)).body.balance).toBe(11_000);

    const audit = await kit.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject", "=", `customer:${alexId}`)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.actor, a.action, a.reason])).toEqual([
      [`telegram:${STAFF.owner}`, "wallet.adjust", "paid by bank transfer"],
      [`telegram:${STAFF.admin}`, "wallet.adjust", "credited twice"],
    ]);
    await kit.runJobs();
    expect(kit.customer(100_002).lastText()).toContain("Your balance is now Rp\u00a011.000"); // Alex reads English
  });

  it("is refused to an operator (403) and to forged or stale sign-ins (401), changing nothing", async () => {
    const before = await everything();
    expect(
      (await staff.operator().post(`/customers/${alexId}/adjust`, { amount: 1_000, reason: "bonus" })).status,
    ).toBe(403);
    expect(
      (
        await staff
          .as(STAFF.owner, { botToken: "123456:another-bot" })
          .post(`/customers/${alexId}/adjust`, { amount: 1_000, reason: "bonus" })
      ).status,
    ).toBe(401);
    expect(
      (
        await staff
          .as(STAFF.owner, { ageMs: 61 * 60_000 })
          .post(`/customers/${alexId}/adjust`, { amount: 1_000, reason: "bonus" })
      ).status,
    ).toBe(401);
    expect(
      (
        await staff.raw("tma user=%7B%22id%22%3A900001%7D&hash=00", "POST", `/customers/${alexId}/adjust`, {
          amount: 1_000,
          reason: "bonus",
        })
      ).status,
    ).toBe(401);
    expect((await staff.as(555_001).get("/customers")).status).toBe(403);
    expect(await everything()).toEqual(before);
  });
});
