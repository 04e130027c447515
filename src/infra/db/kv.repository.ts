import type { Db } from "./open-database.js";

/** The `kv` table: a value (JSON text) per key, with when it was last written. */

export async function readKv(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("kv").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value;
}

export async function writeKv(db: Db, key: string, value: string, now: number): Promise<void> {
  await db
    .insertInto("kv")
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function deleteKv(db: Db, key: string): Promise<void> {
  await db.deleteFrom("kv").where("key", "=", key).execute();
}
