import { Menu, type MenuFlavor } from "@grammyjs/menu";
import { GrammyError } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah } from "../../shared/money.js";
import type { OrderDetailView } from "../orders/orders.detail.js";
import { balancesText, handoffsText, miniAppUrl, orderText, statsText } from "./admin.chat.js";
import { can, type Permission } from "./admin.permissions.js";

type MenuContext = BotContext & MenuFlavor;

/**
 * The /admin menus (@grammyjs/menu), built once at start-up. Installed only behind the staff
 * filter (admin.bot.ts), so a press from anyone else never reaches them. Menus render twice per
 * press (stack-notes 2.3): the ranges read the order from the button's payload (`ctx.match`) and
 * the order menu carries a fingerprint of what its buttons depend on, so a press on buttons that
 * no longer apply (the order was refunded meanwhile) re-renders instead of acting.
 */

const actor = (ctx: BotContext) => `telegram:${ctx.from!.id}`;
const allowed = (ctx: BotContext, permission: Permission) => ctx.staffRole !== undefined && can(ctx.staffRole, permission);

/** Shows `text` in the menu's message, keeping the menu; an identical text is not an error. */
async function show(ctx: MenuContext, text: string): Promise<void> {
  try {
    await ctx.editMessageText(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  } catch (error) {
    if (!(error instanceof GrammyError && /message is not modified/i.test(error.description))) throw error;
  }
}

// One detail per update and order: the fingerprint and both renders of a press ask for it.
const details = new WeakMap<BotContext, Map<number, Promise<OrderDetailView | undefined>>>();
export function orderDetailOf(ctx: BotContext, orderId: number, fresh = false): Promise<OrderDetailView | undefined> {
  let byId = details.get(ctx);
  if (!byId) details.set(ctx, (byId = new Map()));
  if (fresh || !byId.has(orderId)) {
    byId.set(
      orderId,
      ctx.deps.orderDetail.detail(orderId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "orders.not_found") return undefined;
        throw error;
      }),
    );
  }
  return byId.get(orderId)!;
}

/** The order a menu is about: the pressed button's payload, or what the sender put in `ctx.match`. */
function orderIdOf(ctx: BotContext): number | undefined {
  const id = typeof ctx.match === "string" ? Number(ctx.match.trim()) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export const refundMenu = new Menu<BotContext>("adm-r", { autoAnswer: false, onMenuOutdated: outdated })
  .text({ text: (ctx) => ctx.t("admin-button-refund-yes"), payload: (ctx) => String(orderIdOf(ctx) ?? "") }, async (ctx) => {
    const orderId = orderIdOf(ctx);
    const step = ctx.session.admin;
    if (!allowed(ctx, "refund")) return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-no-permission"), show_alert: true }));
    if (!orderId || step?.awaiting !== "refund_confirm" || step.orderId !== orderId) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      return ctx.menu.close();
    }
    ctx.session.admin = undefined;
    await ctx.answerCallbackQuery();
    ctx.menu.close();
    try {
      const { refunded } = await ctx.deps.orderAdmin.refund(orderId, { reason: step.reason }, actor(ctx));
      await show(ctx, ctx.t("admin-refund-done", { amount: formatRupiah(refunded), order: String(orderId) }));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await show(ctx, ctx.t("admin-refund-failed", { message: error.message }));
    }
  })
  .text({ text: (ctx) => ctx.t("admin-button-refund-no"), payload: (ctx) => String(orderIdOf(ctx) ?? "") }, async (ctx) => {
    if (ctx.session.admin?.awaiting === "refund_confirm") ctx.session.admin = undefined;
    await ctx.answerCallbackQuery();
    ctx.menu.close();
    await show(ctx, ctx.t("admin-refund-dropped"));
  });

export const orderMenu = new Menu<BotContext>("adm-o", {
  autoAnswer: false,
  onMenuOutdated: outdated,
  // What the buttons depend on: the order's state, what is left to refund and who is pressing.
  fingerprint: async (ctx) => {
    const id = orderIdOf(ctx);
    const detail = id ? await orderDetailOf(ctx, id) : undefined;
    return detail ? `${detail.order.id}:${detail.order.status}:${detail.money.leftToRefund}:${ctx.staffRole ?? ""}` : "none";
  },
}).dynamic(async (ctx, range) => {
  const id = orderIdOf(ctx);
  const detail = id ? await orderDetailOf(ctx, id) : undefined;
  if (!detail) return;
  const payload = String(detail.order.id);
  if (detail.actions.sync && allowed(ctx, "operate")) {
    range.text({ text: ctx.t("admin-button-order-sync"), payload }, async (ctx) => {
      const orderId = orderIdOf(ctx)!;
      try {
        await ctx.deps.orderAdmin.forceSync(orderId, actor(ctx), "/admin");
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return void (await ctx.answerCallbackQuery({ text: error.message, show_alert: true }));
      }
      await ctx.answerCallbackQuery({ text: ctx.t("admin-order-synced") });
      const fresh = await orderDetailOf(ctx, orderId, true);
      if (fresh) await show(ctx, orderText(ctx, fresh));
    });
  }
  if (detail.actions.refund && allowed(ctx, "refund")) {
    range.text({ text: ctx.t("admin-button-order-refund"), payload }, async (ctx) => {
      const orderId = orderIdOf(ctx)!;
      const current = await orderDetailOf(ctx, orderId);
      ctx.session.admin = { awaiting: "refund_reason", orderId };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("admin-refund-ask", { order: String(orderId), amount: formatRupiah(current?.money.leftToRefund ?? 0) }), { parse_mode: "HTML" });
    });
  }
});

export const adminMenu = new Menu<BotContext>("adm", { autoAnswer: false, onMenuOutdated: outdated })
  .text(
    (ctx) => ctx.t("admin-button-stats"),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await show(ctx, await statsText(ctx));
    },
  )
  .text(
    (ctx) => ctx.t("admin-button-balances"),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await show(ctx, await balancesText(ctx));
    },
  )
  .row()
  .text(
    (ctx) => ctx.t("admin-button-sync"),
    async (ctx) => {
      if (!allowed(ctx, "operate")) return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-no-permission"), show_alert: true }));
      await ctx.answerCallbackQuery({ text: ctx.t("admin-syncing") });
      const report = await ctx.deps.orderAdmin.syncNow();
      await ctx.deps.audit.record(ctx.deps.db, { actor: actor(ctx), action: "order.sync_all", subject: "orders", after: { checked: report.checked, changed: report.changed, failedSuppliers: report.failedSuppliers }, reason: "/admin" });
      await show(ctx, ctx.t("admin-sync-done", { checked: String(report.checked), changed: String(report.changed), failed: String(report.failedSuppliers) }));
    },
  )
  .row()
  .text(
    (ctx) => ctx.t("admin-button-find"),
    async (ctx) => {
      ctx.session.admin = { awaiting: "order" };
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("admin-find-ask"), { parse_mode: "HTML" });
    },
  )
  .text(
    (ctx) => ctx.t("admin-button-handoffs"),
    async (ctx) => {
      await ctx.answerCallbackQuery();
      await show(ctx, await handoffsText(ctx));
    },
  )
  .row()
  .dynamic((ctx, range) => {
    const url = miniAppUrl(ctx);
    if (!url) return;
    // Telegram opens a Mini App (web_app) only from an https address; over http (the sandbox,
    // a shop without TLS yet) the button is a plain link, which opens in the browser instead.
    if (url.startsWith("https://")) range.webApp(ctx.t("admin-button-app"), url);
    else range.url(ctx.t("admin-button-app"), url);
  });

adminMenu.register([orderMenu, refundMenu]);

/** A press on buttons whose menu changed meanwhile: say so, and show the menu as it is now. */
async function outdated(ctx: MenuContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.menu.update({ immediate: true }).catch(() => undefined);
}
