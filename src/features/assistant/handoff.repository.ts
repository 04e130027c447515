import type { Db } from "../../infra/db/open-database.js";
import type { HandoffRow, NewHandoffMessageRow, NewHandoffRow } from "./handoff.table.js";

export async function insertHandoff(db: Db, row: NewHandoffRow): Promise<number> {
  const result = await db.insertInto("handoffs").values(row).returning("id").executeTakeFirstOrThrow();
  return result.id;
}

export async function findHandoff(db: Db, id: number): Promise<HandoffRow | undefined> {
  return db.selectFrom("handoffs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findOpenHandoff(db: Db, customerId: number): Promise<HandoffRow | undefined> {
  return db
    .selectFrom("handoffs")
    .selectAll()
    .where("customer_id", "=", customerId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

export async function listOpenHandoffs(db: Db): Promise<HandoffRow[]> {
  return db.selectFrom("handoffs").selectAll().where("status", "=", "open").orderBy("id").execute();
}

export async function listClosedHandoffs(db: Db, limit: number): Promise<HandoffRow[]> {
  return db
    .selectFrom("handoffs")
    .selectAll()
    .where("status", "=", "closed")
    .orderBy("closed_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Closes an open hand-off; false when it was not open (already closed, or no such number). */
export async function closeHandoff(db: Db, id: number, closedAt: number, closedBy: string): Promise<boolean> {
  const result = await db
    .updateTable("handoffs")
    .set({ status: "closed", closed_at: closedAt, closed_by: closedBy })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertHandoffMessage(db: Db, row: NewHandoffMessageRow): Promise<void> {
  await db
    .insertInto("handoff_messages")
    .values(row)
    .onConflict((oc) => oc.columns(["chat_id", "message_id"]).doNothing())
    .execute();
}

export async function findHandoffIdByMessage(db: Db, chatId: number, messageId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("handoff_messages")
    .select("handoff_id")
    .where("chat_id", "=", chatId)
    .where("message_id", "=", messageId)
    .executeTakeFirst();
  return row?.handoff_id;
}

/** Reply mappings of hand-offs closed before `before`: nobody answers those any more. */
export async function pruneHandoffMessages(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom("handoff_messages")
    .where("handoff_id", "in", (eb) =>
      eb.selectFrom("handoffs").select("id").where("status", "=", "closed").where("closed_at", "<", before),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
