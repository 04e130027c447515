import type { Db } from "../../infra/db/open-database.js";

/** A read model over the orders table for checkout's duplicate-order warning. It changes nothing. */

/** Statuses of an order still running at (or on its way to) a supplier or an admin. */
const RUNNING = ["paid", "placing", "processing", "unknown", "manual", "waiting_funds"] as const;

/** A service's running orders, newest first: id, status, customer and target. */
export async function runningOrdersOfService(db: Db, serviceId: number) {
  return db
    .selectFrom("orders")
    .select(["id", "status", "customer_id", "target"])
    .where("service_id", "=", serviceId)
    .where("status", "in", [...RUNNING])
    .orderBy("id", "desc")
    .execute();
}
