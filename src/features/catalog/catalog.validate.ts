import { isPositive, parseDecimal, type Decimal } from "../../shared/money.js";
import type { ServiceCandidate } from "../providers/provider.types.js";
import { canonicalType } from "./catalog.order-forms.js";

/** A supplier row that passed validation, with its values coerced. */
export interface ValidService {
  providerServiceId: string;
  name: string;
  type: string;
  category: string;
  rate: Decimal;
  rateText: string;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  description: string;
  unit: "per_1000" | "per_item";
  brand: string;
  /** False when the supplier lists it but cannot sell it now. */
  available: boolean;
}

export type SkipCode =
  "missing_id" | "name_empty" | "min_invalid" | "max_invalid" | "min_above_max" | "rate_invalid" | "duplicate_id";

export interface SkippedRow {
  /** 1-based position in the supplier's list. */
  row: number;
  providerServiceId: string | undefined;
  code: SkipCode;
  reason: string;
}

/**
 * Checks every supplier row (name present, min ≤ max, positive whole quantities, a positive decimal
 * rate, a unique id) and keeps a reason for each one skipped, so the shop sees what it is not selling.
 */
export function validateServices(candidates: readonly ServiceCandidate[]): {
  valid: ValidService[];
  skipped: SkippedRow[];
} {
  const valid: ValidService[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();

  for (const [index, candidate] of candidates.entries()) {
    const row = index + 1;
    const id = idText(candidate.id);
    const reject = validationProblem(candidate, id, seen.get(id ?? ""));
    if (reject) {
      skipped.push({ row, providerServiceId: id, ...reject });
      continue;
    }
    seen.set(id!, row);
    valid.push({
      providerServiceId: id!,
      name: cleanName(candidate.name),
      type:
        typeof candidate.type === "string" && candidate.type.trim() ? canonicalType(candidate.type.trim()) : "Default",
      category: typeof candidate.category === "string" ? candidate.category.replace(/\s+/g, " ").trim() : "",
      rate: parseDecimal(candidate.rate)!,
      rateText: String(candidate.rate).trim(),
      min: positiveInt(minOf(candidate))!,
      max: positiveInt(maxOf(candidate))!,
      refill: truthy(candidate.refill),
      cancel: truthy(candidate.cancel),
      dripfeed: truthy(candidate.dripfeed),
      description: typeof candidate.description === "string" ? candidate.description.trim() : "",
      unit: candidate.unit ?? "per_1000",
      brand: typeof candidate.brand === "string" ? candidate.brand.trim() : "",
      available: candidate.available === undefined ? true : truthy(candidate.available),
    });
  }
  return { valid, skipped };
}

function validationProblem(
  candidate: ServiceCandidate,
  id: string | undefined,
  firstRow: number | undefined,
): { code: SkipCode; reason: string } | undefined {
  if (!id) return { code: "missing_id", reason: "service id is missing" };
  if (firstRow !== undefined)
    return { code: "duplicate_id", reason: `service id ${id} already appeared in row ${firstRow}` };
  if (!cleanName(candidate.name)) return { code: "name_empty", reason: "name is empty" };
  const min = positiveInt(minOf(candidate));
  if (min === undefined)
    return { code: "min_invalid", reason: `min is not a positive whole number (got ${show(candidate.min)})` };
  const max = positiveInt(maxOf(candidate));
  if (max === undefined)
    return { code: "max_invalid", reason: `max is not a positive whole number (got ${show(candidate.max)})` };
  if (min > max) return { code: "min_above_max", reason: `min ${min} is greater than max ${max}` };
  const rate = parseDecimal(candidate.rate);
  if (!rate || !isPositive(rate))
    return { code: "rate_invalid", reason: `rate is not a positive number (got ${show(candidate.rate)})` };
  return undefined;
}

/** Products sold per item (top-ups) are bought one at a time when the supplier states no limits. */
function minOf(candidate: ServiceCandidate): unknown {
  return candidate.min ?? (candidate.unit === "per_item" ? 1 : undefined);
}

function maxOf(candidate: ServiceCandidate): unknown {
  return candidate.max ?? (candidate.unit === "per_item" ? 1 : undefined);
}

function cleanName(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "";
}

function idText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim()) return value.trim();
  return undefined;
}

function positiveInt(value: unknown): number | undefined {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,12}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

function truthy(value: unknown): boolean {
  return (
    value === true ||
    value === 1 ||
    (typeof value === "string" && ["1", "true", "yes"].includes(value.trim().toLowerCase()))
  );
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
