import { withinEdits } from "../catalog/catalog.vocabulary.js";
import { ALIAS_INDEX, EXPANSIONS, FUZZY_ALIASES, MAX_ALIAS_WORDS, type Concept } from "./language.lexicon.js";
import { STOPWORDS } from "./language.stopwords.js";
import type { Token } from "./language.tokens.js";

/** A token stream read against the lexicon: what each word means, in order. */
export type Item =
  | { kind: "concept"; concept: Concept }
  | { kind: "word"; text: string }
  | { kind: "number"; value: number; previous: string | undefined; next: string | undefined };

/**
 * Longest alias first, so "story views" is one meaning and "no refill" is not "refill". With
 * `fuzzy`, a word the lexicon does not know is matched with one typo (two in long words); product
 * names are read without it, because suppliers spell their own names right.
 */
export function readItems(
  input: readonly Token[],
  options: { fuzzy: boolean; stopwords?: ReadonlySet<string> },
): Item[] {
  const stopwords = options.stopwords ?? STOPWORDS;
  const tokens = input.flatMap((t): Token[] =>
    t.kind === "word" && EXPANSIONS.has(t.text) ? EXPANSIONS.get(t.text)!.map((text) => ({ kind: "word", text })) : [t],
  );
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === "number") {
      items.push({ kind: "number", value: token.value, previous: wordAt(tokens, i - 1), next: wordAt(tokens, i + 1) });
      i++;
      continue;
    }
    const run = wordRun(tokens, i);
    const phrase = matchPhrase(run, options.fuzzy);
    if (phrase) {
      if (phrase.concept.role !== "filler") items.push({ kind: "concept", concept: phrase.concept });
      // "weekly diamond pass" is a kind, and its "weekly" and "diamond" still tell it from "twilight pass".
      if (phrase.concept.role === "platform" || phrase.concept.role === "kind")
        items.push(...innerWords(run.slice(0, phrase.length), phrase.concept));
      i += phrase.length;
      continue;
    }
    const word = token.text;
    const known = variants(word)
      .map((v) => ALIAS_INDEX.get(v))
      .find((c) => c !== undefined);
    if (known) {
      if (known.role !== "filler") items.push({ kind: "concept", concept: known });
    } else if (!stopwords.has(word)) {
      const guess = options.fuzzy ? fuzzyConcept(word) : undefined;
      items.push(guess ? { kind: "concept", concept: guess } : { kind: "word", text: stem(word) });
    }
    i++;
  }
  return items;
}

/** What the words of a kind's name say besides the kind (a platform's name says nothing more). */
function innerWords(words: readonly string[], whole: Concept): Item[] {
  return words.flatMap((w): Item[] => {
    const c = ALIAS_INDEX.get(w);
    if (c?.role === "word" || (whole.role === "kind" && c?.role === "kind" && c !== whole))
      return [{ kind: "concept", concept: c }];
    return whole.role === "kind" && !c && !STOPWORDS.has(w) ? [{ kind: "word", text: w }] : [];
  });
}

function wordAt(tokens: readonly Token[], index: number): string | undefined {
  const t = tokens[index];
  return t?.kind === "word" ? t.text : undefined;
}

function wordRun(tokens: readonly Token[], start: number): string[] {
  const run: string[] = [];
  for (let i = start; i < tokens.length && run.length < MAX_ALIAS_WORDS; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word") break;
    run.push(t.text);
  }
  return run;
}

function matchPhrase(run: readonly string[], fuzzy: boolean): { concept: Concept; length: number } | undefined {
  for (let n = run.length; n >= 2; n--) {
    const phrase = run.slice(0, n).join(" ");
    // A typo'd phrase ("fre fire") has a word the lexicon does not know; "like views" is two known words.
    const typo = fuzzy && phrase.length >= 7 && run.slice(0, n).some((w) => !ALIAS_INDEX.has(w) && !STOPWORDS.has(w));
    const concept = ALIAS_INDEX.get(phrase) ?? (typo ? fuzzyPhrase(phrase) : undefined);
    if (concept) return { concept, length: n };
  }
  return undefined;
}

/** "bayarnya" → "bayar": the Indonesian "-nya" ("its", "the") does not change what a word asks for. */
function stem(word: string): string {
  return word.length > 5 && word.endsWith("nya") ? word.slice(0, -3) : word;
}

/** "garansinya" → "garansi"; "igg", "tiktokk", "likeee" → "ig", "tiktok", "like". */
function variants(word: string): string[] {
  const out = [word];
  if (word.length > 5 && word.endsWith("nya")) out.push(word.slice(0, -3));
  const collapsed = word.replace(/(.)\1+$/, "$1");
  if (collapsed !== word) out.push(collapsed);
  return out;
}

// Memo: customers repeat the same typos, and the lexicon never changes at run time.
const fuzzyMemo = new Map<string, Concept | null>();

function fuzzyConcept(word: string): Concept | undefined {
  if (word.length < 5 || /\d/.test(word)) return undefined;
  const cached = fuzzyMemo.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const limit = word.length >= 8 ? 2 : 1;
  let best: { concept: Concept; distance: number } | undefined;
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const [alias, concept] of FUZZY_ALIASES.get(length) ?? []) {
      if (alias.includes(" ")) continue;
      const distance = withinEdits(word, alias, 0)
        ? 0
        : withinEdits(word, alias, 1)
          ? 1
          : limit === 2 && withinEdits(word, alias, 2)
            ? 2
            : undefined;
      if (distance !== undefined && (!best || distance < best.distance)) best = { concept, distance };
    }
  }
  if (fuzzyMemo.size > 5_000) fuzzyMemo.clear();
  fuzzyMemo.set(word, best?.concept ?? null);
  return best?.concept;
}

function fuzzyPhrase(phrase: string): Concept | undefined {
  for (const length of [phrase.length - 1, phrase.length, phrase.length + 1]) {
    for (const [alias, concept] of FUZZY_ALIASES.get(length) ?? []) {
      if (alias.includes(" ") && alias.split(" ").length === phrase.split(" ").length && withinEdits(phrase, alias, 1))
        return concept;
    }
  }
  return undefined;
}
