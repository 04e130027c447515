import type { Kind, Platform } from "../catalog/catalog.vocabulary.js";
import type { Intent } from "../language/language.understanding.js";
import * as W from "./rules-words.js";

/** What the slot pass found, for deciding the intent. `n` is the normalized message without links. */
export interface Signals {
  n: string;
  words: readonly string[];
  raw: string;
  platform: Platform | undefined;
  kind: Kind | undefined;
  mid: number | undefined;
  orderId: number | undefined;
  walletTopup: boolean;
  target: string | undefined;
  quantity: number | undefined;
  bareNumber: number | undefined;
}

const WAITING_WORDS: ReadonlySet<string> = new Set([
  "lama",
  "belum",
  "blm",
  "kok",
  "kapan",
  "pending",
  "nyampe",
  "sampai",
  "masuk",
  "gimana",
  "status",
]);

export const hasPhrase = (n: string, phrases: readonly string[]): boolean => phrases.some((p) => n.includes(` ${p} `));
export const hasWord = (words: readonly string[], set: ReadonlySet<string>): boolean => words.some((w) => set.has(w));

/**
 * The intent, by precedence: what names an order or a person first (those are never product
 * requests), then a shop number, stopping, the wallet, FAQ questions, order lists and balance,
 * then products and details, and the short social turns last.
 */
export function intentOf(s: Signals): Intent {
  const { n, words } = s;
  if (words.length === 0 && !s.target) return "unknown";
  if (s.orderId !== undefined) {
    if (asksRefund(words)) return "refund";
    if (hasWord(words, W.REFILL_WORDS) || hasWord(words, W.DROP_WORDS)) return "refill";
    if (hasPhrase(n, W.CANCEL_ANYWHERE)) return "cancel";
    return "order_status";
  }
  if (wantsHuman(words)) return "human";
  // "followers ig refund 100%" describes a product; every other mention of refunds asks about them.
  if (asksRefund(words) && !(s.platform && s.kind)) return "refund";
  if (wantsRefill(s)) return "refill";
  if (s.mid !== undefined) return "select";
  if (isCancel(n, words, s)) return "cancel";
  if (s.walletTopup) return "topup";
  if (isFaqQuestion(s)) return "question";
  if (hasPhrase(n, W.STATUS_PHRASES)) return "order_status";
  // "orderan ku kok lama": my orders, but asking why one is slow.
  if (hasPhrase(n, W.HISTORY_PHRASES)) return hasWord(words, WAITING_WORDS) ? "order_status" : "order_history";
  if (hasWord(words, W.BALANCE_WORDS) && !s.platform && (!s.kind || s.kind === "topup")) return "balance";
  if (s.platform || s.kind) return "browse";
  if (s.target || s.quantity !== undefined || s.bareNumber !== undefined) return "details";
  if (isSmalltalk(n, words)) return "smalltalk";
  if (isConfirm(words)) return "confirm";
  if (hasPhrase(n, W.HELP_PHRASES) || hasPhrase(withoutNya(words), W.HELP_PHRASES)) return "help";
  if (W.GREETING_WORDS.has(words[0]!) || n === " min ") return "greeting";
  if (hasWord(words, W.WANT_WORDS) || hasWord(words, W.WISH_WORDS)) return "browse";
  if (isQuestionForm(s.raw, words)) return "question";
  return "unknown";
}

/** "?" at the end, a question word first, or a tag question ("aman gak", "ada refill ga"). */
export function isQuestionForm(raw: string, words: readonly string[]): boolean {
  if (/\?\s*$/.test(raw)) return true;
  const first = words[0] ?? "";
  const last = words.at(-1) ?? "";
  return (
    W.QUESTION_STARTERS.has(first) ||
    ["gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "tidak", "kah", "apakah"].includes(last) ||
    /\w+kah$/.test(first)
  );
}

export function isFaqQuestion(s: Signals): boolean {
  if (hasPhrase(s.n, W.QUESTION_PHRASES) || hasPhrase(withoutNya(s.words), W.QUESTION_PHRASES)) return true;
  if (!isQuestionForm(s.raw, s.words) || asksForProduct(s.n)) return false;
  return (
    hasWord(s.words, W.QUESTION_TOPIC_WORDS) || (hasWord(s.words, W.ATTRIBUTE_TOPIC_WORDS) && !(s.platform && s.kind))
  );
}

/** "ada followers … yang …?", "do you have …": asking whether a product exists. */
function asksForProduct(n: string): boolean {
  return /^ (?:(?:kak|ka|gan|min|bang|sis|om|mas|mbak|halo|hi) )*(?:ada|jual|ready|sedia|do you (?:have|sell)) /.test(
    n,
  );
}

/** "belinya", "prosesnya" → "beli", "proses": the suffix is the definite article. */
function withoutNya(words: readonly string[]): string {
  return ` ${words.map((w) => (w.length > 5 && w.endsWith("nya") ? w.slice(0, -3) : w)).join(" ")} `;
}

function wantsHuman(words: readonly string[]): boolean {
  const meaningful = words.filter((w) => !W.FILLERS.has(w) || W.HUMAN_WHO.has(w)).join(" ");
  if (W.HUMAN_ALONE.includes(meaningful)) return true;
  // The person comes after the verb, within a few words: "bicara dengan admin", "talk to a human".
  const verb = words.findIndex((w) => W.HUMAN_VERBS.has(w));
  return verb >= 0 && words.slice(verb + 1, verb + 5).some((w) => W.HUMAN_WHO.has(w));
}

/** "refund dong", "minta refund", "uang saya kembali?", "my money back": a wish or a question, either way about refunds. */
function asksRefund(words: readonly string[]): boolean {
  if (hasWord(words, W.REFUND_WORDS)) return true;
  const money = words.findIndex((w) => W.MONEY_WORDS.has(w));
  return money >= 0 && words.slice(Math.max(0, money - 2), money + 4).some((w) => W.BACK_WORDS.has(w));
}

/** "minta refill", "followers saya turun": a refill asked for, not a question about refills. */
function wantsRefill(s: Signals): boolean {
  const question = isQuestionForm(s.raw, s.words);
  const asked = hasWord(s.words, W.REQUEST_VERBS);
  const mine = s.words.some((w) => ["saya", "aku", "gw", "gue", "my", "ku"].includes(w));
  // "followers ig refill 30 hari" wants a product with a refill guarantee.
  if (hasWord(s.words, W.REFILL_WORDS)) return asked || mine || (!question && !(s.platform && s.kind));
  const dropAt = s.words.findIndex((w) => W.DROP_WORDS.has(w));
  if (dropAt < 0 || question) return false;
  // "non drop", "gak drop", "anti drop" describe a product.
  const negated = ["non", "gak", "ga", "gk", "anti", "no", "tidak", "nggak", "tanpa", "low", "minim"].includes(
    s.words[dropAt - 1] ?? "",
  );
  return !negated && (asked || mine);
}

function isCancel(n: string, words: readonly string[], s: Signals): boolean {
  if (W.CANCEL_PHRASES.some((p) => n.startsWith(` ${p} `))) return true;
  return hasPhrase(n, W.CANCEL_ANYWHERE) && words.length <= 5 && !s.platform && !s.kind;
}

function isSmalltalk(n: string, words: readonly string[]): boolean {
  return hasPhrase(n, W.THANKS_PHRASES) || hasPhrase(n, W.SMALLTALK_PHRASES) || words.some((w) => W.LAUGHTER.test(w));
}

/** The whole message is a yes ("ya kak gas", "oke lanjut"), with no "no" in it. */
function isConfirm(words: readonly string[]): boolean {
  if (!W.CONFIRM_WORDS.has(words[0]!)) return false;
  return words.every((w) => (W.CONFIRM_WORDS.has(w) || W.FILLERS.has(w)) && !W.NO_WORDS.has(w));
}

/** A yes/no question's "no": "gak", "nggak kak", "no". */
export function isNo(words: readonly string[]): boolean {
  return (
    words.length > 0 &&
    words.some((w) => W.NO_WORDS.has(w)) &&
    words.every((w) => W.NO_WORDS.has(w) || W.FILLERS.has(w))
  );
}
