import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { SettingsService } from "../features/settings/settings.service.js";
import type { Logger } from "../logger.js";
import type { SharedCounters } from "../infra/db/cluster.js";
import { isAdmin } from "./admins.js";
import type { BotContext } from "./context.js";

type Limiter = MiddlewareFn<BotContext>;

/**
 * Per-customer flood guard in front of everything that could reach the LLM (or the admins, in a
 * hand-off): past `assistant.rate_limit_per_minute` messages in a minute, the rest of that minute's
 * messages are dropped and the customer is told once, in their language.
 *
 * Only messages count. Button presses are left alone: they act on messages the bot already sent
 * (picking a service, Pay, checking a payment), never reach the LLM, and dropping one in the middle
 * of a purchase would cost a sale; pre-checkout queries must be answered within seconds or
 * Telegram fails the payment. Admins are never limited.
 *
 * On a shared database (several instances) the counters are rows (`rate_counts`), so a customer
 * gets the limit once, not once per instance. Otherwise the plugin keeps its counters in one in-memory store (a fixed window cleared every minute) built
 * together with the limit, so the limiter is built again when the setting changes (admin app): the
 * new value applies from the next message, with fresh counters. The read is retried on the next
 * update if the database was not ready.
 */
export function rateLimitCustomers(deps: {
  settings: SettingsService;
  logger: Logger;
  /** Several instances: the counts live in the database, so the limit holds across them. */ sharedCounters?:
    SharedCounters | undefined;
}): MiddlewareFn<BotContext> {
  let limiter: Promise<Limiter> | undefined;
  const build = (): Promise<Limiter> => {
    const building = deps.settings.get("assistant.rate_limit_per_minute").then((perMinute) =>
      limit<BotContext, SharedCounters>({
        timeFrame: 60_000,
        limit: perMinute,
        keyPrefix: "customer:",
        ...(deps.sharedCounters ? { storageClient: deps.sharedCounters } : {}),
        keyGenerator: (ctx) => (ctx.message && ctx.from && !isAdmin(ctx) ? String(ctx.from.id) : undefined),
        // Called for the first message over the limit only (alwaysReply stays off): one notice a minute.
        onLimitExceeded: async (ctx) => {
          ctx.log.info({ customerId: ctx.customer.id, perMinute }, "customer rate-limited");
          await ctx
            .reply(ctx.t("rate-limited"))
            .catch((error: unknown) => ctx.log.warn({ err: error }, "cannot send the rate-limit notice"));
        },
      }),
    );
    limiter = building;
    building.catch((error: unknown) => {
      deps.logger.warn({ err: error }, "cannot read the rate limit yet; trying again on the next update");
      if (limiter === building) limiter = undefined;
    });
    return building;
  };
  build();
  deps.settings.onChange((key) => {
    if (key === "assistant.rate_limit_per_minute") limiter = undefined;
  });
  return async (ctx, next) => (await (limiter ?? build()))(ctx, next);
}
