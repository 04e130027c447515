import type { Db } from "../../infra/db/open-database.js";
import type { WebhookEventTable } from "./webhook-events.table.js";
import type { Insertable } from "kysely";

/** The `webhook_events` table: every delivery received once, by source and its own dedupe key. */

/** Records a delivery; false when one with the same source and key was recorded before (a repeat). */
export async function recordEventOnce(db: Db, event: Insertable<WebhookEventTable>): Promise<boolean> {
  const result = await db
    .insertInto("webhook_events")
    .values(event)
    .onConflict((oc) => oc.columns(["source", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Forgets a source's deliveries received before `before`. Returns how many. */
export async function deleteEventsBefore(db: Db, source: string, before: number): Promise<number> {
  const result = await db
    .deleteFrom("webhook_events")
    .where("source", "=", source)
    .where("received_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
