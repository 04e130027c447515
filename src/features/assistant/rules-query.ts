import { detectKind, detectPlatform, VOCABULARY_WORDS } from "../catalog/catalog.vocabulary.js";
import { TOPUP_LINE_WORDS } from "./rules-product.js";
import * as W from "./rules-words.js";

/**
 * Sorting the words left after the slots are cut: which ones describe the product (they become
 * the search query) and which ones the rules could not place at all (then the LLM may read it).
 */
export const NUMERIC = /^\d+(?:k|rb|ribu|jt|juta|m)?$/;
// "refill 30 hari", "garansi 365 days": a duration describes the product; it is never a quantity.
export const DURATION = /(?<![\d.,])(\d{1,4})\s*(?:hari|days?|d|bulan|months?|minggu|weeks?|tahun|years?)\b/gi;
const BRAND_PLATFORMS: ReadonlySet<string> = new Set(["pulsa", "data", "emoney"]);

export function isNoise(word: string, topupContext: boolean, durations: ReadonlySet<string>): boolean {
  if (NUMERIC.test(word)) return !topupContext && !durations.has(word);
  if (["k", "rb", "ribu", "jt", "juta"].includes(word)) return true;
  if (TOPUP_LINE_WORDS.has(word)) return true;
  // In a top-up the currency ("86 diamond") and the operator ("telkomsel 50000") name the product.
  if (VOCABULARY_WORDS.has(word))
    return !(
      topupContext &&
      ((detectKind(word) !== undefined && detectPlatform(word) === undefined) ||
        BRAND_PLATFORMS.has(detectPlatform(word)!))
    );
  if (
    W.FILLERS.has(word) ||
    W.WANT_WORDS.has(word) ||
    W.QUESTION_PARTICLES.has(word) ||
    W.QUESTION_STARTERS.has(word) ||
    W.GREETING_WORDS.has(word)
  )
    return true;
  // A misspelt platform or kind ("instagarm", "foloers") is already read as one.
  return isMisspeltProduct(word);
}

// Fuzzy matching a word against every alias is the costly part of reading; words repeat a lot.
const misspelt = new Map<string, boolean>();
const MISSPELT_CACHE = 5_000;

/** "instagarm", "foloers": a word the vocabulary forgives as a typo of a platform or kind. */
function isMisspeltProduct(word: string): boolean {
  if (word.length < 5) return false;
  let known = misspelt.get(word);
  if (known === undefined) {
    known = detectPlatform(word) !== undefined || detectKind(word) !== undefined;
    if (misspelt.size >= MISSPELT_CACHE) misspelt.clear();
    misspelt.set(word, known);
  }
  return known;
}

export function isExplained(word: string): boolean {
  const base = word.endsWith("nya") && word.length > 5 ? word.slice(0, -3) : word;
  return [word, base].some(
    (w) =>
      NUMERIC.test(w) ||
      W.LAUGHTER.test(w) ||
      W.KNOWN_WORDS.has(w) ||
      VOCABULARY_WORDS.has(w) ||
      W.CONTRAST_WORDS.has(w) ||
      isMisspeltProduct(w),
  );
}
