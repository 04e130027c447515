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
  return db
    .selectFrom("payments")
    .selectAll()
    .where("order_id", "=", orderId)
    .where("status", "in", ["creating", "pending"])
    .executeTakeFirst();
}

export async function updatePayment(db: Db, id: number, update: PaymentUpdate): Promise<void> {
  await db.updateTable("payments").set(update).where("id", "=", id).execute();
}

/** Forward-only: applies `update` only from one of `from`; returns whether it did. */
export async function transitionPayment(
  db: Db,
  id: number,
  from: readonly PaymentStatus[],
  update: PaymentUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable("payments")
    .set(update)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Open invoices of the given gateways (QRIS rails; wallet and Stars payments are never open). */
export async function listOpenPayments(
  db: Db,
  gateways: readonly string[],
  createdBefore: number,
  limit: number,
): Promise<PaymentRow[]> {
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
export async function listRecentlyClosedPayments(
  db: Db,
  gateways: readonly string[],
  createdAfter: number,
  checkedBefore: number,
  limit: number,
): Promise<PaymentRow[]> {
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

/** Open invoices of an order on other rails (all but `keep`), closed when the customer pays another way; returns those it closed. */
export async function closeOtherOpenPayments(
  db: Db,
  orderId: number,
  keep: number | undefined,
  now: number,
): Promise<PaymentRow[]> {
  const open = await db
    .selectFrom("payments")
    .selectAll()
    .where("order_id", "=", orderId)
    .where("status", "in", ["creating", "pending"])
    .execute();
  const others = open.filter((p) => p.id !== keep);
  for (const p of others)
    await db
      .updateTable("payments")
      .set({ status: "canceled", updated_at: now })
      .where("id", "=", p.id)
      .where("status", "in", ["creating", "pending"])
      .execute();
  return others;
}

/** Stars invoices still pending past their expiry (Telegram has no invoice expiry of its own). */
export async function listStaleStarsInvoices(db: Db, now: number): Promise<PaymentRow[]> {
  return db
    .selectFrom("payments")
    .selectAll()
    .where("gateway", "=", "stars")
    .where("status", "=", "pending")
    .where("expires_at", "<=", now)
    .execute();
}

/** The chat message showing a QRIS invoice, so a later notice can replace its buttons. */
export async function rememberInvoiceMessageId(db: Db, paymentId: number, messageId: number): Promise<void> {
  await db.updateTable("payments").set({ invoice_message_id: messageId }).where("id", "=", paymentId).execute();
}

// Gateway notifications in the shared `webhook_events` log (source = the gateway's id): payments is their only writer.

export async function findWebhookOutcome(
  db: Db,
  source: string,
  dedupeKey: string,
): Promise<{ outcome: string | null } | undefined> {
  return db
    .selectFrom("webhook_events")
    .select("outcome")
    .where("source", "=", source)
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirst();
}

/** Stores a notification with its outcome; an outcome of `settled` recorded first is kept. */
export async function recordWebhookEvent(
  db: Db,
  event: { source: string; dedupeKey: string; payload: string; outcome: string; receivedAt: number },
  settled: readonly string[],
): Promise<void> {
  await db
    .insertInto("webhook_events")
    .values({
      source: event.source,
      dedupe_key: event.dedupeKey,
      payload: event.payload,
      outcome: event.outcome,
      received_at: event.receivedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(["source", "dedupe_key"])
        .doUpdateSet({ outcome: event.outcome })
        .where("webhook_events.outcome", "not in", [...settled]),
    )
    .execute();
}
