import type { Db } from "../../infra/db/open-database.js";

/**
 * Fulfilment's own writes: the funds bookkeeping on a supplier's row (the balance last read, and
 * when admins were told it ran low or ran out), which only the placement job and the funds check
 * keep. The supplier's configuration stays with the providers feature.
 */

export async function recordSupplierBalance(db: Db, providerId: number, balance: string): Promise<void> {
  await db.updateTable("providers").set({ last_balance: balance }).where("id", "=", providerId).execute();
}

/** Stamps the low-balance alert unless one is already standing. */
export async function markLowBalanceAlerted(db: Db, providerId: number, now: number): Promise<void> {
  await db
    .updateTable("providers")
    .set({ low_balance_alerted_at: now })
    .where("id", "=", providerId)
    .where("low_balance_alerted_at", "is", null)
    .execute();
}

export async function clearLowBalanceAlert(db: Db, providerId: number): Promise<void> {
  await db.updateTable("providers").set({ low_balance_alerted_at: null }).where("id", "=", providerId).execute();
}

/** Stamps the out-of-funds alert; the supplier's name when this call is the first (admins hear once), undefined otherwise. */
export async function markOutOfFundsAlerted(db: Db, providerId: number, now: number): Promise<string | undefined> {
  const first = await db
    .updateTable("providers")
    .set({ out_of_funds_alerted_at: now })
    .where("id", "=", providerId)
    .where("out_of_funds_alerted_at", "is", null)
    .returning("name")
    .executeTakeFirst();
  return first?.name;
}

export async function clearOutOfFundsAlert(db: Db, providerId: number): Promise<void> {
  await db.updateTable("providers").set({ out_of_funds_alerted_at: null }).where("id", "=", providerId).execute();
}
