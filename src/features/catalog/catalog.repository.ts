import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import type { NewServiceRow, ServiceRow, ServiceUpdate } from "./catalog.table.js";

/** Order types the bot can take today: a link and a quantity. */
export const SELLABLE_TYPES = ["Default"] as const;

/** A service with whether its supplier is active (a disabled supplier's services are not sold). */
export type ServiceWithSupplier = ServiceRow & { provider_active: number };

function withSupplier(db: Db) {
  return db.selectFrom("services").innerJoin("providers", "providers.id", "services.provider_id").selectAll("services").select("providers.active as provider_active");
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
    .where("services.type", "in", [...SELLABLE_TYPES]);
}

/** Sellable services matching the filter; ranking is the caller's. */
export async function listSellableServices(db: Db, filter: SellableFilter): Promise<ServiceWithSupplier[]> {
  let query = sellable(db).selectAll("services").select("providers.active as provider_active");
  if (filter.platform) query = query.where("services.platform", "=", filter.platform);
  if (filter.kind) query = query.where("services.kind", "=", filter.kind);
  const words = filter.anyWords ?? [];
  if (words.length > 0) {
    query = query.where((eb) => eb.or(words.flatMap((w) => [eb("services.name", "like", `%${w}%`), eb("services.category", "like", `%${w}%`)])));
  }
  return query.orderBy("services.price_per_1000").orderBy("services.mid").execute();
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


