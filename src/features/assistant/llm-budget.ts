import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { LlmUsage } from "../../infra/llm/chat-model.js";
import type { SettingsService } from "../settings/settings.service.js";
import { addUsage, deleteUsageBefore, usageOn, type UsageTotals } from "./llm-usage.repository.js";
import type { LlmPurpose } from "./llm-usage.table.js";

/** Why the LLM was not asked: switched off (budget 0), the shop's tokens for today, or this customer's calls. */
export type BudgetRefusal = "llm_disabled" | "budget_tokens" | "budget_customer";

/** Calls made for no particular customer are booked on customer 0. */
export const SHOP_CUSTOMER = 0;

const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Usage is kept long enough to compare a few months of LLM cost; only budgets read today's. */
export const USAGE_KEPT_DAYS = 90;

/** "2026-11-21" for the day in Asia/Jakarta (UTC+7 all year: no daylight saving). */
export function jakartaDay(epochMs: number): string {
  return new Date(epochMs + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Daily LLM budgets (OWASP LLM10, denial of wallet): tokens for the whole shop and calls per
 * customer, reset at midnight Jakarta time. Checked before a call and charged after it, so the
 * last call of a day may overshoot the token budget by one call's tokens.
 */
export function createLlmBudget(deps: { db: Db; clock: Clock; settings: SettingsService }) {
  return {
    async check(customerId: number | undefined): Promise<BudgetRefusal | undefined> {
      const tokenBudget = await deps.settings.get("assistant.llm_daily_token_budget");
      if (tokenBudget === 0) return "llm_disabled";
      const day = jakartaDay(deps.clock.now());
      const shop = await usageOn(deps.db, day);
      if (shop.promptTokens + shop.completionTokens >= tokenBudget) return "budget_tokens";
      if (customerId === undefined || customerId === SHOP_CUSTOMER) return undefined;
      const perCustomer = await deps.settings.get("assistant.llm_customer_daily_calls");
      const mine = await usageOn(deps.db, day, customerId);
      return mine.calls >= perCustomer ? "budget_customer" : undefined;
    },

    /** Books one call, failed or not: a failed call may still have been paid for. */
    async record(input: {
      customerId: number | undefined;
      purpose: LlmPurpose;
      usage: LlmUsage;
      failed: boolean;
    }): Promise<void> {
      const at = deps.clock.now();
      await addUsage(deps.db, {
        day: jakartaDay(at),
        customerId: input.customerId ?? SHOP_CUSTOMER,
        purpose: input.purpose,
        calls: 1,
        failures: input.failed ? 1 : 0,
        promptTokens: input.usage.promptTokens,
        completionTokens: input.usage.completionTokens,
        cachedTokens: input.usage.cachedTokens,
        at,
      });
    },

    /** The housekeeping job: drops usage older than USAGE_KEPT_DAYS. Returns how many rows. */
    prune(): Promise<number> {
      return deleteUsageBefore(deps.db, jakartaDay(deps.clock.now() - USAGE_KEPT_DAYS * DAY_MS));
    },

    /** Today's usage (Asia/Jakarta), for the whole shop or one customer. */
    today(customerId?: number): Promise<UsageTotals> {
      return usageOn(deps.db, jakartaDay(deps.clock.now()), customerId);
    },
  };
}

export type LlmBudget = ReturnType<typeof createLlmBudget>;
