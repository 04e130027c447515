import { readItems } from "../language/language.concepts.js";
import type { ConceptRole } from "../language/language.lexicon.js";
import { tokenize } from "../language/language.tokens.js";

/** How much one occurrence of a meaning counts against a plain word (1). */
const CONCEPT_WEIGHT: Record<ConceptRole, number> = { platform: 3, kind: 3, brand: 2, word: 1.5, cheap: 1, filler: 0 };
const TRIGRAM_WEIGHT = 0.35;

/**
 * What the local embedder hashes: meanings from the id/en lexicon ("pengikut" and "followers" are
 * one feature), plain words, and character trigrams of words the lexicon does not know, so a
 * misspelling or an unknown brand still lands near its neighbours. Deterministic and offline.
 */
export function embeddingFeatures(text: string): Array<readonly [string, number]> {
  const features: Array<readonly [string, number]> = [];
  for (const item of readItems(tokenize(text), { fuzzy: false })) {
    if (item.kind === "concept") {
      features.push([item.concept.token, CONCEPT_WEIGHT[item.concept.role]]);
    } else if (item.kind === "number") {
      features.push([`n${item.value}`, 1.5]);
    } else {
      features.push([`w:${item.text}`, 1]);
      const padded = `#${item.text}#`;
      for (let i = 0; i + 3 <= padded.length; i++) features.push([`g:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT]);
    }
  }
  return features;
}
