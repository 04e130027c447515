import type { Db } from "../../infra/db/open-database.js";
import type { NewTranscriptRow, TranscriptRow } from "./transcripts.table.js";

/** The `transcripts` table: each turn of a customer's private chat. */

export async function insertTurn(db: Db, row: NewTranscriptRow): Promise<void> {
  await db.insertInto("transcripts").values(row).execute();
}

/** A customer's last `limit` turns, newest first. */
export async function latestTurns(
  db: Db,
  customerId: number,
  limit: number,
): Promise<Array<Pick<TranscriptRow, "role" | "text" | "created_at">>> {
  return db
    .selectFrom("transcripts")
    .select(["role", "text", "created_at"])
    .where("customer_id", "=", customerId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Forgets every turn written before `before`. Returns how many. */
export async function deleteTurnsBefore(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom("transcripts").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
