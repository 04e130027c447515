import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { escapeHtml, formatJakartaDateTime, truncate } from "../../shared/text.js";

/** `/pesanan`: the customer's latest orders with their status. */
export const ordersFeature = new Composer<BotContext>();

ordersFeature.command(["pesanan", "orders"], (ctx) => showOrders(ctx));

export async function showOrders(ctx: BotContext): Promise<void> {
  const orders = await ctx.deps.orders.listForCustomer(ctx.customer.id, 10);
  if (orders.length === 0) return void (await ctx.reply(ctx.t("orders-none")));
  const lines = orders.map((o) =>
    ctx.t("order-line", {
      order: o.id,
      status: ctx.t(`order-status-${o.status}`),
      quantity: o.quantity,
      target: escapeHtml(truncate(o.target, 60)),
      amount: formatRupiah(o.amount),
      when: formatJakartaDateTime(o.created_at),
    }),
  );
  await ctx.reply(`${ctx.t("orders-title")}\n\n${lines.join("\n\n")}`, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}
