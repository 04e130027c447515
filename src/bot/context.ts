import type { Context, SessionFlavor } from "grammy";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "../logger.js";
import type { Customer } from "../features/customers/customers.service.js";
import type { BotDeps } from "./deps.js";
import type { AdminRole } from "../features/admin/admins.table.js";
import type { Count } from "../shared/text.js";
import type { CheckoutDraft, CheckoutEvent } from "../features/checkout/checkout.flow.types.js";
import { initialDraft } from "../features/checkout/checkout.flow.js";

/** What the bot remembers per chat between messages (stored in the `kv` table). */
export interface SessionData {
  /** The purchase in progress; only the purchase flow (`ctx.purchase`) changes it. */
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

export function initialSession(): SessionData {
  return { checkout: initialDraft() };
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
  /** Moves the purchase flow one event on (see `features/checkout/checkout.flow.ts`); set for every update. */
  purchase: (event: CheckoutEvent) => Promise<void>;
}

export type BotContext = Context & SessionFlavor<SessionData> & I18nFlavor & Enrichment;
