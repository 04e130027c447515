import { Menu, type MenuFlavor } from "@grammyjs/menu";
import { GrammyError, type Context, type NextFunction } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { AppError } from "../../shared/errors.js";
import type { OrderDetailView } from "../orders/orders.detail.js";
import { balancesText, handoffsText, miniAppUrl, orderText, statsText } from "./admin.chat.js";
import type { AdminChatContext } from "./admin.conversation.js";
import { can, type Permission } from "./admin.permissions.js";

type MenuContext = AdminChatContext & MenuFlavor;

/**
 * The /admin menus (@grammyjs/menu), built once at start-up. Installed only behind the staff
 * filter (admin.bot.ts), so a press from anyone else never reaches them. Menus render twice per
 * press (stack-notes 2.3): the ranges read the order from the button's payload (`ctx.match`) and
 * the order menu carries a fingerprint of what its buttons depend on, so a press on buttons that
 * no longer apply (the order was refunded meanwhile) re-renders instead of acting. Buttons that
 * ask for typed answers open a wizard (admin.conversation.ts).
 */

export const actor = (ctx: BotContext) => `telegram:${ctx.from!.id}`;
export const allowed = (ctx: BotContext, permission: Permission) =>
  ctx.staffRole !== undefined && can(ctx.staffRole, permission);

/**
 * Shows `text` in the pressed message; an identical text is not an error. Under a menu's handler the
 * menu stays (the menu plugin puts it back on the edit); any other message loses its buttons.
 */
export async function show(ctx: Context, text: string): Promise<void> {
  await ctx
    .editMessageText(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } })
    .catch(unlessUnmodified);
}

/** Telegram refuses an edit that changes nothing; for us that edit is already done. */
export function unlessUnmodified(error: unknown): void {
  if (!(error instanceof GrammyError && /message is not modified/i.test(error.description))) throw error;
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

/** An order's detail with its buttons (/admin 123, and the end of the find-an-order wizard). */
export async function showOrder(ctx: BotContext, id: number): Promise<void> {
  const detail = await orderDetailOf(ctx, id);
  if (!detail) return void (await ctx.reply(ctx.t("admin-order-not-found", { order: String(id) })));
  ctx.match = String(id); // the order menu's buttons carry the order
  await ctx.reply(orderText(ctx, detail), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: orderMenu,
  });
}

/** A wizard a button opens (admin.conversation.ts starts it). */
export type AdminWizard = { name: "find" } | { name: "refund"; orderId: number };
const opened = new WeakMap<Context, AdminWizard>();

/**
 * Hands the update on to the wizards, which sit after the menus (a wizard's last reply may show a
 * menu, and menus render only for middleware after them), asking for `wizard` to be started.
 */
async function openWizard(ctx: MenuContext, next: NextFunction, wizard: AdminWizard): Promise<void> {
  await ctx.answerCallbackQuery();
  opened.set(ctx, wizard);
  await next();
}

/** The wizard a button of this update asked for, if any. */
export function wizardOpenedBy(ctx: Context): AdminWizard | undefined {
  return opened.get(ctx);
}

/** The order a menu is about: the pressed button's payload, or what the sender put in `ctx.match`. */
function orderIdOf(ctx: BotContext): number | undefined {
  const id = typeof ctx.match === "string" ? Number(ctx.match.trim()) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export const orderMenu = new Menu<AdminChatContext>("adm-o", {
  autoAnswer: false,
  onMenuOutdated: outdated,
  // What the buttons depend on: the order's state, what is left to refund and who is pressing.
  fingerprint: async (ctx) => {
    const id = orderIdOf(ctx);
    const detail = id ? await orderDetailOf(ctx, id) : undefined;
    return detail
      ? `${detail.order.id}:${detail.order.status}:${detail.money.leftToRefund}:${ctx.staffRole ?? ""}`
      : "none";
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
    range.text({ text: ctx.t("admin-button-order-refund"), payload }, (ctx, next) =>
      openWizard(ctx, next, { name: "refund", orderId: orderIdOf(ctx)! }),
    );
  }
});

export const adminMenu = new Menu<AdminChatContext>("adm", { autoAnswer: false, onMenuOutdated: outdated })
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
      if (!allowed(ctx, "operate"))
        return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-no-permission"), show_alert: true }));
      await ctx.answerCallbackQuery({ text: ctx.t("admin-syncing") });
      const report = await ctx.deps.orderAdmin.syncNow();
      await ctx.deps.audit.record(ctx.deps.db, {
        actor: actor(ctx),
        action: "order.sync_all",
        subject: "orders",
        after: { checked: report.checked, changed: report.changed, failedSuppliers: report.failedSuppliers },
        reason: "/admin",
      });
      await show(
        ctx,
        ctx.t("admin-sync-done", {
          checked: String(report.checked),
          changed: String(report.changed),
          failed: String(report.failedSuppliers),
        }),
      );
    },
  )
  .row()
  .text(
    (ctx) => ctx.t("admin-button-find"),
    (ctx, next) => openWizard(ctx, next, { name: "find" }),
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

adminMenu.register(orderMenu);

/** A press on buttons whose menu changed meanwhile: say so, and show the menu as it is now. */
async function outdated(ctx: MenuContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.menu.update({ immediate: true }).catch(() => undefined);
}
