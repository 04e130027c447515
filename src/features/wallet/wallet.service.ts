import { sql } from "kysely";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";

/**
 * The wallet is an append-only ledger: the balance is the sum of a customer's entries, and every
 * entry has a unique reference, so a refund written twice (a retried job, a status flip) lands once.
 */
export interface LedgerEntry {
  id: number;
  amount: number;
  reason: string;
  reference: string;
  orderId: number | null;
  note: string | null;
  createdAt: number;
}

export interface Credit {
  customerId: number;
  amount: number;
  reason: "refund" | "topup" | "adjustment";
  /** Idempotency key, e.g. `refund:order:12`. */
  reference: string;
  orderId?: number | null;
  note?: string | null;
}

export function createWalletService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Credits inside the caller's transaction. Returns false when the reference was already credited. */
    async credit(trx: Db, credit: Credit): Promise<boolean> {
      if (!Number.isSafeInteger(credit.amount) || credit.amount <= 0) throw new RangeError(`credit amount must be a positive integer, got ${credit.amount}`);
      const result = await trx
        .insertInto("ledger_entries")
        .values({
          customer_id: credit.customerId,
          amount: credit.amount,
          reason: credit.reason,
          reference: credit.reference,
          order_id: credit.orderId ?? null,
          note: credit.note ?? null,
          created_at: clock.now(),
        })
        .onConflict((oc) => oc.column("reference").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async balance(customerId: number, trx: Db = db): Promise<number> {
      const row = await trx
        .selectFrom("ledger_entries")
        .select(sql<number>`coalesce(sum(amount), 0)`.as("balance"))
        .where("customer_id", "=", customerId)
        .executeTakeFirstOrThrow();
      return row.balance;
    },

    async recentEntries(customerId: number, limit = 10): Promise<LedgerEntry[]> {
      const rows = await db.selectFrom("ledger_entries").selectAll().where("customer_id", "=", customerId).orderBy("id", "desc").limit(limit).execute();
      return rows.map((r) => ({ id: r.id, amount: r.amount, reason: r.reason, reference: r.reference, orderId: r.order_id, note: r.note, createdAt: r.created_at }));
    },
  };
}

export type WalletService = ReturnType<typeof createWalletService>;
