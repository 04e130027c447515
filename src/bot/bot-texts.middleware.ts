import type { NextFunction } from "grammy";
import type { BotContext } from "./context.js";

/**
 * Installed right after i18n: texts the shop rewrote in the admin app (welcome, help) replace the
 * locale file's, wherever a feature asks for them by key. The language is the one the i18n plugin
 * negotiates (the customer's), read when the text is asked for, so a /language change applies.
 */
export async function botTextOverrides(ctx: BotContext, next: NextFunction): Promise<void> {
  const rewritten = await ctx.deps.botTexts.snapshot();
  const translate = ctx.t.bind(ctx);
  ctx.t = ((key: string, vars?: Record<string, string | number>) =>
    rewritten(key, ctx.customer?.language ?? "id", vars) ?? translate(key, vars)) as BotContext["t"];
  ctx.translate = ctx.t;
  await next();
}
