import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import type { BroadcastRow, NewBroadcastRow, RecipientStatus } from "./broadcast.table.js";

export type Audience = { kind: "all" } | { kind: "buyers"; days: number };

/**
 * Who a broadcast reaches: customers in a private chat with the bot, all of them or those with an
 * order paid since `paidSince`. Read-only over customers and orders, like the dashboard's numbers.
 */
export async function selectAudience(
  db: Db,
  audience: Audience,
  paidSince: number,
): Promise<Array<{ customerId: number; chatId: number }>> {
  let query = db
    .selectFrom("customers")
    .select(["customers.id as customerId", "customers.chat_id as chatId"])
    .where("customers.chat_id", ">", 0);
  if (audience.kind === "buyers") {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("orders")
          .select(sql.lit(1).as("one"))
          .whereRef("orders.customer_id", "=", "customers.id")
          .where("orders.paid_at", ">=", paidSince),
      ),
    );
  }
  return query.orderBy("customers.id").execute();
}

export async function countAudience(db: Db, audience: Audience, paidSince: number): Promise<number> {
  let query = db
    .selectFrom("customers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("customers.chat_id", ">", 0);
  if (audience.kind === "buyers") {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("orders")
          .select(sql.lit(1).as("one"))
          .whereRef("orders.customer_id", "=", "customers.id")
          .where("orders.paid_at", ">=", paidSince),
      ),
    );
  }
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function insertBroadcast(db: Db, row: NewBroadcastRow): Promise<number> {
  return (await db.insertInto("broadcasts").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

export async function insertRecipients(
  db: Db,
  broadcastId: number,
  recipients: ReadonlyArray<{ customerId: number; chatId: number }>,
  now: number,
): Promise<void> {
  // A few hundred rows per statement keeps under SQLite's limit on bound parameters.
  for (let i = 0; i < recipients.length; i += 200) {
    const chunk = recipients.slice(i, i + 200).map((r) => ({
      broadcast_id: broadcastId,
      customer_id: r.customerId,
      chat_id: r.chatId,
      error: null,
      updated_at: now,
    }));
    await db.insertInto("broadcast_recipients").values(chunk).execute();
  }
}

export async function findBroadcast(db: Db, id: number): Promise<BroadcastRow | undefined> {
  return db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listBroadcasts(db: Db, limit: number): Promise<BroadcastRow[]> {
  return db.selectFrom("broadcasts").selectAll().orderBy("id", "desc").limit(limit).execute();
}

export async function findRecipient(db: Db, broadcastId: number, customerId: number) {
  return db
    .selectFrom("broadcast_recipients")
    .selectAll()
    .where("broadcast_id", "=", broadcastId)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
}

/**
 * Records one recipient's outcome, once: only a pending recipient moves. A message that did go out
 * is recorded as sent even when the broadcast was canceled while it was on its way (the cancel
 * marked it canceled), so the counts say who really received it.
 */
export async function settleRecipient(
  db: Db,
  broadcastId: number,
  customerId: number,
  status: Exclude<RecipientStatus, "pending">,
  error: string | null,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable("broadcast_recipients")
    .set({ status, error, updated_at: now })
    .where("broadcast_id", "=", broadcastId)
    .where("customer_id", "=", customerId)
    .where("status", "in", status === "sent" ? ["pending", "canceled"] : ["pending"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function recipientCounts(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, Partial<Record<RecipientStatus, number>>>> {
  const counts = new Map<number, Partial<Record<RecipientStatus, number>>>();
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom("broadcast_recipients")
    .select(["broadcast_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("broadcast_id", "in", [...ids])
    .groupBy(["broadcast_id", "status"])
    .execute();
  for (const row of rows)
    counts.set(row.broadcast_id, { ...counts.get(row.broadcast_id), [row.status]: Number(row.n) });
  return counts;
}

/** Marks a broadcast done once no recipient is left pending. */
export async function finishIfDone(db: Db, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "done", finished_at: now })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("broadcast_recipients")
            .select(sql.lit(1).as("one"))
            .where("broadcast_id", "=", id)
            .where("status", "=", "pending"),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stops a broadcast that is still sending; recipients not yet reached are marked canceled. */
export async function cancelBroadcast(db: Db, id: number, actor: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "canceled", canceled_by: actor, finished_at: now })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await db
    .updateTable("broadcast_recipients")
    .set({ status: "canceled", updated_at: now })
    .where("broadcast_id", "=", id)
    .where("status", "=", "pending")
    .execute();
  return true;
}
