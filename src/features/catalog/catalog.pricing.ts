import {
  ceilDecimal,
  multiplyDecimals,
  parseDecimal,
  sellUnitPrice,
  toSafeNumber,
  type Decimal,
} from "../../shared/money.js";
import type { PriceRuleRow } from "./catalog.table.js";

/**
 * Margin rules, most specific first: a service's fixed price, then a margin for the service, its
 * category, its supplier, and the shop's default. Prices are computed exactly from the supplier's
 * rate and rounded up to the shop's step, so a margin of zero or more never sells below cost.
 */
export interface PricingRules {
  defaultMargin: Decimal;
  roundStep: number;
  byProvider: Map<number, Decimal>;
  byCategory: Map<string, Decimal>;
  byService: Map<number, Decimal>;
}

export function buildPricingRules(
  rows: readonly PriceRuleRow[],
  defaultMargin: string,
  roundStep: number,
): PricingRules {
  const rules: PricingRules = {
    defaultMargin: parseMargin(defaultMargin),
    roundStep,
    byProvider: new Map(),
    byCategory: new Map(),
    byService: new Map(),
  };
  for (const row of rows) {
    const margin = parseMargin(row.margin_percent);
    if (row.scope === "provider" && row.provider_id !== null) rules.byProvider.set(row.provider_id, margin);
    if (row.scope === "category" && row.category !== null) rules.byCategory.set(row.category.toLowerCase(), margin);
    if (row.scope === "service" && row.service_id !== null) rules.byService.set(row.service_id, margin);
  }
  return rules;
}

export function marginFor(
  rules: PricingRules,
  service: { id?: number | undefined; providerId: number; category: string },
): Decimal {
  return (
    (service.id !== undefined ? rules.byService.get(service.id) : undefined) ??
    rules.byCategory.get(service.category.toLowerCase()) ??
    rules.byProvider.get(service.providerId) ??
    rules.defaultMargin
  );
}

export interface UnitPricing {
  unitCost: number;
  unitPrice: number;
  /** Only a fixed price can be below cost; such a service must not be sold. */
  belowCost: boolean;
}

/** Cost and sell price per unit in rupiah from the supplier's rate (in its currency). */
export function priceUnit(input: {
  costRate: Decimal;
  rateToIdr: Decimal;
  margin: Decimal;
  roundStep: number;
  override: number | null;
}): UnitPricing {
  const unitCost = toSafeNumber(ceilDecimal(multiplyDecimals(input.costRate, input.rateToIdr)));
  if (input.override !== null) return { unitCost, unitPrice: input.override, belowCost: input.override < unitCost };
  const unitPrice = sellUnitPrice({
    costRate: input.costRate,
    rateToIdr: input.rateToIdr,
    marginPercent: input.margin,
    roundStep: input.roundStep,
  });
  return { unitCost, unitPrice, belowCost: false };
}

/** A margin is a non-negative percentage with at most 4 decimals ("25", "12.5"). */
export function parseMargin(text: string): Decimal {
  const margin = parseDecimal(text);
  if (!margin || margin.units < 0n || !/^\d{1,4}(\.\d{1,4})?$/.test(text.trim()))
    throw new RangeError(`margin must be a percentage of 0 or more, such as 25 or 12.5 (got ${text})`);
  return margin;
}

/** Which rule sets a service's margin, for showing it: the most specific that exists. */
export function marginSourceOf(
  rules: PricingRules,
  service: { id: number; providerId: number; category: string },
): { margin: Decimal; scope: "service" | "category" | "provider" | "default" } {
  const own = rules.byService.get(service.id);
  if (own) return { margin: own, scope: "service" };
  const category = rules.byCategory.get(service.category.toLowerCase());
  if (category) return { margin: category, scope: "category" };
  const provider = rules.byProvider.get(service.providerId);
  if (provider) return { margin: provider, scope: "provider" };
  return { margin: rules.defaultMargin, scope: "default" };
}
