import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { SELLABLE_TYPES } from "./catalog.order-forms.js";
import type { Updateable } from "kysely";
import type { CatalogSyncTable, NewServiceRow, ServiceRow, ServiceUpdate } from "./catalog.table.js";

type CatalogSyncUpdate = Updateable<CatalogSyncTable>;

/** Order types the bot can take: every type with an order form (catalog.order-forms). */
export { SELLABLE_TYPES };

/**
 * A service with whether its supplier is active and what holds it for its currency (a disabled or
 * held supplier's services are not sold).
 */
export type ServiceWithSupplier = ServiceRow & { provider_active: number; provider_currency_problem: string | null };

function withSupplier(db: Db) {
  return db.selectFrom("services").innerJoin("providers", "providers.id", "services.provider_id").selectAll("services").select(["providers.active as provider_active", "providers.currency_problem as provider_currency_problem"]);
}

export async function findServiceByMid(db: Db, mid: number): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db).where("services.mid", "=", mid).executeTakeFirst();
}

export async function findServiceById(db: Db, id: number): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db).where("services.id", "=", id).executeTakeFirst();
}

export async function listProviderServices(db: Db, providerId: number): Promise<ServiceRow[]> {
  return db.selectFrom("services").selectAll().where("provider_id", "=", providerId).execute();
}

export async function nextMid(db: Db): Promise<number> {
  const row = await db.selectFrom("services").select(sql<number>`coalesce(max(mid), 0)`.as("max")).executeTakeFirstOrThrow();
  return row.max + 1;
}

export async function insertServices(db: Db, rows: NewServiceRow[]): Promise<void> {
  // 22 columns per row: 400 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 400) await db.insertInto("services").values(rows.slice(i, i + 400)).execute();
}

export async function updateService(db: Db, id: number, update: ServiceUpdate): Promise<void> {
  await db.updateTable("services").set(update).where("id", "=", id).execute();
}

export async function deactivateServices(db: Db, ids: number[], now: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable("services").set({ active: 0, removed_at: now, updated_at: now }).where("id", "in", ids.slice(i, i + 500)).execute();
  }
}

export interface SellableFilter {
  platform?: string | undefined;
  kind?: string | undefined;
  /** Any of these words in the name or category. */
  anyWords?: string[] | undefined;
}

/** Services of active suppliers, active themselves, of a type the bot can take. */
function sellable(db: Db) {
  return db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .where("services.active", "=", 1)
    .where("providers.active", "=", 1)
    .where("providers.currency_problem", "is", null)
    .where("services.type", "in", [...SELLABLE_TYPES]);
}

/** Sellable services matching the filter; ranking is the caller's. */
export async function listSellableServices(db: Db, filter: SellableFilter): Promise<ServiceWithSupplier[]> {
  let query = sellable(db).selectAll("services").select(["providers.active as provider_active", "providers.currency_problem as provider_currency_problem"]);
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.kind) query = query.where("services.kind", "=", filter.kind);
  const words = filter.anyWords ?? [];
  if (words.length > 0) {
    query = query.where((eb) => eb.or(words.flatMap((w) => [eb("services.name", "like", `%${w}%`), eb("services.category", "like", `%${w}%`)])));
  }
  return query.orderBy("services.unit_price").orderBy("services.mid").execute();
}

export async function countSellableByPlatform(db: Db, kind?: string): Promise<Array<{ platform: string; count: number }>> {
  let query = sellable(db).select(["services.platform as platform", sql<number>`count(*)`.as("count")]);
  if (kind) query = query.where("services.kind", "=", kind);
  return query.groupBy("services.platform").orderBy(sql`count(*)`, "desc").execute();
}

export async function countSellableByKind(db: Db, platform: string): Promise<Array<{ kind: string; count: number }>> {
  return sellable(db)
    .select(["services.kind as kind", sql<number>`count(*)`.as("count")])
    .where("services.platform", "=", platform)
    .groupBy("services.kind")
    .orderBy(sql`count(*)`, "desc")
    .execute();
}



export async function listPriceRules(db: Db) {
  return db.selectFrom("price_rules").selectAll().execute();
}

/** One rule per target: setting a margin again replaces it. */
export async function upsertPriceRule(db: Db, rule: { scope: "provider" | "category" | "service"; providerId?: number; category?: string; serviceId?: number; marginPercent: string }, now: number): Promise<void> {
  const updated = await db
    .updateTable("price_rules")
    .set({ margin_percent: rule.marginPercent, updated_at: now })
    .where("scope", "=", rule.scope)
    .where(sql<boolean>`coalesce(provider_id, 0) = ${rule.providerId ?? 0}`)
    .where(sql<boolean>`coalesce(category, '') = ${rule.category ?? ""} collate nocase`)
    .where(sql<boolean>`coalesce(service_id, 0) = ${rule.serviceId ?? 0}`)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto("price_rules")
    .values({ scope: rule.scope, provider_id: rule.providerId ?? null, category: rule.category ?? null, service_id: rule.serviceId ?? null, margin_percent: rule.marginPercent, created_at: now, updated_at: now })
    .execute();
}

export async function listAllServicesWithRate(db: Db) {
  return db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .select(["services.id", "services.mid", "services.name", "services.provider_id", "services.category", "services.cost_rate", "services.unit_price", "services.unit_cost", "services.price_override", "services.disabled_reason", "services.active", "services.removed_at", "providers.rate_to_idr"])
    .execute();
}

export async function findServicesByIds(db: Db, ids: readonly number[]): Promise<ServiceWithSupplier[]> {
  if (ids.length === 0) return [];
  return withSupplier(db).where("services.id", "in", [...ids]).execute();
}

export async function findServiceByProviderRef(db: Db, providerId: number, providerServiceId: string): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db).where("services.provider_id", "=", providerId).where("services.provider_service_id", "=", providerServiceId).executeTakeFirst();
}

export interface ServiceListFilter {
  platform?: string | undefined;
  category?: string | undefined;
  providerId?: number | undefined;
  includeInactive?: boolean | undefined;
}

export async function listServices(db: Db, filter: ServiceListFilter): Promise<ServiceWithSupplier[]> {
  let query = withSupplier(db);
  if (!filter.includeInactive) query = query.where("services.active", "=", 1).where("providers.active", "=", 1).where("providers.currency_problem", "is", null);
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.category) query = query.where(sql<boolean>`services.category = ${filter.category} collate nocase`);
  if (filter.providerId) query = query.where("services.provider_id", "=", filter.providerId);
  return query.orderBy("services.mid").execute();
}

export async function backupsOf(db: Db, serviceId: number): Promise<Array<ServiceWithSupplier & { priority: number }>> {
  return db
    .selectFrom("service_backups")
    .innerJoin("services", "services.id", "service_backups.backup_service_id")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .selectAll("services")
    .select(["providers.active as provider_active", "providers.currency_problem as provider_currency_problem", "service_backups.priority"])
    .where("service_backups.service_id", "=", serviceId)
    .orderBy("service_backups.priority")
    .execute();
}

/** The admin list's filter: every field optional; `text` matches a shop number, a name or a category. */
export interface ServicePageFilter {
  text?: string | undefined;
  platform?: string | undefined;
  category?: string | undefined;
  providerId?: number | undefined;
  /** "sold": active service of an active supplier; "off": anything else; "review": new ones waiting for an admin; undefined: all. */
  state?: "sold" | "off" | "review" | undefined;
}

/** One search word in a service's name, category or platform (LIKE ignores ASCII case). */
function wordMatches(word: string) {
  const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`(services.name like ${like} escape '\\' or services.category like ${like} escape '\\' or services.platform like ${like} escape '\\')`;
}

/** The words of an admin's search, lower-cased, without the brackets and punctuation names carry. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().split(/[\s[\](){}|,;:/"'+*!?]+/u).filter((w) => w.length > 0).slice(0, 12);
}

/**
 * One page of services for the admin list, with the total matching. Filtering and paging happen in
 * SQLite so a shop with tens of thousands of services sends one page, never the whole catalog.
 */
export async function pageServices(db: Db, filter: ServicePageFilter, page: { offset: number; limit: number }): Promise<{ rows: ServiceWithSupplier[]; total: number }> {
  let query = withSupplier(db);
  const text = filter.text?.trim();
  if (text) {
    const mid = /^\d{1,9}$/.test(text) ? Number(text) : undefined;
    // Every word must appear in the name, category or platform, in any order and any case
    // ("followers real global" finds "Instagram Followers [Real Global]").
    const words = searchWords(text);
    query = query.where((eb) =>
      eb.or([
        ...(mid !== undefined ? [eb("services.mid", "=", mid), eb("services.provider_service_id", "=", text)] : []),
        ...(words.length > 0 ? [eb.and(words.map(wordMatches))] : []),
      ]),
    );
  }
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.category) query = query.where(sql<boolean>`services.category = ${filter.category} collate nocase`);
  if (filter.providerId) query = query.where("services.provider_id", "=", filter.providerId);
  if (filter.state === "sold") query = query.where("services.active", "=", 1).where("providers.active", "=", 1).where("providers.currency_problem", "is", null);
  if (filter.state === "off") query = query.where((eb) => eb.or([eb("services.active", "=", 0), eb("providers.active", "=", 0), eb("providers.currency_problem", "is not", null)]));
  if (filter.state === "review") query = query.where("services.disabled_reason", "=", "review");
  const counted = await query.clearSelect().select(sql<number>`count(*)`.as("total")).executeTakeFirstOrThrow();
  const rows = await query.orderBy("services.mid").limit(page.limit).offset(page.offset).execute();
  return { rows, total: counted.total };
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
export async function deletePriceRule(db: Db, rule: { scope: "provider" | "category" | "service"; providerId?: number; category?: string; serviceId?: number }): Promise<boolean> {
  const deleted = await db
    .deleteFrom("price_rules")
    .where("scope", "=", rule.scope)
    .where(sql<boolean>`coalesce(provider_id, 0) = ${rule.providerId ?? 0}`)
    .where(sql<boolean>`coalesce(category, '') = ${rule.category ?? ""} collate nocase`)
    .where(sql<boolean>`coalesce(service_id, 0) = ${rule.serviceId ?? 0}`)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/* Import runs (`catalog_syncs`): one row per import or re-sync of a supplier's list. */

export async function insertCatalogSync(db: Db, row: { provider_id: number; trigger: string; started_at: number }): Promise<number> {
  const { id } = await db.insertInto("catalog_syncs").values({ ...row, finished_at: null, error: null }).returning("id").executeTakeFirstOrThrow();
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
  const other = await db.selectFrom("services").select("id").where("provider_id", "<", providerId).where("removed_at", "is", null).limit(1).executeTakeFirst();
  return other !== undefined;
}

/* Backups (`service_backups`): services fulfilment may move a refused order to, by priority. */

export async function lastBackupPriority(db: Db, serviceId: number): Promise<number> {
  const last = await db.selectFrom("service_backups").select((eb) => eb.fn.max("priority").as("max")).where("service_id", "=", serviceId).executeTakeFirst();
  return last?.max ?? 0;
}

/** Adds a backup unless it is one already; true when it was added. */
export async function insertBackup(db: Db, row: { service_id: number; backup_service_id: number; priority: number; created_at: number }): Promise<boolean> {
  const added = await db
    .insertInto("service_backups")
    .values(row)
    .onConflict((oc) => oc.columns(["service_id", "backup_service_id"]).doNothing())
    .executeTakeFirst();
  return Number(added.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** True when it was a backup. */
export async function deleteBackup(db: Db, serviceId: number, backupServiceId: number): Promise<boolean> {
  const removed = await db.deleteFrom("service_backups").where("service_id", "=", serviceId).where("backup_service_id", "=", backupServiceId).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}
