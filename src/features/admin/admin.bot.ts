import { Composer } from "grammy";
import { isAdmin } from "../../bot/admins.js";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { escapeHtml } from "../../shared/text.js";
import { customerLabel } from "../assistant/handoff.render.js";
import { orderText } from "./admin.chat.js";
import { adminMenu, orderDetailOf, orderMenu, refundMenu } from "./admin.menu.js";

/**
 * `/admin` in chat, for staff only: the menu (stats, supplier balances, sync now, find an order,
 * open hand-offs, the admin app) and `/admin 123` for an order with its actions. Everything here
 * sits behind the staff filter: anyone else's `/admin` falls through to the reply every unknown
 * command gets, so nothing tells a stranger that an admin area exists.
 */
export const adminFeature = new Composer<BotContext>();

const staff = adminFeature.filter(isAdmin);
staff.use(adminMenu);

const REASON_MAX = 500;

function orderNumber(text: string): number | undefined {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

staff.command("admin", async (ctx) => {
  ctx.session.admin = undefined;
  const argument = ctx.match.trim();
  if (argument === "") return void (await ctx.reply(ctx.t("admin-menu"), { parse_mode: "HTML", reply_markup: adminMenu }));
  const id = orderNumber(argument);
  if (id === undefined) return void (await ctx.reply(ctx.t("admin-find-invalid"), { parse_mode: "HTML" }));
  await showOrder(ctx, id);
});

// A step of /admin that waits for a typed answer: an order number, or why an order is refunded.
staff.on("message:text", async (ctx, next) => {
  const step = ctx.session.admin;
  if (!step) return next();
  const text = ctx.message.text.trim();
  if (text.startsWith("/")) {
    ctx.session.admin = undefined;
    if (/^\/(batal|cancel)(@\w+)?$/i.test(text)) return void (await ctx.reply(ctx.t("admin-step-dropped")));
    return next();
  }
  if (step.awaiting === "order") {
    const id = orderNumber(text);
    if (id === undefined) return void (await ctx.reply(ctx.t("admin-find-invalid"), { parse_mode: "HTML" }));
    ctx.session.admin = undefined;
    return showOrder(ctx, id);
  }
  // The reason (again, while a confirmation waits: the newer text replaces the older).
  const reason = text.slice(0, REASON_MAX);
  const detail = await orderDetailOf(ctx, step.orderId);
  if (!detail) {
    ctx.session.admin = undefined;
    return void (await ctx.reply(ctx.t("admin-order-not-found", { order: String(step.orderId) })));
  }
  ctx.session.admin = { awaiting: "refund_confirm", orderId: step.orderId, reason };
  ctx.match = String(step.orderId); // the confirmation's buttons carry the order
  await ctx.reply(ctx.t("admin-refund-confirm", { amount: formatRupiah(detail.money.leftToRefund), order: String(step.orderId), customer: customerLabel(detail.customer), reason: escapeHtml(reason) }), {
    parse_mode: "HTML",
    reply_markup: refundMenu,
  });
});

async function showOrder(ctx: BotContext, id: number): Promise<void> {
  const detail = await orderDetailOf(ctx, id);
  if (!detail) return void (await ctx.reply(ctx.t("admin-order-not-found", { order: String(id) })));
  ctx.match = String(id); // the order menu's buttons carry the order
  await ctx.reply(orderText(ctx, detail), { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: orderMenu });
}
