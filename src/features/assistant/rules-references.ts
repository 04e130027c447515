import { parseAccount } from "../language/language.slots.js";
import { hasPhrase, hasWord } from "./rules-intent.js";
import {
  AMOUNT,
  HASH_REF,
  measureFollows,
  ORDER_REF,
  REFILL_REF,
  toQuantity,
  type Cutter,
} from "../language/language.slots.js";
import * as W from "./rules-words.js";

/**
 * The numbers that refer to something other than a product or a quantity: an existing order
 * ("pesanan 12"), a wallet top-up amount ("isi saldo 50rb"), a top-up account ("12345678 (1234)").
 */

/**
 * An order number: after an order noun ("pesanan 12"), after a refill word ("refill 12"), or "#12"
 * next to a status word. Plain "order 12" is a purchase ("order 1000 followers") unless the message
 * asks about an order, and a number followed by a product word is a quantity.
 */
export function takeOrderRef(cut: Cutter, words: readonly string[]): number | undefined {
  const aboutOrder =
    hasWord(words, W.STATUS_WORDS) ||
    hasPhrase(` ${words.join(" ")} `, ["follow up", "followup"]) ||
    hasWord(words, W.REFILL_WORDS) ||
    hasWord(words, W.REFUND_WORDS) ||
    hasWord(words, W.DROP_WORDS) ||
    hasPhrase(` ${words.join(" ")} `, W.CANCEL_ANYWHERE);
  const match = ORDER_REF.exec(cut.rest());
  if (
    match &&
    !measureFollows(cut.rest(), match) &&
    (match[1]!.toLowerCase() !== "order" || aboutOrder || match[0].includes("#"))
  ) {
    cut.take(ORDER_REF);
    return Number(match[2]);
  }
  const refill = hasWord(words, W.REFILL_WORDS) ? REFILL_REF.exec(cut.rest()) : null;
  if (refill && !measureFollows(cut.rest(), refill)) {
    cut.take(REFILL_REF);
    return Number(refill[1]);
  }
  const hash = aboutOrder ? cut.take(HASH_REF, 1) : undefined;
  return hash === undefined ? undefined : Number(hash);
}

/** "isi saldo 50rb", "deposit 25k", "top up saldo 100.000"; never a game or e-money top-up, which names its platform. */
export function isWalletTopup(
  n: string,
  words: readonly string[],
  platform: string | undefined,
  kind: string | undefined,
  rest: string,
): boolean {
  if (platform || (kind && kind !== "topup")) return false;
  if (words.includes("deposit") || words.includes("depo")) return true;
  if (hasPhrase(n, W.TOPUP_VERBS) && hasWord(words, W.BALANCE_WORDS)) return true;
  // "top up 50rb" with no platform: a wallet amount when it is large enough to be rupiah.
  const amount = AMOUNT.exec(rest);
  const value = amount ? toQuantity(amount[1]!, amount[2]) : undefined;
  return hasPhrase(n, ["top up", "topup", "topap"]) && value !== undefined && value >= 1_000;
}

/**
 * The account in a top-up message. A lone 4-5 digit number is the product ("mobile legends 2195"),
 * not a player id, unless it is labelled ("id 12345").
 */
export function topupAccount(text: string): { target: string; zone: string | undefined } | undefined {
  const account = parseAccount(text);
  if (account && /^\d{4,5}$/.test(account.target) && account.zone === undefined && !/\b(?:id|uid)\b/i.test(text))
    return undefined;
  return account;
}
