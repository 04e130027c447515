import type { SupplierErrorClass } from "./provider.types.js";

/**
 * Supplier error messages come in two families (English text on older panels, i18n keys such as
 * `neworder.error.not_enough_funds` on current Perfect Panel builds) plus Indonesian panels' own
 * wording. All are matched case-insensitively into one set. Order matters: the duplicate-link key
 * contains the link key.
 */
const PATTERNS: ReadonlyArray<readonly [SupplierErrorClass, RegExp]> = [
  [
    "duplicate_active_link",
    /active order with this link|link_duplicate|order (?:is )?already (?:running|active)|pesanan aktif/i,
  ],
  [
    "auth",
    /api key|api_key|invalid key|incorrect key|wrong key|unauthori[sz]ed|error\.key|signature|ip (?:not|tidak)/i,
  ],
  [
    "insufficient_funds",
    /not enough (?:funds|balance)|not_enough_funds|insufficient|(?:do not|don'?t) have enough (?:funds|balance)|low balance|saldo\b.{0,24}(?:tidak (?:cukup|mencukupi)|kurang|habis)|balance (?:is )?(?:too low|not enough)/i,
  ],
  [
    "invalid_service",
    /incorrect service|invalid service|incorrect_service_id|service (?:not found|disabled|unavailable)|layanan tidak/i,
  ],
  ["invalid_link", /bad link|incorrect link|invalid link|neworder\.error\.link|target tidak valid|link tidak valid/i],
  ["quantity_range", /quantity (?:less|more)|min_quantity|max_quantity|minimal|maksimal|minimum|maximum/i],
  ["not_found", /incorrect order id|order not found|refill not found|not found|tidak ditemukan/i],
];

export function classifySupplierError(message: string): SupplierErrorClass {
  for (const [errorClass, pattern] of PATTERNS) if (pattern.test(message)) return errorClass;
  return "unknown";
}
