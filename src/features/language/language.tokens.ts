import { normalizeText } from "../catalog/catalog.vocabulary.js";

/**
 * Turns text (a customer's message, a supplier's product name) into a stream of words and
 * numbers. Numbers are read the way Indonesians write them, so "10rb", "10k", "10.000" and
 * "10 ribu" are all 10000 — in a message and in a product name alike.
 */

export type Token = { kind: "word"; text: string } | { kind: "number"; value: number; text: string };

const TOKEN = /(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?:\s*(k|rb|ribu|jt|juta))?(?![a-z0-9])|[a-z0-9]+/g;

/** Lower case, accents off; apostrophes join ("i'd" → "id" would mislead, so they split). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of fold(text).matchAll(TOKEN)) {
    if (match[1] === undefined) {
      tokens.push({ kind: "word", text: match[0] });
      continue;
    }
    const value = numberValue(match[1], match[2]);
    if (value !== undefined) tokens.push({ kind: "number", value, text: match[0] });
  }
  return tokens;
}

/** "86" → 86, "10.000" → 10000, "2,5rb" → 2500, "1.5k" → 1500, "2 jt" → 2000000; fractions → undefined. */
export function numberValue(digits: string, suffix?: string): number | undefined {
  const multiplier = suffix === undefined ? 1 : suffix === "jt" || suffix === "juta" ? 1_000_000 : 1_000;
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(digits);
  const base = grouped ? Number(digits.replace(/[.,]/g, "")) : Number(digits.replace(",", "."));
  const value = Math.round(base * multiplier * 1000) / 1000;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Plain words of a text (numbers included as digits), for building word sets. */
export function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => (t.kind === "number" ? String(t.value) : t.text));
}

/**
 * The words as the intent rules read them: lower case, accents off, every other character a
 * space, so "1.000" is "1" and "000" (the rules cut numbers with their own patterns first).
 */
export function plainWords(text: string): string[] {
  return normalizeText(text).trim().split(" ").filter(Boolean);
}

/** `plainWords` joined and padded with one space each side, for matching whole phrases. */
export function plainText(text: string): string {
  return normalizeText(text);
}
