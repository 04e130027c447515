import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml, formatJakartaDateTime, truncate } from "../../shared/text.js";
import { accountLines } from "../checkout/checkout.messages.js";
import { extrasLines } from "../checkout/checkout.extras-text.js";
import { parseExtras } from "../checkout/checkout.service.js";
import type { AftercareProblem } from "./orders.aftercare.js";
import type { OrderRow } from "./orders.table.js";

/** `/pesanan`: order history in pages, each order's detail and progress, refill and cancel requests. */
export const ordersFeature = new Composer<BotContext>();

const PAGE = 5;

ordersFeature.command(["pesanan", "orders"], (ctx) => showOrders(ctx));
ordersFeature.callbackQuery(/^ords:(\d{1,5})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showOrders(ctx, Number(ctx.match[1]));
});
ordersFeature.callbackQuery(/^ord:(\d{1,12})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showOrder(ctx, Number(ctx.match[1]));
});
ordersFeature.callbackQuery(/^ordsync:(\d{1,12})$/, async (ctx) => {
  const orderId = Number(ctx.match[1]);
  if (await ctx.deps.aftercare.detail(orderId, ctx.customer.id)) await ctx.deps.statusSync.syncOrders([orderId]);
  await ctx.answerCallbackQuery({ text: ctx.t("order-refreshed") });
  await showOrder(ctx, orderId);
});
ordersFeature.callbackQuery(/^refill:(\d{1,12})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await requestRefill(ctx, Number(ctx.match[1]));
});
ordersFeature.callbackQuery(/^ordcancel:(\d{1,12})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const result = await ctx.deps.aftercare.requestCancel(Number(ctx.match[1]), ctx.customer.id);
  await ctx.reply(
    result.ok ? ctx.t("cancel-requested", { order: Number(ctx.match[1]) }) : problemText(ctx, result.error),
  );
});

export async function showOrders(ctx: BotContext, page = 0): Promise<void> {
  const { orders, total } = await ctx.deps.orders.pageForCustomer(ctx.customer.id, page, PAGE);
  if (total === 0) return void (await ctx.reply(ctx.t("orders-none")));
  const stars = await ctx.deps.orders.starsPaid(orders);
  const lines = orders.map((o) =>
    ctx.t("order-line", {
      order: o.id,
      status: ctx.t(`order-status-${o.status}`),
      quantity: asCount(o.quantity),
      target: escapeHtml(truncate(o.target, 60)),
      amount: amountText(ctx, o, stars),
      when: formatJakartaDateTime(o.created_at),
    }),
  );
  const keyboard = new InlineKeyboard();
  orders.forEach((o, i) => {
    keyboard.text(`#${o.id}`, `ord:${o.id}`);
    if (i % 5 === 4) keyboard.row();
  });
  keyboard.row();
  if (page > 0) keyboard.text(ctx.t("button-newer"), `ords:${page - 1}`);
  if ((page + 1) * PAGE < total) keyboard.text(ctx.t("button-older"), `ords:${page + 1}`);
  const footer = ctx.t("orders-footer", { from: page * PAGE + 1, to: page * PAGE + orders.length, total });
  await ctx.reply(`${ctx.t("orders-title")}\n\n${lines.join("\n\n")}\n\n${footer}`, {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
}

export async function showOrder(ctx: BotContext, orderId: number): Promise<void> {
  const detail = await ctx.deps.aftercare.detail(orderId, ctx.customer.id);
  if (!detail) return void (await ctx.reply(ctx.t("order-not-found")));
  const { order, service, delivered, refills, canRefill, canCancel } = detail;
  const stars = await ctx.deps.orders.starsPaid([order]);
  const lines = [
    ctx.t("order-detail", {
      order: order.id,
      status: ctx.t(`order-status-${order.status}`),
      service: escapeHtml(service ? `ID ${service.mid} — ${service.name}` : "-"),
      target: accountLines(ctx, {
        kind: service?.targetKind ?? "link",
        target: order.target,
        zone: order.zone,
        nickname: order.nickname,
      }),
      quantity: asCount(order.quantity),
      amount: amountText(ctx, order, stars),
      when: formatJakartaDateTime(order.created_at),
    }),
  ];
  lines.push(...extrasLines(ctx, parseExtras(order.extras), order.quantity));
  if (delivered !== null && service?.unitSize !== 1)
    lines.push(ctx.t("order-progress", { delivered: asCount(delivered), quantity: asCount(order.quantity) }));
  if (order.supplier_note) lines.push(ctx.t("order-note", { note: escapeHtml(order.supplier_note) }));
  if (order.cancel_requested_at) lines.push(ctx.t("order-cancel-pending"));
  if (refills[0])
    lines.push(
      ctx.t("order-refill-status", {
        status: ctx.t(`refill-status-${refills[0].status}`),
        when: formatJakartaDateTime(refills[0].created_at),
      }),
    );
  const keyboard = new InlineKeyboard();
  if (order.status === "processing") keyboard.text(ctx.t("button-refresh"), `ordsync:${order.id}`);
  if (canRefill) keyboard.text(ctx.t("button-refill"), `refill:${order.id}`);
  if (canCancel) keyboard.text(ctx.t("button-cancel-order"), `ordcancel:${order.id}`);
  keyboard.row().text(ctx.t("button-all-orders"), "ords:0");
  await ctx.reply(lines.join("\n"), {
    parse_mode: "HTML",
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
}

/** Asks the supplier to refill one of the customer's orders, and says how that went. */
export async function requestRefill(ctx: BotContext, orderId: number): Promise<void> {
  const result = await ctx.deps.aftercare.requestRefill(orderId, ctx.customer.id);
  await ctx.reply(result.ok ? ctx.t("refill-requested", { order: orderId }) : problemText(ctx, result.error));
}

/** What the customer paid: Stars for a Stars-paid order, rupiah otherwise. */
function amountText(ctx: BotContext, order: OrderRow, stars: ReadonlyMap<number, number>): string {
  const paidStars = stars.get(order.id);
  return paidStars === undefined ? formatRupiah(order.amount) : ctx.t("stars-amount", { stars: asCount(paidStars) });
}

function problemText(ctx: BotContext, problem: AftercareProblem): string {
  if (problem.code === "supplier_refused")
    return ctx.t("aftercare-supplier-refused", { message: escapeHtml(problem.message) });
  return ctx.t(`aftercare-${problem.code.replaceAll("_", "-")}`);
}
