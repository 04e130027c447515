import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/** What an invoice message offers once its payment is settled: paid, expired, or paid another way. */
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
const buttonsOf = (messageId: number) =>
  kit.sandbox.telegram
    .messagesIn(USER)
    .find((m) => m.message_id === messageId)!
    .buttons.flat()
    .map((b) => ({ text: b.text, data: b.callback_data }));

async function qrisInvoice() {
  const customer = kit.customer(USER);
  await customer.say("ID 2 https://instagram.com/budi 1000");
  const [invoice] = await customer.pressButton(/^pay:/);
  expect(invoice!.photo).toBeTruthy();
  expect(buttonsOf(invoice!.message_id)).toEqual([
    { text: "🔄 Cek pembayaran", data: expect.stringMatching(/^paycheck:/) },
  ]);
  return { customer, invoice: invoice! };
}

describe("a QRIS invoice message", () => {
  it("trades its check button for a way to the order once paid", async () => {
    const { customer, invoice } = await qrisInvoice();
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    const order = await orderRow();
    expect(order.status).toBe("processing");
    expect(buttonsOf(invoice.message_id)).toEqual([
      { text: `✅ Sudah dibayar · lihat pesanan #${order.id}`, data: `ord:${order.id}` },
    ]);
    const detail = await customer.press(invoice.message_id, `ord:${order.id}`);
    expect(detail[0]!.plain).toContain(`Pesanan #${order.id}`);
  });

  it("loses its button when it expires unpaid", async () => {
    const { customer, invoice } = await qrisInvoice();
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    await kit.runJobs();
    expect((await orderRow()).status).toBe("expired");
    expect(buttonsOf(invoice.message_id)).toEqual([]);
    expect(customer.lastText()).toContain("sudah kedaluwarsa");
  });

  it("loses its button when the order is paid from the wallet instead", async () => {
    const customer = kit.customer(USER);
    await customer.say("/topup 50000");
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const quote = customer.botMessages().at(-1)!;
    // The wallet button is tapped on a second device while the first one asked for the QR.
    const walletTap = kit.sandbox.telegram.userPresses(
      USER,
      quote.message_id,
      quote.buttons.flat().find((b) => b.callback_data?.startsWith("payw:"))!.callback_data!,
    );
    const [invoice] = await customer.pressButton(/^pay:/);
    expect(buttonsOf(invoice!.message_id)).toHaveLength(1);
    await kit.bot.handleUpdate(walletTap as never);
    await kit.runJobs();
    expect((await orderRow()).paid_with).toBe("wallet");
    expect(buttonsOf(invoice!.message_id)).toEqual([]);
  });

  it("shown again after a second tap leaves the button on the newest message only", async () => {
    const customer = kit.customer(USER);
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const quote = customer.botMessages().at(-1)!;
    const data = quote.buttons.flat().find((b) => b.callback_data?.startsWith("pay:"))!.callback_data!;
    // Two taps (two devices) before the buttons disappear.
    const taps = [
      kit.sandbox.telegram.userPresses(USER, quote.message_id, data),
      kit.sandbox.telegram.userPresses(USER, quote.message_id, data),
    ];
    for (const tap of taps) await kit.bot.handleUpdate(tap as never);
    const photos = customer.botMessages().filter((m) => m.photo);
    expect(photos).toHaveLength(2);
    expect(buttonsOf(photos[0]!.message_id)).toEqual([]);
    expect(buttonsOf(photos[1]!.message_id)).toHaveLength(1);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    expect(buttonsOf(photos[1]!.message_id)).toEqual([
      { text: `✅ Sudah dibayar · lihat pesanan #${(await orderRow()).id}`, data: `ord:${(await orderRow()).id}` },
    ]);
  });

  it("of a wallet top-up loses its button once paid, or once expired (and the customer is told)", async () => {
    const customer = kit.customer(USER);
    const [paid] = await customer.say("/topup 50000");
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    expect(buttonsOf(paid!.message_id)).toEqual([]);

    const [unpaid] = await customer.say("/topup 25000");
    clock.advance(16 * 60_000);
    await kit.container.reconciler!.reconcileOpenPayments();
    await kit.runJobs();
    expect(buttonsOf(unpaid!.message_id)).toEqual([]);
    expect(customer.lastText()).toContain("QRIS isi saldo Rp\u00a025.000 sudah kedaluwarsa");
  });

  it("settles its own buttons when 'check payment' finds it paid before the notice went out", async () => {
    const { customer, invoice } = await qrisInvoice();
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id, { notify: false });
    await customer.press(invoice.message_id, buttonsOf(invoice.message_id)[0]!.data!);
    const order = await orderRow();
    expect(customer.toasts().at(-1)!.text).toContain(`pesanan #${order.id} sudah diterima`);
    expect(buttonsOf(invoice.message_id)).toEqual([
      { text: `✅ Sudah dibayar · lihat pesanan #${order.id}`, data: `ord:${order.id}` },
    ]);
  });
});

describe("a Telegram Stars invoice", () => {
  it("says it is already paid, not expired, when Pay is tapped again", async () => {
    const customer = kit.customer(USER);
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const [invoice] = await customer.pressButton(/^pays:/);
    const first = kit.sandbox.telegram.startInvoicePayment(USER, invoice!.message_id);
    await kit.bot.handleUpdate(first.update as never);
    await kit.bot.handleUpdate(kit.sandbox.telegram.finishInvoicePayment(first.queryId).update as never);
    const order = await orderRow();
    expect(order.status).toBe("paid");
    // Telegram shows the payer a receipt instead of Pay; a second device may still tap the old Pay.
    expect(kit.sandbox.telegram.messagesIn(USER).find((m) => m.message_id === invoice!.message_id)!.invoice!.paid).toBe(
      true,
    );

    const again = kit.sandbox.telegram.startInvoicePayment(USER, invoice!.message_id);
    await kit.bot.handleUpdate(again.update as never);
    expect(kit.sandbox.telegram.preCheckoutAnswer(again.queryId)).toEqual({
      ok: false,
      error_message: `Pesanan #${order.id} sudah dibayar ✅ Cek statusnya di /pesanan.`,
    });
  });

  it("is titled in the customer's language, with the quantity grouped", async () => {
    kit.sandbox.telegram.addUser({ id: 100_777, first_name: "Sam", username: "sam", language_code: "en" });
    const customer = kit.customer(100_777);
    await customer.say("ID 2 https://instagram.com/budi 1500");
    const [invoice] = await customer.pressButton(/^pays:/);
    const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(invoice!.invoice).toMatchObject({
      title: `Order #${order.id}`,
      description: expect.stringMatching(/ × 1,500$/),
    });
  });
});
