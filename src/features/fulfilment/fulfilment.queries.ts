import type { Db } from "../../infra/db/open-database.js";
import type { ProviderRow } from "../providers/providers.table.js";

/** A read model for fulfilment's schedules: suppliers and jobs as they bear on placing orders. It changes nothing. */

/** Active suppliers whose balance matters now: a low-balance threshold, a standing out-of-funds alert, or orders waiting for funds. */
export async function suppliersToCheckForFunds(db: Db): Promise<ProviderRow[]> {
  const waitingAt = db
    .selectFrom("orders")
    .select("provider_id")
    .where("status", "=", "waiting_funds")
    .where("provider_id", "is not", null);
  return db
    .selectFrom("providers")
    .selectAll()
    .where("active", "=", 1)
    .where((eb) =>
      eb.or([
        eb("low_balance_threshold", "is not", null),
        eb("out_of_funds_alerted_at", "is not", null),
        eb("id", "in", waitingAt),
      ]),
    )
    .execute();
}

/** Whether a job with this dedupe key was ever queued (a placement tried once stays tried). */
export async function jobQueued(db: Db, dedupeKey: string): Promise<boolean> {
  return (
    (await db.selectFrom("jobs").select("id").where("dedupe_key", "=", dedupeKey).executeTakeFirst()) !== undefined
  );
}
