import type { TargetKind } from "../catalog/catalog.games.js";
import type { OrderInput } from "../catalog/catalog.order-forms.js";
import type { Service } from "../catalog/catalog.service.js";
import type { Reading } from "../language/language.reading.js";
import type { Understanding } from "../language/language.understanding.js";
import type { RawInputs } from "./checkout.order-inputs.js";
import type { Quote, QuoteProblem } from "./checkout.service.js";

/**
 * The vocabulary of the purchase flow (`checkout.flow.ts`): the draft it keeps, the events that
 * move it, the replies it asks the chat to show and the effects it asks the chat to run. None of it
 * knows Telegram: the chat files translate updates into events and render replies.
 */

/**
 * The purchase in progress, kept in the chat's session between messages. Slots can arrive in any
 * order and several at once, so this is a slot-filling draft rather than a fixed sequence of questions.
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

/** Details the customer gave in one message (or none, for a button). */
export interface Given {
  target?: string | undefined;
  zone?: string | undefined;
  quantity?: number | undefined;
  /** What the same message says if the service needs an account rather than a link and quantity. */
  account?: { target: string; zone: string | undefined } | undefined;
}

/** What the flow does once the selected service is loaded (the effect `load-service` carries it back). */
export type AfterLoad =
  | { kind: "select"; given: Given }
  | { kind: "continue" }
  /** "1000 followers" while a service is selected: a detail if it fits the service, else a new search. */
  | { kind: "browse"; understanding: Understanding; text: string | Reading };

/** An order still running on the same service and target (suppliers refuse a second one until it is done). */
export interface RunningOrder {
  id: number;
  customerId: number;
}

/** What happened, told by the chat, by another feature, or by the result of an effect. */
export type CheckoutEvent =
  /** Start over without a word (/start, a payment begun): the quote stays payable from its buttons. */
  | { type: "reset" }
  /** The customer cancels (button, /batal, "batal"). */
  | { type: "cancel" }
  /** A product list is on screen: the next pick selects from it; slots typed earlier stay. */
  | { type: "browsing" }
  /** A product picked by button, shop number or name, with whatever details came with it. */
  | { type: "product-chosen"; mid: number; given: Given }
  /** Details typed while a product is selected (a link, a quantity, an account). */
  | { type: "details-given"; given: Given }
  /** Details typed before any product was picked: kept for the pick. */
  | { type: "details-before-product"; given: Given }
  /** The answer to the extra input the flow asked for (comments, usernames, drip-feed runs, …). */
  | { type: "input-answered"; text: string }
  /** A search for products (by words, platform or kind): the flow keeps the slots, the chat shows the results. */
  | { type: "search"; understanding: Understanding; text: string | Reading }
  /** Words that may be a detail of the selected product or a new search (checked against the product). */
  | { type: "browse"; understanding: Understanding; text: string | Reading }
  /** "ya", "lanjut": pay the quote, go on with the details, or show the catalog. */
  | { type: "confirm" }
  /** Anything else said mid-purchase (a greeting, small talk): ask again for what is missing. */
  | { type: "continue" }
  /** The customer orders again although an order on the same link is still running. */
  | { type: "duplicate-ok" }
  /** Drip-feed switched on (ask for runs and interval) or off, from a quote's button. */
  | { type: "dripfeed"; on: boolean }
  // Results of effects, fed back by the runner.
  | {
      type: "service-loaded";
      mid: number;
      result: { ok: true; value: Service } | { ok: false; error: QuoteProblem };
      after: AfterLoad;
    }
  | { type: "running-order-checked"; service: Service; target: string; running: RunningOrder | undefined }
  | {
      type: "quoted";
      service: Service;
      quantity: number | undefined;
      result: { ok: true; value: Quote } | { ok: false; error: QuoteProblem };
    };

/** One part of a message; the parts of a message are shown as paragraphs, in order. */
export type ReplyPart =
  | { kind: "problem"; problem: QuoteProblem }
  /** The question for what the draft still lacks (a link and/or quantity, or an account). */
  | { kind: "ask"; service: Service; missing: { target: boolean; quantity: boolean } }
  | { kind: "ask-input"; service: Service; input: OrderInput }
  | { kind: "ask-dripfeed"; quantity: number };

/** What the chat shows, in order; it chooses the words (i18n keys) and the buttons. */
export type CheckoutReply =
  | { kind: "message"; parts: ReplyPart[] }
  /** A fixed text by key; `plain` texts are sent without HTML. */
  | { kind: "text"; key: "checkout-canceled" | "pick-product-first"; plain?: boolean }
  /** The selected service described (name, price, facts). */
  | { kind: "service"; service: Service }
  /** The catalog's categories, to pick a product from. */
  | { kind: "categories" }
  /** The quote with its pay buttons; `dripfeed` offers switching drip-feed on or off where the service allows it. */
  | { kind: "quote"; quote: Quote; dripfeed: "on" | "off" | undefined }
  /** An order is still running on this link: order anyway or cancel. `order` is set only for the customer's own order. */
  | { kind: "duplicate"; order: number | undefined }
  /** The buttons of the message pressed are taken away (so a second press is not offered). */
  | { kind: "clear-buttons" };

/** What the chat runs for the flow; the ones that produce a result feed it back as an event. */
export type CheckoutEffect =
  | { type: "load-service"; mid: number; after: AfterLoad }
  | { type: "find-running-order"; service: Service; target: string }
  | {
      type: "quote";
      service: Service;
      target: string;
      zone: string | undefined;
      quantity: number | undefined;
      inputs: RawInputs | undefined;
    }
  | { type: "start-payment"; quoteId: string }
  /** Show products for the customer's words (the catalog and knowledge base rank and render them). */
  | { type: "search"; understanding: Understanding; text: string | Reading };

/** What one step gives back: the draft to keep, what to show, and what to run next. */
export interface CheckoutStep {
  draft: CheckoutDraft;
  replies: CheckoutReply[];
  effects: CheckoutEffect[];
}

/** What the step needs to know about the world: who buys, and the time (subscription dates are checked against it). */
export interface FlowEnv {
  customerId: number;
  now: number;
}
