import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { smallerOf } from "../../infra/db/portable-sql.js";
import type { OrderStatus } from "../orders/orders.table.js";

/**
 * The dashboard's read model: orders with their refunds (ledger entries, Stars refund jobs) and
 * the services they sold, read across those features' tables and never written here. The
 * definitions of revenue and profit these sums implement are in admin.stats.service.ts.
 */

export const JAKARTA_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export interface PaidDayServiceRow {
  day: number;
  service_id: number;
  orders: number;
  revenue: number;
  cost: number;
}

/** Per Jakarta day and service: paid orders, net revenue and supplier cost, computed in the database (64-bit integers). */
export async function paidByDayAndService(db: Db, from: number, to: number): Promise<PaidDayServiceRow[]> {
  // Refunded so far: the automatic refund plus later partial ones, never more than was paid.
  const refundedSoFar = smallerOf(
    db,
    sql<number>`o.amount`,
    sql<number>`coalesce((select sum(l.amount) from ledger_entries l where l.reference = 'refund:order:' || o.id and l.order_id = o.id), 0)
                         + coalesce((select sum(l.amount) from ledger_entries l where l.reference >= 'refund:order:' || o.id || ':' and l.reference < 'refund:order:' || o.id || ';' and l.order_id = o.id), 0)`,
  );
  const result = await sql<PaidDayServiceRow>`
    with paid as (
      select o.id, o.service_id, o.amount, o.cost_amount, o.quantity, o.remains, o.status, o.provider_order_id, o.is_manual,
             (o.paid_at + ${sql.lit(JAKARTA_OFFSET_MS)}) / ${sql.lit(DAY_MS)} as day, -- literals: a bound JS number is a REAL, and the division must be an integer one
             case when exists (select 1 from jobs j where j.dedupe_key = 'refund-stars:' || o.id) then o.amount
                  else ${refundedSoFar}
             end as refunded,
             exists (select 1 from ledger_entries l where l.reference = 'refund:order:' || o.id and l.order_id = o.id) as auto_refunded
      from orders o
      where o.paid_at >= ${from} and o.paid_at < ${to}
    )
    select day, service_id, count(*) as orders, sum(amount - refunded) as revenue,
           sum(case
                 when status = 'canceled' then 0
                 when not (provider_order_id is not null or status = 'unknown' or is_manual = 1) then 0
                 when (status = 'partial' or (status = 'refunded' and auto_refunded)) and remains is not null and remains between 0 and quantity then (cost_amount * (quantity - remains) + quantity - 1) / quantity
                 else cost_amount
               end) as cost
    from paid
    group by day, service_id`.execute(db);
  return result.rows;
}

/** Orders created since `starts.d30` (and before `to`), by status, counted for each window's start (a CASE: PostgreSQL does not sum booleans). */
export async function orderStatusCounts(
  db: Db,
  starts: { today: number; d7: number; d30: number },
  to: number,
): Promise<Array<{ status: OrderStatus; today: number; d7: number; d30: number }>> {
  return db
    .selectFrom("orders")
    .select([
      "status",
      sql<number>`sum(case when created_at >= ${starts.today} then 1 else 0 end)`.as("today"),
      sql<number>`sum(case when created_at >= ${starts.d7} then 1 else 0 end)`.as("d7"),
      sql<number>`count(*)`.as("d30"),
    ])
    .where("created_at", ">=", starts.d30)
    .where("created_at", "<", to)
    .groupBy("status")
    .execute();
}

/** The shop number and name of each service sold, read in chunks SQLite's parameter limit allows. */
export async function serviceNames(
  db: Db,
  serviceIds: readonly number[],
): Promise<Map<number, { mid: number; name: string }>> {
  const services = new Map<number, { mid: number; name: string }>();
  for (let i = 0; i < serviceIds.length; i += 500) {
    const found = await db
      .selectFrom("services")
      .select(["id", "mid", "name"])
      .where("id", "in", serviceIds.slice(i, i + 500))
      .execute();
    for (const s of found) services.set(s.id, { mid: s.mid, name: s.name });
  }
  return services;
}
