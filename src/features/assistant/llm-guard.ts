import { LlmReading } from "./llm-schema.js";
import { asReading, wordsSaid, type Reading } from "../language/language.reading.js";
import { emptyUnderstanding, type Intent, type Understanding } from "../language/language.understanding.js";

/**
 * The LLM's reading treated like any other untrusted input (OWASP LLM05): validated with zod, and
 * every number or identifier it returns must be in the customer's message, or it is dropped. The
 * model can steer which products are shown; it cannot invent a product number, a link, a quantity,
 * an order or an amount, and it cannot start anything that moves money on its own: paying and
 * topping up the wallet are honoured only when the rule reader read the same.
 */
export interface GuardedReading {
  understanding: Understanding;
  /** Fields the model returned that were not in the message. */
  dropped: string[];
  /** The model's intent was replaced by the rules' (money-adjacent, or missing its slot). */
  overruled: boolean;
}

/** Intents that lead to paying or to a payment request: the rules must agree. */
const MONEY_ADJACENT: ReadonlySet<Intent> = new Set(["confirm", "topup"]);
const MAX_TARGET = 300;
const MAX_QUERY = 120;

/** Returns undefined when the output is not a reading at all (the caller falls back to the rules). */
export function guardReading(raw: unknown, read: string | Reading, rules: Understanding): GuardedReading | undefined {
  const parsed = LlmReading.safeParse(raw);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  const dropped: string[] = [];
  const reading = asReading(read);
  const numbers = reading.numbers;
  const number = (name: string, value: number | null): number | undefined => {
    if (value === null) return undefined;
    if (value > 0 && numbers.has(value)) return value;
    dropped.push(name);
    return undefined;
  };
  const token = (name: string, value: string | null): string | undefined => {
    if (value === null || value.trim() === "") return undefined;
    const found = tokenIn(reading, value);
    if (!found) dropped.push(name);
    return found;
  };

  const u: Understanding = {
    ...emptyUnderstanding("llm"),
    platform: r.platform ?? undefined,
    kind: r.kind ?? undefined,
    query: wordsIn(reading, r.query),
    mid: number("mid", r.mid),
    // A link or @username the rules cut out of the message is certain; the model may have missed it.
    target: token("target", r.target) ?? (rules.target && /^@|\./.test(rules.target) ? rules.target : undefined),
    zone: token("zone", r.zone),
    quantity: number("quantity", r.quantity),
    orderId: number("order_id", r.order_id),
    amount: number("amount", r.amount),
    bareNumber: rules.bareNumber,
    language: r.language ?? rules.language,
  };
  u.account = rules.account ?? (u.target && !/^@|\//.test(u.target) ? { target: u.target, zone: u.zone } : undefined);

  let intent: Intent = r.intent;
  let overruled = false;
  if (
    (MONEY_ADJACENT.has(intent) && rules.intent !== intent) ||
    (intent === "select" && u.mid === undefined) ||
    (intent === "details" && !hasDetails(u))
  ) {
    intent = rules.intent;
    overruled = true;
  }
  u.intent = intent;
  // An amount moves money: only the one the rules read, and only for a top-up.
  if (u.amount !== undefined && (intent !== "topup" || rules.amount !== u.amount)) {
    if (!dropped.includes("amount")) dropped.push("amount");
    u.amount = intent === "topup" ? rules.amount : undefined;
  }
  if (intent === "topup" && u.amount === undefined) u.amount = rules.amount;
  return { understanding: u, dropped, overruled };
}

function hasDetails(u: Understanding): boolean {
  return u.target !== undefined || u.quantity !== undefined || u.bareNumber !== undefined || u.zone !== undefined;
}

/**
 * The value as the customer wrote it, when it is one of the message's tokens: a link (with or
 * without its scheme or a trailing slash), an @username (with or without the @), a player id or zone.
 */
function tokenIn(reading: Reading, value: string): string | undefined {
  const wanted = comparable(value);
  if (!wanted || value.length > MAX_TARGET || /[\u0000-\u001f]/.test(value)) return undefined;
  return reading.pieces.find((t) => comparable(t) === wanted);
}

function comparable(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/^@/, "")
    .replace(/\/+$/, "");
}

/** The model's query, keeping only words the customer used. */
function wordsIn(reading: Reading, query: string | null): string | undefined {
  if (!query) return undefined;
  const kept = wordsSaid(reading, query);
  const text = kept.join(" ").slice(0, MAX_QUERY).trim();
  return text === "" ? undefined : text;
}
