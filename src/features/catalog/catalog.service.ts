import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { costPer1000, parseDecimal, sellPricePer1000, type Decimal } from "../../shared/money.js";
import { ProviderCallError } from "../providers/provider.types.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { classifyService } from "./catalog.classify.js";
import {
  countSellableByKind,
  countSellableByPlatform,
  deactivateServices,
  findServiceById,
  findServiceByMid,
  insertServices,
  listProviderServices,
  listSellableServices,
  nextMid,
  SELLABLE_TYPES,
  updateService,
  type ServiceWithSupplier,
} from "./catalog.repository.js";
import { parseSearchText, rankServices, type SearchQuery } from "./catalog.search.js";
import type { NewServiceRow, ServiceRow, ServiceUpdate } from "./catalog.table.js";
import { validateServices, type SkippedRow, type ValidService } from "./catalog.validate.js";

export interface CatalogServiceDeps {
  db: Db;
  clock: Clock;
  providers: ProvidersService;
  settings: SettingsService;
}

/** A product as the rest of the product sees it; the price comes from here and nowhere else. */
export interface Service {
  id: number;
  mid: number;
  providerId: number;
  providerServiceId: string;
  name: string;
  category: string;
  platform: string;
  kind: string;
  type: string;
  description: string;
  min: number;
  max: number;
  pricePer1000: number;
  costPer1000: number;
  refill: boolean;
  cancel: boolean;
  mode: "auto" | "manual";
  active: boolean;
  sellable: boolean;
}

export interface ImportReport {
  provider: string;
  received: number;
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: SkippedRow[];
}

export interface SearchResult {
  query: SearchQuery;
  services: Service[];
  total: number;
}

export function createCatalogService(deps: CatalogServiceDeps) {
  const { db, clock, providers, settings } = deps;

  return {
    /**
     * Fetches a supplier's services, validates every row, and writes the valid ones in one
     * transaction: new services get the next shop numbers, known ones keep theirs, and services the
     * supplier no longer lists are deactivated (orders in flight keep their own copy of the details).
     */
    async importFromProvider(providerName: string): Promise<ImportReport> {
      const provider = await providers.requireByName(providerName);
      const adapter = await providers.adapterFor(provider.id);
      const candidates = await adapter.services(); // network first, never inside the transaction
      const { valid, skipped } = validateServices(candidates);
      // An empty list is what a panel in maintenance sends; taking it literally would unlist the whole shop.
      if (valid.length === 0) throw new ProviderCallError("bad_response", `${provider.name} listed no valid services (${candidates.length} rows received); the catalog was left unchanged`);
      const pricing = {
        rateToIdr: parseDecimal(provider.rateToIdr) ?? { units: 1n, scale: 0 },
        marginPercent: parseDecimal(await settings.get("pricing.default_margin_percent")) ?? { units: 30n, scale: 0 },
        roundStep: await settings.get("pricing.round_step"),
      };
      const now = clock.now();

      return db.transaction().execute(async (trx) => {
        const existing = new Map((await listProviderServices(trx, provider.id)).map((row) => [row.provider_service_id, row]));
        let mid = await nextMid(trx);
        const inserts: NewServiceRow[] = [];
        let updated = 0;
        let unchanged = 0;
        for (const service of valid) {
          const fields = serviceFields(service, pricing);
          const current = existing.get(service.providerServiceId);
          existing.delete(service.providerServiceId);
          if (!current) {
            inserts.push({ ...fields, mid: mid++, provider_id: provider.id, provider_service_id: service.providerServiceId, removed_at: null, created_at: now, updated_at: now });
            continue;
          }
          const change = diff(current, fields);
          if (Object.keys(change).length === 0 && current.removed_at === null) {
            unchanged++;
            continue;
          }
          // A service the supplier lists again comes back; one an admin disabled stays disabled.
          const revived: ServiceUpdate = current.removed_at === null ? {} : { active: 1, removed_at: null };
          await updateService(trx, current.id, { ...change, ...revived, updated_at: now });
          updated++;
        }
        await insertServices(trx, inserts);
        const gone = [...existing.values()].filter((row) => row.removed_at === null).map((row) => row.id);
        await deactivateServices(trx, gone, now);
        return { provider: provider.name, received: candidates.length, imported: inserts.length, updated, unchanged, removed: gone.length, skipped };
      });
    },

    async findByMid(mid: number): Promise<Service | undefined> {
      const row = await findServiceByMid(db, mid);
      return row ? toService(row) : undefined;
    },

    async findById(id: number): Promise<Service | undefined> {
      const row = await findServiceById(db, id);
      return row ? toService(row) : undefined;
    },

    /** What the bot suggests for a customer's words: same ranking for the CLI and the chat. */
    async search(text: string, limit = 8): Promise<SearchResult> {
      const query = parseSearchText(text);
      if (!query.platform && !query.kind && query.keywords.length === 0) return { query, services: [], total: 0 };
      const rows = await listSellableServices(db, {
        platform: query.platform,
        kind: query.kind,
        anyWords: query.platform || query.kind ? undefined : query.keywords,
      });
      const ranked = rankServices(rows.map(toService), query.keywords);
      return { query, services: ranked.slice(0, limit), total: ranked.length };
    },

    async listSellable(filter: { platform?: string; kind?: string }, page = 0, pageSize = 8): Promise<{ services: Service[]; total: number }> {
      const rows = await listSellableServices(db, filter);
      return { services: rows.slice(page * pageSize, (page + 1) * pageSize).map(toService), total: rows.length };
    },

    /** Platforms with something to sell, optionally only those selling one kind. */
    platformsWithServices: (kind?: string) => countSellableByPlatform(db, kind),
    kindsForPlatform: (platform: string) => countSellableByKind(db, platform),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

type ServiceFields = Omit<NewServiceRow, "mid" | "provider_id" | "provider_service_id" | "removed_at" | "created_at" | "updated_at">;

function serviceFields(service: ValidService, pricing: { rateToIdr: Decimal; marginPercent: Decimal; roundStep: number }): ServiceFields {
  const { platform, kind } = classifyService(service);
  return {
    name: service.name,
    category: service.category,
    platform,
    kind,
    type: service.type,
    description: service.description,
    min_quantity: service.min,
    max_quantity: service.max,
    cost_rate: service.rateText,
    cost_per_1000: costPer1000(service.rate, pricing.rateToIdr),
    price_per_1000: sellPricePer1000({ costRate: service.rate, rateToIdr: pricing.rateToIdr, marginPercent: pricing.marginPercent, roundStep: pricing.roundStep }),
    refill: service.refill ? 1 : 0,
    cancel: service.cancel ? 1 : 0,
    dripfeed: service.dripfeed ? 1 : 0,
  };
}

function diff(current: ServiceRow, next: ServiceFields): ServiceUpdate {
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (current[key as keyof ServiceRow] !== value) change[key] = value;
  }
  return change as ServiceUpdate;
}

export function toService(row: ServiceWithSupplier): Service {
  return {
    id: row.id,
    mid: row.mid,
    providerId: row.provider_id,
    providerServiceId: row.provider_service_id,
    name: row.name,
    category: row.category,
    platform: row.platform,
    kind: row.kind,
    type: row.type,
    description: row.description,
    min: row.min_quantity,
    max: row.max_quantity,
    pricePer1000: row.price_per_1000,
    costPer1000: row.cost_per_1000,
    refill: row.refill === 1,
    cancel: row.cancel === 1,
    mode: row.mode,
    active: row.active === 1 && row.provider_active === 1,
    sellable: row.active === 1 && row.provider_active === 1 && (SELLABLE_TYPES as readonly string[]).includes(row.type),
  };
}
