import { detectKind, detectPlatform } from "../catalog/catalog.vocabulary.js";
import { asReading, type Reading } from "../language/language.reading.js";
import { ACCOUNT_LABEL_WORDS, parseAccount } from "../language/language.slots.js";
import { hasWord, intentOf, isNo, isQuestionForm } from "./rules-intent.js";
import { isDigitalPlatform, isTopupPlatform, refineProduct } from "./rules-product.js";
import { DURATION, isExplained, isNoise } from "./rules-query.js";
import { isWalletTopup, takeOrderRef, topupAccount } from "./rules-references.js";
import {
  AMOUNT,
  BARE_NUMBER,
  EXPLICIT_MID,
  PICK_MID,
  QUANTITY,
  toQuantity,
  YANG_MID,
} from "../language/language.slots.js";
import { emptyUnderstanding, type DialogContext, type Understanding } from "../language/language.understanding.js";
import * as W from "./rules-words.js";

export type { Intent, Understanding } from "../language/language.understanding.js";
export { toQuantity } from "../language/language.slots.js";
export { detectLanguage } from "../language/language.detect.js";

/**
 * Reads a customer message with rules only: what they want to do and the slots they gave (a shop
 * number, a link or @username, a quantity, a platform, a kind, an order number, a top-up amount).
 * Several slots can come in one message ("ID 12 https://instagram.com/budi 1000"). This is the
 * path with no LLM at all, and the one the assistant falls back to. The message comes read by the
 * language module (`readText`): the rules cut their slots from that reading and never tokenise.
 */
export interface RuleReading {
  understanding: Understanding;
  /** Words the rules could not place (not a filler, keyword, product word, slot or number). */
  unexplained: string[];
  /** Every word was placed and nothing in the message makes the reading doubtful: no LLM needed. */
  confident: boolean;
}

export function understand(message: string | Reading, context?: DialogContext): Understanding {
  return readMessage(message, context).understanding;
}

const MAX_CONFIDENT_WORDS = 12;

export function readMessage(message: string | Reading, context?: DialogContext): RuleReading {
  const reading = asReading(message);
  const text = reading.text.trim();
  const vocabularyText = reading.vocabularyText;
  // A top-up (game or digital) is sold per item: "86" names the product and "12345678 (1234)" the account.
  const topupContext = isTopupMessage(vocabularyText);
  // The link or @username is already cut: what is left is cut here, in the order the rules need.
  const cut = reading.cut();
  const url = reading.link;
  const username = reading.handle;
  const plain = reading.normalized;
  const words = reading.words;
  const orderId = takeOrderRef(cut, words);
  const { platform, kind } = refineProduct({
    platform: detectPlatform(withoutTimesSign(cut.vocabulary())),
    kind: detectKind(cut.vocabulary()),
    text: vocabularyText,
    normalized: reading.vocabularyNormalized,
    url,
  });
  const walletTopup = orderId === undefined && !topupContext && isWalletTopup(plain, words, platform, kind, cut.rest());
  const amountMatch = walletTopup ? AMOUNT.exec(cut.rest()) : null;
  if (amountMatch) cut.take(AMOUNT);
  const account = topupContext && !url && !username ? topupAccount(cut.rest()) : undefined;
  const midText =
    topupContext || walletTopup
      ? undefined
      : (cut.take(EXPLICIT_MID, 1) ??
        cut.take(PICK_MID, 1) ??
        (!platform && !kind ? cut.take(YANG_MID, 1) : undefined));
  const quantities =
    topupContext || walletTopup
      ? []
      : [...cut.rest().replace(DURATION, " ").matchAll(QUANTITY)].map((m) => toQuantity(m[1]!, m[2]));
  const bareNumber =
    !topupContext &&
    !url &&
    !username &&
    !midText &&
    orderId === undefined &&
    !walletTopup &&
    BARE_NUMBER.test(cut.rest())
      ? quantities[0]
      : undefined;

  const u: Understanding = {
    ...emptyUnderstanding("rules"),
    platform,
    kind,
    mid: midText === undefined ? undefined : Number(midText),
    target: url ?? username ?? account?.target,
    zone: account?.zone,
    account: account ?? (url || username ? undefined : parseAccount(cut.rest())),
    quantity: bareNumber === undefined ? quantities.find((q) => q !== undefined && q > 0) : undefined,
    bareNumber,
    orderId,
    amount: amountMatch ? toQuantity(amountMatch[1]!, amountMatch[2]) : undefined,
    language: reading.detected,
  };
  u.intent = intentOf({
    n: plain,
    words,
    raw: text,
    platform,
    kind,
    mid: u.mid,
    orderId,
    walletTopup,
    target: u.target,
    quantity: u.quantity,
    bareNumber,
  });
  const injection = W.INJECTION_MARKERS.some((marker) => marker.test(text));
  if (injection) resistInjection(u, text);
  applyContext(u, words, context);
  if (u.intent === "topup" || u.intent === "balance") {
    // The wallet is not a product: "isi saldo" must not search the catalog for top-ups.
    u.platform = undefined;
    u.kind = undefined;
  }

  const restWords = cut
    .words({ amountsSpelled: topupContext && isDigitalPlatform(platform) })
    .filter(
      (w) =>
        !(
          account &&
          (ACCOUNT_LABEL_WORDS.has(w) || w === account.target.toLowerCase() || w === account.zone?.toLowerCase())
        ),
    );
  const durations = new Set([...cut.rest().matchAll(DURATION)].map((m) => m[1]!));
  const descriptive = restWords.filter((w) => !isNoise(w, topupContext, durations));
  if (u.intent === "browse" || u.intent === "question")
    u.query = descriptive.length > 0 ? descriptive.join(" ") : undefined;

  const unexplained = restWords.filter((w) => !isExplained(w));
  const confident = !injection && isConfident(u, text, words, unexplained, descriptive, context);
  return { understanding: u, unexplained, confident };
}

/** A message about a top-up: it names a game or a digital product line, or a game currency. */
function isTopupMessage(message: string): boolean {
  const kind = detectKind(message);
  return isTopupPlatform(detectPlatform(message)) || kind === "diamonds" || kind === "membership";
}

/**
 * An attempt to instruct the bot: no shop number, order, amount or money-moving intent is taken
 * from it. A product it still asks for is read as browsing, unless it is an order to set a price.
 */
function resistInjection(u: Understanding, text: string): void {
  // A kind is what makes it a product request: "admin telegram id" names a platform, "top up my wallet" only a way of paying.
  u.intent = !W.PRICE_COMMAND.test(text) && u.kind !== undefined && u.kind !== "topup" ? "browse" : "unknown";
  u.mid = undefined;
  u.orderId = undefined;
  u.amount = undefined;
}

/** "x 1000" / "2 x" is a multiplication sign, not X (Twitter). */
function withoutTimesSign(text: string): string {
  return text.replace(/(?:^|\s)x(?=\s*\d)|(?<=\d\s*)x(?=\s|$)/gi, " ");
}

/** What the bot asked for settles what a bare number or a short "no" means. */
function applyContext(u: Understanding, words: readonly string[], context: DialogContext | undefined): void {
  switch (context?.awaiting) {
    case "pick":
      if (u.bareNumber !== undefined && u.bareNumber > 0 && u.bareNumber <= 9_999_999) {
        u.intent = "select";
        u.mid = u.bareNumber;
      }
      return;
    case "quantity":
      if (u.bareNumber !== undefined) u.quantity = u.bareNumber;
      return;
    case "account":
      if (u.account && (u.intent === "details" || u.intent === "unknown")) {
        u.intent = "details";
        u.target = u.account.target;
        u.zone = u.account.zone;
        u.quantity = undefined;
      }
      return;
    case "confirm":
      if (isNo(words)) u.intent = "cancel";
      return;
    default:
  }
}

/**
 * Confident: every word was placed and nothing makes the reading doubtful. A product request may
 * carry a few descriptive words (they become the search query) but no contrast ("bukan ig, tiktok")
 * and no question; long messages always go to the LLM when there is one.
 */
function isConfident(
  u: Understanding,
  text: string,
  words: readonly string[],
  unexplained: readonly string[],
  descriptive: readonly string[],
  context: DialogContext | undefined,
): boolean {
  // A bare link or @username is unclear on its own ("what about it?"), and exactly the answer when the bot asked for the target.
  if (words.length === 0) return !u.target || context?.awaiting === "target" || context?.awaiting === "account";
  if (words.length > MAX_CONFIDENT_WORDS || u.intent === "unknown") return false;
  if (u.intent === "browse") {
    // "berapa harga …?" asks for the product list; other questions about a product may be FAQ questions.
    const priceAsk = /\b(?:harga|price|prices|how much|berapa|brp|pricelist)\b/i.test(text);
    const doubtful =
      hasWord(words, W.CONTRAST_WORDS) || (isQuestionForm(text, words) && !priceAsk) || descriptive.length > 3;
    return (
      !doubtful &&
      (u.platform !== undefined || u.kind !== undefined) &&
      unexplained.every((w) => descriptive.includes(w))
    );
  }
  if (hasWord(words, W.CONTRAST_WORDS)) return false;
  return unexplained.length === 0;
}
