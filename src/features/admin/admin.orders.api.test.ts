import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { adminClient, STAFF, type AdminClient } from "../../../test/kit/admin-client.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The orders area of the admin API over HTTP (kit.app.request with signed initData), on the real
 * database, bot and sandbox stand-ins. Sample mid 2 is "Instagram Followers [Real Global]" (min
 * 100); the SMM simulator finishes an order 25 s after taking it, and ends a link containing
 * "partial" with 30 % undelivered. The shop's clock starts at 23:59 in Jakarta on 21 Nov 2026.
 */

let kit: ShopKit;
let clock: ManualClock;
let staff: AdminClient;
beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 21, 16, 59, 0));
  kit = await createShopKit({ clock });
  staff = adminClient(kit);
  await staff.addStaff();
});
afterAll(async () => {
  await kit?.close();
});

let targets = 0;
const BUDI = 100_001;
const ALEX = 100_002;

/** A customer buys through the bot and pays the QRIS invoice; with `place`, the supplier takes it. */
async function paidOrder(input: { userId?: number; target?: string; quantity?: number; place?: boolean } = {}) {
  const target = input.target ?? `https://instagram.com/shop_${++targets}`;
  const { transaction } = await buyUntilInvoice(kit, {
    mid: 2,
    target,
    quantity: input.quantity ?? 1000,
    userId: input.userId ?? BUDI,
  });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  if (input.place !== false) await kit.runJobs();
  return kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
}

const orderRow = (id: number) => kit.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const ledgerOf = (customerId: number) =>
  kit.db.selectFrom("ledger_entries").selectAll().where("customer_id", "=", customerId).orderBy("id").execute();
const auditOf = (subject: string) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", subject).orderBy("id").execute();
const everything = async () => ({
  orders: await kit.db.selectFrom("orders").selectAll().execute(),
  ledger: await kit.db.selectFrom("ledger_entries").selectAll().execute(),
  audit: await kit.db.selectFrom("audit_log").selectAll().execute(),
});

describe("who may use the orders area", () => {
  it("refuses forged, stale or missing initData with 401 and strangers with 403, before anything is read or changed", async () => {
    const order = await paidOrder();
    const before = await everything();
    expect((await staff.raw(undefined, "GET", "/orders")).status).toBe(401);
    expect((await staff.as(STAFF.owner, { botToken: "123456:not-this-bot" }).get("/orders")).status).toBe(401);
    expect(
      (await staff.as(STAFF.owner, { ageMs: 2 * 3_600_000 }).post(`/orders/${order.id}/refund`, { reason: "stale" }))
        .status,
    ).toBe(401);
    expect((await staff.as(STAFF.owner, { ageMs: 2 * 3_600_000 }).get(`/orders/${order.id}`)).status).toBe(401);
    expect((await staff.as(555_001).get("/orders")).status).toBe(403); // genuine Telegram user, not staff
    expect((await staff.as(555_001).post(`/orders/${order.id}/refund`, { reason: "x" })).body).toEqual({
      error: { code: "admin.forbidden", message: "not allowed" },
    });
    expect(await everything()).toEqual(before);
  });

  it("lets an operator look and sync but not refund, resolve by refunding, or make manual orders (403, nothing changes)", async () => {
    const order = await paidOrder();
    const operator = staff.operator();
    expect((await operator.get("/orders")).status).toBe(200);
    expect((await operator.get(`/orders/${order.id}`)).status).toBe(200);
    const before = await everything();
    expect((await operator.post(`/orders/${order.id}/refund`, { amount: 1_000, reason: "goodwill" })).status).toBe(403);
    expect((await operator.post(`/orders/${order.id}/resolve`, { kind: "refund", reason: "no record" })).status).toBe(
      403,
    );
    expect(
      (
        await operator.post("/orders/manual/quote", {
          customerId: order.customer_id,
          mid: 2,
          target: "https://instagram.com/x",
          quantity: 100,
        })
      ).status,
    ).toBe(403);
    expect((await operator.post("/orders/manual", { quoteId: "q", payment: "external", reason: "cash" })).status).toBe(
      403,
    );
    expect(await everything()).toEqual(before);
  });
});

describe("finding orders", () => {
  it("filters by status, Jakarta day, customer (id, @username, name) and target text, paged by the server", async () => {
    clock.set(Date.UTC(2026, 10, 22, 16, 58, 0)); // 23:58 WIB, 22 Nov
    const late = await paidOrder({ target: "https://instagram.com/last_of_the_day" });
    clock.advance(3 * 60_000); // 00:01 WIB, 23 Nov
    const early = await paidOrder({ userId: ALEX, target: "https://instagram.com/first_of_the_day" });
    await buyUntilInvoice(kit, { mid: 2, target: "https://instagram.com/not_paid_yet", quantity: 100, userId: ALEX });
    const owner = staff.owner();

    const day22 = await owner.get("/orders", { from: "2026-11-22", to: "2026-11-22" });
    expect(day22.body.items.map((o: { id: number }) => o.id)).toEqual([late.id]);
    const day23 = await owner.get("/orders", { from: "2026-11-23" });
    expect(day23.body.items.map((o: { status: string }) => o.status)).toEqual(["awaiting_payment", "processing"]);
    expect((await owner.get("/orders", { from: "2026-11-23", status: "awaiting_payment" })).body.total).toBe(1);

    for (const who of [String(ALEX), "@alex_sandbox", "ALEX"]) {
      const found = await owner.get("/orders", { customer: who });
      expect(found.body.items.every((o: { customer: { telegramId: number } }) => o.customer.telegramId === ALEX)).toBe(
        true,
      );
      expect(found.body.total).toBe(2);
    }
    const byText = await owner.get("/orders", { q: "FIRST_of" });
    expect(byText.body).toMatchObject({
      total: 1,
      items: [
        {
          id: early.id,
          target: "https://instagram.com/first_of_the_day",
          service: { mid: 2 },
          customer: { username: "alex_sandbox" },
        },
      ],
    });
    expect((await owner.get("/orders", { q: String(late.id) })).body.items[0].id).toBe(late.id);
    expect((await owner.get("/orders", { q: "100%_" })).body.total).toBe(0); // typed wildcards are plain characters

    const all = (await owner.get("/orders")).body.total as number;
    const first = await owner.get("/orders", { pageSize: 2, page: 0 });
    const second = await owner.get("/orders", { pageSize: 2, page: 1 });
    expect(first.body).toMatchObject({ total: all, page: 0, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);

    expect((await owner.get("/orders", { status: "lost" })).status).toBe(400);
    expect((await owner.get("/orders", { from: "2026-11-23", to: "2026-11-22" })).status).toBe(400);
    expect((await owner.get("/orders", { pageSize: 1000 })).status).toBe(400);
    expect((await owner.get("/orders/999999")).status).toBe(404);
    expect((await owner.get("/orders/abc")).status).toBe(400);
  });
});

describe("one order, its timeline and what an operator does to it", () => {
  it("shows created, paid (rail and reference) and placed (supplier order id); a forced sync moves it on and is audited", async () => {
    const order = await paidOrder();
    const operator = staff.operator();
    const detail = await operator.get(`/orders/${order.id}`);
    expect(detail.body).toMatchObject({
      order: { id: order.id, status: "processing", quantity: 1000 },
      customer: { telegramId: BUDI, username: "budi_sandbox" },
      service: { mid: 2 },
      supplier: { name: "panel" },
      money: { paid: order.amount, refunded: 0, leftToRefund: order.amount },
      actions: { sync: true, outcome: true, resolve: false, refund: true },
    });
    const payment = await kit.db
      .selectFrom("payments")
      .selectAll()
      .where("order_id", "=", order.id)
      .executeTakeFirstOrThrow();
    const placed = await orderRow(order.id);
    expect(detail.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "paid", "placed"]);
    expect(detail.body.timeline[1]).toMatchObject({
      rail: "midtrans",
      reference: payment.reference,
      amount: order.amount,
    });
    expect(detail.body.timeline[2]).toMatchObject({ supplier: "panel", providerOrderId: placed.provider_order_id });
    expect(JSON.stringify(detail.body)).not.toContain(kit.sandbox.smm.key);

    expect((await operator.post(`/orders/${order.id}/sync`, {})).status).toBe(400); // a reason is required
    clock.advance(60_000);
    const synced = await operator.post(`/orders/${order.id}/sync`, { reason: "customer asked on WhatsApp" });
    expect(synced.status).toBe(200);
    expect(synced.body.report).toMatchObject({ checked: 1, changed: 1 });
    expect(synced.body.detail.order.status).toBe("completed");
    expect(synced.body.detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "created",
      "paid",
      "placed",
      "progress",
      "finished",
      "audit",
    ]);
    expect(synced.body.detail.timeline.at(-1)).toMatchObject({
      action: "order.sync",
      actor: `telegram:${STAFF.operator}`,
      actorName: "Oki Operator",
      actorRole: "operator",
      reason: "customer asked on WhatsApp",
    });
    const [entry] = await auditOf(`order:${order.id}`);
    expect(JSON.parse(entry!.before!)).toMatchObject({ status: "processing" });
    expect(JSON.parse(entry!.after!)).toMatchObject({ status: "completed", remains: 0 });

    const again = await operator.post(`/orders/${order.id}/sync`, { reason: "again" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("only an order in progress");
  });

  it("a forced sync the supplier does not answer changes nothing but is still audited, saying so", async () => {
    const order = await paidOrder();
    kit.sandbox.smm.setFault("status", "http500", 1);
    const synced = await staff.operator().post(`/orders/${order.id}/sync`, { reason: "checking" });
    expect(synced.status).toBe(200);
    expect(synced.body.report).toMatchObject({ checked: 0, failedSuppliers: 1 });
    expect(synced.body.detail.order.status).toBe("processing");
    const [entry] = await auditOf(`order:${order.id}`);
    expect(entry).toMatchObject({ action: "order.sync", reason: "checking" });
    expect(JSON.parse(entry!.after!)).toMatchObject({ status: "processing", supplierAnswered: false });
  });

  it("sets a manual outcome (partial with what remains, start count and a note) with the pro-rata refund, by an operator", async () => {
    await kit.db.updateTable("services").set({ mode: "manual" }).where("mid", "=", 2).execute();
    const order = await paidOrder({ quantity: 1500 });
    await kit.db.updateTable("services").set({ mode: "auto" }).where("mid", "=", 2).execute();
    expect((await orderRow(order.id)).status).toBe("manual");
    const operator = staff.operator();
    expect((await operator.post(`/orders/${order.id}/outcome`, { status: "partial", reason: "ran out" })).status).toBe(
      400,
    );
    expect(
      (
        await operator.post(`/orders/${order.id}/outcome`, {
          status: "partial",
          remains: 450,
          startCount: 1200,
          note: "sent by hand",
        })
      ).status,
    ).toBe(400);
    const set = await operator.post(`/orders/${order.id}/outcome`, {
      status: "partial",
      remains: 450,
      startCount: 1200,
      note: "sent by hand",
      reason: "supplier ran out",
    });
    expect(set.status).toBe(200);
    const refund = Math.floor((order.amount * 450) / 1500);
    expect(set.body).toMatchObject({
      order: { status: "partial", remains: 450, startCount: 1200, adminNotes: "sent by hand" },
      money: { refunded: refund, leftToRefund: order.amount - refund },
    });
    expect(await ledgerOf(order.customer_id)).toContainEqual(
      expect.objectContaining({ order_id: order.id, amount: refund, reason: "refund" }),
    );
    expect((await operator.post(`/orders/${order.id}/outcome`, { status: "canceled", reason: "twice" })).status).toBe(
      409,
    );
  });

  it("resolves an unknown order: placed with the supplier's id by an operator; refunded only by someone who may refund", async () => {
    const first = await paidOrder({ place: false });
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.runJobs();
    expect((await orderRow(first.id)).status).toBe("unknown");
    const [supplierOrder] = [...kit.sandbox.smm.orders.values()].slice(-1);
    const resolved = await staff.operator().post(`/orders/${first.id}/resolve`, {
      kind: "placed",
      providerOrderId: String(supplierOrder!.order),
      reason: "seen in the panel",
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.order).toMatchObject({ status: "processing", providerOrderId: String(supplierOrder!.order) });

    const second = await paidOrder({ place: false });
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.runJobs();
    expect(
      (await staff.operator().post(`/orders/${second.id}/resolve`, { kind: "placed", reason: "no id" })).status,
    ).toBe(400);
    const refunded = await staff
      .admin()
      .post(`/orders/${second.id}/resolve`, { kind: "refund", reason: "the supplier has no record" });
    expect(refunded.body).toMatchObject({
      order: { status: "refunded" },
      money: { refunded: second.amount, leftToRefund: 0 },
      actions: { refund: false },
    });
    expect((await auditOf(`order:${second.id}`)).map((a) => [a.action, a.actor])).toEqual([
      ["order.resolve_unknown.refund", `telegram:${STAFF.admin}`],
    ]);
  });
});

describe("refunds from the app", () => {
  it("refunds part, shows what is left, refuses more than that, then refunds the rest: one ledger entry and one audit entry each", async () => {
    const order = await paidOrder();
    const admin = staff.admin();
    const part = await admin.post(`/orders/${order.id}/refund`, { amount: 1_000, reason: "goodwill" });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({
      refunded: 1_000,
      detail: { order: { status: "processing" }, money: { refunded: 1_000, leftToRefund: order.amount - 1_000 } },
    });
    expect(part.body.detail.timeline.filter((e: { kind: string }) => e.kind === "ledger")).toEqual([
      expect.objectContaining({
        amount: 1_000,
        reason: "refund",
        note: "admin: goodwill",
        description: { kind: "refund_admin", params: {}, text: "goodwill" },
      }),
    ]);

    const before = await everything();
    const tooMuch = await admin.post(`/orders/${order.id}/refund`, { amount: order.amount, reason: "too much" });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.message).toContain("is left to refund");
    expect(tooMuch.body.error).toMatchObject({
      key: "orders.refund_too_much",
      params: { left: order.amount - 1_000, order: order.id },
    });
    expect((await admin.post(`/orders/${order.id}/refund`, { amount: 10.5, reason: "fraction" })).status).toBe(400);
    const noReason = await admin.post(`/orders/${order.id}/refund`, { amount: 500, reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.key).toMatch(/^input\./); // said in the admin's language by the app
    expect((await admin.post(`/orders/${order.id}/refund`, "not json")).status).toBe(400);
    expect(await everything()).toEqual(before);

    const rest = await staff.owner().post(`/orders/${order.id}/refund`, { reason: "customer wants the rest back" });
    expect(rest.body).toMatchObject({
      refunded: order.amount - 1_000,
      detail: { order: { status: "refunded" }, money: { leftToRefund: 0 } },
    });
    expect((await ledgerOf(order.customer_id)).filter((e) => e.order_id === order.id).map((e) => e.amount)).toEqual([
      1_000,
      order.amount - 1_000,
    ]);
    expect((await auditOf(`order:${order.id}`)).map((a) => a.action)).toEqual(["order.refund", "order.refund"]);
    expect((await admin.post(`/orders/${order.id}/refund`, { amount: 1, reason: "again" })).status).toBe(409);
    await kit.runJobs();
    expect(kit.customer(BUDI).lastText()).toContain(
      `untuk pesanan #${order.id} dikembalikan ke saldo dompetmu oleh admin`,
    );
  });
});

describe("manual orders made by an admin", () => {
  const customerId = async (telegramId: number) =>
    (await kit.db.selectFrom("customers").select("id").where("telegram_id", "=", telegramId).executeTakeFirstOrThrow())
      .id;

  it("paid from the wallet: priced from the database, refused while the balance is short, then one debit, manual state, audited and told", async () => {
    const id = await customerId(ALEX);
    await kit.runJobs();
    const admin = staff.admin();
    const balance = async () => kit.container.wallet.balance(id);
    // Whatever balance earlier tests left, start from zero.
    if ((await balance()) > 0) await kit.container.walletAdmin.adjust(id, -(await balance()), "test reset", "cli");

    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId: 999_999,
          mid: 2,
          target: "https://instagram.com/x",
          quantity: 100,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId: id,
          mid: 2,
          target: "https://instagram.com/x",
          quantity: 5,
        })
      ).body.error.message,
    ).toContain("between 100 and");
    const quote = await admin.post("/orders/manual/quote", {
      customerId: id,
      mid: 2,
      target: "https://instagram.com/manual_alex",
      quantity: 500,
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ customerId: id, service: { mid: 2 }, quantity: 500, balance: 0 });
    const amount = quote.body.amount as number;
    expect(Number.isInteger(amount) && amount > 0).toBe(true);

    const before = await everything();
    const short = await admin.post("/orders/manual", {
      quoteId: quote.body.quoteId,
      payment: "wallet",
      reason: "ordered on WhatsApp",
    });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe("wallet.insufficient_balance");
    expect(await everything()).toEqual(before);

    await kit.container.walletAdmin.adjust(id, amount + 500, "top-up paid by bank transfer", "cli");
    const made = await admin.post("/orders/manual", {
      quoteId: quote.body.quoteId,
      payment: "wallet",
      reason: "ordered on WhatsApp",
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      order: { status: "manual", isManual: true, paidWith: "wallet", amount, adminNotes: "ordered on WhatsApp" },
      money: { paid: amount, leftToRefund: amount },
      actions: { outcome: true, sync: false },
    });
    expect(made.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "paid", "audit"]);
    // Paid from the wallet, said by the rail; the ledger's reference is no reading for people.
    expect(made.body.timeline[1]).toMatchObject({ rail: "wallet", reference: null });
    // On a running clock the order is stamped paid a moment before its row is written: creation still comes first.
    await kit.db
      .updateTable("orders")
      .set((eb) => ({ paid_at: eb("created_at", "-", 5) }))
      .where("id", "=", made.body.order.id)
      .execute();
    expect(
      (await admin.get(`/orders/${made.body.order.id}`)).body.timeline.map((e: { kind: string }) => e.kind),
    ).toEqual(["created", "paid", "audit"]);
    expect(await balance()).toBe(500);
    expect((await ledgerOf(id)).at(-1)).toMatchObject({
      amount: -amount,
      reason: "purchase",
      reference: `purchase:order:${made.body.order.id}`,
    });
    expect((await auditOf(`order:${made.body.order.id}`)).map((a) => [a.action, a.reason])).toEqual([
      ["order.create_manual", "ordered on WhatsApp"],
    ]);
    expect((await auditOf(`customer:${id}`)).at(-1)).toMatchObject({
      action: "wallet.pay_manual_order",
      after: JSON.stringify({ balance: 500, order: made.body.order.id }),
    });
    // Nothing goes to a supplier, and the quote cannot be used twice.
    const calls = kit.sandbox.smm.addCalls();
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(calls);
    expect(kit.customer(ALEX).lastText()).toContain(`placed order #${made.body.order.id} for you`);
    expect(
      (await admin.post("/orders/manual", { quoteId: quote.body.quoteId, payment: "wallet", reason: "again" })).status,
    ).toBe(409);
  });

  it("paid outside the bot: no ledger entry; canceling it later refunds the amount to the wallet once", async () => {
    const id = await customerId(BUDI);
    const owner = staff.owner();
    const quote = await owner.post("/orders/manual/quote", {
      customerId: id,
      mid: 2,
      target: "https://instagram.com/cash_budi",
      quantity: 200,
    });
    expect((await owner.post("/orders/manual", { quoteId: quote.body.quoteId, payment: "external" })).status).toBe(400);
    const ledgerBefore = await ledgerOf(id);
    const made = await owner.post("/orders/manual", {
      quoteId: quote.body.quoteId,
      payment: "external",
      reason: "paid cash at the counter",
    });
    expect(made.body.order).toMatchObject({ status: "manual", paidWith: "external" });
    expect(made.body.timeline[1]).toMatchObject({ kind: "paid", rail: "external", reference: null });
    expect(await ledgerOf(id)).toEqual(ledgerBefore);

    const canceled = await staff
      .operator()
      .post(`/orders/${made.body.order.id}/outcome`, { status: "canceled", reason: "cannot deliver" });
    expect(canceled.body).toMatchObject({
      order: { status: "canceled" },
      money: { refunded: quote.body.amount, leftToRefund: 0 },
    });
    expect((await ledgerOf(id)).filter((e) => e.order_id === made.body.order.id).map((e) => e.amount)).toEqual([
      quote.body.amount,
    ]);
  });
});

describe("manual orders under way, notes, sync all and orders waiting for supplier funds", () => {
  it("moves a manual order through processing (start count, remains mid-way) to its outcome, by an operator", async () => {
    await kit.db.updateTable("services").set({ mode: "manual" }).where("mid", "=", 2).execute();
    const order = await paidOrder({ quantity: 1000, userId: ALEX });
    await kit.db.updateTable("services").set({ mode: "auto" }).where("mid", "=", 2).execute();
    const operator = staff.operator();
    expect((await operator.get(`/orders/${order.id}`)).body.actions).toMatchObject({
      progress: true,
      notes: true,
      outcome: true,
      retry: false,
    });

    // Bad input: no reason, nothing to record, more left than ordered.
    expect((await operator.post(`/orders/${order.id}/progress`, { startCount: 1200 })).status).toBe(400);
    expect((await operator.post(`/orders/${order.id}/progress`, { reason: "started" })).body.error.message).toContain(
      "give the start count, what remains, or both",
    );
    expect(
      (await operator.post(`/orders/${order.id}/progress`, { remains: 1001, reason: "started" })).body.error.message,
    ).toContain("between 0 and the quantity, 1000");

    const started = await operator.post(`/orders/${order.id}/progress`, {
      startCount: 1200,
      remains: 1000,
      reason: "started by hand",
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      order: { status: "processing", startCount: 1200, remains: 1000 },
      actions: { progress: true, outcome: true, sync: false },
    });
    const midway = await operator.post(`/orders/${order.id}/progress`, { remains: 400, reason: "600 sent" });
    expect(midway.body.order).toMatchObject({ status: "processing", startCount: 1200, remains: 400 });
    expect(midway.body.timeline.filter((e: { kind: string }) => e.kind === "progress")).toEqual([
      expect.objectContaining({ startCount: 1200, remains: 400 }),
    ]);
    await kit.runJobs();
    expect(kit.customer(ALEX).lastText()).toContain(`Order #${order.id} is being worked on: 400 to go.`);
    // A status sync round leaves a manual order alone (nothing to ask a supplier).
    await kit.container.statusSync.syncAll();
    expect((await orderRow(order.id)).status).toBe("processing");

    const done = await operator.post(`/orders/${order.id}/outcome`, {
      status: "partial",
      remains: 100,
      reason: "the last 100 could not be sent",
    });
    const refund = Math.floor((order.amount * 100) / 1000);
    expect(done.body).toMatchObject({
      order: { status: "partial", remains: 100, startCount: 1200 },
      money: { refunded: refund },
    });
    expect((await operator.post(`/orders/${order.id}/progress`, { remains: 50, reason: "late" })).status).toBe(409);
    expect((await auditOf(`order:${order.id}`)).map((a) => a.action)).toEqual([
      "order.progress",
      "order.progress",
      "order.set_outcome",
    ]);
  });

  it("refuses progress by hand on an order at a supplier", async () => {
    const order = await paidOrder();
    expect((await orderRow(order.id)).status).toBe("processing");
    const answer = await staff.operator().post(`/orders/${order.id}/progress`, { remains: 10, reason: "guess" });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toContain("only a manual order in progress takes progress by hand");
  });

  it("edits an order's notes on their own: no state change, nothing sent to the customer, audited", async () => {
    const order = await paidOrder({ userId: BUDI });
    const messages = kit.customer(BUDI).botMessages().length;
    const operator = staff.operator();
    expect((await operator.post(`/orders/${order.id}/notes`, { notes: "x".repeat(2_001) })).status).toBe(400);
    const saved = await operator.post(`/orders/${order.id}/notes`, { notes: "  customer asked for slow delivery  " });
    expect(saved.body.order).toMatchObject({ status: order.status, adminNotes: "customer asked for slow delivery" });
    expect((await operator.post(`/orders/${order.id}/notes`, { notes: "" })).body.order.adminNotes).toBeNull();
    await kit.runJobs();
    expect(kit.customer(BUDI).botMessages()).toHaveLength(messages);
    expect((await auditOf(`order:${order.id}`)).map((a) => a.action)).toEqual(["order.notes", "order.notes"]);
    expect((await staff.as(123_456).post(`/orders/${order.id}/notes`, { notes: "stranger" })).status).toBe(403);
  });

  it("syncs every order in progress at once, with why, audited", async () => {
    const order = await paidOrder();
    clock.advance(60_000);
    const operator = staff.operator();
    expect((await operator.post("/orders/sync-all", {})).status).toBe(400);
    const synced = await operator.post("/orders/sync-all", { reason: "customers asking" });
    expect(synced.status).toBe(200);
    expect(synced.body.report.checked).toBeGreaterThanOrEqual(1);
    expect(synced.body.report.failedSuppliers).toBe(0);
    expect((await orderRow(order.id)).status).toBe("completed");
    expect((await auditOf("orders")).at(-1)).toMatchObject({ action: "orders.sync_all", reason: "customers asking" });
  });

  it("retries an order waiting for supplier funds once the supplier is topped up", async () => {
    kit.sandbox.smm.runOutOfFunds();
    const order = await paidOrder({ userId: ALEX, target: "https://instagram.com/waiting_for_funds" });
    expect((await orderRow(order.id)).status).toBe("waiting_funds");
    const operator = staff.operator();
    const detail = await operator.get(`/orders/${order.id}`);
    expect(detail.body).toMatchObject({ order: { status: "waiting_funds" }, actions: { retry: true } });
    expect(detail.body.order.fundsWaitingSince).toBeTypeOf("number");
    expect(
      (await operator.get("/orders", { status: "waiting_funds" })).body.items.map((o: { id: number }) => o.id),
    ).toEqual([order.id]);
    expect((await operator.post(`/orders/${order.id}/retry`, {})).status).toBe(400);
    kit.sandbox.smm.topUp(100_000_000);
    const retried = await operator.post(`/orders/${order.id}/retry`, { reason: "topped up the panel" });
    expect(retried.status).toBe(200);
    expect(retried.body.order.status).toBe("paid");
    await kit.runJobs();
    expect((await orderRow(order.id)).status).toBe("processing");
    expect((await operator.post(`/orders/${order.id}/retry`, { reason: "again" })).status).toBe(409);
  });
});
