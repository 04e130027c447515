import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { renderQrPng } from "../../infra/qr/qr-image.js";
import { formatRupiah } from "../../shared/money.js";
import { formatJakartaTime } from "../../shared/text.js";
import type { InvoiceProblem } from "./payments.service.js";

/** The Pay button (it carries only the quote id) and "check my payment". */
export const paymentsFeature = new Composer<BotContext>();

paymentsFeature.callbackQuery(/^pay:(q[a-z0-9]{4,20})$/, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("pay-creating") });
  // The quote message loses its buttons so a second tap is not even offered.
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await startPayment(ctx, ctx.match[1]!);
});

paymentsFeature.callbackQuery(/^paycheck:(\d{1,12})$/, async (ctx) => {
  const state = await ctx.deps.payments.checkPayment(Number(ctx.match[1]), ctx.customer.id);
  if (!state) return void (await ctx.answerCallbackQuery({ text: ctx.t("payment-not-found"), show_alert: true }));
  const key = state.status === "paid" ? "payment-check-paid" : state.status === "pending" || state.status === "creating" ? "payment-check-pending" : "payment-check-closed";
  await ctx.answerCallbackQuery({ text: ctx.t(key, { order: state.orderId, until: formatJakartaTime(state.expiresAt) }), show_alert: true });
});

/** Creates (or shows again) the QRIS invoice for a quote and sends the QR as a photo. */
export async function startPayment(ctx: BotContext, quoteId: string): Promise<void> {
  const result = await ctx.deps.payments.createInvoiceForQuote(quoteId, { id: ctx.customer.id, firstName: ctx.customer.firstName });
  if (!result.ok) {
    await ctx.reply(invoiceProblemText(ctx, result.error));
    return;
  }
  const invoice = result.value;
  ctx.session.checkout = { stage: "idle" };
  const minutes = Math.max(1, Math.round((invoice.expiresAt - ctx.deps.clock.now()) / 60_000));
  const caption = ctx.t("invoice-caption", { order: invoice.orderId, total: formatRupiah(invoice.amount), until: formatJakartaTime(invoice.expiresAt), minutes });
  const keyboard = new InlineKeyboard().text(ctx.t("button-check-payment"), `paycheck:${invoice.paymentId}`);
  const photo = invoice.qrString ? new InputFile(await renderQrPng(invoice.qrString), "qris.png") : invoice.qrUrl!;
  await ctx.replyWithPhoto(photo, { caption, parse_mode: "HTML", reply_markup: keyboard });
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
