import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { decimalToString, formatRupiah, parseDecimal } from "../../shared/money.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { ServiceChange } from "./catalog.import.js";
import { marginFor, parseMargin, priceUnit, type PricingRules } from "./catalog.pricing.js";
import {
  findServiceByMid,
  findServiceByProviderRef,
  listAllServicesWithRate,
  listServices,
} from "./catalog.queries.js";
import {
  deleteBackup,
  deletePriceRule,
  insertBackup,
  lastBackupPriority,
  updateService,
  upsertPriceRule,
} from "./catalog.repository.js";
import { toService, type CatalogService, type Service } from "./catalog.service.js";
import { twinsOf } from "./catalog.twins.js";

/** Several services at once, each with its own margin (the services list's bulk action). */
export type PreviewScope = MarginScope | { scope: "services"; mids: number[] };

export type MarginScope =
  | { scope: "default" }
  | { scope: "provider"; provider: string }
  | { scope: "category"; category: string }
  | { scope: "service"; mid: number };

/** What a margin change would do, before it is saved. */
export interface MarginPreview {
  /** Services whose margin this rule decides (a more specific rule or a fixed price wins over it). */
  affected: number;
  changed: number;
  examples: Array<{ mid: number; name: string; before: number; after: number; cost: number }>;
  /** Services of the scope that would be sold at or below their cost (a fixed price under a new cost). */
  belowCost: Array<{ mid: number; name: string; price: number; cost: number }>;
}

/** How many old → new prices a preview shows. */
const PREVIEW_EXAMPLES = 5;

export interface RepriceReport {
  checked: number;
  repriced: number;
  disabledBelowCost: number;
  reenabled: number;
  changes: ServiceChange[];
}

/**
 * What a shop owner changes by hand: margins, fixed prices, which services are sold, names and
 * descriptions, manual or automatic fulfilment, and backup suppliers. Every price change goes
 * through the same rule: never below the supplier's cost. Every change is audited with the actor
 * ("cli" when the operator CLI makes it, "telegram:<id>" from the admin app).
 */
export function createCatalogManagement(deps: {
  db: Db;
  clock: Clock;
  catalog: CatalogService;
  providers: ProvidersService;
  settings: SettingsService;
  audit: AuditService;
}) {
  const { db, clock, catalog, providers, settings, audit } = deps;

  /** Changes one service and audits it in the same transaction. */
  const changeService = async (
    service: Service,
    action: string,
    update: Parameters<typeof updateService>[2],
    before: unknown,
    after: unknown,
    actor: string,
  ): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      await updateService(trx, service.id, { ...update, updated_at: clock.now() });
      await audit.record(trx, { actor, action, subject: `service:${service.mid}`, before, after });
    });
    await catalog.notifyChanged({ reason: "admin" });
  };

  const marginSubject = async (
    target: MarginScope,
  ): Promise<{ subject: string; rule: Parameters<typeof deletePriceRule>[1] | undefined; current: string | null }> => {
    const rules = await catalog.pricingRules();
    const text = (d: { units: bigint; scale: number } | undefined) => (d ? decimalToString(d) : null);
    switch (target.scope) {
      case "default":
        return { subject: "pricing:default", rule: undefined, current: text(rules.defaultMargin) };
      case "provider": {
        const provider = await providers.requireByName(target.provider);
        return {
          subject: `provider:${provider.id}`,
          rule: { scope: "provider", providerId: provider.id },
          current: text(rules.byProvider.get(provider.id)),
        };
      }
      case "category":
        return {
          subject: `category:${target.category.toLowerCase()}`,
          rule: { scope: "category", category: target.category },
          current: text(rules.byCategory.get(target.category.toLowerCase())),
        };
      case "service": {
        const service = await requireService(target.mid);
        return {
          subject: `service:${service.mid}`,
          rule: { scope: "service", serviceId: service.id },
          current: text(rules.byService.get(service.id)),
        };
      }
    }
  };

  const requireService = async (mid: number): Promise<Service> => {
    const row = await findServiceByMid(db, mid);
    if (!row) throw new AppError("catalog.unknown_mid", `no service with shop number ${mid}`);
    return toService(row);
  };

  /** Recomputes every sell price from the supplier rates already stored and the current rules. */
  const repriceAll = async (): Promise<RepriceReport> => {
    const rules = await catalog.pricingRules();
    const now = clock.now();
    const repriced = await db.transaction().execute(async (trx) => {
      const report: RepriceReport = { checked: 0, repriced: 0, disabledBelowCost: 0, reenabled: 0, changes: [] };
      for (const row of await listAllServicesWithRate(trx)) {
        report.checked++;
        const costRate = parseDecimal(row.cost_rate);
        const rateToIdr = parseDecimal(row.rate_to_idr);
        if (!costRate || !rateToIdr) continue;
        const pricing = priceUnit({
          costRate,
          rateToIdr,
          margin: marginFor(rules, { id: row.id, providerId: row.provider_id, category: row.category }),
          roundStep: rules.roundStep,
          override: row.price_override,
        });
        const update: Parameters<typeof updateService>[2] = {};
        if (pricing.unitPrice !== row.unit_price || pricing.unitCost !== row.unit_cost)
          Object.assign(update, { unit_price: pricing.unitPrice, unit_cost: pricing.unitCost });
        if (
          pricing.belowCost &&
          row.disabled_reason !== "below_cost" &&
          row.disabled_reason !== "admin" &&
          row.disabled_reason !== "review" &&
          row.disabled_reason !== "backup"
        ) {
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
    await catalog.notifyChanged({ reason: "admin" });
    return repriced;
  };

  /** The rules as they would be with `margin` (null: the rule removed) for `target`. */
  const rulesWith = async (rules: PricingRules, target: PreviewScope, margin: string | null): Promise<PricingRules> => {
    const next: PricingRules = {
      ...rules,
      byProvider: new Map(rules.byProvider),
      byCategory: new Map(rules.byCategory),
      byService: new Map(rules.byService),
    };
    const value = margin === null ? undefined : parseMargin(margin);
    const put = <K>(map: Map<K, PricingRules["defaultMargin"]>, key: K) =>
      value === undefined ? map.delete(key) : map.set(key, value);
    switch (target.scope) {
      case "default":
        if (value !== undefined) next.defaultMargin = value;
        break;
      case "provider":
        put(next.byProvider, (await providers.requireByName(target.provider)).id);
        break;
      case "category":
        put(next.byCategory, target.category.toLowerCase());
        break;
      case "service":
        put(next.byService, (await requireService(target.mid)).id);
        break;
      case "services":
        for (const mid of target.mids) put(next.byService, (await requireService(mid)).id);
        break;
    }
    return next;
  };

  const management = {
    repriceAll,

    /**
     * What setting (or, with null, removing) a margin would change, computed from the stored
     * supplier rates without saving anything: how many prices move, a few of them old → new, and
     * any service of the scope that would sell at or below cost.
     */
    async previewMargin(target: PreviewScope, marginPercent: string | null): Promise<MarginPreview> {
      try {
        if (marginPercent !== null) parseMargin(marginPercent);
      } catch (error) {
        throw new AppError("catalog.invalid_price", (error as Error).message);
      }
      const rules = await catalog.pricingRules();
      const next = await rulesWith(rules, target, marginPercent);
      const preview: MarginPreview = { affected: 0, changed: 0, examples: [], belowCost: [] };
      const providerId = target.scope === "provider" ? (await providers.requireByName(target.provider)).id : undefined;
      const mids = new Set(target.scope === "service" ? [target.mid] : target.scope === "services" ? target.mids : []);
      for (const row of await listAllServicesWithRate(db)) {
        const inScope =
          target.scope === "default" ||
          (providerId !== undefined && row.provider_id === providerId) ||
          (target.scope === "category" && row.category.toLowerCase() === target.category.toLowerCase()) ||
          mids.has(row.mid);
        if (!inScope || row.removed_at !== null) continue;
        const costRate = parseDecimal(row.cost_rate);
        const rateToIdr = parseDecimal(row.rate_to_idr);
        if (!costRate || !rateToIdr) continue;
        const service = { id: row.id, providerId: row.provider_id, category: row.category };
        const pricing = priceUnit({
          costRate,
          rateToIdr,
          margin: marginFor(next, service),
          roundStep: next.roundStep,
          override: row.price_override,
        });
        if (row.price_override === null && marginFor(next, service) !== marginFor(rules, service)) preview.affected++;
        if (pricing.unitPrice <= pricing.unitCost)
          preview.belowCost.push({ mid: row.mid, name: row.name, price: pricing.unitPrice, cost: pricing.unitCost });
        if (pricing.unitPrice === row.unit_price) continue;
        preview.changed++;
        if (preview.examples.length < PREVIEW_EXAMPLES)
          preview.examples.push({
            mid: row.mid,
            name: row.name,
            before: row.unit_price,
            after: pricing.unitPrice,
            cost: pricing.unitCost,
          });
      }
      return preview;
    },

    /**
     * One margin for many services at once (each gets its own service margin), audited per
     * service, then one repricing. Unknown shop numbers are refused before anything changes.
     */
    async setServiceMargins(mids: readonly number[], marginPercent: string, actor = "cli"): Promise<RepriceReport> {
      try {
        parseMargin(marginPercent);
      } catch (error) {
        throw new AppError("catalog.invalid_price", (error as Error).message);
      }
      const services = await Promise.all(mids.map(requireService));
      const rules = await catalog.pricingRules();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        for (const service of services) {
          const current = rules.byService.get(service.id);
          await upsertPriceRule(
            trx,
            { scope: "service", serviceId: service.id, marginPercent: marginPercent.trim() },
            now,
          );
          await audit.record(trx, {
            actor,
            action: "pricing.margin",
            subject: `service:${service.mid}`,
            before: { marginPercent: current ? decimalToString(current) : null },
            after: { marginPercent: marginPercent.trim() },
          });
        }
      });
      return repriceAll();
    },

    /**
     * Services at other suppliers that look like this one (same platform, kind and unit, a similar
     * name), most alike first: the ones it could back up. Services still under review, or already
     * kept as backups, are not offered.
     */
    async twins(mid: number): Promise<Array<Service & { similarity: number }>> {
      const service = await requireService(mid);
      const candidates = (await listServices(db, { platform: service.platform, includeInactive: true }))
        .map(toService)
        .filter((c) => !c.removed && c.disabledReason !== "review" && c.disabledReason !== "backup");
      return twinsOf(service, candidates).slice(0, 5);
    },

    /**
     * Keeps `backupMid` off the shelf as the backup supplier of `mainMid`: one tap for an imported
     * twin. Fulfilment moves a refused order of `mainMid` to it; customers see `mainMid` only.
     */
    async keepAsBackup(backupMid: number, mainMid: number, actor = "cli"): Promise<Service> {
      const backup = await requireService(backupMid);
      const supplier = await providers.getById(backup.providerId);
      await management.addBackup(mainMid, supplier!.name, backup.providerServiceId, actor);
      await changeService(
        backup,
        "service.backup_only",
        { active: 0, disabled_reason: "backup" },
        { active: backup.active, disabledReason: backup.disabledReason },
        { active: false, disabledReason: "backup", backupOf: mainMid },
        actor,
      );
      return requireService(backupMid);
    },

    /** Sets a margin for a scope (replacing an earlier one) and reprices everything it affects. */
    async setMargin(target: MarginScope, marginPercent: string, actor = "cli"): Promise<RepriceReport> {
      try {
        parseMargin(marginPercent);
      } catch (error) {
        throw new AppError("catalog.invalid_price", (error as Error).message);
      }
      const now = clock.now();
      const { subject, current } = await marginSubject(target);
      switch (target.scope) {
        case "default":
          await settings.set("pricing.default_margin_percent", marginPercent.trim());
          break;
        case "provider":
          await upsertPriceRule(
            db,
            {
              scope: "provider",
              providerId: (await providers.requireByName(target.provider)).id,
              marginPercent: marginPercent.trim(),
            },
            now,
          );
          break;
        case "category":
          await upsertPriceRule(
            db,
            { scope: "category", category: target.category, marginPercent: marginPercent.trim() },
            now,
          );
          break;
        case "service":
          await upsertPriceRule(
            db,
            { scope: "service", serviceId: (await requireService(target.mid)).id, marginPercent: marginPercent.trim() },
            now,
          );
          break;
      }
      await audit.record(db, {
        actor,
        action: "pricing.margin",
        subject,
        before: { marginPercent: current },
        after: { marginPercent: marginPercent.trim() },
      });
      return repriceAll();
    },

    /**
     * Removes the margin set for a supplier, category or service: it then follows the next rule up
     * (category, supplier, the shop's default). The default itself cannot be removed.
     */
    async clearMargin(target: Exclude<MarginScope, { scope: "default" }>, actor = "cli"): Promise<RepriceReport> {
      const { subject, rule, current } = await marginSubject(target);
      if (rule && (await deletePriceRule(db, rule)))
        await audit.record(db, {
          actor,
          action: "pricing.margin",
          subject,
          before: { marginPercent: current },
          after: { marginPercent: null },
        });
      return repriceAll();
    },

    /** A fixed sell price for one service (or back to its margin with null). Never below cost. */
    async setFixedPrice(mid: number, unitPrice: number | null, actor = "cli"): Promise<Service> {
      const service = await requireService(mid);
      if (unitPrice !== null) {
        if (!Number.isSafeInteger(unitPrice) || unitPrice <= 0)
          throw new AppError("catalog.invalid_price", "a price is a whole number of rupiah above zero");
        if (unitPrice < service.unitCost) {
          throw new AppError(
            "catalog.below_cost",
            `${formatRupiah(unitPrice)} is below the supplier's cost of ${formatRupiah(service.unitCost)} per ${service.unitSize === 1 ? "item" : "1000"}`,
          );
        }
      }
      await changeService(
        service,
        "service.price",
        { price_override: unitPrice, ...(unitPrice !== null ? { unit_price: unitPrice } : {}) },
        { unitPrice: service.unitPrice, fixedPrice: service.priceOverride },
        { fixedPrice: unitPrice },
        actor,
      );
      if (unitPrice === null || service.disabledReason === "below_cost") await repriceAll();
      return requireService(mid);
    },

    /** Turns a service off (never sold, never re-enabled by a sync) or back on. */
    async setEnabled(mid: number, enabled: boolean, actor = "cli"): Promise<Service> {
      const service = await requireService(mid);
      if (enabled && service.removed)
        throw new AppError(
          "catalog.not_listed",
          `service ${mid} is no longer listed by its supplier; it comes back by itself if the supplier lists it again`,
        );
      if (enabled && service.disabledReason === "unavailable")
        throw new AppError(
          "catalog.not_listed",
          `service ${mid} is out of stock at its supplier; it is sold again by itself when the supplier has it`,
        );
      if (enabled && service.unitPrice < service.unitCost)
        throw new AppError("catalog.below_cost", `service ${mid} is priced below cost; change its price first`);
      const update = enabled ? { active: 1, disabled_reason: null } : { active: 0, disabled_reason: "admin" as const };
      await changeService(
        service,
        enabled ? "service.enable" : "service.disable",
        update,
        { active: service.active, disabledReason: service.disabledReason },
        { active: enabled, disabledReason: update.disabled_reason },
        actor,
      );
      return requireService(mid);
    },

    /**
     * The shop's own name or description for a service (null: the supplier's again, from the next
     * re-sync on). Kept over every re-sync; the search index and the bot show it like any name.
     */
    async setDetails(
      mid: number,
      changes: { name?: string | null | undefined; description?: string | null | undefined },
      actor = "cli",
    ): Promise<Service> {
      const service = await requireService(mid);
      const name =
        changes.name === undefined || changes.name === null ? changes.name : changes.name.replace(/\s+/g, " ").trim();
      const description =
        changes.description === undefined || changes.description === null
          ? changes.description
          : changes.description.trim();
      if (name !== undefined && name !== null && (name.length === 0 || name.length > 200))
        throw new AppError("catalog.invalid_input", "a service name is 1 to 200 characters");
      if (description !== undefined && description !== null && description.length > 2000)
        throw new AppError("catalog.invalid_input", "a description is at most 2000 characters");
      const update: Parameters<typeof updateService>[2] = {
        ...(name !== undefined ? { name_override: name, ...(name !== null ? { name } : {}) } : {}),
        ...(description !== undefined
          ? { description_override: description, ...(description !== null ? { description } : {}) }
          : {}),
      };
      if (Object.keys(update).length === 0) return service;
      const before = {
        ...(name !== undefined ? { name: service.name, nameOverridden: service.nameOverridden } : {}),
        ...(description !== undefined
          ? { description: service.description, descriptionOverridden: service.descriptionOverridden }
          : {}),
      };
      const after = { ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) };
      await changeService(service, "service.details", update, before, after, actor);
      return requireService(mid);
    },

    /** Manual services are paid and then handed to an admin instead of the supplier's API. */
    async setMode(mid: number, mode: "auto" | "manual", actor = "cli"): Promise<Service> {
      const service = await requireService(mid);
      if (service.mode === mode) return service;
      await changeService(service, "service.mode", { mode }, { mode: service.mode }, { mode }, actor);
      return requireService(mid);
    },

    /** Adds a backup supplier service (already imported) at the end of the service's list. */
    async addBackup(mid: number, providerName: string, providerServiceId: string, actor = "cli"): Promise<Service[]> {
      const service = await requireService(mid);
      const provider = await providers.requireByName(providerName);
      const backup = await findServiceByProviderRef(db, provider.id, providerServiceId);
      if (!backup)
        throw new AppError(
          "catalog.unknown_backup",
          `${provider.name} has no imported service ${providerServiceId}; run catalog import ${provider.name} first`,
        );
      if (backup.id === service.id) throw new AppError("catalog.invalid_backup", "a service cannot be its own backup");
      if (backup.unit_size !== service.unitSize || backup.target_kind !== service.targetKind) {
        throw new AppError(
          "catalog.invalid_backup",
          `service ${providerServiceId} of ${provider.name} sells a different kind of product (${backup.target_kind}, per ${backup.unit_size}) than service ${mid}`,
        );
      }
      const last = await lastBackupPriority(db, service.id);
      await db.transaction().execute(async (trx) => {
        const added = await insertBackup(trx, {
          service_id: service.id,
          backup_service_id: backup.id,
          priority: last + 1,
          created_at: clock.now(),
        });
        if (added)
          await audit.record(trx, {
            actor,
            action: "service.backup_add",
            subject: `service:${mid}`,
            after: { backupMid: backup.mid, provider: provider.name, providerServiceId },
          });
      });
      return catalog.backupsFor(service.id);
    },

    async removeBackup(
      mid: number,
      providerName: string,
      providerServiceId: string,
      actor = "cli",
    ): Promise<Service[]> {
      const service = await requireService(mid);
      const provider = await providers.requireByName(providerName);
      const backup = await findServiceByProviderRef(db, provider.id, providerServiceId);
      if (backup) {
        await db.transaction().execute(async (trx) => {
          const removed = await deleteBackup(trx, service.id, backup.id);
          if (removed)
            await audit.record(trx, {
              actor,
              action: "service.backup_remove",
              subject: `service:${mid}`,
              before: { backupMid: backup.mid, provider: provider.name, providerServiceId },
            });
        });
      }
      return catalog.backupsFor(service.id);
    },

    async backups(mid: number): Promise<Service[]> {
      return catalog.backupsFor((await requireService(mid)).id);
    },
  };
  return management;
}

export type CatalogManagement = ReturnType<typeof createCatalogManagement>;
