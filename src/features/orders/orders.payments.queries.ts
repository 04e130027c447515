import type { Db } from "../../infra/db/open-database.js";

/**
 * A read model: what the money tables (payments, the wallet's ledger, the job outbox) say about
 * orders. It changes nothing; the writes stay with the features that own those tables.
 */

/** What orders paid with Telegram Stars cost in Stars, by order id (the customer paid Stars, not rupiah). */
export async function starsPaidFor(
  db: Db,
  orders: ReadonlyArray<{ paid_with: string | null; paid_payment_id: number | null }>,
): Promise<Map<number, number>> {
  const paymentIds = orders
    .filter((o) => o.paid_with === "stars" && o.paid_payment_id !== null)
    .map((o) => o.paid_payment_id!);
  if (paymentIds.length === 0) return new Map();
  const payments = await db
    .selectFrom("payments")
    .select(["order_id", "stars_amount"])
    .where("id", "in", paymentIds)
    .execute();
  return new Map(
    payments.filter((p) => p.order_id !== null && p.stars_amount !== null).map((p) => [p.order_id!, p.stars_amount!]),
  );
}

/** The key of the job that refunds an order's Stars payment; its existence means the Stars went back. */
export const starsRefundKey = (orderId: number) => `refund-stars:${orderId}`;

/**
 * Rupiah already refunded of an order's amount: its refund entries (automatic and admin), and a
 * Stars refund counts as the whole amount. A second payment for the same order credited back to
 * the wallet (`payment:<id>`) returns other money and does not count.
 */
export async function refundedSoFar(db: Db, orderId: number): Promise<number> {
  const reference = `refund:order:${orderId}`;
  const row = await db
    .selectFrom("ledger_entries")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
    .where("order_id", "=", orderId)
    .where((eb) => eb.or([eb("reference", "=", reference), eb("reference", "like", `${reference}:%`)]))
    .executeTakeFirstOrThrow();
  const stars = await db
    .selectFrom("jobs")
    .select("id")
    .where("dedupe_key", "=", starsRefundKey(orderId))
    .executeTakeFirst();
  return stars ? Number.MAX_SAFE_INTEGER : Number(row.total);
}

/**
 * Orders no rail can still pay: awaiting payment, with their quote's price gone and no open
 * invoice (left by a QRIS charge that failed, or by a refused wallet attempt from before such
 * attempts wrote nothing). Orders with an open invoice are expired by that rail's own sweep.
 */
export async function abandonedOrderIds(db: Db, now: number): Promise<number[]> {
  const rows = await db
    .selectFrom("orders")
    .innerJoin("quotes", "quotes.id", "orders.quote_id")
    .select("orders.id")
    .where("orders.status", "=", "awaiting_payment")
    .where("quotes.expires_at", "<=", now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("payments")
            .select("payments.id")
            .whereRef("payments.order_id", "=", "orders.id")
            .where("payments.status", "in", ["creating", "pending"]),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}
