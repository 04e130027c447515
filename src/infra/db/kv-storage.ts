import type { Db } from "./open-database.js";
import type { Clock } from "../clock/clock.js";
import { deleteKv, readKv, writeKv } from "./kv.repository.js";

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
      const value = await readKv(db, prefix + key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    async write(key, value) {
      await writeKv(db, prefix + key, JSON.stringify(value), clock.now());
    },
    async delete(key) {
      await deleteKv(db, prefix + key);
    },
  };
}
