import { sql, type Updateable } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { equalsIgnoringCase, lockForWrite } from "../../infra/db/portable-sql.js";
import type { CatalogSyncTable, NewServiceRow, ServiceRow, ServiceUpdate } from "./catalog.table.js";

type CatalogSyncUpdate = Updateable<CatalogSyncTable>;

/**
 * The catalog's tables (`services`, `price_rules`, `service_backups`, `catalog_syncs`): every write,
 * and the reads of these tables alone. Services with their supplier's state are read through the
 * read model, catalog.queries.ts.
 */

export async function listProviderServices(db: Db, providerId: number): Promise<ServiceRow[]> {
  return db.selectFrom("services").selectAll().where("provider_id", "=", providerId).execute();
}

/**
 * Makes the caller's transaction the catalog's only writer until it ends (SQLite has one writer
 * anyway): on PostgreSQL two imports at once would otherwise both read the same `max(mid)` and the
 * same known services, and the second would fail on a duplicate shop number.
 */
export async function lockCatalogWrites(db: Db): Promise<void> {
  await lockForWrite(db, "services");
}

/** The next shop number; read under lockCatalogWrites, so no other import takes it meanwhile. */
export async function nextMid(db: Db): Promise<number> {
  const row = await db
    .selectFrom("services")
    .select(sql<number>`coalesce(max(mid), 0)`.as("max"))
    .executeTakeFirstOrThrow();
  return row.max + 1;
}

export async function insertServices(db: Db, rows: NewServiceRow[]): Promise<void> {
  // 22 columns per row: 400 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto("services")
      .values(rows.slice(i, i + 400))
      .execute();
}

export async function updateService(db: Db, id: number, update: ServiceUpdate): Promise<void> {
  await db.updateTable("services").set(update).where("id", "=", id).execute();
}

export async function deactivateServices(db: Db, ids: number[], now: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable("services")
      .set({ active: 0, removed_at: now, updated_at: now })
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
  }
}

export async function listPriceRules(db: Db) {
  return db.selectFrom("price_rules").selectAll().execute();
}

/** One rule per target: setting a margin again replaces it. */
export async function upsertPriceRule(
  db: Db,
  rule: {
    scope: "provider" | "category" | "service";
    providerId?: number;
    category?: string;
    serviceId?: number;
    marginPercent: string;
  },
  now: number,
): Promise<void> {
  // Update-or-insert: one writer at a time, or two first margins for one target would both insert.
  await lockForWrite(db, "price_rules");
  const updated = await db
    .updateTable("price_rules")
    .set({ margin_percent: rule.marginPercent, updated_at: now })
    .where("scope", "=", rule.scope)
    .where(sql<boolean>`coalesce(provider_id, 0) = ${rule.providerId ?? 0}`)
    .where(equalsIgnoringCase(db, sql`coalesce(category, '')`, rule.category ?? ""))
    .where(sql<boolean>`coalesce(service_id, 0) = ${rule.serviceId ?? 0}`)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto("price_rules")
    .values({
      scope: rule.scope,
      provider_id: rule.providerId ?? null,
      category: rule.category ?? null,
      service_id: rule.serviceId ?? null,
      margin_percent: rule.marginPercent,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Platforms and categories with how many services each has, for the admin list's filters. */
export async function serviceFacets(db: Db): Promise<Array<{ platform: string; category: string; count: number }>> {
  return db
    .selectFrom("services")
    .select(["platform", "category", sql<number>`count(*)`.as("count")])
    .where("removed_at", "is", null)
    .groupBy(["platform", "category"])
    .orderBy("platform")
    .orderBy("category")
    .execute();
}

/** Deletes a margin rule (the service, category or supplier then follows the next rule up). */
export async function deletePriceRule(
  db: Db,
  rule: { scope: "provider" | "category" | "service"; providerId?: number; category?: string; serviceId?: number },
): Promise<boolean> {
  const deleted = await db
    .deleteFrom("price_rules")
    .where("scope", "=", rule.scope)
    .where(sql<boolean>`coalesce(provider_id, 0) = ${rule.providerId ?? 0}`)
    .where(equalsIgnoringCase(db, sql`coalesce(category, '')`, rule.category ?? ""))
    .where(sql<boolean>`coalesce(service_id, 0) = ${rule.serviceId ?? 0}`)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/* Import runs (`catalog_syncs`): one row per import or re-sync of a supplier's list. */

export async function insertCatalogSync(
  db: Db,
  row: { provider_id: number; trigger: string; started_at: number },
): Promise<number> {
  const { id } = await db
    .insertInto("catalog_syncs")
    .values({ ...row, finished_at: null, error: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function finishCatalogSync(db: Db, id: number, result: CatalogSyncUpdate): Promise<void> {
  await db.updateTable("catalog_syncs").set(result).where("id", "=", id).execute();
}

/** The latest runs, newest first; of one supplier when given. */
export async function recentCatalogSyncs(db: Db, limit: number, providerId?: number) {
  let query = db.selectFrom("catalog_syncs").selectAll();
  if (providerId !== undefined) query = query.where("provider_id", "=", providerId);
  return query.orderBy("id", "desc").limit(limit).execute();
}

/** Whether a supplier added before this one has services in the shop (removed ones aside). */
export async function earlierSupplierHasServices(db: Db, providerId: number): Promise<boolean> {
  const other = await db
    .selectFrom("services")
    .select("id")
    .where("provider_id", "<", providerId)
    .where("removed_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}

/* Backups (`service_backups`): services fulfilment may move a refused order to, by priority. */

export async function lastBackupPriority(db: Db, serviceId: number): Promise<number> {
  const last = await db
    .selectFrom("service_backups")
    .select((eb) => eb.fn.max("priority").as("max"))
    .where("service_id", "=", serviceId)
    .executeTakeFirst();
  return last?.max ?? 0;
}

/** Adds a backup unless it is one already; true when it was added. */
export async function insertBackup(
  db: Db,
  row: { service_id: number; backup_service_id: number; priority: number; created_at: number },
): Promise<boolean> {
  const added = await db
    .insertInto("service_backups")
    .values(row)
    .onConflict((oc) => oc.columns(["service_id", "backup_service_id"]).doNothing())
    .executeTakeFirst();
  return Number(added.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** True when it was a backup. */
export async function deleteBackup(db: Db, serviceId: number, backupServiceId: number): Promise<boolean> {
  const removed = await db
    .deleteFrom("service_backups")
    .where("service_id", "=", serviceId)
    .where("backup_service_id", "=", backupServiceId)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}
