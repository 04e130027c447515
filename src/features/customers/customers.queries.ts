import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { containsIgnoringCase } from "../../infra/db/portable-sql.js";

/**
 * The customer directory's read model: customers with what the wallet (`ledger_entries`) and the
 * orders say about them, read across those features' tables and never written here. A balance is
 * the sum of ledger entries, as the wallet defines it.
 */

export interface CustomerDirectoryRow {
  id: number;
  telegram_id: number;
  username: string | null;
  first_name: string;
  language: "id" | "en";
  created_at: number;
  balance: number;
  order_count: number;
}

const matching = (db: Db, q: string | undefined) => {
  let query = db.selectFrom("customers");
  const term = q?.trim();
  if (!term) return query;
  if (/^\d+$/.test(term))
    return query.where((eb) => eb.or([eb("telegram_id", "=", Number(term)), eb("id", "=", Number(term))]));
  // A substring search rather than LIKE: a `%` or `_` someone types is just a character.
  const lower = term.replace(/^@/, "").toLowerCase();
  query = query.where((eb) =>
    eb.or([containsIgnoringCase(db, eb.ref("username"), lower), containsIgnoringCase(db, eb.ref("first_name"), lower)]),
  );
  return query;
};

/** How many customers match `q`: a Telegram id or customer number, or part of a @username or name. */
export async function countMatchingCustomers(db: Db, q: string | undefined): Promise<number> {
  const total = await matching(db, q)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(total.n);
}

/** One page of the customers matching `q`, newest first, each with the balance and paid orders. */
export async function pageMatchingCustomers(
  db: Db,
  q: string | undefined,
  page: { offset: number; limit: number },
): Promise<CustomerDirectoryRow[]> {
  return matching(db, q)
    .select([
      "id",
      "telegram_id",
      "username",
      "first_name",
      "language",
      "created_at",
      // The wallet's own definition of a balance, per row (indexed by ledger_customer).
      sql<number>`(select coalesce(sum(amount), 0) from ledger_entries where ledger_entries.customer_id = customers.id)`.as(
        "balance",
      ),
      sql<number>`(select count(*) from orders where orders.customer_id = customers.id and orders.paid_at is not null)`.as(
        "order_count",
      ),
    ])
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many orders a customer paid for, and the rupiah they paid. */
export async function customerPurchaseTotals(
  db: Db,
  customerId: number,
): Promise<{ paidOrders: number; spent: number }> {
  const totals = await db
    .selectFrom("orders")
    .select((eb) => [
      eb.fn.countAll<number>().as("n"),
      eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("spent"),
    ])
    .where("customer_id", "=", customerId)
    .where("paid_at", "is not", null)
    .executeTakeFirstOrThrow();
  return { paidOrders: Number(totals.n), spent: Number(totals.spent) };
}
