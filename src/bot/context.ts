import type { Context, SessionFlavor } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "../logger.js";
import type { Customer } from "../features/customers/customers.service.js";
import type { BotDeps } from "./deps.js";
import type { TargetKind } from "../features/catalog/catalog.games.js";
import type { AdminRole } from "../features/admin/admins.table.js";
import type { Count } from "../shared/text.js";
import type { OrderInput } from "../features/catalog/catalog.order-forms.js";
import type { RawInputs } from "../features/checkout/checkout.order-inputs.js";

/** What the bot remembers per chat between messages (stored in the `kv` table). */
export interface SessionData {
  checkout: CheckoutDraft;
  /** Messages the dialog misunderstood in a row; enough of them hand the customer to a person. */
  misunderstood?: number | undefined;
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
  /** Extra inputs of the service's type as typed (comments, usernames, poll answer, subscription terms, drip-feed). */
  inputs?: RawInputs | undefined;
  /** The extra input the last question asked for: the next message is its answer. */
  awaiting?: OrderInput | "dripfeed" | undefined;
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
  /** `ctx.t` also takes counts marked with `asCount` (see plainNumbersInTranslations). */
  t: (key: string, vars?: Record<string, string | number | Count>) => string;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Enrichment;
