import { toQuantity, URL_PATTERN } from "../language/language.slots.js";

/**
 * The post-check on a composed answer: every number, price, duration and percentage in it must be
 * in the documents it was composed from, and so must every link and @handle. A model that
 * "remembers" a refund policy or computes a price makes the answer fail; the caller then shows
 * the document itself (Moffatt v. Air Canada: the shop answers for what its bot says).
 */
type FactKind = "money" | "percent" | "duration" | "plain";

interface Fact {
  kind: FactKind;
  value: number;
  /** The time unit of a duration ("15 menit" and "15 minutes" are the same fact, "15 jam" is not). */
  unit: string | undefined;
  text: string;
}

const TIME_UNITS: ReadonlyArray<readonly [string, RegExp]> = [
  ["second", /^(?:detik|seconds?|secs?)$/],
  ["minute", /^(?:menit|minutes?|mins?)$/],
  ["hour", /^(?:jam|hours?|hrs?)$/],
  ["day", /^(?:hari|days?)$/],
  ["week", /^(?:minggu|weeks?)$/],
  ["month", /^(?:bulan|months?)$/],
  ["year", /^(?:tahun|years?)$/],
];

const DURATION_UNITS =
  "detik|seconds?|secs?|menit|minutes?|mins?|jam|hours?|hrs?|hari|days?|minggu|weeks?|bulan|months?|tahun|years?";
const FACT = new RegExp(
  `(rp\\.?\\s*|idr\\s*)?(\\d+(?:[.,]\\d+)*)\\s*(%|persen|percent|rb|ribu|k|jt|juta|${DURATION_UNITS})?(?![a-z0-9])`,
  "gi",
);
// "1. Pilih produk": a list marker is layout, not a fact.
const LIST_MARKER = /^\s*\d{1,2}[.)]\s+/gm;

export function factsIn(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const m of text.replace(LIST_MARKER, " ").replace(new RegExp(URL_PATTERN.source, "gi"), " ").matchAll(FACT)) {
    const [whole, currency, digits, rawUnit] = m;
    const unit = rawUnit?.toLowerCase();
    const multiplied = unit && /^(?:rb|ribu|k|jt|juta)$/.test(unit);
    const value = toQuantity(digits!, multiplied ? unit : undefined) ?? Number(digits!.replace(",", "."));
    if (!Number.isFinite(value)) continue;
    const kind: FactKind =
      currency || multiplied
        ? "money"
        : unit && /^(?:%|persen|percent)$/.test(unit)
          ? "percent"
          : unit
            ? "duration"
            : "plain";
    facts.push({
      kind,
      value,
      unit: kind === "duration" ? TIME_UNITS.find(([, pattern]) => pattern.test(unit!))?.[0] : undefined,
      text: whole.trim(),
    });
  }
  return facts;
}

/** What in the answer the documents do not say; empty when the answer is grounded. */
export function ungroundedFacts(answer: string, documents: readonly string[]): string[] {
  const source = documents.join("\n");
  const known = factsIn(source);
  const missing = factsIn(answer)
    .filter(
      (f) =>
        !known.some((k) => k.value === f.value && (f.kind === "plain" || (k.kind === f.kind && k.unit === f.unit))),
    )
    .map((f) => f.text);
  const lowerSource = source.toLowerCase();
  const handles = [
    ...answer.matchAll(new RegExp(URL_PATTERN.source, "gi")),
    ...answer.matchAll(/(?<![\w/])@[A-Za-z0-9_.]{3,}/g),
  ]
    .sort((a, b) => a.index - b.index)
    .map((m) => m[0].replace(/[.,;:!?)\]]+$/, ""))
    .filter((h) => !lowerSource.includes(h.toLowerCase()));
  return [...missing, ...handles];
}
