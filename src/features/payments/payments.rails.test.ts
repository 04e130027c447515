import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { createOrderOpener } from "../orders/orders.opener.js";

let kit: ShopKit;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
});
afterEach(async () => {
  await kit.close();
});

const USER = 100001;
const orderRow = () => kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
const ledger = () => kit.db.selectFrom("ledger_entries").selectAll().orderBy("id").execute();
const balance = async () =>
  kit.container.wallet.balance(
    (await kit.db.selectFrom("customers").select("id").where("telegram_id", "=", USER).executeTakeFirstOrThrow()).id,
  );

async function quote(target = "https://instagram.com/budi", quantity = 1000) {
  const customer = kit.customer(USER);
  await customer.say(`ID 2 ${target} ${quantity}`);
  return customer;
}

/** The customer tops up by QRIS and the banking app pays it. */
async function topUp(amount: number) {
  const customer = kit.customer(USER);
  await customer.say(`/topup ${amount}`);
  await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
  await kit.runJobs();
  return customer;
}

describe("the wallet", () => {
  it("is topped up by QRIS and shows the credit in /saldo", async () => {
    const customer = await topUp(50_000);
    expect(await ledger()).toEqual([expect.objectContaining({ amount: 50_000, reason: "topup" })]);
    expect(
      customer
        .botMessages()
        .map((m) => m.plain)
        .join("\n"),
    ).toContain("Isi saldo Rp\u00a050.000 berhasil");
    expect((await customer.say("/saldo"))[0]!.plain).toContain("Saldo dompet: Rp\u00a050.000");
  });

  it("refuses top-ups outside the shop's limits", async () => {
    const replies = await kit.customer(USER).say("/topup 500");
    expect(replies[0]!.plain).toContain("minimal Rp\u00a010.000");
    expect(kit.sandbox.midtrans.transactions.size).toBe(0);
  });

  it("pays an order from the balance: debit, paid order and supplier job together", async () => {
    await topUp(50_000);
    const customer = await quote();
    const replies = await customer.pressButton(/^payw:/);
    const order = await orderRow();
    expect(order).toMatchObject({ status: "paid", paid_with: "wallet" });
    expect(await balance()).toBe(50_000 - order.amount);
    expect((await ledger()).at(-1)).toMatchObject({ amount: -order.amount, reason: "purchase", order_id: order.id });
    expect(await kit.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").execute()).toHaveLength(1);
    await kit.runJobs();
    expect((await orderRow()).status).toBe("processing");
    expect(kit.sandbox.midtrans.transactions.size).toBe(1); // only the top-up went through the gateway
    expect(replies).toEqual([]); // the confirmation comes as a notification
    expect(customer.lastText()).toContain("sedang diproses");
  });

  it("refuses to pay from a balance that is too low, and takes nothing", async () => {
    await topUp(10_000);
    const customer = await quote("https://instagram.com/budi", 5_000);
    const quoteRow = await kit.db
      .selectFrom("quotes")
      .selectAll()
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const quoteMessage = customer.botMessages().at(-1)!;
    // Too little balance: no wallet button, a line that says how much is missing instead (the
    // service allows drip-feed, so its quote offers that too).
    expect(quoteMessage.buttons.flat().map((b) => b.callback_data)).toEqual([
      `pay:${quoteRow.id}`,
      `pays:${quoteRow.id}`,
      "draft:cancel",
      "drip",
    ]);
    expect(quoteMessage.plain).toContain(
      `Saldo Rp\u00a010.000 kurang Rp\u00a0${(quoteRow.amount - 10_000).toLocaleString("id-ID")}`,
    );
    expect(await kit.db.selectFrom("orders").selectAll().execute()).toEqual([]);
  });

  it("answers an old wallet button pressed after the balance went down: no order, the other rails offered", async () => {
    await topUp(50_000);
    const customer = await quote();
    const quoteRow = await kit.db
      .selectFrom("quotes")
      .selectAll()
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const quoteMessage = customer.botMessages().at(-1)!;
    expect(quoteMessage.buttons.flat().map((b) => b.callback_data)).toContain(`payw:${quoteRow.id}`);
    // The balance goes down after the quote was shown (an admin's adjustment).
    await kit.db.transaction().execute((trx) =>
      kit.container.wallet.debit(trx, {
        customerId: quoteRow.customer_id,
        amount: 50_000 - 1_000,
        reason: "adjustment",
        reference: "test:down",
      }),
    );
    const replies = await customer.press(quoteMessage.message_id, `payw:${quoteRow.id}`);
    expect(replies[0]!.plain).toContain("kurang untuk total");
    expect(replies[0]!.plain).toContain("belum ada pesanan yang dibuat");
    expect(replies[0]!.buttons.flat().map((b) => b.callback_data)).toEqual([
      `pay:${quoteRow.id}`,
      `pays:${quoteRow.id}`,
      "draft:cancel",
    ]);
    expect(
      kit.sandbox.telegram.messagesIn(USER).find((m) => m.message_id === quoteMessage.message_id)!.buttons,
    ).toEqual([]);
    expect(await balance()).toBe(1_000);
    // No order waits for a payment that cannot come, and the quote can still be paid another way.
    expect(await kit.db.selectFrom("orders").selectAll().execute()).toEqual([]);
    await customer.pressButton(/^pay:/);
    expect((await orderRow()).status).toBe("awaiting_payment");
    expect(
      await kit.db
        .selectFrom("payments")
        .select("gateway")
        .where("order_id", "=", (await orderRow()).id)
        .execute(),
    ).toEqual([{ gateway: "midtrans" }]);
  });

  it("expires an order left unpaid with no open invoice once its quote's price is gone", async () => {
    const customer = await quote();
    const quoteRow = await kit.db
      .selectFrom("quotes")
      .selectAll()
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    // An order opened for the quote and never given an invoice, as a refused wallet attempt once left.
    const opener = createOrderOpener({ checkout: kit.container.checkout, clock });
    await kit.db.transaction().execute((trx) =>
      opener.open(trx, {
        quoteId: quoteRow.id,
        customerId: quoteRow.customer_id,
        service: { active: true, providerId: 1 },
        now: clock.now(),
      }),
    );
    expect((await orderRow()).status).toBe("awaiting_payment");
    // Another order with an open QRIS is left to the QRIS's own expiry.
    await customer.say("ID 2 https://instagram.com/budi_lain 1000");
    await customer.pressButton(/^pay:/);
    const withInvoice = await orderRow();
    expect(await kit.container.payments.expireAbandonedOrders()).toBe(0); // the quote still holds
    clock.advance(31 * 60_000);
    expect(await kit.container.payments.expireAbandonedOrders()).toBe(1);
    const orders = await kit.db.selectFrom("orders").select(["id", "status"]).orderBy("id").execute();
    expect(orders).toEqual([
      expect.objectContaining({ status: "expired" }),
      { id: withInvoice.id, status: "awaiting_payment" },
    ]);
  });

  it("never lets two taps spend the same balance twice", async () => {
    await topUp(20_000);
    const customer = await quote();
    const quoteMessage = customer.botMessages().at(-1)!;
    const data = quoteMessage.buttons.flat().find((b) => b.callback_data?.startsWith("payw:"))!.callback_data!;
    const first = kit.sandbox.telegram.userPresses(USER, quoteMessage.message_id, data);
    const second = kit.sandbox.telegram.userPresses(USER, quoteMessage.message_id, data);
    await Promise.all([kit.bot.handleUpdate(first as never), kit.bot.handleUpdate(second as never)]);
    expect((await ledger()).filter((e) => e.reason === "purchase")).toHaveLength(1);
    expect(await balance()).toBe(20_000 - (await orderRow()).amount);
  });
});

describe("Telegram Stars", () => {
  async function payWithStars() {
    const customer = await quote();
    const [invoice] = await customer.pressButton(/^pays:/);
    expect(invoice!.invoice).toMatchObject({ currency: "XTR" });
    const { update, queryId } = kit.sandbox.telegram.startInvoicePayment(USER, invoice!.message_id);
    await kit.bot.handleUpdate(update as never);
    return { customer, invoice: invoice!, queryId };
  }

  it("sends an XTR invoice priced at the shop's Stars rate and pays the order on successful_payment", async () => {
    const { invoice, queryId } = await payWithStars();
    const order = await orderRow();
    expect(invoice.invoice!.amount).toBe(Math.ceil(order.amount / 250));
    expect(kit.sandbox.telegram.preCheckoutAnswer(queryId)).toEqual({ ok: true });
    const { update } = kit.sandbox.telegram.finishInvoicePayment(queryId);
    await kit.bot.handleUpdate(update as never);
    expect(await orderRow()).toMatchObject({ status: "paid", paid_with: "stars" });
    await kit.runJobs();
    expect(kit.sandbox.smm.addCalls()).toBe(1);
  });

  it("counts a repeated successful_payment once", async () => {
    const { queryId } = await payWithStars();
    const { update, chargeId } = kit.sandbox.telegram.finishInvoicePayment(queryId);
    await kit.bot.handleUpdate(update as never);
    const payment = await kit.db
      .selectFrom("payments")
      .selectAll()
      .where("gateway", "=", "stars")
      .executeTakeFirstOrThrow();
    const again = kit.sandbox.telegram.repeatSuccessfulPayment(USER, {
      currency: "XTR",
      amount: payment.stars_amount!,
      payload: payment.reference,
      chargeId,
    });
    await kit.bot.handleUpdate(again as never);
    expect(await kit.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").execute()).toHaveLength(1);
    expect(await kit.db.selectFrom("payments").selectAll().where("status", "=", "paid").execute()).toHaveLength(1);
    await kit.runJobs();
    expect(
      kit
        .customer(USER)
        .botMessages()
        .filter((m) => m.plain.includes("sudah diterima")),
    ).toHaveLength(1);
  });

  it("refuses at pre-checkout an invoice that has expired, so nothing is charged", async () => {
    const customer = await quote();
    const [invoice] = await customer.pressButton(/^pays:/);
    clock.advance(16 * 60_000);
    const { update, queryId } = kit.sandbox.telegram.startInvoicePayment(USER, invoice!.message_id);
    await kit.bot.handleUpdate(update as never);
    expect(kit.sandbox.telegram.preCheckoutAnswer(queryId)).toEqual({
      ok: false,
      error_message: "Tagihan ini sudah kedaluwarsa. Buat pesanan lagi.",
    });
  });

  it("refunds Stars as Stars when the supplier refuses a Stars-paid order", async () => {
    await kit.container.providers.edit("panel", { credentials: { key: "revoked" } });
    const { customer, queryId } = await payWithStars();
    const { update, chargeId } = kit.sandbox.telegram.finishInvoicePayment(queryId);
    await kit.bot.handleUpdate(update as never);
    await kit.runJobs();
    expect((await orderRow()).status).toBe("refunded");
    expect(kit.sandbox.telegram.starsCharge(chargeId)?.refunded).toBe(true);
    expect(await ledger()).toHaveLength(0); // no rupiah credit on top of the Stars refund
    expect(
      customer
        .botMessages()
        .map((m) => m.plain)
        .join("\n"),
    ).toContain("Telegram Stars-mu dikembalikan penuh");
    // Running the refund again does nothing more.
    await kit.db.updateTable("jobs").set({ status: "pending", run_at: 0 }).where("kind", "=", "refund_stars").execute();
    await kit.runJobs();
    expect(kit.sandbox.telegram.calls.filter((c) => c.method === "refundStarPayment")).toHaveLength(1);
  });

  it("refunds the undelivered share of a partial Stars-paid order to the wallet in rupiah", async () => {
    const customer = kit.customer(USER);
    await customer.say("ID 2 https://instagram.com/partial_budi 1000");
    const [invoice] = await customer.pressButton(/^pays:/);
    const { update, queryId } = kit.sandbox.telegram.startInvoicePayment(USER, invoice!.message_id);
    await kit.bot.handleUpdate(update as never);
    await kit.bot.handleUpdate(kit.sandbox.telegram.finishInvoicePayment(queryId).update as never);
    await kit.runJobs();
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    const order = await orderRow();
    expect(order.status).toBe("partial");
    expect(await ledger()).toEqual([
      expect.objectContaining({ amount: Math.floor((order.amount * 300) / 1000), reason: "refund" }),
    ]);
  });
});

describe("a QRIS paid after its invoice expired", () => {
  async function expiredThenPaidLate(advanceMs: number) {
    const customer = await quote();
    await customer.pressButton(/^pay:/);
    const tx = kit.latestTransaction();
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    expect((await orderRow()).status).toBe("expired");
    clock.advance(advanceMs);
    await kit.sandbox.midtrans.pay(tx.order_id, { late: true });
    await kit.runJobs();
    return customer;
  }

  it("is fulfilled while the quote's price still holds", async () => {
    await expiredThenPaidLate(0);
    expect((await orderRow()).status).toBe("processing");
    expect(await ledger()).toHaveLength(0);
  });

  it("goes to the wallet once the quote has expired, and the customer is told", async () => {
    const customer = await expiredThenPaidLate(20 * 60_000);
    const order = await orderRow();
    expect(order.status).toBe("expired");
    expect(await ledger()).toEqual([expect.objectContaining({ amount: order.amount })]);
    expect(customer.lastText()).toContain("setelah tagihannya kedaluwarsa");
    expect(kit.sandbox.smm.addCalls()).toBe(0);
  });

  it("always goes to the wallet when the shop chose that policy", async () => {
    await kit.container.settings.set("payments.late_payment_policy", "wallet");
    await expiredThenPaidLate(0);
    expect((await orderRow()).status).toBe("expired");
    expect(await ledger()).toHaveLength(1);
  });
});

describe("a QR the shop closed", () => {
  it("is asked about again for a day, on a back-off, and a payment made with no notification is found", async () => {
    const customer = await quote();
    await customer.pressButton(/^pay:/);
    const tx = kit.latestTransaction();
    const created = clock.now();
    const reconcile = () => kit.container.reconciler!.reconcileOpenPayments();
    clock.advance(16 * 60_000);
    expect(await reconcile()).toEqual({ checked: 1, changed: 1 }); // expired (and canceled at Midtrans)
    expect((await orderRow()).status).toBe("expired");

    // First hour: every 2 minutes.
    clock.advance(60_000);
    expect((await reconcile()).checked).toBe(0);
    clock.advance(61_000);
    expect((await reconcile()).checked).toBe(1);
    clock.advance(60_000);
    expect((await reconcile()).checked).toBe(0);
    // After the first hour: every 30 minutes.
    clock.set(created + 61 * 60_000);
    expect((await reconcile()).checked).toBe(1);
    clock.advance(20 * 60_000);
    expect((await reconcile()).checked).toBe(0);
    clock.advance(11 * 60_000);
    expect((await reconcile()).checked).toBe(1);

    // Paid much later, and Midtrans' notification never arrives: the next sweep finds it.
    clock.set(created + 5 * 3_600_000);
    await kit.sandbox.midtrans.pay(tx.order_id, { late: true, notify: false });
    expect(await reconcile()).toEqual({ checked: 1, changed: 1 });
    await kit.runJobs();
    const order = await orderRow();
    expect(order.status).toBe("expired"); // the quote's price no longer holds: credited, not placed
    expect(await ledger()).toEqual([
      expect.objectContaining({ amount: order.amount, reference: expect.stringMatching(/^payment:/) }),
    ]);
    expect(customer.lastText()).toContain("setelah tagihannya kedaluwarsa");
    expect(kit.sandbox.smm.addCalls()).toBe(0);
  });

  it("is no longer asked about a day after it was made", async () => {
    const customer = await quote();
    await customer.pressButton(/^pay:/);
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    clock.advance(24 * 3_600_000);
    expect(await kit.container.reconciler!.reconcileOpenPayments()).toEqual({ checked: 0, changed: 0 });
  });
});

describe("rails the shop offers", () => {
  it("shows only the enabled ways to pay", async () => {
    await kit.container.settings.set("payments.rails", ["qris"]);
    const customer = await quote();
    // The drip-feed offer of a service that allows it is not a way to pay (issue 11).
    expect(
      customer
        .botMessages()
        .at(-1)!
        .buttons.flat()
        .map((b) => b.callback_data?.split(":")[0]),
    ).toEqual(["pay", "draft", "drip"]);
  });
});
