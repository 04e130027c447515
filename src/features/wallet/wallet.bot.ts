import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { formatJakartaDateTime } from "../../shared/text.js";

/** `/saldo`: the wallet balance and its latest entries (refunds land here). */
export const walletFeature = new Composer<BotContext>();

walletFeature.command(["saldo", "balance", "wallet"], (ctx) => showBalance(ctx));

export async function showBalance(ctx: BotContext): Promise<void> {
  const balance = await ctx.deps.wallet.balance(ctx.customer.id);
  const entries = await ctx.deps.wallet.recentEntries(ctx.customer.id, 5);
  const lines = entries.map((e) =>
    ctx.t("ledger-line", {
      when: formatJakartaDateTime(e.createdAt),
      amount: `${e.amount > 0 ? "+" : "−"}${formatRupiah(Math.abs(e.amount))}`,
      reason: ctx.t(`ledger-reason-${["refund", "topup", "purchase"].includes(e.reason) ? e.reason : "adjustment"}`),
      order: e.orderId ?? "-",
    }),
  );
  await ctx.reply([ctx.t("balance", { amount: formatRupiah(balance) }), ...(lines.length > 0 ? ["", ctx.t("ledger-recent"), ...lines] : [])].join("\n"), { parse_mode: "HTML" });
}
