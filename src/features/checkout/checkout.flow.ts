import { allowsDripFeed } from "../catalog/catalog.order-forms.js";
import type { Service } from "../catalog/catalog.service.js";
import type { Reading } from "../language/language.reading.js";
import type { Understanding } from "../language/language.understanding.js";
import { parseAccount } from "../language/language.slots.js";
import { checkQuantity, checkTarget } from "./checkout.checks.js";
import { checkOrderInputs, fixedQuantity, parseDripAnswer, quantityIsAsked } from "./checkout.order-inputs.js";
import type {
  CheckoutDraft,
  CheckoutEffect,
  CheckoutEvent,
  CheckoutReply,
  CheckoutStep,
  FlowEnv,
  Given,
  ReplyPart,
} from "./checkout.flow.types.js";

/**
 * The purchase as a state machine: `step(draft, event, env)` gives the next draft, the replies to
 * show and the effects to run. It is pure (no Telegram, no database, no clock): what it needs from
 * the world arrives as events (a service loaded, a running order found, a quote priced), which the
 * chat feeds back after running the effects. Every check of what the customer gives happens here.
 *
 * The draft fills slots in any order: pick a service, gather what it needs (a link and quantity, or
 * an account, then the extra inputs of its type), explain problems, and quote once all is valid.
 * Slots given early are kept; a new search or a pick of another product can come at any point.
 */

const IDLE: CheckoutDraft = { stage: "idle" };

export function initialDraft(): CheckoutDraft {
  return { ...IDLE };
}

/** A product is selected and the flow gathers its details or holds its quote. */
export function isSelecting(draft: CheckoutDraft): boolean {
  return draft.stage === "details" || draft.stage === "quoted";
}

export function step(draft: CheckoutDraft, event: CheckoutEvent, env: FlowEnv): CheckoutStep {
  switch (event.type) {
    case "reset":
      return done(initialDraft());
    case "cancel":
      return done(initialDraft(), { kind: "text", key: "checkout-canceled", plain: true });
    case "browsing":
      return done({ ...draft, stage: "choosing" });
    case "product-chosen":
      return run(draft, { type: "load-service", mid: event.mid, after: { kind: "select", given: event.given } });
    case "details-given":
      return continueDetails(merged(draft, event.given));
    case "details-before-product": {
      const kept: CheckoutDraft = {
        stage: draft.stage === "choosing" ? "choosing" : "idle",
        target: event.given.target ?? draft.target,
        zone: event.given.zone ?? draft.zone,
        quantity: event.given.quantity ?? draft.quantity,
      };
      const replies: CheckoutReply[] = [{ kind: "text", key: "pick-product-first" }];
      if (draft.stage !== "choosing") replies.push({ kind: "categories" });
      return done(kept, ...replies);
    }
    case "input-answered":
      return answered(draft, event.text);
    case "search":
      return search(event.understanding, event.text);
    case "browse": {
      const { understanding: u, text } = event;
      if (isSelecting(draft) && (u.target || u.quantity) && draft.mid !== undefined)
        return run(draft, { type: "load-service", mid: draft.mid, after: { kind: "browse", understanding: u, text } });
      return search(u, text);
    }
    case "confirm":
      if (draft.stage === "quoted" && draft.quoteId)
        return run(draft, { type: "start-payment", quoteId: draft.quoteId });
      if (draft.stage === "details" && draft.mid !== undefined) return continueDetails(draft);
      return done(draft, { kind: "categories" });
    case "continue":
      return continueDetails(draft);
    case "duplicate-ok":
      return continueDetails({ ...draft, duplicateOk: true });
    case "dripfeed": {
      if (draft.stage !== "quoted" || draft.mid === undefined) return done(draft);
      const { runs: _runs, interval: _interval, ...rest } = draft.inputs ?? {};
      const reopened: CheckoutDraft = { ...draft, stage: "details", quoteId: undefined, inputs: rest };
      if (!event.on) return withReplies(continueDetails(reopened), { kind: "clear-buttons" });
      return done(
        { ...reopened, awaiting: "dripfeed" },
        { kind: "clear-buttons" },
        message({ kind: "ask-dripfeed", quantity: draft.quantity ?? 0 }),
      );
    }
    case "service-loaded":
      return serviceLoaded(draft, event, env);
    case "running-order-checked": {
      const running = event.running;
      // Another customer's order number is theirs alone: say only that the link is busy.
      if (running)
        return done(draft, {
          kind: "duplicate",
          order: running.customerId === env.customerId ? running.id : undefined,
        });
      return run(draft, quoteEffect(draft, event.service, event.target));
    }
    case "quoted":
      return quoted(draft, event);
  }
}

/**
 * The event a customer's message means for the purchase, or undefined when the message is not about
 * it (the assistant answers those). Checked in order: the answer to an extra input the flow asked
 * for, a top-up account, then the purchase intents.
 */
export function eventForMessage(
  draft: CheckoutDraft,
  u: Understanding,
  text: string,
  reading?: Reading,
): CheckoutEvent | undefined {
  return inputAnswer(draft, u, text) ?? accountGiven(draft, u, text) ?? purchaseIntent(draft, u, text, reading);
}

const PICK = /\b(?:pilih|choose|pick)\b/i;

/**
 * While the flow waits for an extra input (comments, usernames, a poll answer, …), the message is
 * that input, whatever else it looks like: comments are free text, one per line. Only a one-line
 * cancel or a pick of another service leaves the question.
 */
function inputAnswer(draft: CheckoutDraft, u: Understanding, text: string): CheckoutEvent | undefined {
  if (draft.stage !== "details" || draft.awaiting === undefined) return undefined;
  if (!text.includes("\n") && (u.intent === "cancel" || PICK.test(text))) return undefined;
  return { type: "input-answered", text };
}

/**
 * While a top-up waits for its account, "12345678 (1234)" is a player id and zone, not a shop
 * number or a quantity; a lone short number after a player id is its zone.
 */
function accountGiven(draft: CheckoutDraft, u: Understanding, text: string): CheckoutEvent | undefined {
  const waiting = isSelecting(draft) && draft.targetKind !== undefined && draft.targetKind !== "link";
  if (
    !waiting ||
    ["cancel", "confirm", "balance", "order_status", "order_history"].includes(u.intent) ||
    PICK.test(text)
  )
    return undefined;
  const zoneOnly = /^\s*\(?\s*(\d{1,5})\s*\)?\s*$/.exec(text);
  if (zoneOnly && draft.target && draft.targetKind === "game_id")
    return { type: "details-given", given: { target: draft.target, zone: zoneOnly[1] } };
  const account = parseAccount(text);
  return account ? { type: "details-given", given: account } : undefined;
}

/** Browsing, picking, details, confirming and cancelling. */
function purchaseIntent(
  draft: CheckoutDraft,
  u: Understanding,
  text: string,
  reading?: Reading,
): CheckoutEvent | undefined {
  const selecting = isSelecting(draft);
  switch (u.intent) {
    case "cancel":
      return { type: "cancel" };
    case "select":
      return {
        type: "product-chosen",
        mid: u.mid!,
        given: { target: u.target, zone: u.zone, quantity: u.quantity, account: u.account },
      };
    case "confirm":
      return { type: "confirm" };
    case "details":
      if (u.bareNumber !== undefined && !selecting) return { type: "product-chosen", mid: u.bareNumber, given: {} };
      if (selecting)
        return {
          type: "details-given",
          given: { target: u.target, zone: u.zone, quantity: u.quantity ?? u.bareNumber },
        };
      return { type: "details-before-product", given: { target: u.target, zone: u.zone, quantity: u.quantity } };
    case "browse":
      return { type: "browse", understanding: u, text: reading ?? text };
    default:
      return undefined;
  }
}

function done(draft: CheckoutDraft, ...replies: CheckoutReply[]): CheckoutStep {
  return { draft, replies, effects: [] };
}

function run(draft: CheckoutDraft, effect: CheckoutEffect): CheckoutStep {
  return { draft, replies: [], effects: [effect] };
}

function withReplies(next: CheckoutStep, ...before: CheckoutReply[]): CheckoutStep {
  return { ...next, replies: [...before, ...next.replies] };
}

function message(...parts: ReplyPart[]): CheckoutReply {
  return { kind: "message", parts };
}

/** Validates what the draft holds: needs the selected service first (or the catalog when none is). */
function continueDetails(draft: CheckoutDraft): CheckoutStep {
  if (draft.mid === undefined) return done(draft, { kind: "categories" });
  return run(draft, { type: "load-service", mid: draft.mid, after: { kind: "continue" } });
}

/** Slots that came with the request ("followers IG 1000") are kept for after the pick. */
function search(u: Understanding, text: string | Reading): CheckoutStep {
  return run(
    { stage: "choosing", target: u.target, zone: u.zone, quantity: u.quantity },
    { type: "search", understanding: u, text },
  );
}

function merged(draft: CheckoutDraft, given: Given): CheckoutDraft {
  return {
    ...draft,
    stage: "details",
    quoteId: undefined,
    // A new link is a new question whether an order on it is already running.
    duplicateOk: given.target === undefined || given.target === draft.target ? draft.duplicateOk : undefined,
    target: given.target ?? draft.target,
    zone: given.target !== undefined ? given.zone : draft.zone,
    quantity: given.quantity ?? draft.quantity,
  };
}

function answered(draft: CheckoutDraft, text: string): CheckoutStep {
  const awaiting = draft.awaiting;
  if (awaiting === undefined) return continueDetails(draft);
  // An answer that is not "5x30" goes to the drip-feed check, which explains the format.
  const answer =
    awaiting === "dripfeed" ? (parseDripAnswer(text) ?? { runs: text.trim(), interval: "" }) : { [awaiting]: text };
  return continueDetails({ ...draft, awaiting: undefined, inputs: { ...draft.inputs, ...answer } });
}

function serviceLoaded(
  draft: CheckoutDraft,
  event: Extract<CheckoutEvent, { type: "service-loaded" }>,
  env: FlowEnv,
): CheckoutStep {
  const { after, result } = event;
  switch (after.kind) {
    case "select": {
      if (!result.ok) return done(draft, message({ kind: "problem", problem: result.error }));
      const service = result.value;
      // Slots that came with the request carry over to the first pick, not to a switch.
      const carried: Given = draft.mid === undefined ? draft : {};
      const given = after.given;
      const slots = service.targetKind === "link" || !given.account ? given : { ...given.account, quantity: undefined };
      const selected: CheckoutDraft = {
        stage: "details",
        mid: event.mid,
        targetKind: service.targetKind,
        target: slots.target ?? carried.target,
        zone: slots.zone ?? carried.zone,
        quantity: service.targetKind === "link" ? (slots.quantity ?? carried.quantity) : undefined,
      };
      return withReplies(details(selected, service, env), { kind: "service", service });
    }
    case "continue":
      if (!result.ok) return done(initialDraft(), message({ kind: "problem", problem: result.error }));
      return details(draft, result.value, env);
    case "browse": {
      const u = after.understanding;
      // "1000 followers" while an Instagram followers service is selected is a detail, not a new search.
      const fits =
        result.ok && (!u.kind || u.kind === result.value.kind) && (!u.platform || u.platform === result.value.platform);
      if (!fits) return search(u, after.text);
      return details(merged(draft, { target: u.target, zone: u.zone, quantity: u.quantity }), result.value, env);
    }
  }
}

/** Checks what the draft holds, explains problems, asks for what is missing, or goes on to quote. */
function details(current: CheckoutDraft, service: Service, env: FlowEnv): CheckoutStep {
  const draft: CheckoutDraft = { ...current, quantity: current.quantity ?? fixedQuantity(service) };
  const asksQuantity = quantityIsAsked(service.type);
  const problems: ReplyPart[] = [];
  if (draft.quantity !== undefined && asksQuantity) {
    const quantity = checkQuantity(service, draft.quantity);
    if (!quantity.ok) {
      problems.push({ kind: "problem", problem: quantity.error });
      draft.quantity = undefined;
    }
  }
  if (draft.target !== undefined) {
    const target = checkTarget(service, { target: draft.target, zone: draft.zone });
    if (target.ok) Object.assign(draft, target.value);
    else {
      problems.push({ kind: "problem", problem: target.error });
      // A player id without its zone is kept: only the zone is asked for.
      if (target.error.code !== "zone_missing") draft.target = undefined;
    }
  }
  if (draft.target !== undefined && (draft.quantity !== undefined || !asksQuantity) && problems.length === 0) {
    const missing = missingInput(draft, service, env);
    if (missing) return missing;
    draft.awaiting = undefined;
    if (service.targetKind === "link" && !draft.duplicateOk)
      return run(draft, { type: "find-running-order", service, target: draft.target });
    return run(draft, quoteEffect(draft, service, draft.target));
  }
  problems.push({
    kind: "ask",
    service,
    missing: {
      target: draft.target === undefined || problems.length > 0,
      quantity: asksQuantity && draft.quantity === undefined,
    },
  });
  return done(draft, message(...problems));
}

/**
 * The extra inputs of the service's type (comments, usernames, a poll answer, a subscription's
 * terms, drip-feed runs): explains the first problem and asks for that input; the customer's next
 * message is read as its answer. Undefined when all are there and valid.
 */
function missingInput(draft: CheckoutDraft, service: Service, env: FlowEnv): CheckoutStep | undefined {
  const checked = checkOrderInputs(service, draft.inputs ?? {}, draft.quantity, env.now);
  if (checked.ok) return undefined;
  const problem = checked.error;
  const inputs = { ...draft.inputs };
  if (
    problem.code === "dripfeed_not_offered" ||
    (problem.code === "input_invalid" && (problem.input === "runs" || problem.input === "interval"))
  ) {
    delete inputs.runs;
    delete inputs.interval;
    const offered = problem.code !== "dripfeed_not_offered";
    const parts: ReplyPart[] = [{ kind: "problem", problem }];
    if (offered) parts.push({ kind: "ask-dripfeed", quantity: draft.quantity ?? service.min });
    return done({ ...draft, inputs, awaiting: offered ? "dripfeed" : undefined }, message(...parts));
  }
  if (problem.code !== "input_missing" && problem.code !== "input_invalid" && problem.code !== "lines_out_of_range") {
    return done(draft, message({ kind: "problem", problem }));
  }
  const input = problem.input as Exclude<typeof problem.input, "runs" | "interval">;
  delete inputs[input];
  const parts: ReplyPart[] = problem.code === "input_missing" ? [] : [{ kind: "problem", problem }];
  parts.push({ kind: "ask-input", service, input });
  return done({ ...draft, inputs, awaiting: input }, message(...parts));
}

function quoteEffect(draft: CheckoutDraft, service: Service, target: string): CheckoutEffect {
  return { type: "quote", service, target, zone: draft.zone, quantity: draft.quantity, inputs: draft.inputs };
}

function quoted(draft: CheckoutDraft, event: Extract<CheckoutEvent, { type: "quoted" }>): CheckoutStep {
  const { service, result } = event;
  if (!result.ok) {
    const kept = result.error.code === "account_not_found" ? { ...draft, target: undefined, zone: undefined } : draft;
    // Nothing the customer typed is wrong: say so, without asking for the details again.
    if (result.error.code === "price_outdated") return done(kept, message({ kind: "problem", problem: result.error }));
    return done(
      kept,
      message(
        { kind: "problem", problem: result.error },
        { kind: "ask", service, missing: { target: true, quantity: false } },
      ),
    );
  }
  const q = result.value;
  const inputs = draft.inputs;
  // The asked quantity stays as asked (a drip-feed quote bills it × runs).
  const next: CheckoutDraft = {
    stage: "quoted",
    mid: service.mid,
    targetKind: service.targetKind,
    target: q.target,
    zone: q.zone ?? undefined,
    quantity: event.quantity ?? q.quantity,
    inputs,
    quoteId: q.id,
    duplicateOk: draft.duplicateOk,
  };
  return done(next, {
    kind: "quote",
    quote: q,
    dripfeed: allowsDripFeed(service) ? (inputs?.runs ? "off" : "on") : undefined,
  });
}
