import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { lockForWrite } from "../../infra/db/portable-sql.js";
import type { LedgerEntryRow, NewLedgerEntryRow } from "./wallet.table.js";

/**
 * The ledger's SQL: entries are only ever added (never updated or deleted), and the unique
 * reference makes a second write of the same entry a no-op. Every function takes the executor, so
 * a debit's balance check and its entry share the caller's transaction.
 */

/** Adds an entry; false when an entry with its reference already exists. */
export async function insertLedgerEntry(db: Db, row: NewLedgerEntryRow): Promise<boolean> {
  const result = await db
    .insertInto("ledger_entries")
    .values(row)
    .onConflict((oc) => oc.column("reference").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Holds one customer's ledger for the caller's transaction, so a balance read after it stays true
 * until the entry is written: SQLite's one writer does this already; on PostgreSQL two debits at
 * once would otherwise both see the old balance and overdraw it.
 */
export async function lockLedgerOf(db: Db, customerId: number): Promise<void> {
  await lockForWrite(db, "ledger", customerId);
}

export async function balanceOf(db: Db, customerId: number): Promise<number> {
  const row = await db
    .selectFrom("ledger_entries")
    .select(sql<number>`coalesce(sum(amount), 0)`.as("balance"))
    .where("customer_id", "=", customerId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** A customer's entries, newest first. */
export async function listEntries(db: Db, customerId: number, limit: number, offset = 0): Promise<LedgerEntryRow[]> {
  return db
    .selectFrom("ledger_entries")
    .selectAll()
    .where("customer_id", "=", customerId)
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countEntries(db: Db, customerId: number): Promise<number> {
  return Number(
    (
      await db
        .selectFrom("ledger_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("customer_id", "=", customerId)
        .executeTakeFirstOrThrow()
    ).n,
  );
}
