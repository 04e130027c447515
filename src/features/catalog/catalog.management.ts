import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah, parseDecimal } from "../../shared/money.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { ServiceChange } from "./catalog.import.js";
import { marginFor, parseMargin, priceUnit } from "./catalog.pricing.js";
import { findServiceByMid, findServiceByProviderRef, listAllServicesWithRate, updateService, upsertPriceRule } from "./catalog.repository.js";
import { toService, type CatalogService, type Service } from "./catalog.service.js";

export type MarginScope = { scope: "default" } | { scope: "provider"; provider: string } | { scope: "category"; category: string } | { scope: "service"; mid: number };

export interface RepriceReport {
  checked: number;
  repriced: number;
  disabledBelowCost: number;
  reenabled: number;
  changes: ServiceChange[];
}

/**
 * What a shop owner changes by hand: margins, fixed prices, which services are sold, and backup
 * suppliers. Every price change goes through the same rule: never below the supplier's cost.
 */
export function createCatalogManagement(deps: { db: Db; clock: Clock; catalog: CatalogService; providers: ProvidersService; settings: SettingsService }) {
  const { db, clock, catalog, providers, settings } = deps;

  const requireService = async (mid: number): Promise<Service> => {
    const row = await findServiceByMid(db, mid);
    if (!row) throw new AppError("catalog.unknown_mid", `no service with shop number ${mid}`);
    return toService(row);
  };

  /** Recomputes every sell price from the supplier rates already stored and the current rules. */
  const repriceAll = async (): Promise<RepriceReport> => {
    const rules = await catalog.pricingRules();
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const report: RepriceReport = { checked: 0, repriced: 0, disabledBelowCost: 0, reenabled: 0, changes: [] };
      for (const row of await listAllServicesWithRate(trx)) {
        report.checked++;
        const costRate = parseDecimal(row.cost_rate);
        const rateToIdr = parseDecimal(row.rate_to_idr);
        if (!costRate || !rateToIdr) continue;
        const pricing = priceUnit({ costRate, rateToIdr, margin: marginFor(rules, { id: row.id, providerId: row.provider_id, category: row.category }), roundStep: rules.roundStep, override: row.price_override });
        const update: Parameters<typeof updateService>[2] = {};
        if (pricing.unitPrice !== row.unit_price || pricing.unitCost !== row.unit_cost) Object.assign(update, { unit_price: pricing.unitPrice, unit_cost: pricing.unitCost });
        if (pricing.belowCost && row.disabled_reason !== "below_cost" && row.disabled_reason !== "admin") {
          Object.assign(update, { active: 0, disabled_reason: "below_cost" });
          report.disabledBelowCost++;
        } else if (!pricing.belowCost && row.disabled_reason === "below_cost") {
          Object.assign(update, { active: row.removed_at === null ? 1 : 0, disabled_reason: null });
          report.reenabled++;
        }
        if (Object.keys(update).length === 0) continue;
        await updateService(trx, row.id, { ...update, updated_at: now });
        if (update.unit_price !== undefined && pricing.unitPrice !== row.unit_price) {
          report.repriced++;
          report.changes.push({ mid: row.mid, name: row.name, before: row.unit_price, after: pricing.unitPrice });
        }
      }
      return report;
    });
  };

  return {
    repriceAll,

    /** Sets a margin for a scope (replacing an earlier one) and reprices everything it affects. */
    async setMargin(target: MarginScope, marginPercent: string): Promise<RepriceReport> {
      try {
        parseMargin(marginPercent);
      } catch (error) {
        throw new AppError("catalog.invalid_price", (error as Error).message);
      }
      const now = clock.now();
      switch (target.scope) {
        case "default":
          await settings.set("pricing.default_margin_percent", marginPercent.trim());
          break;
        case "provider":
          await upsertPriceRule(db, { scope: "provider", providerId: (await providers.requireByName(target.provider)).id, marginPercent: marginPercent.trim() }, now);
          break;
        case "category":
          await upsertPriceRule(db, { scope: "category", category: target.category, marginPercent: marginPercent.trim() }, now);
          break;
        case "service":
          await upsertPriceRule(db, { scope: "service", serviceId: (await requireService(target.mid)).id, marginPercent: marginPercent.trim() }, now);
          break;
      }
      return repriceAll();
    },

    /** A fixed sell price for one service (or back to its margin with null). Never below cost. */
    async setFixedPrice(mid: number, unitPrice: number | null): Promise<Service> {
      const service = await requireService(mid);
      if (unitPrice !== null) {
        if (!Number.isSafeInteger(unitPrice) || unitPrice <= 0) throw new AppError("catalog.invalid_price", "a price is a whole number of rupiah above zero");
        if (unitPrice < service.unitCost) {
          throw new AppError("catalog.below_cost", `${formatRupiah(unitPrice)} is below the supplier's cost of ${formatRupiah(service.unitCost)} per ${service.unitSize === 1 ? "item" : "1000"}`);
        }
      }
      await updateService(db, service.id, { price_override: unitPrice, ...(unitPrice !== null ? { unit_price: unitPrice } : {}), updated_at: clock.now() });
      if (unitPrice === null || service.disabledReason === "below_cost") await repriceAll();
      return requireService(mid);
    },

    /** Turns a service off (never sold, never re-enabled by a sync) or back on. */
    async setEnabled(mid: number, enabled: boolean): Promise<Service> {
      const service = await requireService(mid);
      if (enabled && service.removed) throw new AppError("catalog.not_listed", `service ${mid} is no longer listed by its supplier; it comes back by itself if the supplier lists it again`);
      if (enabled && service.disabledReason === "unavailable") throw new AppError("catalog.not_listed", `service ${mid} is out of stock at its supplier; it is sold again by itself when the supplier has it`);
      if (enabled && service.unitPrice < service.unitCost) throw new AppError("catalog.below_cost", `service ${mid} is priced below cost; change its price first`);
      await updateService(db, service.id, enabled ? { active: 1, disabled_reason: null, updated_at: clock.now() } : { active: 0, disabled_reason: "admin", updated_at: clock.now() });
      return requireService(mid);
    },

    /** Adds a backup supplier service (already imported) at the end of the service's list. */
    async addBackup(mid: number, providerName: string, providerServiceId: string): Promise<Service[]> {
      const service = await requireService(mid);
      const provider = await providers.requireByName(providerName);
      const backup = await findServiceByProviderRef(db, provider.id, providerServiceId);
      if (!backup) throw new AppError("catalog.unknown_backup", `${provider.name} has no imported service ${providerServiceId}; run catalog import ${provider.name} first`);
      if (backup.id === service.id) throw new AppError("catalog.invalid_backup", "a service cannot be its own backup");
      if (backup.unit_size !== service.unitSize || backup.target_kind !== service.targetKind) {
        throw new AppError("catalog.invalid_backup", `service ${providerServiceId} of ${provider.name} sells a different kind of product (${backup.target_kind}, per ${backup.unit_size}) than service ${mid}`);
      }
      const last = await db.selectFrom("service_backups").select((eb) => eb.fn.max("priority").as("max")).where("service_id", "=", service.id).executeTakeFirst();
      await db
        .insertInto("service_backups")
        .values({ service_id: service.id, backup_service_id: backup.id, priority: (last?.max ?? 0) + 1, created_at: clock.now() })
        .onConflict((oc) => oc.columns(["service_id", "backup_service_id"]).doNothing())
        .execute();
      return catalog.backupsFor(service.id);
    },

    async removeBackup(mid: number, providerName: string, providerServiceId: string): Promise<Service[]> {
      const service = await requireService(mid);
      const provider = await providers.requireByName(providerName);
      const backup = await findServiceByProviderRef(db, provider.id, providerServiceId);
      if (backup) await db.deleteFrom("service_backups").where("service_id", "=", service.id).where("backup_service_id", "=", backup.id).execute();
      return catalog.backupsFor(service.id);
    },

    async backups(mid: number): Promise<Service[]> {
      return catalog.backupsFor((await requireService(mid)).id);
    },
  };
}

export type CatalogManagement = ReturnType<typeof createCatalogManagement>;
