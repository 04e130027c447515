import type { Db } from "../../infra/db/open-database.js";
import type { NewPaymentRow, PaymentRow, PaymentStatus, PaymentUpdate } from "./payments.table.js";

export async function insertPayment(db: Db, row: NewPaymentRow): Promise<number> {
  return (await db.insertInto("payments").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

export async function findPaymentByReference(db: Db, reference: string): Promise<PaymentRow | undefined> {
  return db.selectFrom("payments").selectAll().where("reference", "=", reference).executeTakeFirst();
}

export async function findPaymentById(db: Db, id: number): Promise<PaymentRow | undefined> {
  return db.selectFrom("payments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findOpenPaymentForOrder(db: Db, orderId: number): Promise<PaymentRow | undefined> {
  return db.selectFrom("payments").selectAll().where("order_id", "=", orderId).where("status", "in", ["creating", "pending"]).executeTakeFirst();
}

export async function updatePayment(db: Db, id: number, update: PaymentUpdate): Promise<void> {
  await db.updateTable("payments").set(update).where("id", "=", id).execute();
}

/** Forward-only: applies `update` only from one of `from`; returns whether it did. */
export async function transitionPayment(db: Db, id: number, from: readonly PaymentStatus[], update: PaymentUpdate): Promise<boolean> {
  const result = await db.updateTable("payments").set(update).where("id", "=", id).where("status", "in", [...from]).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Open invoices of the given gateways (QRIS rails; wallet and Stars payments are never open). */
export async function listOpenPayments(db: Db, gateways: readonly string[], createdBefore: number, limit: number): Promise<PaymentRow[]> {
  return db
    .selectFrom("payments")
    .selectAll()
    .where("status", "in", ["creating", "pending"])
    .where("gateway", "in", [...gateways])
    .where("created_at", "<=", createdBefore)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * QRIS invoices the shop closed (expired, or withdrawn for another way to pay) since `createdAfter`
 * and not asked about since `checkedBefore`: a QR can still be settled after we gave up on it.
 */
export async function listRecentlyClosedPayments(db: Db, gateways: readonly string[], createdAfter: number, checkedBefore: number, limit: number): Promise<PaymentRow[]> {
  return db
    .selectFrom("payments")
    .selectAll()
    .where("status", "in", ["expired", "canceled"])
    .where("gateway", "in", [...gateways])
    .where("created_at", ">=", createdAfter)
    .where((eb) => eb.or([eb("last_checked_at", "is", null), eb("last_checked_at", "<", checkedBefore)]))
    .orderBy("id")
    .limit(limit)
    .execute();
}
