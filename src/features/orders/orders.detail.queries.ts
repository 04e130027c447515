import type { Db } from "../../infra/db/open-database.js";
import type { OrderRow, OrderStatus } from "./orders.table.js";

/**
 * A read model for the admin's look at orders: an order's customer, service, supplier, payments,
 * ledger entries and refills, and the plain list the CLI shows. It joins other features' tables
 * and changes nothing.
 */

/** Newest first; by status and by the customer's Telegram id when given. */
export async function listOrdersForAdmin(
  db: Db,
  filter: { status?: OrderStatus | undefined; customerTelegramId?: number | undefined; limit?: number | undefined },
): Promise<OrderRow[]> {
  let query = db.selectFrom("orders").selectAll("orders");
  if (filter.status) query = query.where("orders.status", "=", filter.status);
  if (filter.customerTelegramId)
    query = query
      .innerJoin("customers", "customers.id", "orders.customer_id")
      .where("customers.telegram_id", "=", filter.customerTelegramId);
  return query
    .orderBy("orders.id", "desc")
    .limit(filter.limit ?? 20)
    .execute();
}

/** Every payment, ledger entry and refill of an order, oldest first, as stored. */
export async function orderPaperTrail(db: Db, orderId: number) {
  return {
    payments: await db.selectFrom("payments").selectAll().where("order_id", "=", orderId).orderBy("id").execute(),
    ledger: await db.selectFrom("ledger_entries").selectAll().where("order_id", "=", orderId).orderBy("id").execute(),
    refills: await db.selectFrom("refills").selectAll().where("order_id", "=", orderId).orderBy("id").execute(),
  };
}

/** Who bought it, what it is, who supplies it, and what happened to its money (the admin's order page). */
export async function orderSurroundings(
  db: Db,
  order: Pick<OrderRow, "id" | "customer_id" | "service_id" | "provider_id">,
) {
  const [customer, service, supplier, payments, ledger] = await Promise.all([
    db
      .selectFrom("customers")
      .select(["id", "telegram_id", "username", "first_name"])
      .where("id", "=", order.customer_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("services")
      .select(["id", "mid", "name", "mode"])
      .where("id", "=", order.service_id)
      .executeTakeFirst(),
    // The name only: a supplier row also holds its sealed credentials.
    order.provider_id === null
      ? undefined
      : db.selectFrom("providers").select(["id", "name"]).where("id", "=", order.provider_id).executeTakeFirst(),
    db
      .selectFrom("payments")
      .select(["gateway", "reference", "amount", "status", "paid_at", "created_at"])
      .where("order_id", "=", order.id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("ledger_entries")
      .select(["amount", "reason", "reference", "note", "created_at"])
      .where("order_id", "=", order.id)
      .orderBy("id")
      .execute(),
  ]);
  return { customer, service, supplier, payments, ledger };
}
