import { z } from "zod";
import { marginSourceOf, type PricingRules } from "../catalog/catalog.pricing.js";
import type { Service } from "../catalog/catalog.service.js";
import { decimalToString } from "../../shared/money.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody, parseInput } from "./admin.http.js";
import type {
  BulkResult,
  Facets,
  ServiceDetail,
  ServiceListItem,
  ServicePage,
  ServiceStatus,
} from "./contracts/services.contract.js";

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  platform: z.string().trim().max(40).optional(),
  category: z.string().trim().max(200).optional(),
  supplierId: z.coerce.number().int().positive().optional(),
  state: z.enum(["sold", "off", "review"]).optional(),
  page: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const DetailsBody = z
  .object({
    name: z.string().max(200).nullable().optional(),
    description: z.string().max(2000).nullable().optional(),
    mode: z.enum(["auto", "manual"]).optional(),
  })
  .refine(
    (b) => b.name !== undefined || b.description !== undefined || b.mode !== undefined,
    "give a name, a description or a mode",
  );
const PriceBody = z.object({
  fixedPrice: z
    .number({ message: "fixedPrice is whole rupiah, or null to follow the margin" })
    .int("fixedPrice is whole rupiah")
    .positive()
    .max(1_000_000_000_000)
    .nullable(),
});
const MarginBody = z.object({ margin: z.string().trim().max(12).nullable() });
const EnabledBody = z.object({ enabled: z.boolean() });
const BackupBody = z.object({ backupMid: z.number().int().positive() });
const KeepAsBackupBody = z.object({ mainMid: z.number().int().positive() });
const BulkBody = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["enable", "disable"]), mids: z.array(z.number().int().positive()).min(1).max(500) }),
  z.object({
    action: z.literal("price"),
    mids: z.array(z.number().int().positive()).min(1).max(500),
    fixedPrice: PriceBody.shape.fixedPrice,
  }),
]);

function midParam(value: string | undefined): number {
  const mid = Number(value);
  if (!Number.isSafeInteger(mid) || mid <= 0)
    throw new AppError("admin.invalid_input", "a service is named by its shop number (ID)");
  return mid;
}

/**
 * Where a service stands for a customer, in one word the list shows: on sale, waiting for review,
 * off because its fixed price is under cost, kept as another service's backup, or hidden.
 */
function statusOf(s: Service): ServiceStatus {
  if (s.active) return "sale";
  if (s.removed) return "hidden";
  if (s.disabledReason === "review" || s.disabledReason === "below_cost" || s.disabledReason === "backup")
    return s.disabledReason;
  return "hidden";
}

/** A list row: what the admin scans for, prices as stored (integer rupiah per unitSize), cost and margin beside the price. */
function listItem(s: Service, supplierName: string | undefined, rules: PricingRules): ServiceListItem {
  const margin = marginSourceOf(rules, s);
  return {
    mid: s.mid,
    name: s.name,
    platform: s.platform,
    category: s.category,
    supplier: supplierName ?? null,
    unitPrice: s.unitPrice,
    unitCost: s.unitCost,
    unitSize: s.unitSize,
    fixedPrice: s.priceOverride,
    margin: { percent: decimalToString(margin.margin), scope: margin.scope },
    status: statusOf(s),
    active: s.active,
    disabledReason: s.disabledReason,
    removed: s.removed,
    mode: s.mode,
  };
}

async function detailOf(deps: ServicesAreaDeps, mid: number): Promise<ServiceDetail> {
  const service = await deps.catalog.findByMid(mid);
  if (!service) throw new AppError("catalog.unknown_mid", `no service with shop number ${mid}`);
  const [suppliers, rules, backups, twins] = await Promise.all([
    deps.providers.list(),
    deps.catalog.pricingRules(),
    deps.catalogManagement.backups(mid),
    service.active ? Promise.resolve([]) : deps.catalogManagement.twins(mid),
  ]);
  const names = new Map(suppliers.map((p) => [p.id, p.name]));
  const supplier = suppliers.find((p) => p.id === service.providerId);
  const margin = marginSourceOf(rules, service);
  return {
    service: { ...service, supplier: names.get(service.providerId) ?? null, status: statusOf(service) },
    // The cost as the supplier prices it, for a supplier outside rupiah: unitCost is it converted.
    supplierCost:
      supplier && supplier.currency !== "IDR"
        ? { amount: service.costRate, currency: supplier.currency, rateToIdr: supplier.rateToIdr }
        : null,
    margin: { percent: decimalToString(margin.margin), scope: margin.scope },
    backups: backups.map((b) => listItem(b, names.get(b.providerId), rules)),
    // A service not on sale may be another supplier's twin: offered to be kept as its backup.
    twins: twins
      .filter((t) => !backups.some((b) => b.id === t.id))
      .map((t) => ({ ...listItem(t, names.get(t.providerId), rules), similarity: t.similarity })),
  };
}

/** The services this area is given (admin.areas.ts). */
export type ServicesAreaDeps = Pick<AdminServices, "catalog" | "catalogManagement" | "providers">;

/**
 * Services. view: the paged, filtered list (filtering and paging in SQLite: a 20k-service shop sends
 * 20 rows) and one service with its margin and backups; manage: name, description, manual or
 * automatic fulfilment, a fixed price or a margin (never below cost: the catalog refuses it),
 * selling it or not, and backup suppliers. The catalog audits each change.
 */
export const servicesArea: AdminArea<ServicesAreaDeps> = (api, deps) => {
  api.get("/services", requirePermission("view"), async (c) => {
    const { q, platform, category, supplierId, state, page, pageSize } = parseInput(ListQuery, c.req.query());
    const [result, suppliers, rules] = await Promise.all([
      deps.catalog.page(
        { text: q, platform, category, providerId: supplierId, state },
        { offset: page * pageSize, limit: pageSize },
      ),
      deps.providers.list(),
      deps.catalog.pricingRules(),
    ]);
    const names = new Map(suppliers.map((p) => [p.id, p.name]));
    return c.json({
      items: result.services.map((s) => listItem(s, names.get(s.providerId), rules)),
      total: result.total,
      page,
      pageSize,
    } satisfies ServicePage);
  });

  /**
   * One action on many services (the list's bulk select): sell, stop selling, or a fixed price.
   * Each service is changed (and audited) on its own; the ones refused say why, the rest stand.
   * A margin for many services goes through PUT /pricing/margins (with a preview first).
   */
  api.post("/services/bulk", requirePermission("manage"), async (c) => {
    const body = await jsonBody(c, BulkBody);
    const actor = c.get("admin").actor;
    const changed: number[] = [];
    const refused: Array<{ mid: number; code: string; message: string }> = [];
    for (const mid of new Set(body.mids)) {
      try {
        if (body.action === "price") await deps.catalogManagement.setFixedPrice(mid, body.fixedPrice, actor);
        else await deps.catalogManagement.setEnabled(mid, body.action === "enable", actor);
        changed.push(mid);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ mid, code: error.code, message: error.message });
      }
    }
    return c.json({ changed, refused } satisfies BulkResult);
  });

  api.get("/services/facets", requirePermission("view"), async (c) => {
    const [facets, suppliers] = await Promise.all([deps.catalog.facets(), deps.providers.list()]);
    const platforms = new Map<
      string,
      { platform: string; count: number; categories: Array<{ category: string; count: number }> }
    >();
    for (const f of facets) {
      const entry = platforms.get(f.platform) ?? { platform: f.platform, count: 0, categories: [] };
      entry.count += f.count;
      entry.categories.push({ category: f.category, count: f.count });
      platforms.set(f.platform, entry);
    }
    return c.json({
      platforms: [...platforms.values()],
      suppliers: suppliers.map((s) => ({ id: s.id, name: s.name })),
    } satisfies Facets);
  });

  api.get("/services/:mid", requirePermission("view"), async (c) =>
    c.json(await detailOf(deps, midParam(c.req.param("mid")))),
  );

  api.patch("/services/:mid", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const body = await jsonBody(c, DetailsBody);
    const actor = c.get("admin").actor;
    if (body.name !== undefined || body.description !== undefined)
      await deps.catalogManagement.setDetails(mid, { name: body.name, description: body.description }, actor);
    if (body.mode) await deps.catalogManagement.setMode(mid, body.mode!, actor);
    return c.json(await detailOf(deps, mid));
  });

  api.put("/services/:mid/price", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const { fixedPrice } = await jsonBody(c, PriceBody);
    await deps.catalogManagement.setFixedPrice(mid, fixedPrice, c.get("admin").actor);
    return c.json(await detailOf(deps, mid));
  });

  api.put("/services/:mid/margin", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const { margin } = await jsonBody(c, MarginBody);
    const actor = c.get("admin").actor;
    await (margin === null
      ? deps.catalogManagement.clearMargin({ scope: "service", mid }, actor)
      : deps.catalogManagement.setMargin({ scope: "service", mid }, margin, actor));
    return c.json(await detailOf(deps, mid));
  });

  api.put("/services/:mid/enabled", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const { enabled } = await jsonBody(c, EnabledBody);
    await deps.catalogManagement.setEnabled(mid, enabled, c.get("admin").actor);
    return c.json(await detailOf(deps, mid));
  });

  api.post("/services/:mid/backups", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const { backupMid } = await jsonBody(c, BackupBody);
    const backup = await requireService(deps, backupMid);
    const supplier = await deps.providers.getById(backup.providerId);
    await deps.catalogManagement.addBackup(mid, supplier!.name, backup.providerServiceId, c.get("admin").actor);
    return c.json(await detailOf(deps, mid));
  });

  /** One tap for an imported twin: this service is kept off the shelf as the backup of `mainMid`. */
  api.post("/services/:mid/keep-as-backup", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const { mainMid } = await jsonBody(c, KeepAsBackupBody);
    await deps.catalogManagement.keepAsBackup(mid, mainMid, c.get("admin").actor);
    return c.json(await detailOf(deps, mid));
  });

  api.delete("/services/:mid/backups/:backupMid", requirePermission("manage"), async (c) => {
    const mid = midParam(c.req.param("mid"));
    const backup = await requireService(deps, midParam(c.req.param("backupMid")));
    const supplier = await deps.providers.getById(backup.providerId);
    await deps.catalogManagement.removeBackup(mid, supplier!.name, backup.providerServiceId, c.get("admin").actor);
    return c.json(await detailOf(deps, mid));
  });
};

async function requireService(deps: ServicesAreaDeps, mid: number): Promise<Service> {
  const service = await deps.catalog.findByMid(mid);
  if (!service) throw new AppError("catalog.unknown_mid", `no service with shop number ${mid}`);
  return service;
}
