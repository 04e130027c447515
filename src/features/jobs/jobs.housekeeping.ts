import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";

const DAY = 86_400_000;

/** Finished jobs are history, not work: keep a month of them. */
export async function pruneFinishedJobs(db: Db, clock: Clock): Promise<number> {
  const result = await db.deleteFrom("jobs").where("status", "=", "done").where("updated_at", "<", clock.now() - 30 * DAY).executeTakeFirst();
  return Number(result.numDeletedRows);
}
