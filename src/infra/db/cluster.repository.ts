import { sql } from "kysely";
import { dialectOf } from "./dialect.js";
import type { Db } from "./open-database.js";

/**
 * What several instances on one database agree through: "once" claims, named leases and a shared
 * token bucket. Each is one conditional statement, so the database, not a process, decides who wins.
 */

/** Claims (name, slot) for `holder`; true for exactly one caller cluster-wide, false for every other. */
export async function claimOnce(db: Db, name: string, slot: string, holder: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto("once_claims")
    .values({ name, slot, holder, claimed_at: now })
    .onConflict((oc) => oc.columns(["name", "slot"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Gives a claim up (the work it stood for failed), so the next attempt may claim it again. */
export async function forgetClaim(db: Db, name: string, slot: string): Promise<void> {
  await db.deleteFrom("once_claims").where("name", "=", name).where("slot", "=", slot).execute();
}

/** Forgets every claim of `name` (a webhook deleted by a polling instance must be registered again). */
export async function forgetClaimsOf(db: Db, name: string): Promise<void> {
  await db.deleteFrom("once_claims").where("name", "=", name).execute();
}

/** Housekeeping: claims older than `before` have done their job (a tick that long past never fires again). */
export async function deleteClaimsBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom("once_claims").where("claimed_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Takes or renews the lease `name` for `holder` until `until`: succeeds when nobody holds it, when
 * the holder's lease ran out (it died), or when `holder` already holds it.
 */
export async function takeLease(db: Db, name: string, holder: string, now: number, until: number): Promise<boolean> {
  const result = await db
    .insertInto("leases")
    .values({ name, holder, lease_until: until })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder, lease_until: until })
        .where((eb) => eb.or([eb("leases.lease_until", "<", now), eb("leases.holder", "=", holder)])),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Hands a lease back (a clean stop), only if `holder` still holds it. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute();
}

/** Housekeeping: leases that ran out before `before` (a chat lock or a poller whose process died). */
export async function deleteLeasesExpiredBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom("leases").where("lease_until", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Who holds the lease now, if anyone does (for an error message naming the other instance). */
export async function leaseHolder(db: Db, name: string, now: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("leases")
    .select("holder")
    .where("name", "=", name)
    .where("lease_until", ">=", now)
    .executeTakeFirst();
  return row?.holder;
}

/**
 * Takes one token from the bucket `name` (refilled at `perSecond`, holding at most `burst`), or
 * none when it is empty. The refill is computed in the same statement as the take, so instances
 * taking at once never spend the same token; a clock behind the last taker's adds nothing.
 */
export async function takeToken(db: Db, name: string, perSecond: number, burst: number, now: number): Promise<boolean> {
  await db
    .insertInto("rate_buckets")
    .values({ name, tokens: burst, updated_at: now })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  // SQLite spells least/greatest as the many-argument min/max.
  const [least, greatest] =
    dialectOf(db) === "postgres" ? [sql.raw("least"), sql.raw("greatest")] : [sql.raw("min"), sql.raw("max")];
  const refilled = sql<number>`${least}(cast(${burst} as double precision), tokens + ${greatest}(0, ${now} - updated_at) * cast(${perSecond / 1000} as double precision))`;
  const result = await db
    .updateTable("rate_buckets")
    .set({
      tokens: sql`${refilled} - 1`,
      updated_at: sql`${greatest}(updated_at, ${now})`,
    })
    .where("name", "=", name)
    .where(refilled, ">=", 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Counts one more hit on `key` in its window and returns the count; a window that has ended starts
 * again at 1, lasting `windowMs`. One statement, so hits on several instances at once all count.
 */
export async function countHit(db: Db, key: string, now: number, windowMs: number): Promise<number> {
  const row = await db
    .insertInto("rate_counts")
    .values({ key, count: 1, expires_at: now + windowMs })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when rate_counts.expires_at <= ${now} then 1 else rate_counts.count + 1 end`,
        expires_at: sql`case when rate_counts.expires_at <= ${now} then ${now + windowMs} else rate_counts.expires_at end`,
      }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Sets when `key`'s window ends. */
export async function expireCount(db: Db, key: string, at: number): Promise<number> {
  const result = await db.updateTable("rate_counts").set({ expires_at: at }).where("key", "=", key).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Housekeeping: counters whose window ended before `before`. */
export async function deleteCountsExpiredBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom("rate_counts").where("expires_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
