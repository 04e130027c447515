import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "../../infra/db/database.js";
import { dialectOf } from "../../infra/db/dialect.js";
import type { Db } from "../../infra/db/open-database.js";
import type { JobRow, NewJobRow } from "./jobs.table.js";

/** Inserts a job; a job with the same dedupe key already queued makes this a no-op (returns false). */
export async function insertJob(db: Db, row: NewJobRow): Promise<boolean> {
  const result = await db
    .insertInto("jobs")
    .values(row)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Takes the next due job of the given kinds in one statement: a pending job whose time has come, or
 * a running job whose lease ran out (its worker crashed). The lease is what makes a crash recoverable.
 * SQLite has one writer, so the pick and the update cannot interleave; on PostgreSQL several
 * workers (and instances) claim at once, so the picked row is locked, and a row another worker is
 * taking is skipped rather than waited for (and then claimed twice).
 */
export async function claimJob(
  db: Db,
  kinds: readonly string[],
  now: number,
  leaseUntil: number,
  holder: string | null = null,
): Promise<JobRow | undefined> {
  return db
    .updateTable("jobs")
    .set({
      status: "running",
      lease_until: leaseUntil,
      leased_by: holder,
      attempts: sql`attempts + 1`,
      updated_at: now,
    })
    .where(
      "id",
      "=",
      db
        .selectFrom("jobs")
        .select("id")
        .where("kind", "in", [...kinds])
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("run_at", "<=", now)]),
            eb.and([eb("status", "=", "running"), eb("lease_until", "<", now)]),
          ]),
        )
        .orderBy("run_at")
        .orderBy("id")
        .limit(1)
        .$if(dialectOf(db) === "postgres", (qb) => qb.forUpdate().skipLocked()),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * A job's outcome is recorded only by the worker that holds it (`holder`, as written by the claim):
 * a job handed back or taken over since is the new holder's to finish, not the late one's.
 */
const heldBy = (holder: string | null) => (eb: ExpressionBuilder<Database, "jobs">) =>
  holder === null ? eb("leased_by", "is", null) : eb("leased_by", "=", holder);

export async function finishJob(db: Db, id: number, now: number, holder: string | null = null): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "done", lease_until: null, leased_by: null, updated_at: now })
    .where("id", "=", id)
    .where(heldBy(holder))
    .execute();
}

export async function rescheduleJob(
  db: Db,
  id: number,
  runAt: number,
  error: string,
  now: number,
  holder: string | null = null,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "pending", run_at: runAt, lease_until: null, leased_by: null, last_error: error, updated_at: now })
    .where("id", "=", id)
    .where(heldBy(holder))
    .execute();
}

export async function failJob(
  db: Db,
  id: number,
  error: string,
  now: number,
  holder: string | null = null,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "failed", lease_until: null, leased_by: null, last_error: error, updated_at: now })
    .where("id", "=", id)
    .where(heldBy(holder))
    .execute();
}

export async function nextDueTime(db: Db, kinds: readonly string[]): Promise<number | undefined> {
  const row = await db
    .selectFrom("jobs")
    .select(sql<number | null>`min(case when status = 'pending' then run_at else lease_until end)`.as("next"))
    .where("kind", "in", [...kinds])
    .where("status", "in", ["pending", "running"])
    .executeTakeFirst();
  return row?.next ?? undefined;
}

/**
 * Start-up of the one worker process: jobs left running by a process that died are free again.
 * Only on SQLite, where one process owns the queue: on PostgreSQL the running jobs may be other
 * live instances' work, so nothing is taken from them; a dead instance's jobs come back when
 * their lease runs out.
 */
export async function releaseRunningJobs(db: Db, now: number): Promise<number> {
  if (dialectOf(db) === "postgres") return 0;
  const result = await db
    .updateTable("jobs")
    .set({ status: "pending", lease_until: null, updated_at: now })
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A clean stop of one instance among several: the jobs it still holds (a handler that outlived the
 * stop's grace period) go back to the queue now, for another instance to take at once instead of
 * after the lease. Only this holder's own jobs: the others' are live work.
 */
export async function releaseJobsHeldBy(db: Db, holder: string, now: number): Promise<number> {
  const result = await db
    .updateTable("jobs")
    .set({ status: "pending", lease_until: null, leased_by: null, updated_at: now })
    .where("status", "=", "running")
    .where("leased_by", "=", holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Housekeeping: forgets jobs finished before `before`. Returns how many. */
export async function deleteDoneJobsBefore(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom("jobs")
    .where("status", "=", "done")
    .where("updated_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
