import type { Kind, Platform } from "../catalog/catalog.vocabulary.js";
import type { Reading } from "./language.reading.js";
import type { ProductReading } from "./language.retrieval.js";

/**
 * What a customer's message means, whoever read it (the rules or the LLM): one intent and the
 * slots the message carried. Several slots can come in one message. Nothing here moves money or
 * names a price: prices come from the database when a quote is made.
 */
export const INTENTS = [
  /** Wants a product, or to see what there is ("mau followers ig", "top up ML"). */
  "browse",
  /** Picks a product by its shop number ("ID 12", "pilih 3"). */
  "select",
  /** Gives details for the product being bought: a link, an account, a quantity. */
  "details",
  /** Yes / go on / pay. */
  "confirm",
  /** Stop the current purchase. */
  "cancel",
  /** How is order N doing ("cek pesanan 12"). */
  "order_status",
  /** My orders. */
  "order_history",
  /** My balance. */
  "balance",
  /** Put money in the wallet ("isi saldo 50rb"). */
  "topup",
  /** Ask for a refill of order N. */
  "refill",
  /** Wants money back, or asks about refunds ("refund dong", "uang saya kembali?", "refund order 2"): answered, never acted on. */
  "refund",
  /** A question the shop's knowledge answers (payment, processing time, refill/refund policy…). */
  "question",
  /** Wants a person ("mau bicara dengan admin"). */
  "human",
  /** Hello. */
  "greeting",
  /** How does this work / menu. */
  "help",
  /** Thanks, how are you, jokes: answered politely, nothing else happens. */
  "smalltalk",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Understanding {
  intent: Intent;
  platform: Platform | undefined;
  kind: Kind | undefined;
  /** The words that describe the product beyond platform and kind ("indonesia aktif", "86 diamond"). */
  query: string | undefined;
  /** A shop number named explicitly ("ID 2", "pilih 2", "#2"). */
  mid: number | undefined;
  /** A link, an @username, or a top-up account (player id, phone or customer number). */
  target: string | undefined;
  /** Game zone or server, when a player id came with one. */
  zone: string | undefined;
  /** The message read as a top-up account, in case the service picked turns out to be one ("ID 313 12345678 (1234)"). */
  account: { target: string; zone: string | undefined } | undefined;
  quantity: number | undefined;
  /** The whole message is one number: a pick or a quantity, depending on what was asked. */
  bareNumber: number | undefined;
  /** An order number the customer refers to (status, refill). */
  orderId: number | undefined;
  /** Rupiah for a wallet top-up ("isi saldo 50rb" → 50000). */
  amount: number | undefined;
  language: "id" | "en" | undefined;
  /** Who read the message: the deterministic rules, or the LLM (validated against the message). */
  source: "rules" | "llm";
}

/** Where the conversation stands, for reading a message in context (and for the LLM prompt). */
export interface DialogContext {
  stage: "idle" | "choosing" | "details" | "quoted";
  /** What the bot asked for last, when it asked for something. */
  awaiting: "pick" | "target" | "quantity" | "account" | "confirm" | undefined;
  /** The product being bought, if one is picked. */
  selected: { mid: number; name: string; platform: string; kind: string } | undefined;
  /** The last few turns, oldest first (customer and bot), for the LLM only. */
  recent: ReadonlyArray<{ role: "customer" | "bot" | "admin"; text: string }>;
  language: "id" | "en";
}

/** An understanding with nothing in it: the base both readers fill in. */
export function emptyUnderstanding(source: Understanding["source"]): Understanding {
  return {
    intent: "unknown",
    platform: undefined,
    kind: undefined,
    query: undefined,
    mid: undefined,
    target: undefined,
    zone: undefined,
    account: undefined,
    quantity: undefined,
    bareNumber: undefined,
    orderId: undefined,
    amount: undefined,
    language: undefined,
    source,
  };
}

/**
 * The product search a message asks for: what the bot runs for "browse" and what `npm run
 * eval:nlu` measures, so both always agree. The descriptive words when the reader separated them,
 * else the whole message; given the turn's reading, the search terms come read with it.
 */
export function productQueryFor(
  u: Understanding,
  message: string | Reading,
): { text: string; platform: Platform | undefined; kind: Kind | undefined; reading?: ProductReading } {
  if (typeof message === "string") return { text: u.query ?? message, platform: u.platform, kind: u.kind };
  return { text: u.query ?? message.text, platform: u.platform, kind: u.kind, reading: message.searchTerms(u.query) };
}
