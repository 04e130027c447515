import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { describeLedgerEntry, type LedgerDescription } from "./wallet.entry-kind.js";
import { balanceOf, countEntries, insertLedgerEntry, listEntries, lockLedgerOf } from "./wallet.repository.js";
import type { LedgerEntryRow } from "./wallet.table.js";

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
  /** Why the entry exists, for each reader's language. */
  description: LedgerDescription;
}

const toEntry = (r: LedgerEntryRow): LedgerEntry => ({
  id: r.id,
  amount: r.amount,
  reason: r.reason,
  reference: r.reference,
  orderId: r.order_id,
  note: r.note,
  createdAt: r.created_at,
  description: describeLedgerEntry(r),
});

export type LedgerReason = "refund" | "topup" | "adjustment" | "purchase";

export interface Credit {
  customerId: number;
  amount: number;
  reason: LedgerReason;
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
      if (!Number.isSafeInteger(credit.amount) || credit.amount <= 0)
        throw new RangeError(`credit amount must be a positive integer, got ${credit.amount}`);
      return insertLedgerEntry(trx, {
        customer_id: credit.customerId,
        amount: credit.amount,
        reason: credit.reason,
        reference: credit.reference,
        order_id: credit.orderId ?? null,
        note: credit.note ?? null,
        created_at: clock.now(),
      });
    },

    /**
     * Debits inside the caller's transaction, refusing to take the balance below zero. Returns false
     * when the balance is too low or the reference was already debited. The customer's ledger is
     * held for the caller's transaction (SQLite's one writer; a lock on PostgreSQL), so the balance
     * cannot change between the check and the debit.
     */
    async debit(trx: Db, debit: Credit): Promise<boolean> {
      if (!Number.isSafeInteger(debit.amount) || debit.amount <= 0)
        throw new RangeError(`debit amount must be a positive integer, got ${debit.amount}`);
      await lockLedgerOf(trx, debit.customerId);
      if ((await this.balance(debit.customerId, trx)) < debit.amount) return false;
      return insertLedgerEntry(trx, {
        customer_id: debit.customerId,
        amount: -debit.amount,
        reason: debit.reason,
        reference: debit.reference,
        order_id: debit.orderId ?? null,
        note: debit.note ?? null,
        created_at: clock.now(),
      });
    },

    balance: (customerId: number, trx: Db = db): Promise<number> => balanceOf(trx, customerId),

    async recentEntries(customerId: number, limit = 10): Promise<LedgerEntry[]> {
      return (await listEntries(db, customerId, limit)).map(toEntry);
    },

    /** A page of a customer's ledger, newest first, and how many entries there are (the admin app). */
    async pageEntries(
      customerId: number,
      page: number,
      pageSize: number,
    ): Promise<{ entries: LedgerEntry[]; total: number }> {
      const total = await countEntries(db, customerId);
      return { entries: (await listEntries(db, customerId, pageSize, page * pageSize)).map(toEntry), total };
    },
  };
}

export type WalletService = ReturnType<typeof createWalletService>;
