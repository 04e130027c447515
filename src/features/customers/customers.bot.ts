import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";

/** `/language` (`/bahasa`): an explicit choice that automatic detection then leaves alone. */
export const customersFeature = new Composer<BotContext>();

customersFeature.command(["language", "bahasa"], async (ctx) => {
  const keyboard = new InlineKeyboard().text("🇮🇩 Bahasa Indonesia", "lang:id").text("🇬🇧 English", "lang:en");
  await ctx.reply(ctx.t("language-pick"), { reply_markup: keyboard });
});

customersFeature.callbackQuery(/^lang:(id|en)$/, async (ctx) => {
  const language = ctx.match[1] as "id" | "en";
  await ctx.deps.customers.setLanguage(ctx.customer.id, language, true);
  ctx.customer.language = language;
  await ctx.i18n.renegotiateLocale();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-set"));
});
