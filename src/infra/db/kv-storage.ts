import type { Db } from "./open-database.js";
import type { Clock } from "../clock/clock.js";

/**
 * A key-value store over the `kv` table with the shape grammY's storage adapters use
 * (`read`, `write`, `delete`), so sessions and conversations survive restarts.
 */
export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createKvStorage<T>(db: Db, clock: Clock, prefix: string): KeyValueStorage<T> {
  return {
    async read(key) {
      const row = await db.selectFrom("kv").select("value").where("key", "=", prefix + key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async write(key, value) {
      const now = clock.now();
      const text = JSON.stringify(value);
      await db
        .insertInto("kv")
        .values({ key: prefix + key, value: text, updated_at: now })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: text, updated_at: now }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom("kv").where("key", "=", prefix + key).execute();
    },
  };
}
