import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import type { LlmPurpose } from "./llm-usage.table.js";

export interface UsageDelta {
  day: string;
  customerId: number;
  purpose: LlmPurpose;
  calls: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  at: number;
}

export interface UsageTotals {
  calls: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

/** Adds one call's usage to its (day, customer, purpose) row, creating the row on the first call. */
export async function addUsage(db: Db, d: UsageDelta): Promise<void> {
  await db
    .insertInto("llm_usage")
    .values({
      day: d.day,
      customer_id: d.customerId,
      purpose: d.purpose,
      calls: d.calls,
      failures: d.failures,
      prompt_tokens: d.promptTokens,
      completion_tokens: d.completionTokens,
      cached_tokens: d.cachedTokens,
      updated_at: d.at,
    })
    .onConflict((oc) =>
      oc.columns(["day", "customer_id", "purpose"]).doUpdateSet({
        calls: (eb) => eb("llm_usage.calls", "+", eb.ref("excluded.calls")),
        failures: (eb) => eb("llm_usage.failures", "+", eb.ref("excluded.failures")),
        prompt_tokens: (eb) => eb("llm_usage.prompt_tokens", "+", eb.ref("excluded.prompt_tokens")),
        completion_tokens: (eb) => eb("llm_usage.completion_tokens", "+", eb.ref("excluded.completion_tokens")),
        cached_tokens: (eb) => eb("llm_usage.cached_tokens", "+", eb.ref("excluded.cached_tokens")),
        updated_at: d.at,
      }),
    )
    .execute();
}

/** The day's usage, for everyone or for one customer. */
export async function usageOn(db: Db, day: string, customerId?: number): Promise<UsageTotals> {
  let query = db
    .selectFrom("llm_usage")
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>("calls"), sql<number>`0`).as("calls"),
      eb.fn.coalesce(eb.fn.sum<number>("failures"), sql<number>`0`).as("failures"),
      eb.fn.coalesce(eb.fn.sum<number>("prompt_tokens"), sql<number>`0`).as("promptTokens"),
      eb.fn.coalesce(eb.fn.sum<number>("completion_tokens"), sql<number>`0`).as("completionTokens"),
      eb.fn.coalesce(eb.fn.sum<number>("cached_tokens"), sql<number>`0`).as("cachedTokens"),
    ])
    .where("day", "=", day);
  if (customerId !== undefined) query = query.where("customer_id", "=", customerId);
  const row = await query.executeTakeFirstOrThrow();
  return {
    calls: Number(row.calls),
    failures: Number(row.failures),
    promptTokens: Number(row.promptTokens),
    completionTokens: Number(row.completionTokens),
    cachedTokens: Number(row.cachedTokens),
  };
}

/** Drops the rows of days before `day` (YYYY-MM-DD sorts as text); returns how many. */
export async function deleteUsageBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom("llm_usage").where("day", "<", day).executeTakeFirst();
  return Number(result.numDeletedRows);
}
