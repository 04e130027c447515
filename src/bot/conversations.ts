import { conversations, type ConversationFlavor } from "@grammyjs/conversations";
import type { Context, MiddlewareFn } from "grammy";
import { conversationStorage } from "./conversations.storage.js";
import type { BotContext } from "./context.js";
import type { BotDeps } from "./deps.js";
import { telegramRetries } from "./telegram-api.js";

/**
 * The conversations plugin (@grammyjs/conversations v2) for the admin chat wizards, installed for
 * staff updates only (bot/index.ts), before the features that register conversations.
 *
 * Inside a conversation every step gets a fresh Bot API client, so the shop client's transformers
 * do not apply there (stack-notes 2.2.4): retries are installed again on each. They sit outside the
 * plugin's call log, so a replay meets a logged flood-limit answer again and waits it out again
 * (rare in a staff chat; the log stays the same). The transcript recorder is deliberately not
 * installed: what the bot tells staff is not a turn of a customer conversation.
 */
export function staffConversations(deps: Pick<BotDeps, "db" | "clock">): MiddlewareFn<BotContext> {
  const plugin = conversations<BotContext, Context>({
    storage: conversationStorage<BotContext>(deps.db, deps.clock),
    plugins: [
      async (ctx, next) => {
        ctx.api.config.use(telegramRetries());
        await next();
      },
    ],
  });
  // The plugin adds `ctx.conversation` itself before calling the middleware after it.
  return (ctx, next) => plugin(ctx as ConversationFlavor<BotContext>, next);
}
