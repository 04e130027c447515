import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { listen } from "../../server/listen.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Following orders at the supplier (fulfilment.status-sync.ts) against the SMM panel simulator over
 * real HTTP: calls of up to 100 ids with the configured pause between them, stuck orders flagged to
 * admins once, and supplier words the shop does not know.
 */

const HOUR = 3_600_000;

let kit: ShopKit | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
  await kit?.close();
  kit = undefined;
});

/** A customer buys through the bot and pays; the supplier call waits for `runJobs`. */
async function paidOrder(k: ShopKit, target: string, quantity = 1000, userId?: number) {
  const { customer, transaction } = await buyUntilInvoice(k, {
    mid: 2,
    target,
    quantity,
    ...(userId ? { userId } : {}),
  });
  await k.sandbox.midtrans.pay(transaction.order_id);
  const order = await k.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  return { customer, order };
}

const orderRow = (k: ShopKit, id: number) =>
  k.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const statusRequests = (k: ShopKit) => k.sandbox.smm.requests.filter((r) => r.action === "status");
const stuckAlerts = (k: ShopKit, orderId: number) =>
  k.sandbox.telegram.messagesIn(ADMIN_ID).filter((m) => m.plain.includes(`Pesanan #${orderId} tidak ada kemajuan`));

describe("asking the supplier about many orders", () => {
  it(
    "asks about at most 100 orders per call and pauses between calls to the same supplier, as set",
    { timeout: 120_000 },
    async () => {
      // Real time: the pause is real time, and the simulator stamps each request with it.
      const k = (kit = await createShopKit());
      const N = 150;
      // Three resellers with money in their wallets buy through the bot and pay from the wallet.
      const resellers = [300_001, 300_002, 300_003].map((id) => k.customer(id));
      for (const reseller of resellers) {
        await reseller.say("/saldo");
        const { id } = await k.db
          .selectFrom("customers")
          .select("id")
          .where("telegram_id", "=", reseller.id)
          .executeTakeFirstOrThrow();
        await k.container.walletAdmin.adjust(id, 10_000_000, "float for a big campaign", "cli");
      }
      for (let i = 0; i < N; i++) {
        const reseller = resellers[i % resellers.length]!;
        await reseller.say(`ID 2 https://instagram.com/reseller_${i} 100`);
        await reseller.pressButton(/^payw:/);
      }
      await k.runJobs();
      const processing = await k.db
        .selectFrom("orders")
        .select(["id", "provider_order_id"])
        .where("status", "=", "processing")
        .orderBy("id")
        .execute();
      expect(processing).toHaveLength(N);
      expect(k.sandbox.smm.orders.size).toBe(N);

      // One call's worth of orders: no pause at all, however long the pause is set.
      await k.container.settings.set("fulfilment.status_pause_ms", 5_000);
      let started = performance.now();
      const one = await k.container.statusSync.syncOrders(processing.slice(0, 100).map((o) => o.id));
      expect(one).toMatchObject({ checked: 100, supplierCalls: 1 });
      expect(performance.now() - started).toBeLessThan(5_000);

      await k.container.settings.set("fulfilment.status_pause_ms", 300);
      const before = statusRequests(k).length;
      started = performance.now();
      const report = await k.container.statusSync.syncAll();
      const elapsed = performance.now() - started;
      const calls = statusRequests(k).slice(before);

      expect(report).toMatchObject({ checked: N, supplierCalls: Math.ceil(N / 100), failedSuppliers: 0 });
      expect(calls).toHaveLength(Math.ceil(N / 100));
      expect(calls.map((c) => c.fields.orders!.split(",").length)).toEqual([100, 50]);
      // Every order asked about exactly once.
      expect(calls.flatMap((c) => c.fields.orders!.split(",")).sort()).toEqual(
        processing.map((o) => o.provider_order_id!).sort(),
      );
      expect(elapsed).toBeGreaterThanOrEqual(300);
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(295);
    },
  );
});

describe("orders with no progress at the supplier", () => {
  it("flags an order to admins once when it shows no progress for longer than the setting, and again only after progress resets", async () => {
    const clock: ManualClock = createManualClock(Date.now());
    // A slow supplier: 3 hours Pending, then "In progress" for weeks.
    const k = (kit = await createShopKit({ clock, smm: { pendingMs: 3 * HOUR, runMs: 1_000 * HOUR } }));
    await k.container.settings.set("fulfilment.stuck_after_hours", 2);
    const { order: paid } = await paidOrder(k, "https://instagram.com/budi", 100);
    await k.runJobs();
    clock.advance(60_000);
    await k.container.statusSync.syncAll();
    const seen = await orderRow(k, paid.id);
    expect(seen).toMatchObject({
      status: "processing",
      provider_status: "Pending",
      last_progress_at: clock.now(),
      stuck_flagged_at: null,
    });

    // 1 h 59 min without progress: not yet.
    clock.advance(2 * HOUR - 60_000);
    expect((await k.container.statusSync.syncAll()).flaggedStuck).toBe(0);
    // Past two hours without progress: flagged, with the order number.
    clock.advance(2 * 60_000);
    const flagged = await k.container.statusSync.syncAll();
    await k.runJobs();
    expect(flagged.flaggedStuck).toBe(1);
    expect((await orderRow(k, paid.id)).stuck_flagged_at).toBe(clock.now());
    expect(stuckAlerts(k, paid.id)).toHaveLength(1);
    expect(stuckAlerts(k, paid.id)[0]!.plain).toContain("tidak ada kemajuan selama 2 jam (status supplier: Pending)");

    // Still no progress: not flagged again.
    clock.advance(30 * 60_000);
    expect((await k.container.statusSync.syncAll()).flaggedStuck).toBe(0);
    await k.runJobs();
    expect(stuckAlerts(k, paid.id)).toHaveLength(1);

    // The supplier starts the order (3 h after taking it): progress resets the flag…
    clock.advance(40 * 60_000);
    await k.container.statusSync.syncAll();
    const started = await orderRow(k, paid.id);
    expect(started).toMatchObject({
      status: "processing",
      provider_status: "In progress",
      last_progress_at: clock.now(),
      stuck_flagged_at: null,
    });
    // …and after another two hours with the same count, it is flagged a second time.
    clock.advance(HOUR);
    expect((await k.container.statusSync.syncAll()).flaggedStuck).toBe(0);
    clock.advance(HOUR + 60_000);
    expect((await orderRow(k, paid.id)).remains).toBe(100);
    expect((await k.container.statusSync.syncAll()).flaggedStuck).toBe(1);
    await k.runJobs();
    expect(stuckAlerts(k, paid.id)).toHaveLength(2);
    expect(stuckAlerts(k, paid.id)[1]!.plain).toContain("status supplier: In progress");
    expect((await orderRow(k, paid.id)).status).toBe("processing");
  });

  it("an admin's sync of one order does not flag it, the scheduled sync of all orders does", async () => {
    const clock: ManualClock = createManualClock(Date.now());
    const k = (kit = await createShopKit({ clock, smm: { pendingMs: 100 * HOUR } }));
    await k.container.settings.set("fulfilment.stuck_after_hours", 1);
    const { order } = await paidOrder(k, "https://instagram.com/budi", 100);
    await k.runJobs();
    clock.advance(60_000);
    await k.container.statusSync.syncAll(); // the supplier says Pending, and keeps saying it
    clock.advance(3 * HOUR);
    expect((await k.container.orderAdmin.syncNow(order.id)).flaggedStuck).toBe(0);
    expect((await k.container.orderAdmin.syncNow()).flaggedStuck).toBe(1);
    await k.runJobs();
    expect(stuckAlerts(k, order.id)).toHaveLength(1);
  });
});

describe("supplier words the shop does not know", () => {
  it("keeps an order with an unrecognized supplier status in progress and keeps asking until a known status arrives", async () => {
    const clock: ManualClock = createManualClock(Date.now());
    const k = (kit = await createShopKit({ clock }));
    const { customer, order: paid } = await paidOrder(k, "https://instagram.com/budi");
    await k.runJobs();
    expect((await orderRow(k, paid.id)).status).toBe("processing");

    // A panel clone in front of the simulator that says "Awaiting" for every order it is asked about.
    const realUrl = (
      await k.db.selectFrom("providers").select("api_url").where("name", "=", SUPPLIER).executeTakeFirstOrThrow()
    ).api_url;
    let asked = 0;
    const clone = new Hono();
    clone.post("/api/v2", async (c) => {
      const body = (await c.req.parseBody()) as Record<string, string>;
      const answer = await k.sandbox.smm.routes.request("/api/v2", { method: "POST", body: new URLSearchParams(body) });
      const json = (await answer.json()) as Record<string, unknown>;
      if (body.action !== "status") return c.json(json);
      asked++;
      const rename = (entry: unknown) =>
        typeof entry === "object" && entry !== null && "status" in entry ? { ...entry, status: "Awaiting" } : entry;
      return c.json(
        body.orders !== undefined
          ? Object.fromEntries(Object.entries(json).map(([id, entry]) => [id, rename(entry)]))
          : rename(json),
      );
    });
    const server = await listen(clone, "127.0.0.1", 0);
    cleanups.push(() => server.close());
    clock.advance(1_000);
    await k.container.providers.edit(SUPPLIER, { url: `http://127.0.0.1:${server.port}/api/v2` });

    for (let round = 1; round <= 3; round++) {
      clock.advance(60_000);
      const report = await k.container.statusSync.syncAll();
      expect(report).toMatchObject({ checked: 1, changed: 0, failedSuppliers: 0 });
      expect(await orderRow(k, paid.id)).toMatchObject({
        status: "processing",
        provider_status: "Awaiting",
        last_status_check_at: clock.now(),
        finished_at: null,
      });
      expect(asked).toBe(round);
    }
    expect(k.logs.text()).toContain("unrecognized supplier status; still polling");
    expect(await k.db.selectFrom("ledger_entries").selectAll().execute()).toEqual([]);

    // The supplier speaks plainly again: the order completes.
    clock.advance(1_000);
    await k.container.providers.edit(SUPPLIER, { url: realUrl });
    clock.advance(60_000);
    await k.container.statusSync.syncAll();
    await k.runJobs();
    expect((await orderRow(k, paid.id)).status).toBe("completed");
    expect(customer.lastText()).toContain(`Pesanan #${paid.id} selesai`);
  });
});

describe("refunds from the status sync and from admins together", () => {
  it("a supplier cancelling an order that an admin already refunded in part refunds only the rest", async () => {
    // BUG (fulfilment.status-sync.ts applyReport, case "canceled"): the supplier's cancel refunds
    // order.amount under the reference `refund:order:<id>` without subtracting what an admin already
    // refunded (orders.admin.ts refund, another reference), so the customer gets more than they paid.
    const clock: ManualClock = createManualClock(Date.now());
    const k = (kit = await createShopKit({ clock }));
    const { order: paid } = await paidOrder(k, "https://instagram.com/cancel_me");
    await k.runJobs();
    expect((await orderRow(k, paid.id)).status).toBe("processing");
    await k.container.orderAdmin.refund(paid.id, { amount: 1_000, reason: "late delivery, goodwill" }, "cli");
    clock.advance(60_000);
    await k.container.statusSync.syncAll();
    expect((await orderRow(k, paid.id)).status).toBe("canceled");
    expect(await k.container.wallet.balance(paid.customer_id)).toBe(paid.amount);
  });
});

describe("several suppliers", () => {
  it("asks every supplier at once: one that hangs does not hold up the others", { timeout: 60_000 }, async () => {
    const k = (kit = await createShopKit({ responseTimeoutMs: 4_000 }));
    const smm = await paidOrder(k, "https://instagram.com/budi");
    await k.addTopupSupplier("digiflazz");
    const mid = (
      await k.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    const buyer = k.customer(100_002);
    await buyer.say(`ID ${mid} 081234567890`);
    await buyer.pressButton(/^pay:/);
    await k.sandbox.midtrans.pay(k.latestTransaction().order_id);
    await k.runJobs();
    const topup = await k.db.selectFrom("orders").selectAll().where("id", "!=", smm.order.id).executeTakeFirstOrThrow();
    expect((await orderRow(k, smm.order.id)).status).toBe("processing");
    expect(topup.status).toBe("processing");

    // The SMM panel (the first supplier) stops answering status calls.
    k.sandbox.smm.setFault("status", "hang");
    const digiflazzCalls = k.sandbox.digiflazz.requests.length;
    const panelGaveUp = () => k.logs.text().includes("status sync failed for a supplier");
    const round = k.container.statusSync.syncAll();
    // Digiflazz is asked while the panel's call is still hanging (suppliers one after the other would
    // ask it only once the panel's call had timed out and been logged as failed).
    while (k.sandbox.digiflazz.requests.length === digiflazzCalls)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(panelGaveUp()).toBe(false);
    const report = await round;
    expect(panelGaveUp()).toBe(true);
    expect(report).toMatchObject({ failedSuppliers: 1 });
    expect(statusRequests(k)).toHaveLength(1);
  });
});
