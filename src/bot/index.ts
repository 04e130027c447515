import { sequentialize } from "@grammyjs/runner";
import { Bot, session, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createKvStorage } from "../infra/db/kv-storage.js";
import { assistantFeature } from "../features/assistant/assistant.bot.js";
import { handoffFeature } from "../features/assistant/handoff.bot.js";
import { recordIncoming } from "../features/assistant/transcripts.bot.js";
import { catalogFeature } from "../features/catalog/catalog.bot.js";
import { checkoutFeature, purchaseFlow } from "../features/checkout/checkout.bot.js";
import { customersFeature } from "../features/customers/customers.bot.js";
import { ordersFeature } from "../features/orders/orders.bot.js";
import { paymentsFeature } from "../features/payments/payments.bot.js";
import { walletFeature } from "../features/wallet/wallet.bot.js";
import { initialSession, type BotContext, type SessionData } from "./context.js";
import { customerMiddleware } from "./customer.middleware.js";
import type { BotDeps } from "./deps.js";
import { handleBotError } from "./error-handler.js";
import { plainNumbersInTranslations } from "./i18n.js";
import { botTextOverrides } from "./bot-texts.middleware.js";
import { isAdmin, resolveStaff } from "./admins.js";
import { staffConversations } from "./conversations.js";
import { adminFeature } from "../features/admin/admin.bot.js";
import { rateLimitCustomers } from "./rate-limit.middleware.js";
import type { I18n } from "@grammyjs/i18n";
import { unhandledFeature } from "./unhandled.js";
import { dedupeUpdates } from "./update-dedupe.middleware.js";
import { lockChatAcrossInstances } from "./chat-lock.middleware.js";

export interface CreateBotOptions {
  /** The shop's Telegram client (`container.telegram`, see telegram-api.ts): the bot sends through it too. */
  api: Api;
  deps: BotDeps;
  /** Shared with notifications, so both render the same texts. */
  i18n: I18n<BotContext>;
  /** Skips getMe (tests). */
  botInfo?: UserFromGetMe;
}

export const ALLOWED_UPDATES = ["message", "callback_query", "pre_checkout_query"] as const;

/** Builds the bot; the middleware order below is deliberate and written out once. */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.api.token, {
    ...(options.api.options ? { client: options.api.options } : {}),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // grammY builds its own client; the bot takes the shop's instead, so replies, notifications and
  // refunds share one client and its transformers (grammY copies them onto every update's ctx.api).
  Object.assign(bot, { api: options.api });

  bot.use(async (ctx, next) => {
    ctx.deps = options.deps;
    ctx.log = options.deps.logger.child({ updateId: ctx.update.update_id });
    await next();
  });
  bot.catch(handleBotError);
  const guarded = bot.errorBoundary(handleBotError);
  // One update at a time per chat: sessions and the purchase draft depend on it.
  guarded.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  guarded.use(dedupeUpdates);
  // Several instances: the same per-chat order across them, before the session is read.
  guarded.use(lockChatAcrossInstances(options.deps.chatLocks));
  // Before the rate limit and the hand-off (both ask whether the sender is staff).
  guarded.use(resolveStaff);
  guarded.use(customerMiddleware);
  guarded.use(
    session<SessionData, BotContext>({
      initial: initialSession,
      storage: createKvStorage<SessionData>(options.deps.db, options.deps.clock, "session:"),
      getSessionKey: (ctx) => ctx.chat?.id.toString(),
    }),
  );
  guarded.use(options.i18n, plainNumbersInTranslations, botTextOverrides);
  // After i18n (the notice is in the customer's language), before anything that reaches the LLM.
  guarded.use(rateLimitCustomers(options.deps));
  guarded.use(recordIncoming);
  // Every feature moves the purchase through `ctx.purchase(event)`, so it is there before any of them.
  guarded.use(purchaseFlow);
  // Before the features: while a person has the conversation, the dialog must not answer.
  guarded.use(handoffFeature);
  // /admin for staff only; everyone else falls through and is answered like any unknown command.
  // Its wizards are conversations, kept in the database (conversations.ts); customers need none.
  guarded.filter(isAdmin, staffConversations(options.deps));
  guarded.use(adminFeature);
  guarded.use(catalogFeature, customersFeature, walletFeature, ordersFeature, paymentsFeature, checkoutFeature);
  // Free text, read by the assistant, after every feature's commands and buttons.
  guarded.use(assistantFeature);
  guarded.use(unhandledFeature); // must stay last
  return bot;
}
