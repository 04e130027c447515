import type { Db } from "../../infra/db/open-database.js";

/** The `settings` table: each shop setting's value as JSON text. */

export async function readSettingValue(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function writeSettingValue(db: Db, key: string, value: string, now: number): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
    .execute();
}
