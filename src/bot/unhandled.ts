import { Composer } from "grammy";
import type { BotContext } from "./context.js";

/** Whatever no feature took: an unknown command, a sticker, a stale button. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
});

unhandledFeature.on("message:text", async (ctx) => {
  await ctx.reply(ctx.t(ctx.message.text.startsWith("/") ? "unknown-command" : "not-understood-media"));
});

unhandledFeature.on("message", async (ctx) => {
  await ctx.reply(ctx.t("not-understood-media"));
});
