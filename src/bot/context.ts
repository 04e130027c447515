import type { Context, SessionFlavor } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "../logger.js";
import type { Customer } from "../features/customers/customers.service.js";
import type { BotDeps } from "./deps.js";
import type { TargetKind } from "../features/catalog/catalog.games.js";
import type { AdminRole } from "../features/admin/admins.table.js";

/** What the bot remembers per chat between messages (stored in the `kv` table). */
export interface SessionData {
  checkout: CheckoutDraft;
  /** Messages the dialog misunderstood in a row; enough of them hand the customer to a person. */
  misunderstood?: number | undefined;
  /** A staff member's /admin step that waits for a typed answer (an order number, a refund's reason). */
  admin?: AdminChatStep | undefined;
  /** The last search's results in their order, so its pages show each once (`page:` buttons). */
  results?: ResultList | undefined;
}

/** A ranked search result kept whole: paging slices it instead of searching again. */
export interface ResultList {
  /** Increases with every search; buttons of an older list say so instead of paging the new one. */
  id: number;
  title: string;
  mids: number[];
  total: number;
}

export type AdminChatStep = { awaiting: "order" } | { awaiting: "refund_reason"; orderId: number } | { awaiting: "refund_confirm"; orderId: number; reason: string };

/**
 * The purchase in progress. Slots can arrive in any order and several at once, so this is a
 * slot-filling draft rather than a fixed sequence of questions.
 */
export interface CheckoutDraft {
  stage: "idle" | "choosing" | "details" | "quoted";
  mid?: number | undefined;
  /** What the selected service needs: a link, or an account (player id, phone, customer number). */
  targetKind?: TargetKind | undefined;
  target?: string | undefined;
  zone?: string | undefined;
  quantity?: number | undefined;
  quoteId?: string | undefined;
  /** The customer chose to order again while an earlier order on the same link is still running. */
  duplicateOk?: boolean | undefined;
}

export function initialSession(): SessionData {
  return { checkout: { stage: "idle" } };
}

interface Enrichment {
  deps: BotDeps;
  log: Logger;
  /** Set by the customer middleware for every update that has a sender. */
  customer: Customer;
  /** The sender's staff role, set early for every update; undefined for everyone else. */
  staffRole?: AdminRole | undefined;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Enrichment;
