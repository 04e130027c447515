import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { buyUntilInvoice, createShopKit, type ShopKit, type ShopKitOptions } from "../../../test/kit/shop-kit.js";

let kit: ShopKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

async function paidOrder(options: ShopKitOptions & { target?: string; quantity?: number } = {}) {
  kit = await createShopKit(options);
  const { customer, transaction } = await buyUntilInvoice(kit, {
    mid: 2,
    target: options.target ?? "https://instagram.com/budi",
    quantity: options.quantity ?? 1000,
  });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
  return { kit, customer, order };
}

const orderRow = (k: ShopKit) => k.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
const ledger = (k: ShopKit) => k.db.selectFrom("ledger_entries").selectAll().execute();
const adminTexts = (k: ShopKit) => k.sandbox.telegram.messagesIn(900001).map((m) => m.plain);

describe("placing a paid order with the supplier", () => {
  it("refunds the full amount to the wallet and tells the customer when the supplier refuses the order", async () => {
    const { kit, customer, order } = await paidOrder();
    // Out of funds no longer refunds (the order waits: fulfilment.funds.test.ts); a running order for
    // the same link at the supplier is a refusal that does.
    kit.sandbox.smm.orders.set(1, {
      order: 1,
      service: Number((await kit.container.catalog.findByMid(2))!.providerServiceId),
      link: order.target,
      quantity: 1000,
      params: {},
      charge: "1",
      startCount: 0,
      createdAt: Date.now(),
      outcome: "Completed",
    });
    await kit.runJobs();
    const after = await orderRow(kit);
    expect(after.status).toBe("refunded");
    expect(after.last_error).toContain("active order with this link");
    expect(await ledger(kit)).toEqual([
      expect.objectContaining({
        customer_id: order.customer_id,
        amount: order.amount,
        reference: `refund:order:${order.id}`,
      }),
    ]);
    expect(kit.sandbox.smm.addCalls()).toBe(1);
    // The customer sees a reason they can understand, never the supplier's balance problem.
    expect(customer.lastText()).toContain(`pesanan #${order.id} tidak bisa diproses`);
    expect(customer.lastText()).not.toContain("funds");
    expect(adminTexts(kit).at(-1)).toContain("active order with this link");
    expect((await customer.say("/saldo"))[0]!.plain).toContain(`Rp\u00a0${order.amount.toLocaleString("id-ID")}`);
  });

  it("marks the order unknown, never sends it twice, and alerts admins when the supplier times out after accepting", async () => {
    const { kit, customer, order } = await paidOrder();
    kit.sandbox.smm.setFault("add", "hang");
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("unknown");
    expect(kit.sandbox.smm.addCalls()).toBe(1);
    expect(kit.sandbox.smm.orders.size).toBe(1); // the supplier did take it: a retry would have doubled it
    expect(await ledger(kit)).toHaveLength(0);
    expect(customer.lastText()).toContain("pembayaranmu aman");
    expect(adminTexts(kit).at(-1)).toContain(`#${order.id}`);
    // Whatever runs the job again, nothing is re-sent.
    await kit.db.updateTable("jobs").set({ status: "pending", run_at: 0 }).execute();
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });

  it("treats a worker that died during the supplier call as an unknown outcome, not as a reason to resend", async () => {
    const { kit } = await paidOrder();
    const job = await kit.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").executeTakeFirstOrThrow();
    // As left by a killed worker: the call was marked in flight and the job's lease ran out.
    await kit.db.updateTable("orders").set({ status: "placing", placement_state: "in_flight" }).execute();
    await kit.db.updateTable("jobs").set({ status: "running", lease_until: 0 }).where("id", "=", job.id).execute();
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("unknown");
    expect(kit.sandbox.smm.addCalls()).toBe(0);
  });

  it("re-sends a call cut off by a crash when the supplier dedupes on our reference, and gets one transaction", async () => {
    kit = await createShopKit();
    await kit.addTopupSupplier("digiflazz");
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    const customer = kit.customer();
    await customer.say(`ID ${mid} 081234567890`);
    await customer.pressButton(/^pay:/);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    // The first attempt reached Digiflazz, then the worker died before recording the answer.
    const order = await orderRow(kit);
    await kit.db.updateTable("orders").set({ status: "placing", placement_state: "in_flight", attempts: 1 }).execute();
    await kit.db
      .updateTable("jobs")
      .set({ status: "running", lease_until: 0 })
      .where("kind", "=", "place_order")
      .execute();
    const adapter = await kit.container.providers.adapterFor((await kit.container.catalog.findByMid(mid))!.providerId);
    await adapter.placeOrder({
      reference: `TB${order.id}-0`,
      providerServiceId: (await kit.container.catalog.findByMid(mid))!.providerServiceId,
      serviceType: "Top-up",
      target: "081234567890",
      quantity: 1,
    });
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("processing");
    expect(kit.sandbox.digiflazz.transactions.size).toBe(1);
  });

  it("resolves an unknown placement by itself where the supplier dedupes on our reference, and leaves the rest to a person", async () => {
    kit = await createShopKit();
    // An SMM panel order whose outcome is unknown (the panel took it, the answer was lost).
    const panelBuyer = await buyUntilInvoice(kit, { mid: 2, target: "https://instagram.com/budi", quantity: 1000 });
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.sandbox.midtrans.pay(panelBuyer.transaction.order_id);
    await kit.runJobs();
    const panelOrder = await orderRow(kit);
    expect(panelOrder.status).toBe("unknown");

    // A Digiflazz order left unknown after its request reached Digiflazz (an answer the shop could not read as an outcome).
    await kit.addTopupSupplier("digiflazz");
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    const buyer = kit.customer(100_002);
    await buyer.say(`ID ${mid} 081234567890`);
    await buyer.pressButton(/^pay:/);
    const topupId = (await kit.db.selectFrom("orders").select("id").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    const service = (await kit.container.catalog.findByMid(mid))!;
    const adapter = await kit.container.providers.adapterFor(service.providerId);
    await adapter.placeOrder({
      reference: `TB${topupId}-0`,
      providerServiceId: service.providerServiceId,
      serviceType: "Top-up",
      target: "081234567890",
      quantity: 1,
    });
    await kit.db
      .updateTable("orders")
      .set({ status: "unknown", placement_state: "idle", attempts: 1, last_error: "unknown rc 77" })
      .where("id", "=", topupId)
      .execute();
    await kit.db.updateTable("jobs").set({ status: "done" }).where("kind", "=", "place_order").execute();

    expect(await kit.container.fulfilment.resolveUnknownAutomatically()).toBe(1);
    await kit.runJobs();
    const topup = await kit.db.selectFrom("orders").selectAll().where("id", "=", topupId).executeTakeFirstOrThrow();
    expect(topup.status).toBe("processing");
    expect(topup.provider_order_id).toBe(`TB${topupId}-0`);
    expect(kit.sandbox.digiflazz.transactions.size).toBe(1); // asked again with the same ref_id: still one transaction
    // The panel has no way to be asked by our reference: that order waits for a person, never re-sent.
    expect(
      (await kit.db.selectFrom("orders").select("status").where("id", "=", panelOrder.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("unknown");
    expect(await kit.container.fulfilment.resolveUnknownAutomatically()).toBe(0);
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });

  it("never fails over or refunds after retries a deduping supplier may have processed: unknown, one transaction", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock });
    await kit.addTopupSupplier("digiflazz");
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    const customer = kit.customer();
    await customer.say(`ID ${mid} 081234567890`);
    await customer.pressButton(/^pay:/);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    // Digiflazz takes the transaction every time but answers HTTP 500.
    kit.sandbox.digiflazz.setFault("transaction", "http500");
    await kit.runJobs();
    for (const delay of [5_000, 10_000, 20_000]) {
      clock.advance(delay);
      await kit.runJobs();
    }
    const after = await orderRow(kit);
    expect(after).toMatchObject({ status: "unknown", attempts: 4 });
    expect(after.last_error).toContain("no clear answer after 4 attempts");
    expect(await ledger(kit)).toHaveLength(0);
    expect(kit.sandbox.digiflazz.transactions.size).toBe(1);
  });

  it("retries a call that never reached the supplier, then succeeds", async () => {
    const clock = createManualClock(Date.now());
    const { kit } = await paidOrder({ clock });
    kit.sandbox.smm.setFault("add", "http429", 1);
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("placing");
    clock.advance(6_000);
    await kit.runJobs();
    const after = await orderRow(kit);
    expect(after.status).toBe("processing");
    expect(kit.sandbox.smm.orders.size).toBe(1);
  });

  it("retries after 5, 10 and 20 s, then refunds when the supplier cannot be reached at all", async () => {
    const clock: ManualClock = createManualClock(Date.now());
    const { kit, order } = await paidOrder({ clock });
    await kit.container.providers.edit("panel", { url: "http://127.0.0.1:9/api/v2" });
    await kit.runJobs();
    expect((await orderRow(kit)).attempts).toBe(1);
    // Each retry comes due exactly at its delay after the previous attempt, not a millisecond before.
    for (const [retry, delay] of [5_000, 10_000, 20_000].entries()) {
      clock.advance(delay - 1);
      await kit.runJobs();
      expect((await orderRow(kit)).attempts).toBe(retry + 1);
      clock.advance(1);
      await kit.runJobs();
      expect((await orderRow(kit)).attempts).toBe(retry + 2);
    }
    clock.advance(60_000);
    await kit.runJobs();
    const after = await orderRow(kit);
    expect(after.status).toBe("refunded");
    expect(after.attempts).toBe(4);
    expect(await ledger(kit)).toEqual([expect.objectContaining({ amount: order.amount })]);
  });
});

describe("following orders at the supplier", () => {
  it("completes the order and tells the customer", async () => {
    const clock = createManualClock(Date.now());
    const { kit, customer, order } = await paidOrder({ clock });
    await kit.runJobs();
    clock.advance(10_000);
    await kit.container.statusSync.syncAll();
    await kit.runJobs();
    expect(customer.lastText()).toContain("mulai dikerjakan");
    clock.advance(60_000);
    const report = await kit.container.statusSync.syncAll();
    await kit.runJobs();
    expect(report).toMatchObject({ checked: 1, changed: 1, supplierCalls: 1 });
    expect((await orderRow(kit)).status).toBe("completed");
    expect(customer.lastText()).toContain(`Pesanan #${order.id} selesai`);
  });

  it("refunds the undelivered share of a partial order, rounded down, exactly once", async () => {
    const clock = createManualClock(Date.now());
    const { kit, order } = await paidOrder({ clock, target: "https://instagram.com/partial_budi", quantity: 1500 });
    await kit.runJobs();
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    await kit.container.statusSync.syncAll();
    const after = await orderRow(kit);
    expect(after.status).toBe("partial");
    expect(after.remains).toBe(450); // the simulator leaves 30% undelivered
    expect(await ledger(kit)).toEqual([
      expect.objectContaining({
        amount: Math.floor((order.amount * 450) / 1500),
        reference: `refund:order:${order.id}`,
      }),
    ]);
  });

  it("refunds a cancelled order in full", async () => {
    const clock = createManualClock(Date.now());
    const { kit, order } = await paidOrder({ clock, target: "https://instagram.com/cancel_me" });
    await kit.runJobs();
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    expect((await orderRow(kit)).status).toBe("canceled");
    expect(await ledger(kit)).toEqual([expect.objectContaining({ amount: order.amount })]);
  });
});

describe("payments that arrive by other paths", () => {
  it("finds a payment whose notification never arrived", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock });
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    clock.advance(30_000);
    expect(await kit.container.reconciler!.reconcileOpenPayments()).toEqual({ checked: 1, changed: 1 });
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("processing");
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });

  it("applies a payment once when the notification and the reconciler confirm it at the same moment", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock });
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
    clock.advance(30_000);
    const k = kit;
    await Promise.all([
      k.container.reconciler!.reconcileOpenPayments(),
      k.postNotification(k.sandbox.midtrans.notificationFor(transaction.order_id)),
      k.container.reconciler!.reconcileOpenPayments(),
    ]);
    expect(await k.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").execute()).toHaveLength(1);
    await k.runJobs();
    expect(k.sandbox.smm.addCalls()).toBe(1);
  });

  it("expires an unpaid invoice itself and tells the customer", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock });
    const { customer, transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    kit.sandbox.midtrans.setEnforceExpiry(false); // Midtrans does not enforce QRIS expiries under 15 minutes
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    await kit.runJobs();
    expect((await kit.db.selectFrom("payments").select("status").executeTakeFirstOrThrow()).status).toBe("expired");
    expect((await orderRow(kit)).status).toBe("expired");
    expect(kit.sandbox.midtrans.transactions.get(transaction.order_id)!.status).toBe("cancel");
    expect(customer.lastText()).toContain("kedaluwarsa");
  });

  it("fulfils a QR paid after it expired, once", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock });
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    expect((await orderRow(kit)).status).toBe("expired");
    await kit.sandbox.midtrans.pay(transaction.order_id, { late: true });
    await kit.runJobs();
    expect((await orderRow(kit)).status).toBe("processing");
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });
});
