import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { formatJakartaDateTime } from "../../shared/text.js";

/** `/saldo`: the wallet balance and its latest entries (refunds land here). */
const counts = new Intl.NumberFormat("id-ID");

export const walletFeature = new Composer<BotContext>();

walletFeature.command(["saldo", "balance", "wallet"], (ctx) => showBalance(ctx));

export async function showBalance(ctx: BotContext): Promise<void> {
  const balance = await ctx.deps.wallet.balance(ctx.customer.id);
  const entries = await ctx.deps.wallet.recentEntries(ctx.customer.id, 5);
  const lines = entries.map((e) => {
    const vars = {
      when: formatJakartaDateTime(e.createdAt),
      amount: `${e.amount > 0 ? "+" : "−"}${formatRupiah(Math.abs(e.amount))}`,
      // Counts as the shop writes numbers ("1.000"); an admin's or supplier's own words stay out of the customer's view.
      reason: ctx.t(
        `ledger-entry-${e.description.kind}`,
        Object.fromEntries(Object.entries(e.description.params).map(([k, v]) => [k, counts.format(v)])),
      ),
      order: e.orderId ?? "",
    };
    // A top-up belongs to no order: no "(order #-)".
    return ctx.t(e.orderId === null ? "ledger-line-plain" : "ledger-line-order", vars);
  });
  await ctx.reply(
    [
      ctx.t("balance", { amount: formatRupiah(balance) }),
      ...(lines.length > 0 ? ["", ctx.t("ledger-recent"), ...lines] : []),
    ].join("\n"),
    { parse_mode: "HTML" },
  );
}
