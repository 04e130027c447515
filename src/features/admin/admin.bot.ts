import { Composer } from "grammy";
import { isAdmin } from "../../bot/admins.js";
import type { BotContext } from "../../bot/context.js";
import { adminWizards, orderNumber, REFUND_PRESS, type AdminChatContext } from "./admin.conversation.js";
import { adminMenu, allowed, show, showOrder, unlessUnmodified } from "./admin.menu.js";

/**
 * `/admin` in chat, for staff only: the menu (stats, supplier balances, sync now, find an order,
 * open hand-offs, the admin app) and `/admin 123` for an order with its actions. Everything here
 * sits behind the staff filter: anyone else's `/admin` falls through to the reply every unknown
 * command gets, so nothing tells a stranger that an admin area exists.
 */
export const adminFeature = new Composer<BotContext>();

// The bot installs the conversations plugin for staff updates before this feature (bot/index.ts).
const staff = adminFeature.filter((ctx): ctx is AdminChatContext => isAdmin(ctx));
// The menus first, so replies sent further down (the wizards' too) render them; a button that
// opens a wizard hands the update on to `adminWizards`.
staff.use(adminMenu);
staff.use(adminWizards);

staff.command("admin", async (ctx) => {
  const argument = ctx.match.trim();
  if (argument === "")
    return void (await ctx.reply(ctx.t("admin-menu"), { parse_mode: "HTML", reply_markup: adminMenu }));
  const id = orderNumber(argument);
  if (id === undefined) return void (await ctx.reply(ctx.t("admin-find-invalid"), { parse_mode: "HTML" }));
  await showOrder(ctx, id);
});

// A refund confirmation whose wizard is over (done, dropped, replaced, or a double tap): it no
// longer acts. "No" still says the refund is dropped, as it is.
staff.callbackQuery(REFUND_PRESS, async (ctx) => {
  if (ctx.match[1] === "no") {
    await ctx.answerCallbackQuery();
    return show(ctx, ctx.t("admin-refund-dropped"));
  }
  if (!allowed(ctx, "refund"))
    return void (await ctx.answerCallbackQuery({ text: ctx.t("admin-no-permission"), show_alert: true }));
  await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
  await ctx.editMessageReplyMarkup().catch(unlessUnmodified);
});
