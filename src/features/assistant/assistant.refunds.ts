import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { escapeHtml } from "../../shared/text.js";
import type { OrderRefund } from "../orders/orders.refunds.js";

/** The FAQ document refund questions answer with (the shop edits it in the admin app). */
const REFUND_FAQ = "refund";

/**
 * Refund questions ("refund dong", "uang saya kembali?", "refund pesanan 2"): the shop's refund
 * policy, where the customer's own orders stand on refunds (what came back already, what is still
 * running), and a person to talk to. With an order number, that order's refund alone. Nothing is
 * refunded here: refunds follow the order's outcome, or an admin's decision.
 */
export async function answerRefund(ctx: BotContext, orderId: number | undefined): Promise<void> {
  const keyboard = new InlineKeyboard();
  const parts: string[] = [];
  if (orderId !== undefined) {
    const refund = await ctx.deps.customerRefunds.forOrder(orderId, ctx.customer.id);
    if (!refund) return void (await ctx.reply(ctx.t("order-not-found")));
    parts.push(ctx.t("refund-order-title", { order: orderId }), refundLine(ctx, refund));
    keyboard.text(ctx.t("button-order-number", { order: orderId }), `ord:${orderId}`).row();
  } else {
    const language = ctx.customer.language === "en" ? "en" : "id";
    const policy = await ctx.deps.knowledge.faq.get(REFUND_FAQ, language);
    if (policy?.active) parts.push(`💸 <b>${escapeHtml(policy.title)}</b>\n${escapeHtml(policy.body)}`);
    const { orders, more } = await ctx.deps.customerRefunds.recent(ctx.customer.id);
    if (orders.length === 0) parts.push(ctx.t("refund-orders-none"));
    else {
      const lines = orders.map((r) => refundLine(ctx, r));
      if (more > 0) lines.push(ctx.t("refund-orders-more", { count: more }));
      parts.push(`${ctx.t("refund-orders-title")}\n${lines.join("\n")}`);
      orders.forEach((r) => keyboard.text(ctx.t("button-order-number", { order: r.order.id }), `ord:${r.order.id}`));
      keyboard.row();
    }
  }
  parts.push(ctx.t("refund-ask-person"));
  keyboard.text(ctx.t("button-talk-to-admin"), "ask:human");
  await ctx.reply(parts.join("\n\n"), {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
}

function refundLine(ctx: BotContext, refund: OrderRefund): string {
  const { order } = refund;
  const state =
    refund.state === "refunded"
      ? refund.stars
        ? ctx.t("refund-state-refunded-stars")
        : ctx.t("refund-state-refunded", { amount: formatRupiah(refund.refunded), paid: formatRupiah(order.amount) })
      : ctx.t(`refund-state-${refund.state}`);
  return ctx.t("refund-line", { order: order.id, status: ctx.t(`order-status-${order.status}`), state });
}
