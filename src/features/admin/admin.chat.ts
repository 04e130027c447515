import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { escapeHtml, formatJakartaDateTime } from "../../shared/text.js";
import { customerLabel } from "../assistant/handoff.render.js";
import type { OrderDetailView } from "../orders/orders.detail.js";
import { extrasLines } from "../checkout/checkout.extras-text.js";

/**
 * What /admin shows in chat, rendered from the same services as the admin app's screens
 * (dashboard numbers, supplier balances, an order's detail, open hand-offs). Amounts are formatted
 * in code; everything a customer or a supplier wrote is escaped.
 */

/** Each supplier gets this long to answer with its balance; a slow one shows as failed, the rest still show. */
const BALANCE_TIMEOUT_MS = 4_000;
/** Hand-offs listed in one message (the title still counts them all). */
const HANDOFFS_SHOWN = 15;

export async function statsText(ctx: BotContext): Promise<string> {
  const today = (await ctx.deps.adminStats.dashboard()).windows.today;
  const statuses = Object.entries(today.byStatus)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([status, count]) =>
      ctx.t("admin-stats-status", { status: ctx.t(`order-status-${status}`), count: String(count) }),
    );
  return [
    ctx.t("admin-stats", {
      revenue: formatRupiah(today.revenue),
      profit: formatRupiah(today.profit),
      paid: String(today.paidOrders),
    }),
    ...statuses,
  ].join("\n");
}

export async function balancesText(ctx: BotContext): Promise<string> {
  const suppliers = await ctx.deps.providers.checkBalances(BALANCE_TIMEOUT_MS);
  if (suppliers.length === 0) return `${ctx.t("admin-balances")}\n${ctx.t("admin-balances-none")}`;
  const lines = suppliers.map((s) => {
    const value =
      s.ok && s.balance ? balanceOf(s.balance) : ctx.t("admin-balance-failed", { message: escapeHtml(s.message) });
    return `• ${escapeHtml(s.name)}: ${value}`;
  });
  return [ctx.t("admin-balances"), ...lines].join("\n");
}

/** A supplier balance is a decimal string in the supplier's currency; rupiah ones read as rupiah. */
function balanceOf(balance: { balance: string; currency: string }): string {
  const whole = /^-?\d+/.exec(balance.balance)?.[0];
  return balance.currency === "IDR" && whole
    ? formatRupiah(Number(whole))
    : `${escapeHtml(balance.balance)} ${escapeHtml(balance.currency)}`;
}

export function orderText(ctx: BotContext, detail: OrderDetailView): string {
  const { order, customer, service, money } = detail;
  const lines = [
    ctx.t("admin-order", {
      order: String(order.id),
      status: ctx.t(`order-status-${order.status}`),
      service: service ? `ID ${service.mid} · ${escapeHtml(service.name)}` : "—",
      target: escapeHtml(order.target),
      quantity: new Intl.NumberFormat("id-ID").format(order.quantity),
      amount: formatRupiah(order.amount),
      customer: customerLabel(customer),
      created: formatJakartaDateTime(order.createdAt),
    }),
    // What the service type needed (comments, usernames, a subscription, drip-feed), as the customer sees it.
    ...extrasLines(ctx, order.extras, order.quantity),
  ];
  if (money.refunded > 0)
    lines.push(
      ctx.t("admin-order-refunded", { refunded: formatRupiah(money.refunded), left: formatRupiah(money.leftToRefund) }),
    );
  return lines.join("\n");
}

export async function handoffsText(ctx: BotContext): Promise<string> {
  const open = await ctx.deps.handoff.listOpen();
  if (open.length === 0) return ctx.t("handoff-list-empty");
  const lines = open.slice(0, HANDOFFS_SHOWN).map(({ handoff, customer }) =>
    ctx.t("handoff-list-line", {
      number: String(handoff.number),
      customer: customerLabel(customer),
      reason: handoff.reason,
      since: formatJakartaDateTime(handoff.openedAt),
    }),
  );
  return [ctx.t("handoff-list-title", { count: String(open.length) }), ...lines].join("\n");
}

/** The admin app's address, when the shop has a public one. */
export function miniAppUrl(ctx: BotContext): string | undefined {
  const base = ctx.deps.config.server.publicUrl;
  return base ? `${base.replace(/\/+$/, "")}/miniapp/` : undefined;
}
