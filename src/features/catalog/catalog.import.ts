import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { parseDecimal } from "../../shared/money.js";
import { ProviderCallError, type ServiceCandidate } from "../providers/provider.types.js";
import type { ProviderSummary } from "../providers/providers.service.js";
import { classifyService } from "./catalog.classify.js";
import { marginFor, priceUnit, type PricingRules } from "./catalog.pricing.js";
import {
  deactivateServices,
  insertServices,
  listProviderServices,
  lockCatalogWrites,
  nextMid,
  updateService,
} from "./catalog.repository.js";
import type { NewServiceRow, ServiceRow, ServiceUpdate } from "./catalog.table.js";
import { validateServices, type SkippedRow, type ValidService } from "./catalog.validate.js";

export interface ServiceChange {
  mid: number;
  name: string;
  before?: number;
  after?: number;
  cost?: number;
}

/** Whether an import's new services go on sale at once or wait for an admin's review. */
export type NewServicesState = "sale" | "review";

export interface ImportReport {
  provider: string;
  newServices: NewServicesState;
  /** New services brought in hidden, waiting for an admin (approve, keep hidden, or map as a backup). */
  underReview: number;
  received: number;
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Services whose sell price changed (a supplier cost change, or a new rule). */
  repriced: number;
  /** Services with a fixed price that the supplier's cost now exceeds: no longer sold. */
  disabledBelowCost: number;
  skipped: SkippedRow[];
  changes: { repriced: ServiceChange[]; removed: ServiceChange[]; disabled: ServiceChange[] };
}

/**
 * How far an import has got, for a progress bar: rows received from the supplier, rows checked,
 * and rows written (a known service updated or left as it was, or a new one inserted) of `total`
 * valid rows.
 */
export interface ImportProgress {
  phase: "fetching" | "validating" | "writing" | "done";
  fetched: number;
  validated: number;
  skipped: number;
  written: number;
  total: number;
}

/**
 * Told every few hundred rows; may return a promise. It runs inside the import's transaction, so it
 * must not touch the database (SQLite's one connection is held until the import commits).
 */
export type ImportProgressListener = (progress: ImportProgress) => void | Promise<void>;

/** Rows between progress reports while writing. */
const PROGRESS_EVERY = 250;

type Fields = Omit<
  NewServiceRow,
  | "mid"
  | "provider_id"
  | "provider_service_id"
  | "removed_at"
  | "created_at"
  | "updated_at"
  | "price_override"
  | "disabled_reason"
  | "active"
>;

/**
 * Writes a supplier's validated list in one transaction: new services get the next shop numbers
 * (never reused, never renumbered), known ones keep theirs and are updated and repriced, and
 * services the supplier stopped listing are deactivated — orders in flight keep their own copy of
 * price, target and supplier, so they are untouched.
 */
export async function applySupplierList(
  trx: Db,
  input: {
    provider: ProviderSummary;
    candidates: ServiceCandidate[];
    rules: PricingRules;
    clock: Clock;
    onProgress?: ImportProgressListener | undefined;
    newServices?: NewServicesState | undefined;
  },
): Promise<ImportReport> {
  const { provider, candidates, rules, clock } = input;
  const { valid, skipped } = validateServices(candidates);
  const progress: ImportProgress = {
    phase: "writing",
    fetched: candidates.length,
    validated: candidates.length,
    skipped: skipped.length,
    written: 0,
    total: valid.length,
  };
  const tell = async () => input.onProgress?.({ ...progress });
  await tell();
  // An empty list is what a panel in maintenance sends; taking it literally would unlist the whole shop.
  if (valid.length === 0)
    throw new ProviderCallError(
      "bad_response",
      `${provider.name} listed no valid services (${candidates.length} rows received); the catalog was left unchanged`,
    );
  // Never a made-up rate: a supplier without one is held before its list gets here.
  const rateToIdr = parseDecimal(provider.rateToIdr);
  if (!rateToIdr || rateToIdr.units <= 0n)
    throw new AppError("providers.currency", `${provider.name} has no rate to rupiah; its catalog was left unchanged`);
  const now = clock.now();
  const report: ImportReport = {
    provider: provider.name,
    newServices: "sale",
    underReview: 0,
    received: candidates.length,
    imported: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    repriced: 0,
    disabledBelowCost: 0,
    skipped,
    changes: { repriced: [], removed: [], disabled: [] },
  };

  await lockCatalogWrites(trx);
  const existing = new Map((await listProviderServices(trx, provider.id)).map((row) => [row.provider_service_id, row]));
  let mid = await nextMid(trx);
  const inserts: NewServiceRow[] = [];
  for (const [index, service] of valid.entries()) {
    if (index > 0 && index % PROGRESS_EVERY === 0) await tell();
    const current = existing.get(service.providerServiceId);
    existing.delete(service.providerServiceId);
    const pricing = priceUnit({
      costRate: service.rate,
      rateToIdr,
      margin: marginFor(rules, { id: current?.id, providerId: provider.id, category: service.category }),
      roundStep: rules.roundStep,
      override: current?.price_override ?? null,
    });
    const fields = keepAdminText(serviceFields(service, pricing.unitCost, pricing.unitPrice), current);
    if (!current) {
      const review = input.newServices === "review";
      inserts.push({
        ...fields,
        mid: mid++,
        provider_id: provider.id,
        provider_service_id: service.providerServiceId,
        price_override: null,
        active: service.available && !review ? 1 : 0,
        disabled_reason: review ? "review" : service.available ? null : "unavailable",
        removed_at: null,
        created_at: now,
        updated_at: now,
      });
      continue;
    }
    progress.written++;
    const state = nextState(current, service.available, pricing.belowCost);
    const change: ServiceUpdate = {
      ...diff(current, fields),
      ...(state.active !== current.active ||
      state.disabled_reason !== current.disabled_reason ||
      current.removed_at !== null
        ? state
        : {}),
    };
    if (Object.keys(change).length === 0) {
      report.unchanged++;
      continue;
    }
    await updateService(trx, current.id, { ...change, updated_at: now });
    report.updated++;
    if (change.unit_price !== undefined) {
      report.repriced++;
      report.changes.repriced.push({
        mid: current.mid,
        name: current.name,
        before: current.unit_price,
        after: pricing.unitPrice,
      });
    }
    if (state.disabled_reason === "below_cost" && current.disabled_reason !== "below_cost") {
      report.disabledBelowCost++;
      report.changes.disabled.push({
        mid: current.mid,
        name: current.name,
        after: pricing.unitPrice,
        cost: pricing.unitCost,
      });
    }
  }
  // New services go in by chunks, so the progress bar moves during a first import of a big list.
  for (let i = 0; i < inserts.length; i += PROGRESS_EVERY * 4) {
    const chunk = inserts.slice(i, i + PROGRESS_EVERY * 4);
    await insertServices(trx, chunk);
    progress.written += chunk.length;
    await tell();
  }
  report.imported = inserts.length;
  report.newServices = input.newServices ?? "sale";
  report.underReview = inserts.filter((row) => row.disabled_reason === "review").length;
  const gone = [...existing.values()].filter((row) => row.removed_at === null);
  await deactivateServices(
    trx,
    gone.map((row) => row.id),
    now,
  );
  report.removed = gone.length;
  report.changes.removed = gone.map((row) => ({ mid: row.mid, name: row.name }));
  return report;
}

/**
 * Whether a listed service is sold: an admin's "off" (or "review", "backup") stands; a fixed price below the new cost
 * turns it off ("below_cost"); a supplier's "unavailable" turns it off until it is available again.
 */
function nextState(
  current: ServiceRow,
  available: boolean,
  belowCost: boolean,
): Pick<ServiceUpdate, "active" | "disabled_reason" | "removed_at"> {
  // An admin's decision (off, still to review, a backup only) outlives every re-sync.
  if (
    current.disabled_reason === "admin" ||
    current.disabled_reason === "review" ||
    current.disabled_reason === "backup"
  )
    return { active: 0, disabled_reason: current.disabled_reason, removed_at: null };
  if (belowCost) return { active: 0, disabled_reason: "below_cost", removed_at: null };
  if (!available) return { active: 0, disabled_reason: "unavailable", removed_at: null };
  return { active: 1, disabled_reason: null, removed_at: null };
}

/** An admin's own name or description wins over the supplier's on every re-sync. */
function keepAdminText(fields: Fields, current: ServiceRow | undefined): Fields {
  if (!current) return fields;
  return {
    ...fields,
    ...(current.name_override !== null ? { name: current.name_override } : {}),
    ...(current.description_override !== null ? { description: current.description_override } : {}),
  };
}

function serviceFields(service: ValidService, unitCost: number, unitPrice: number): Fields {
  const c = classifyService({
    name: service.name,
    category: service.category,
    brand: service.brand,
    unit: service.unit,
  });
  return {
    name: service.name,
    category: service.category,
    platform: c.platform,
    kind: c.kind,
    type: service.type,
    description: service.description,
    min_quantity: service.min,
    max_quantity: service.max,
    cost_rate: service.rateText,
    unit_cost: unitCost,
    unit_price: unitPrice,
    unit_size: service.unit === "per_item" ? 1 : 1000,
    target_kind: c.targetKind,
    zone_required: c.zoneRequired ? 1 : 0,
    brand: service.brand,
    refill_days: c.refillDays,
    speed: c.speed,
    refill: service.refill ? 1 : 0,
    cancel: service.cancel ? 1 : 0,
    dripfeed: service.dripfeed ? 1 : 0,
  };
}

function diff(current: ServiceRow, next: Fields): ServiceUpdate {
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (current[key as keyof ServiceRow] !== value) change[key] = value;
  }
  return change as ServiceUpdate;
}
