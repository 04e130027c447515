import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { deleteDoneJobsBefore } from "./jobs.repository.js";

const DAY = 86_400_000;

/** Finished jobs are history, not work: keep a month of them. */
export async function pruneFinishedJobs(db: Db, clock: Clock): Promise<number> {
  return deleteDoneJobsBefore(db, clock.now() - 30 * DAY);
}
