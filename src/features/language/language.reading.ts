import type { Platform } from "../catalog/catalog.vocabulary.js";
import { detectLanguage } from "./language.detect.js";
import { readProductText, readQuestion, type ProductReading, type QuestionReading } from "./language.retrieval.js";
import {
  cutterOver,
  numbersIn,
  parseAccount,
  platformOfLink,
  URL_PATTERN,
  USERNAME_PATTERN,
  withoutFalseFriends,
  type Cutter,
} from "./language.slots.js";
import { plainText, plainWords, tokenize, type Token } from "./language.tokens.js";

/**
 * One customer message, read once per turn by the language module and handed to every reader of
 * it: the intent rules (`assistant/rules-*`) cut their slots from it, the product search and the
 * FAQ search take their terms from it, the LLM guard checks numbers against it. The parts only some
 * turns need (the product and question readings, the numbers) are read the first time they are
 * asked for, so a turn that never searches pays nothing for search.
 */
export interface Reading {
  /** The message exactly as written. */
  readonly text: string;
  /** The language its words say; undefined when they do not say clearly. */
  readonly detected: "id" | "en" | undefined;
  /** The language to answer in: the one its words say, else the customer's (`locale`). */
  readonly language: "id" | "en" | undefined;
  /** The first link in it, without the punctuation that ends a sentence. */
  readonly link: string | undefined;
  /** The @username in it when there is no link, without a trailing full stop. */
  readonly handle: string | undefined;
  /** The platform the link points at ("vt.tiktok.com/…" → tiktok). */
  readonly linkPlatform: Platform | undefined;
  /** The text with the link (or the handle) cut out, padded with a space each side. */
  readonly rest: string;
  /** `rest` in lower case, accents and punctuation off, padded: for matching whole phrases. */
  readonly normalized: string;
  /** The words of `normalized`. */
  readonly words: readonly string[];
  /** The trimmed text without phrases whose words would be misread as a product ("I'd like to"). */
  readonly vocabularyText: string;
  /** `vocabularyText` in lower case, punctuation off, padded. */
  readonly vocabularyNormalized: string;
  /** The message cut at blanks, brackets, "|" and commas, quotes and closing punctuation off: its links, handles and ids as written. */
  readonly pieces: readonly string[];
  /** Every word of the message as written, links and handles included, in lower case. */
  readonly allWords: ReadonlySet<string>;
  /** The whole text as words and numbers, number forms read ("1rb", "1k", "1.000" → 1000). */
  readonly tokens: readonly Token[];
  /** Every value a number in the text can stand for; numbers inside links and handles left out. */
  readonly numbers: ReadonlySet<number>;
  /** A top-up account in the text, read as customers type them ("12345678 (1234)"). */
  readonly account: { target: string; zone: string | undefined } | undefined;
  /** The whole message read for the product search. */
  readonly product: ProductReading;
  /** The whole message read as a question to the shop's FAQ. */
  readonly question: QuestionReading;
  /**
   * What the product search reads: the search terms a reader left ("indonesia aktif" of "followers
   * ig indonesia aktif 1000"), or the whole message when it left none.
   */
  searchTerms(terms: string | undefined): ProductReading;
  /** A cutter over `rest`, for the slots a reader cuts in an order of its own. */
  cut(): Cutter;
}

/** Reads a customer message once; `locale` is the customer's language, kept when the words do not say. */
export function readText(text: string, locale?: "id" | "en"): Reading {
  const trimmed = text.trim();
  const first = cutterOver(` ${trimmed} `);
  // Punctuation that ends a sentence or separates slots is not part of a link or a username.
  const link = first.take(URL_PATTERN)?.replace(/[.,;:!?)\]]+$/, "");
  const handle = link ? undefined : first.take(USERNAME_PATTERN, 1)?.replace(/[.]+$/, "");
  const rest = first.rest();
  const normalized = plainText(rest);
  const detected = detectLanguage(trimmed);
  const vocabularyText = withoutFalseFriends(trimmed);
  const lazy = memo();
  const product = () => lazy("product", () => readProductText(text));
  return {
    text,
    detected,
    language: detected ?? locale,
    link,
    handle,
    get linkPlatform() {
      return lazy("linkPlatform", () => (link ? platformOfLink(link) : undefined));
    },
    rest,
    normalized,
    words: plainWords(rest),
    vocabularyText,
    get vocabularyNormalized() {
      return lazy("vocabularyNormalized", () => plainText(vocabularyText));
    },
    get pieces() {
      return lazy("pieces", () =>
        text
          .split(/[\s()|,]+/)
          .map((t) => t.replace(/^["'<[]+|[.,;:!?"'>\]]+$/g, ""))
          .filter(Boolean),
      );
    },
    get allWords() {
      return lazy("allWords", () => new Set(plainWords(text)));
    },
    get tokens() {
      return lazy("tokens", () => tokenize(text));
    },
    get numbers() {
      return lazy("numbers", () => numbersIn(text));
    },
    get account() {
      return lazy("account", () => parseAccount(text));
    },
    get product() {
      return product();
    },
    get question() {
      return lazy("question", () => readQuestion(text));
    },
    searchTerms(terms) {
      return terms === undefined ? product() : lazy(`terms:${terms}`, () => readProductText(terms));
    },
    cut: () => cutterOver(rest),
  };
}

/** The words of `other` (an LLM's search query) that the customer wrote too, in their order. */
export function wordsSaid(reading: Reading, other: string): string[] {
  return plainWords(other).filter((w) => reading.allWords.has(w));
}

/** A reading handed in, or the text read now (callers outside a chat turn: the CLI, tests). */
export function asReading(input: string | Reading): Reading {
  return typeof input === "string" ? readText(input) : input;
}

function memo() {
  const values = new Map<string, unknown>();
  return <T>(key: string, read: () => T): T => {
    if (!values.has(key)) values.set(key, read());
    return values.get(key) as T;
  };
}
