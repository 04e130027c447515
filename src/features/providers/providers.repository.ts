import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { equalsIgnoringCase } from "../../infra/db/portable-sql.js";
import type { NewProviderRow, ProviderRow, ProviderUpdate } from "./providers.table.js";

export async function insertProvider(db: Db, row: NewProviderRow): Promise<number> {
  const inserted = await db.insertInto("providers").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateProvider(db: Db, id: number, update: ProviderUpdate): Promise<void> {
  await db.updateTable("providers").set(update).where("id", "=", id).execute();
}

export async function findProviderById(db: Db, id: number): Promise<ProviderRow | undefined> {
  return db.selectFrom("providers").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findProviderByName(db: Db, name: string): Promise<ProviderRow | undefined> {
  // Names match whatever their case, as the unique index (NOCASE on SQLite, lower() on PostgreSQL) holds them.
  return db
    .selectFrom("providers")
    .selectAll()
    .where(equalsIgnoringCase(db, sql.ref("name"), name))
    .executeTakeFirst();
}

export async function listProviders(db: Db): Promise<ProviderRow[]> {
  return db.selectFrom("providers").selectAll().orderBy("id").execute();
}

/** Takes every active sandbox supplier off sale; returns how many. */
export async function deactivateSandboxProviders(db: Db, now: number): Promise<number> {
  const result = await db
    .updateTable("providers")
    .set({ active: 0, updated_at: now })
    .where("is_sandbox", "=", 1)
    .where("active", "=", 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
