import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { equalsIgnoringCase, likeIgnoringCase } from "../../infra/db/portable-sql.js";
import { SELLABLE_TYPES } from "./catalog.order-forms.js";
import type { ServiceRow } from "./catalog.table.js";

/**
 * The catalog's read model: services with their supplier's state (`providers.active`,
 * `providers.currency_problem`, `providers.rate_to_idr`), which decides what is on sale, read
 * across the catalog's and the suppliers' tables and never written here. The catalog's own writes
 * are in catalog.repository.ts.
 */

/** Order types the bot can take: every type with an order form (catalog.order-forms). */
export { SELLABLE_TYPES };

/**
 * A service with whether its supplier is active and what holds it for its currency (a disabled or
 * held supplier's services are not sold).
 */
export type ServiceWithSupplier = ServiceRow & { provider_active: number; provider_currency_problem: string | null };

function withSupplier(db: Db) {
  return db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .selectAll("services")
    .select(["providers.active as provider_active", "providers.currency_problem as provider_currency_problem"]);
}

export async function findServiceByMid(db: Db, mid: number): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db).where("services.mid", "=", mid).executeTakeFirst();
}

export async function findServiceById(db: Db, id: number): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db).where("services.id", "=", id).executeTakeFirst();
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
  let query = sellable(db)
    .selectAll("services")
    .select(["providers.active as provider_active", "providers.currency_problem as provider_currency_problem"]);
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.kind) query = query.where("services.kind", "=", filter.kind);
  const words = filter.anyWords ?? [];
  if (words.length > 0) {
    query = query.where((eb) =>
      eb.or(
        words.flatMap((w) => [
          likeIgnoringCase(db, sql.ref("services.name"), `%${w}%`),
          likeIgnoringCase(db, sql.ref("services.category"), `%${w}%`),
        ]),
      ),
    );
  }
  return query.orderBy("services.unit_price").orderBy("services.mid").execute();
}

export async function countSellableByPlatform(
  db: Db,
  kind?: string,
): Promise<Array<{ platform: string; count: number }>> {
  let query = sellable(db).select(["services.platform as platform", sql<number>`count(*)`.as("count")]);
  if (kind) query = query.where("services.kind", "=", kind);
  return query
    .groupBy("services.platform")
    .orderBy(sql`count(*)`, "desc")
    .execute();
}

export async function countSellableByKind(db: Db, platform: string): Promise<Array<{ kind: string; count: number }>> {
  return sellable(db)
    .select(["services.kind as kind", sql<number>`count(*)`.as("count")])
    .where("services.platform", "=", platform)
    .groupBy("services.kind")
    .orderBy(sql`count(*)`, "desc")
    .execute();
}

export async function listAllServicesWithRate(db: Db) {
  return db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .select([
      "services.id",
      "services.mid",
      "services.name",
      "services.provider_id",
      "services.category",
      "services.cost_rate",
      "services.unit_price",
      "services.unit_cost",
      "services.price_override",
      "services.disabled_reason",
      "services.active",
      "services.removed_at",
      "providers.rate_to_idr",
    ])
    .execute();
}

export async function findServicesByIds(db: Db, ids: readonly number[]): Promise<ServiceWithSupplier[]> {
  if (ids.length === 0) return [];
  return withSupplier(db)
    .where("services.id", "in", [...ids])
    .execute();
}

export async function findServiceByProviderRef(
  db: Db,
  providerId: number,
  providerServiceId: string,
): Promise<ServiceWithSupplier | undefined> {
  return withSupplier(db)
    .where("services.provider_id", "=", providerId)
    .where("services.provider_service_id", "=", providerServiceId)
    .executeTakeFirst();
}

export interface ServiceListFilter {
  platform?: string | undefined;
  category?: string | undefined;
  providerId?: number | undefined;
  includeInactive?: boolean | undefined;
}

export async function listServices(db: Db, filter: ServiceListFilter): Promise<ServiceWithSupplier[]> {
  let query = withSupplier(db);
  if (!filter.includeInactive)
    query = query
      .where("services.active", "=", 1)
      .where("providers.active", "=", 1)
      .where("providers.currency_problem", "is", null);
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.category) query = query.where(equalsIgnoringCase(db, sql.ref("services.category"), filter.category));
  if (filter.providerId) query = query.where("services.provider_id", "=", filter.providerId);
  return query.orderBy("services.mid").execute();
}

export async function backupsOf(db: Db, serviceId: number): Promise<Array<ServiceWithSupplier & { priority: number }>> {
  return db
    .selectFrom("service_backups")
    .innerJoin("services", "services.id", "service_backups.backup_service_id")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .selectAll("services")
    .select([
      "providers.active as provider_active",
      "providers.currency_problem as provider_currency_problem",
      "service_backups.priority",
    ])
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

/** One search word in a service's name, category or platform, whatever its case. */
function wordMatches(db: Db, word: string) {
  const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = (column: string) => likeIgnoringCase(db, sql.ref(column), like, { escaped: true });
  return sql<boolean>`(${matches("services.name")} or ${matches("services.category")} or ${matches("services.platform")})`;
}

/** The words of an admin's search, lower-cased, without the brackets and punctuation names carry. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s[\](){}|,;:/"'+*!?]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/**
 * One page of services for the admin list, with the total matching. Filtering and paging happen in
 * SQLite so a shop with tens of thousands of services sends one page, never the whole catalog.
 */
export async function pageServices(
  db: Db,
  filter: ServicePageFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ServiceWithSupplier[]; total: number }> {
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
        ...(words.length > 0 ? [eb.and(words.map((w) => wordMatches(db, w)))] : []),
      ]),
    );
  }
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.category) query = query.where(equalsIgnoringCase(db, sql.ref("services.category"), filter.category));
  if (filter.providerId) query = query.where("services.provider_id", "=", filter.providerId);
  if (filter.state === "sold")
    query = query
      .where("services.active", "=", 1)
      .where("providers.active", "=", 1)
      .where("providers.currency_problem", "is", null);
  if (filter.state === "off")
    query = query.where((eb) =>
      eb.or([
        eb("services.active", "=", 0),
        eb("providers.active", "=", 0),
        eb("providers.currency_problem", "is not", null),
      ]),
    );
  if (filter.state === "review") query = query.where("services.disabled_reason", "=", "review");
  const counted = await query
    .clearSelect()
    .select(sql<number>`count(*)`.as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy("services.mid").limit(page.limit).offset(page.offset).execute();
  return { rows, total: counted.total };
}
