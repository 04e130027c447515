import { isGame } from "../catalog/catalog.games.js";
import type { Kind, Platform } from "../catalog/catalog.vocabulary.js";
import { readItems, type Item } from "./language.concepts.js";
import { questionLanguage } from "./language.detect.js";
import { NARROWER_KIND } from "./language.lexicon.js";
import { QUESTION_STOPWORDS } from "./language.stopwords.js";
import { ACCOUNT_LABELS, platformOfHost, withoutAccounts, withoutLinksAndHandles } from "./language.slots.js";
import { tokenize, wordsOf } from "./language.tokens.js";

/**
 * What a message says to retrieval: the product it describes (for the product search) and the
 * words of a question (for the FAQ search). Made here, beside the reading the intent rules use,
 * so the knowledge base ranks what it is handed and never reads text itself.
 */

/** What a customer's words say about the product they want; numbers only where they name one. */
export interface ProductReading {
  platform: Platform | undefined;
  kind: Kind | undefined;
  /** Concept tokens that describe the product beyond platform and kind (`cindonesia`, `btelkomsel`, `n86`). */
  descriptors: string[];
  /** Platform and kind tokens named in the words (`pinstagram`, `kfollowers`). */
  facets: string[];
  /** Words the lexicon does not know ("bronet", "xtra"): searched in names as written. */
  words: string[];
  cheap: boolean;
  /** The meaningful part, spelled right: what the embedder sees. */
  embedText: string;
  /** The words of `embedText` one by one, for the search to correct those the lexicon does not know. */
  embedWords: string[];
}

const DAY_WORDS = new Set(["hari", "day", "days", "d", "hr"]);
const TOPUP_PLATFORMS: ReadonlySet<string> = new Set(["pulsa", "data", "emoney", "pln"]);
const TOPUP_KINDS: ReadonlySet<string> = new Set(["diamonds", "membership", "topup"]);

/**
 * Reads a customer's message for product search: links, @usernames, phone numbers and player ids
 * go (a link's host still says the platform), greetings and fillers go, typos are read as the
 * word meant. Quantities of social-media services ("1000", "2rb") go; numbers that name a top-up
 * product ("86 diamond", "pulsa 50rb") and refill days ("30 hari") stay.
 */
export function readProductText(text: string): ProductReading {
  let hostPlatform: Platform | undefined;
  const stripped = withoutAccounts(text, (host) => {
    hostPlatform ??= platformOfHost(host.toLowerCase());
  });
  const items = readItems(tokenize(stripped), { fuzzy: true });
  const concepts = items.flatMap((item) => (item.kind === "concept" ? [item.concept] : []));
  const platform = (concepts.find((c) => c.role === "platform")?.value as Platform | undefined) ?? hostPlatform;
  const kind = chooseKind(concepts.filter((c) => c.role === "kind").map((c) => c.value as Kind));
  const productNumbers = namesProducts(
    platform,
    kind,
    concepts.some((c) => c.role === "brand"),
  );

  const descriptors: string[] = [];
  const facets: string[] = [];
  const words: string[] = [];
  const spoken: string[] = [];
  for (const item of items) {
    if (item.kind === "number") {
      if (!keepsNumber(item, productNumbers)) continue;
      descriptors.push(`n${item.value}`);
      spoken.push(String(item.value));
    } else if (item.kind === "word") {
      words.push(item.text);
      spoken.push(item.text);
    } else if (item.concept.role !== "cheap") {
      (item.concept.role === "platform" || item.concept.role === "kind" ? facets : descriptors).push(
        item.concept.token,
      );
      spoken.push(item.concept.aliases[0]!);
    }
  }
  if (hostPlatform && platform === hostPlatform && !facets.some((f) => f.startsWith("p")))
    spoken.unshift(hostPlatform.replace(/_/g, " "));
  return {
    platform,
    kind,
    descriptors: unique(descriptors),
    facets: unique(facets),
    words: unique(words),
    cheap: concepts.some((c) => c.role === "cheap"),
    embedText: unique(spoken).join(" "),
    embedWords: unique(spoken).join(" ").split(" ").filter(Boolean),
  };
}

/** The narrower of two kinds said together ("viewers story" → story views); else the first named. */
function chooseKind(kinds: readonly Kind[]): Kind | undefined {
  const strong: readonly Kind[] = kinds.filter((k) => k !== "topup");
  const narrow = strong.find((k) => NARROWER_KIND[k] !== undefined && strong.includes(NARROWER_KIND[k]!));
  return narrow ?? strong[0] ?? kinds[0];
}

/** Top-ups are sold by the item, so their numbers are products; true when unknown (nothing to lose). */
function namesProducts(platform: string | undefined, kind: string | undefined, brand: boolean): boolean {
  if (brand || (platform && (isGame(platform) || TOPUP_PLATFORMS.has(platform))) || (kind && TOPUP_KINDS.has(kind)))
    return true;
  return platform === undefined && kind === undefined;
}

function keepsNumber(item: Extract<Item, { kind: "number" }>, productNumbers: boolean): boolean {
  if (item.previous && ACCOUNT_LABELS.has(item.previous)) return false;
  if (item.next && DAY_WORDS.has(item.next)) return true;
  return productNumbers && item.value > 0;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Words of a FAQ question for the FAQ search: meanings (typos forgiven) and also every word as
 * written, because FAQ texts are prose and their titles say the same words ("How to pay").
 */
export function readQuestionText(text: string): { descriptors: string[]; words: string[]; embedText: string } {
  const tokens = tokenize(withoutLinksAndHandles(text));
  const items = readItems(tokens, { fuzzy: true, stopwords: QUESTION_STOPWORDS });
  const descriptors = unique(items.flatMap((i) => (i.kind === "concept" ? [i.concept.token] : [])));
  const plain = tokens.flatMap((t) =>
    t.kind === "number" ? [String(t.value)] : QUESTION_STOPWORDS.has(t.text) ? [] : [t.text],
  );
  const words = unique([...items.flatMap((i) => (i.kind === "word" ? [i.text] : [])), ...plain]);
  return { descriptors, words, embedText: wordsOf(text).join(" ") };
}

/** One meaningful word of a question: what it means (when the lexicon knows) and whether that took a typo guess. */
export interface QuestionUnit {
  word: string;
  concept: string | undefined;
  guessed: boolean;
}

/** The words of a question one by one, for judging how much of it a FAQ document covers. */
export function questionUnits(text: string): QuestionUnit[] {
  const units = new Map<string, QuestionUnit>();
  for (const token of tokenize(withoutLinksAndHandles(text))) {
    if (token.kind !== "word" || QUESTION_STOPWORDS.has(token.text)) continue;
    const exact = readItems([token], { fuzzy: false, stopwords: QUESTION_STOPWORDS })[0];
    const read =
      exact?.kind === "concept" ? exact : readItems([token], { fuzzy: true, stopwords: QUESTION_STOPWORDS })[0];
    if (!read) continue;
    const unit =
      read.kind === "concept"
        ? { word: token.text, concept: read.concept.token, guessed: read !== exact }
        : { word: read.kind === "word" ? read.text : token.text, concept: undefined, guessed: false };
    units.set(unit.concept ?? unit.word, unit);
  }
  return [...units.values()];
}

/** A question read for the FAQ search: its search terms, its words one by one, and its language. */
export interface QuestionReading {
  descriptors: string[];
  words: string[];
  embedText: string;
  units: QuestionUnit[];
  /** The language the question's words say, undefined when they do not. */
  language: "id" | "en" | undefined;
}

export function readQuestion(text: string): QuestionReading {
  return { ...readQuestionText(text), units: questionUnits(text), language: questionLanguage(wordsOf(text)) };
}
