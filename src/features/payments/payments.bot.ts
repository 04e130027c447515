import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { renderQrPng } from "../../infra/qr/qr-image.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, formatJakartaTime } from "../../shared/text.js";
import type { Invoice, InvoiceProblem, WalletPayProblem } from "./payments.service.js";
import type { StarsProblem } from "./payments.stars.js";

/** Paying a quote (QRIS, wallet, Stars), "check my payment", and wallet top-ups. Buttons carry only ids. */
export const paymentsFeature = new Composer<BotContext>();

const QUOTE = "q[a-z0-9]{4,20}";

/**
 * The pay buttons under a quote: one per rail the shop offers, the wallet only when its balance
 * covers the total. When it does not, `walletNote` says by how much, and how to top up.
 */
export async function payOptions(
  ctx: BotContext,
  quote: { id: string; amount: number },
): Promise<{ keyboard: InlineKeyboard; walletNote: string | undefined }> {
  const rails = await ctx.deps.payments.rails();
  const keyboard = new InlineKeyboard();
  let walletNote: string | undefined;
  if (rails.includes("qris")) keyboard.text(ctx.t("button-pay-qris"), `pay:${quote.id}`).row();
  if (rails.includes("wallet")) {
    const balance = await ctx.deps.wallet.balance(ctx.customer.id);
    if (balance >= quote.amount)
      keyboard.text(ctx.t("button-pay-wallet", { balance: formatRupiah(balance) }), `payw:${quote.id}`).row();
    else
      walletNote = ctx.t("wallet-short", {
        balance: formatRupiah(balance),
        missing: formatRupiah(quote.amount - balance),
      });
  }
  if (rails.includes("stars"))
    keyboard
      .text(
        ctx.t("button-pay-stars", { stars: asCount(await ctx.deps.stars.starsFor(quote.amount)) }),
        `pays:${quote.id}`,
      )
      .row();
  return { keyboard: keyboard.text(ctx.t("button-cancel"), "draft:cancel"), walletNote };
}

paymentsFeature.callbackQuery(new RegExp(`^pay:(${QUOTE})$`), async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("pay-creating") });
  // The quote message loses its buttons so a second tap is not even offered.
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await startPayment(ctx, ctx.match[1]!);
});

paymentsFeature.callbackQuery(new RegExp(`^payw:(${QUOTE})$`), async (ctx) => {
  await ctx.answerCallbackQuery();
  const quoteId = ctx.match[1]!;
  const result = await ctx.deps.payments.payFromWallet(quoteId, { id: ctx.customer.id });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (result.ok) return ctx.purchase({ type: "reset" });
  const problem = result.error;
  if (problem.code !== "insufficient_balance")
    return void (await ctx.reply(walletProblemText(ctx, problem), { parse_mode: "HTML" }));
  // An old button, pressed after the balance went down: nothing was ordered; the other ways to pay stay open.
  const { keyboard } = await payOptions(ctx, { id: quoteId, amount: problem.amount });
  await ctx.reply(walletProblemText(ctx, problem), { parse_mode: "HTML", reply_markup: keyboard });
});

paymentsFeature.callbackQuery(new RegExp(`^pays:(${QUOTE})$`), async (ctx) => {
  await ctx.answerCallbackQuery();
  const result = await ctx.deps.stars.createInvoice(ctx.match[1]!, { id: ctx.customer.id });
  if (!result.ok) return void (await ctx.reply(starsProblemText(ctx, result.error)));
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.purchase({ type: "reset" });
  const invoice = result.value;
  // Telegram's limits: a title of 1–32 characters, a description of 1–255.
  const title = ctx.t("stars-invoice-title", { order: invoice.orderId }).slice(0, 32);
  const description = ctx
    .t("stars-invoice-description", { service: invoice.serviceName, quantity: asCount(invoice.quantity) })
    .slice(0, 255);
  await ctx.replyWithInvoice(title, description, invoice.payload, "XTR", [{ label: title, amount: invoice.stars }], {
    provider_token: "",
  });
});

// Telegram waits at most 10 s for this answer before cancelling the payment.
paymentsFeature.on("pre_checkout_query", async (ctx) => {
  const query = ctx.preCheckoutQuery;
  const verdict = await ctx.deps.stars.preCheckout({
    payload: query.invoice_payload,
    currency: query.currency,
    totalAmount: query.total_amount,
    customerId: ctx.customer.id,
  });
  if (verdict.ok) await ctx.answerPreCheckoutQuery(true);
  else await ctx.answerPreCheckoutQuery(false, { error_message: ctx.t(verdict.reason, verdict.vars) });
});

paymentsFeature.on("message:successful_payment", async (ctx) => {
  const payment = ctx.message.successful_payment;
  await ctx.deps.stars.confirm({
    payload: payment.invoice_payload,
    chargeId: payment.telegram_payment_charge_id,
    currency: payment.currency,
    totalAmount: payment.total_amount,
    customerId: ctx.customer.id,
  });
});

paymentsFeature.command("paysupport", (ctx) => ctx.reply(ctx.t("paysupport"), { parse_mode: "HTML" }));

paymentsFeature.callbackQuery(/^paycheck:(\d{1,12})$/, async (ctx) => {
  const state = await ctx.deps.payments.checkPayment(Number(ctx.match[1]), ctx.customer.id);
  if (!state) return void (await ctx.answerCallbackQuery({ text: ctx.t("payment-not-found"), show_alert: true }));
  const key =
    state.status === "paid"
      ? "payment-check-paid"
      : state.status === "pending" || state.status === "creating"
        ? "payment-check-pending"
        : "payment-check-closed";
  await ctx.answerCallbackQuery({
    text: ctx.t(key, { order: state.orderId ?? "-", until: formatJakartaTime(state.expiresAt) }),
    show_alert: true,
  });
  // A settled invoice no longer offers the check (its notice usually did this already).
  if (key === "payment-check-paid" && state.orderId !== null)
    await ctx
      .editMessageReplyMarkup({
        reply_markup: new InlineKeyboard().text(
          ctx.t("button-view-order", { order: state.orderId }),
          `ord:${state.orderId}`,
        ),
      })
      .catch(() => undefined);
  else if (key !== "payment-check-pending") await ctx.editMessageReplyMarkup().catch(() => undefined);
});

paymentsFeature.command(["topup", "isisaldo"], async (ctx) => {
  const amount = Number((ctx.match ?? "").replace(/[.,\s]|rp/gi, ""));
  await startTopup(ctx, Number.isSafeInteger(amount) && amount > 0 ? amount : undefined);
});

paymentsFeature.callbackQuery(/^topup:(\d{1,9})$/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("pay-creating") });
  await startTopup(ctx, Number(ctx.match[1]));
});

/** Creates (or shows again) the QRIS invoice for a quote and sends the QR as a photo. */
export async function startPayment(ctx: BotContext, quoteId: string): Promise<void> {
  const result = await ctx.deps.payments.payByQris(quoteId, { id: ctx.customer.id, firstName: ctx.customer.firstName });
  if (!result.ok) return void (await ctx.reply(invoiceProblemText(ctx, result.error)));
  await ctx.purchase({ type: "reset" });
  await sendQr(ctx, result.value, "invoice-caption");
}

/** A wallet top-up: the QRIS for `amount`, or buttons with usual amounts when none was given. */
export async function startTopup(ctx: BotContext, amount: number | undefined): Promise<void> {
  if (amount === undefined) {
    const keyboard = new InlineKeyboard()
      .text("Rp 25.000", "topup:25000")
      .text("Rp 50.000", "topup:50000")
      .row()
      .text("Rp 100.000", "topup:100000")
      .text("Rp 250.000", "topup:250000");
    return void (await ctx.reply(ctx.t("topup-ask"), { parse_mode: "HTML", reply_markup: keyboard }));
  }
  const result = await ctx.deps.payments.createTopup(
    { id: ctx.customer.id, firstName: ctx.customer.firstName },
    amount,
  );
  if (!result.ok) {
    const problem = result.error;
    const text =
      problem.code === "amount_out_of_range"
        ? ctx.t("topup-out-of-range", { min: formatRupiah(problem.min), max: formatRupiah(problem.max) })
        : ctx.t(problem.code === "payments_unavailable" ? "pay-problem-unavailable" : "pay-problem-gateway");
    return void (await ctx.reply(text));
  }
  await sendQr(ctx, result.value, "topup-caption");
}

async function sendQr(ctx: BotContext, invoice: Invoice, captionKey: string): Promise<void> {
  const minutes = Math.max(1, Math.round((invoice.expiresAt - ctx.deps.clock.now()) / 60_000));
  const caption = ctx.t(captionKey, {
    order: invoice.orderId ?? "-",
    total: formatRupiah(invoice.amount),
    until: formatJakartaTime(invoice.expiresAt),
    minutes,
  });
  const keyboard = new InlineKeyboard().text(ctx.t("button-check-payment"), `paycheck:${invoice.paymentId}`);
  const photo = invoice.qrString ? new InputFile(await renderQrPng(invoice.qrString), "qris.png") : invoice.qrUrl!;
  const sent = await ctx.replyWithPhoto(photo, { caption, parse_mode: "HTML", reply_markup: keyboard });
  // The invoice shown again replaces the earlier message: only the newest one keeps the button.
  if (invoice.messageId !== null && ctx.chat)
    await ctx.api.editMessageReplyMarkup(ctx.chat.id, invoice.messageId).catch(() => undefined);
  await ctx.deps.payments.rememberInvoiceMessage(invoice.paymentId, sent.message_id);
}

function invoiceProblemText(ctx: BotContext, problem: InvoiceProblem): string {
  switch (problem.code) {
    case "payments_unavailable":
      return ctx.t("pay-problem-unavailable");
    case "quote_not_found":
    case "quote_expired":
      return ctx.t("pay-problem-quote-expired");
    case "service_unavailable":
      return ctx.t("pay-problem-service-unavailable");
    case "order_closed":
      return ctx.t("pay-problem-order-closed", { order: problem.orderId });
    case "invoice_in_progress":
      return ctx.t("pay-problem-in-progress");
    case "gateway_unavailable":
    case "gateway_rejected":
      return ctx.t("pay-problem-gateway");
  }
}

function walletProblemText(ctx: BotContext, problem: WalletPayProblem): string {
  switch (problem.code) {
    case "insufficient_balance":
      return ctx.t("pay-problem-balance", {
        balance: formatRupiah(problem.balance),
        amount: formatRupiah(problem.amount),
        missing: formatRupiah(problem.amount - problem.balance),
      });
    case "rail_disabled":
      return ctx.t("pay-problem-unavailable");
    default:
      return invoiceProblemText(ctx, problem);
  }
}

function starsProblemText(ctx: BotContext, problem: StarsProblem): string {
  return problem.code === "rail_disabled" ? ctx.t("pay-problem-unavailable") : invoiceProblemText(ctx, problem);
}
