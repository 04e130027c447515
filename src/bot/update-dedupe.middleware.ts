import type { NextFunction } from "grammy";
import { deleteEventsBefore, recordEventOnce } from "../features/webhooks/webhooks.repository.js";
import type { BotContext } from "./context.js";

/**
 * Telegram redelivers webhook updates on timeouts and the runner can repeat updates after a hard
 * kill: an update id is handled once. Rows older than a few days are pruned by the housekeeping job.
 */
export async function dedupeUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  const first = await recordEventOnce(ctx.deps.db, {
    source: "telegram",
    dedupe_key: String(ctx.update.update_id),
    payload: "",
    outcome: "handled",
    received_at: ctx.deps.clock.now(),
  });
  if (!first) {
    ctx.log.info({ updateId: ctx.update.update_id }, "duplicate update ignored");
    return;
  }
  await next();
}

/** Telegram keeps undelivered updates for 24 hours; three days of ids is plenty to catch repeats. */
export async function pruneHandledUpdates(db: BotContext["deps"]["db"], now: number): Promise<number> {
  return deleteEventsBefore(db, "telegram", now - 3 * 86_400_000);
}
