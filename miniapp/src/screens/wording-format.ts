import { PLATFORM_LABELS } from "../../../src/features/catalog/catalog.platforms";
import type { LedgerDescription } from "./orders.types";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** A key's text, or `fallback` when the app has none (translate shows a missing key as itself). */
function textOr(t: Translate, key: string, fallback: string, vars?: Record<string, string | number>): string {
  const text = t(key, vars);
  return text === key ? fallback : text;
}

/** Why a wallet entry exists, in the admin's language: "Refund: 1.500 dari 5.000 tidak terkirim". */
export function ledgerTitle(t: Translate, number: (n: number) => string, d: LedgerDescription): string {
  return t(`ledger.kind.${d.kind}`, Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, number(v)])));
}

/** What a person wrote with the entry, quoted: a supplier's words or an admin's reason. */
export function ledgerQuote(t: Translate, d: LedgerDescription): string | null {
  if (!d.text) return null;
  return t(
    d.kind === "refund_not_placed" || d.kind === "refund_supplier_canceled"
      ? "ledger.text.supplier"
      : "ledger.text.reason",
    { text: d.text },
  );
}

/** "free_fire" → "Free Fire"; names that differ by language ("Paket data") from the app's texts. */
export function platformName(t: Translate, slug: string): string {
  const brand = (PLATFORM_LABELS as Record<string, string>)[slug];
  return textOr(t, `platform.${slug}`, brand ?? slug);
}

/** An audit field ("marginPercent", "options.refill") by its label, the last part deciding. */
export function auditFieldLabel(t: Translate, field: string): string {
  return textOr(t, `audit.field.${field}`, textOr(t, `audit.field.${field.split(".").at(-1)}`, field));
}
