import { z } from "zod";
import type { MarginScope, PreviewScope } from "../catalog/catalog.management.js";
import { decimalToString } from "../../shared/money.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody } from "./admin.http.js";
import type { MarginPreview, Margins, MarginsSaved, MarginTarget } from "./contracts/pricing.contract.js";

/** Which margin: the shop's default, one supplier's, one category's, or a chosen set of services. */
const Target = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("default") }),
  z.object({ scope: z.literal("supplier"), supplierId: z.number().int().positive() }),
  z.object({ scope: z.literal("category"), category: z.string().trim().min(1).max(200) }),
  z.object({ scope: z.literal("services"), mids: z.array(z.number().int().positive()).min(1).max(500) }),
]);
const MarginChange = z.object({ target: Target, margin: z.string().trim().max(12).nullable() });

async function scopeOf(deps: PricingAreaDeps, target: MarginTarget): Promise<PreviewScope> {
  switch (target.scope) {
    case "default":
      return { scope: "default" };
    case "supplier": {
      const supplier = await deps.providers.getById(target.supplierId);
      if (!supplier) throw new AppError("admin.not_found", `no supplier with id ${target.supplierId}`);
      return { scope: "provider", provider: supplier.name };
    }
    case "category":
      return { scope: "category", category: target.category };
    case "services":
      return { scope: "services", mids: [...new Set(target.mids)] };
  }
}

/** Sets (or, with null, removes) the margin of a scope; a set of services takes only a margin to set. */
async function applyMargin(deps: PricingAreaDeps, scope: PreviewScope, margin: string | null, actor: string) {
  if (scope.scope === "services") {
    if (margin === null) throw new AppError("admin.invalid_input", "give the margin to set on these services");
    return deps.catalogManagement.setServiceMargins(scope.mids, margin, actor);
  }
  if (margin !== null) return deps.catalogManagement.setMargin(scope, margin, actor);
  if (scope.scope === "default")
    throw new AppError("admin.invalid_input", "the shop's default margin can be changed, not removed");
  return deps.catalogManagement.clearMargin(scope as Exclude<MarginScope, { scope: "default" }>, actor);
}

/** The shop's margins as the app shows them: the default, each supplier's and each category's (null: none of its own). */
async function margins(deps: PricingAreaDeps): Promise<Margins> {
  const [rules, suppliers, facets] = await Promise.all([
    deps.catalog.pricingRules(),
    deps.providers.list(),
    deps.catalog.facets(),
  ]);
  const text = (d: Parameters<typeof decimalToString>[0] | undefined) => (d ? decimalToString(d) : null);
  // Category margins are matched without case, across platforms: one row per category name.
  const categories = new Map<string, { category: string; platforms: string[]; count: number; margin: string | null }>();
  for (const f of facets) {
    if (!f.category) continue;
    const key = f.category.toLowerCase();
    const entry = categories.get(key) ?? {
      category: f.category,
      platforms: [],
      count: 0,
      margin: text(rules.byCategory.get(key)),
    };
    entry.count += f.count;
    if (!entry.platforms.includes(f.platform)) entry.platforms.push(f.platform);
    categories.set(key, entry);
  }
  return {
    default: decimalToString(rules.defaultMargin),
    suppliers: suppliers.map((s) => ({ id: s.id, name: s.name, margin: text(rules.byProvider.get(s.id)) })),
    categories: [...categories.values()].sort((a, b) => a.category.localeCompare(b.category)),
  };
}

/** The services this area is given (admin.areas.ts). */
export type PricingAreaDeps = Pick<AdminServices, "catalog" | "catalogManagement" | "providers">;

/**
 * Margins beyond one service's (manage): the shop's default, per supplier and per category, and a
 * preview of any margin change (how many prices move, a few old → new, any at or below cost)
 * before it is saved. The catalog reprices and audits each change.
 */
export const pricingArea: AdminArea<PricingAreaDeps> = (api, deps) => {
  api.get("/pricing/margins", requirePermission("view"), async (c) => c.json(await margins(deps)));

  api.post("/pricing/margins/preview", requirePermission("manage"), async (c) => {
    const { target, margin } = await jsonBody(c, MarginChange);
    return c.json(
      (await deps.catalogManagement.previewMargin(await scopeOf(deps, target), margin)) satisfies MarginPreview,
    );
  });

  api.put("/pricing/margins", requirePermission("manage"), async (c) => {
    const { target, margin } = await jsonBody(c, MarginChange);
    const scope = await scopeOf(deps, target);
    const report = await applyMargin(deps, scope, margin, c.get("admin").actor);
    return c.json({
      repriced: report.repriced,
      disabledBelowCost: report.disabledBelowCost,
      margins: await margins(deps),
    } satisfies MarginsSaved);
  });
};
