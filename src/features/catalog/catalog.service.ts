import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { errorMessage } from "../../shared/errors.js";
import type { ProviderSummary, ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { TargetKind } from "./catalog.games.js";
import {
  applySupplierList,
  type ImportProgressListener,
  type ImportReport,
  type NewServicesState,
} from "./catalog.import.js";
import { buildPricingRules, type PricingRules } from "./catalog.pricing.js";
import {
  backupsOf,
  countSellableByKind,
  countSellableByPlatform,
  findServiceById,
  findServiceByMid,
  findServicesByIds,
  listSellableServices,
  listServices,
  pageServices,
  SELLABLE_TYPES,
  type ServicePageFilter,
  type ServiceListFilter,
  type ServiceWithSupplier,
} from "./catalog.queries.js";
import {
  earlierSupplierHasServices,
  finishCatalogSync,
  insertCatalogSync,
  listPriceRules,
  recentCatalogSyncs,
  serviceFacets,
} from "./catalog.repository.js";
import { parseSearchText, rankServices, type SearchQuery } from "./catalog.search.js";

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
  /** Rupiah per `unitSize` units: per 1000 for SMM services, per item for top-ups. */
  unitPrice: number;
  unitCost: number;
  /** The supplier's own price per unit (exact decimal, in its currency), for checking the cost at quote time. */
  costRate: string;
  unitSize: number;
  targetKind: TargetKind;
  zoneRequired: boolean;
  brand: string;
  refill: boolean;
  refillDays: number | null;
  speed: string | null;
  cancel: boolean;
  dripfeed: boolean;
  priceOverride: number | null;
  /** The admin renamed it / rewrote its description: re-syncs keep that text. */
  nameOverridden: boolean;
  descriptionOverridden: boolean;
  disabledReason: string | null;
  removed: boolean;
  mode: "auto" | "manual";
  active: boolean;
  sellable: boolean;
  /** Fulfilment may move a refused order to it: sold itself, or kept off the shelf as a backup. */
  usableAsBackup: boolean;
}

export interface SearchResult {
  query: SearchQuery;
  services: Service[];
  total: number;
}

export type { ImportProgress, ImportReport, NewServicesState } from "./catalog.import.js";

/** Lets the event loop answer other requests (progress polls) between chunks of a long import. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A committed change to what the shop sells, for whoever follows the catalog (the search index). */
export interface CatalogChange {
  reason: "import" | "admin";
}
export type CatalogChangeListener = (change: CatalogChange) => void | Promise<void>;

export function createCatalogService(deps: CatalogServiceDeps) {
  const { db, clock, providers, settings } = deps;
  const listeners = new Set<CatalogChangeListener>();
  /** Runs after the change committed; a listener's failure is its own to report, the change stands. */
  const notifyChanged = async (change: CatalogChange): Promise<void> => {
    await Promise.allSettled([...listeners].map(async (listener) => listener(change)));
  };
  /** Suppliers whose list is being imported right now in this process: since when, and how many runs. */
  const importing = new Map<number, { since: number; runs: number }>();

  const pricingRules = async (trx: Db = db): Promise<PricingRules> =>
    buildPricingRules(
      await listPriceRules(trx),
      await settings.get("pricing.default_margin_percent"),
      await settings.get("pricing.round_step"),
    );

  const runImport = async (
    provider: ProviderSummary,
    trigger: string,
    onProgress: ImportProgressListener | undefined,
    newServices: NewServicesState | undefined,
  ): Promise<ImportReport & { syncId: number }> => {
    const tell: ImportProgressListener | undefined = onProgress
      ? async (progress) => {
          await onProgress(progress);
          await yieldToEventLoop();
        }
      : undefined;
    const started = clock.now();
    const syncId = await insertCatalogSync(db, { provider_id: provider.id, trigger, started_at: started });
    try {
      await tell?.({ phase: "fetching", fetched: 0, validated: 0, skipped: 0, written: 0, total: 0 });
      // The supplier's own answer decides its currency: on a mismatch (or no rate) nothing is priced.
      const checked = await providers.verifyCurrency(provider.id);
      const candidates = await (await providers.adapterFor(provider.id)).services();
      await tell?.({ phase: "validating", fetched: candidates.length, validated: 0, skipped: 0, written: 0, total: 0 });
      const rules = await pricingRules();
      const report = await db
        .transaction()
        .execute((trx) =>
          applySupplierList(trx, { provider: checked, candidates, rules, clock, onProgress: tell, newServices }),
        );
      await providers.markPriced(provider.id);
      await finishCatalogSync(db, syncId, {
        finished_at: clock.now(),
        received: report.received,
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        removed: report.removed,
        repriced: report.repriced,
        disabled_below_cost: report.disabledBelowCost,
        skipped: report.skipped.length,
      });
      await notifyChanged({ reason: "import" });
      return { ...report, syncId };
    } catch (error) {
      await finishCatalogSync(db, syncId, { finished_at: clock.now(), error: errorMessage(error) });
      throw error;
    }
  };

  return {
    pricingRules,

    /** Follows committed changes: imports and re-syncs here, admin edits through `notifyChanged`. Returns the unsubscribe. */
    onChanged(listener: CatalogChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notifyChanged,

    /**
     * Fetches a supplier's list (outside any transaction), then applies it in one transaction and
     * records the run in `catalog_syncs`, errors included. Two imports started together apply their
     * lists one after the other (SQLite runs one transaction at a time), so nothing is duplicated;
     * the admin app refuses to start a second one meanwhile (`importRunningSince`). `onProgress`
     * hears how far it got; between its reports the event loop may answer other requests.
     */
    async importFromProvider(
      providerName: string,
      trigger = "cli",
      options: { onProgress?: ImportProgressListener; newServices?: NewServicesState } = {},
    ): Promise<ImportReport & { syncId: number }> {
      const provider = await providers.requireByName(providerName);
      const running = importing.get(provider.id);
      importing.set(provider.id, { since: running?.since ?? clock.now(), runs: (running?.runs ?? 0) + 1 });
      try {
        return await runImport(provider, trigger, options.onProgress, options.newServices);
      } finally {
        const left = importing.get(provider.id)!;
        if (left.runs <= 1) importing.delete(provider.id);
        else importing.set(provider.id, { ...left, runs: left.runs - 1 });
      }
    },

    /** When an import of this supplier started, while it runs in this process. */
    importRunningSince(providerId: number): number | undefined {
      return importing.get(providerId)?.since;
    },

    /**
     * Whether an import of this supplier should bring its new services in for review by default:
     * yes for a supplier added after one whose services the shop already has (customers would see
     * twins side by side); the first supplier's catalog, and its re-syncs, go on sale.
     */
    async reviewByDefault(providerId: number): Promise<boolean> {
      return earlierSupplierHasServices(db, providerId);
    },

    /** One page of services for the admin list (any state), filtered in the database. */
    async page(
      filter: ServicePageFilter,
      page: { offset: number; limit: number },
    ): Promise<{ services: Service[]; total: number }> {
      const { rows, total } = await pageServices(db, filter, page);
      return { services: rows.map(toService), total };
    },

    /** Platforms and their categories with service counts, for filters. */
    facets: () => serviceFacets(db),

    async findByMid(mid: number): Promise<Service | undefined> {
      const row = await findServiceByMid(db, mid);
      return row ? toService(row) : undefined;
    },

    async findById(id: number): Promise<Service | undefined> {
      const row = await findServiceById(db, id);
      return row ? toService(row) : undefined;
    },

    async findByIds(ids: readonly number[]): Promise<Map<number, Service>> {
      return new Map((await findServicesByIds(db, ids)).map((row) => [row.id, toService(row)]));
    },

    /** Backup services of a service, in the order fulfilment should try them. */
    async backupsFor(serviceId: number): Promise<Service[]> {
      return (await backupsOf(db, serviceId)).map(toService);
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
      const ranked = rankServices(rows.map(toService), query.keywords, query.numbers);
      return { query, services: ranked.slice(0, limit), total: ranked.length };
    },

    async listSellable(
      filter: { platform?: string; kind?: string },
      page = 0,
      pageSize = 8,
    ): Promise<{ services: Service[]; total: number }> {
      const rows = await listSellableServices(db, filter);
      return { services: rows.slice(page * pageSize, (page + 1) * pageSize).map(toService), total: rows.length };
    },

    /** Every service (for admins), active only unless asked. */
    async list(filter: ServiceListFilter): Promise<Service[]> {
      return (await listServices(db, filter)).map(toService);
    },

    async recentSyncs(limit = 10) {
      return recentCatalogSyncs(db, limit);
    },

    /** A supplier's latest imports and re-syncs, newest first. */
    async recentSyncsOf(providerId: number, limit = 10) {
      return recentCatalogSyncs(db, limit, providerId);
    },

    /** Platforms with something to sell, optionally only those selling one kind. */
    platformsWithServices: (kind?: string) => countSellableByPlatform(db, kind),
    kindsForPlatform: (platform: string) => countSellableByKind(db, platform),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

export function toService(row: ServiceWithSupplier): Service {
  // A supplier held for its currency sells nothing (see supplier-currency.ts); the service says why.
  const held = row.provider_currency_problem !== null;
  const active = row.active === 1 && row.provider_active === 1 && !held;
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
    unitPrice: row.unit_price,
    unitCost: row.unit_cost,
    costRate: row.cost_rate,
    unitSize: row.unit_size,
    targetKind: row.target_kind,
    zoneRequired: row.zone_required === 1,
    brand: row.brand,
    refill: row.refill === 1,
    refillDays: row.refill_days,
    speed: row.speed,
    cancel: row.cancel === 1,
    dripfeed: row.dripfeed === 1,
    priceOverride: row.price_override,
    nameOverridden: row.name_override !== null,
    descriptionOverridden: row.description_override !== null,
    disabledReason: row.disabled_reason ?? (held ? "supplier_currency" : null),
    removed: row.removed_at !== null,
    mode: row.mode,
    active,
    sellable: active && SELLABLE_TYPES.includes(row.type),
    usableAsBackup:
      active || (row.disabled_reason === "backup" && row.removed_at === null && row.provider_active === 1 && !held),
  };
}
