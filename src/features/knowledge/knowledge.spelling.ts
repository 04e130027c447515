import { withinEdits } from "../catalog/catalog.vocabulary.js";

export interface Spelling {
  /** The indexed word meant: itself when known or when nothing is close; else the closest, most common one. */
  correct(word: string): string;
  /** Whether the index holds the word as written. */
  knows(word: string): boolean;
}

/**
 * A spelling corrector over the words the index holds (names, categories, FAQ texts), for words
 * the lexicon does not know: "bronett" finds "bronet". One typo is forgiven (two from 8 letters);
 * short words and numbers are taken as written.
 */
export function createSpelling(terms: ReadonlyArray<{ term: string; doc: number }>): Spelling {
  const known = new Map(terms.map((t) => [t.term, t.doc]));
  const byLength = new Map<number, Array<{ term: string; doc: number }>>();
  for (const t of terms) {
    if (/\d/.test(t.term)) continue;
    const list = byLength.get(t.term.length) ?? [];
    list.push(t);
    byLength.set(t.term.length, list);
  }
  const memo = new Map<string, string>();

  return {
    knows: (word) => known.has(word),
    correct(word) {
      if (known.has(word) || word.length < 5 || /\d/.test(word)) return word;
      const cached = memo.get(word);
      if (cached !== undefined) return cached;
      const limit = word.length >= 8 ? 2 : 1;
      let best: { term: string; doc: number; distance: number } | undefined;
      for (let length = word.length - limit; length <= word.length + limit; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          const distance = withinEdits(word, candidate.term, 1)
            ? 1
            : limit === 2 && withinEdits(word, candidate.term, 2)
              ? 2
              : undefined;
          if (distance === undefined) continue;
          if (!best || distance < best.distance || (distance === best.distance && candidate.doc > best.doc))
            best = { ...candidate, distance };
        }
      }
      const corrected = best?.term ?? word;
      if (memo.size > 10_000) memo.clear();
      memo.set(word, corrected);
      return corrected;
    },
  };
}
