import type { NextFunction } from "grammy";
import { detectLanguage } from "../features/assistant/rules-extractor.js";
import type { BotContext } from "./context.js";

/**
 * Knows who is writing before anything else runs: finds or creates the customer, and follows the
 * language they write in unless they picked one with /language. The shop sells in private chats:
 * updates from groups and channels, or without a person, stop here.
 */
export async function customerMiddleware(ctx: BotContext, next: NextFunction): Promise<void> {
  const from = ctx.from;
  if (!from || from.is_bot) return;
  if (ctx.chat && ctx.chat.type !== "private") return;
  const customer = await ctx.deps.customers.touch({
    telegramId: from.id,
    chatId: ctx.chat?.id ?? from.id,
    username: from.username,
    firstName: from.first_name,
    languageCode: from.language_code,
  });
  const text = ctx.message?.text;
  if (text && !text.startsWith("/") && !customer.languageLocked) {
    const spoken = detectLanguage(text);
    if (spoken && spoken !== customer.language) {
      await ctx.deps.customers.setLanguage(customer.id, spoken, false);
      customer.language = spoken;
    }
  }
  ctx.customer = customer;
  await next();
}
