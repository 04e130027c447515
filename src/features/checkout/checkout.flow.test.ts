import { describe, expect, it } from "vitest";
import type { Service } from "../catalog/catalog.service.js";
import { emptyUnderstanding, type Understanding } from "../language/language.understanding.js";
import { eventForMessage, initialDraft, step } from "./checkout.flow.js";
import type {
  CheckoutDraft,
  CheckoutEffect,
  CheckoutEvent,
  CheckoutReply,
  RunningOrder,
} from "./checkout.flow.types.js";
import type { Quote, QuoteProblem } from "./checkout.service.js";

// The purchase flow without Telegram or a database: each step's draft, replies and effects, and a
// small driver that answers the effects from fixed facts the way the chat answers them from services.

const NOW = Date.UTC(2026, 11, 8, 3, 0, 0);
const ENV = { customerId: 7, now: NOW };

function service(overrides: Partial<Service>): Service {
  return {
    id: 1,
    mid: 1,
    providerId: 1,
    providerServiceId: "101",
    name: "IG Followers",
    category: "Instagram Followers",
    platform: "instagram",
    kind: "followers",
    type: "Default",
    description: "",
    min: 100,
    max: 10_000,
    unitPrice: 15_000,
    unitCost: 10_000,
    costRate: "0.5",
    unitSize: 1000,
    targetKind: "link",
    zoneRequired: false,
    brand: "",
    refill: false,
    refillDays: null,
    speed: null,
    cancel: false,
    dripfeed: false,
    priceOverride: null,
    nameOverridden: false,
    descriptionOverridden: false,
    disabledReason: null,
    removed: false,
    mode: "auto",
    active: true,
    sellable: true,
    usableAsBackup: false,
    ...overrides,
  };
}

const FOLLOWERS = service({ id: 11, mid: 1, dripfeed: true });
const LIKES = service({ id: 12, mid: 2, name: "TikTok Likes", platform: "tiktok", kind: "likes" });
const COMMENTS = service({ id: 13, mid: 3, name: "IG Custom Comments", type: "Custom Comments", min: 1, max: 50 });
const MLBB = service({
  id: 14,
  mid: 4,
  name: "MLBB 86 Diamonds",
  platform: "mobile_legends",
  kind: "diamonds",
  type: "Top-up",
  targetKind: "game_id",
  zoneRequired: true,
  min: 1,
  max: 1,
  unitSize: 1,
});

function quoteFor(effect: Extract<CheckoutEffect, { type: "quote" }>): Quote {
  const quantity = effect.quantity ?? effect.service.min;
  return {
    id: "qtest1",
    customerId: ENV.customerId,
    service: effect.service,
    target: effect.target,
    zone: effect.zone ?? null,
    nickname: null,
    extras: null,
    quantity,
    unitPrice: effect.service.unitPrice,
    unitSize: effect.service.unitSize,
    amount: 15_000,
    costAmount: 10_000,
    status: "open",
    expiresAt: NOW + 900_000,
  };
}

interface World {
  services?: Service[];
  running?: RunningOrder | undefined;
  quoteProblem?: QuoteProblem | undefined;
}

interface Run {
  draft: CheckoutDraft;
  replies: CheckoutReply[];
  /** Effects the chat runs without telling the flow a result (payment, search) and every effect run, in order. */
  effects: CheckoutEffect[];
}

/** Runs an event to its end, feeding effect results back as the chat's runner does. */
function drive(draft: CheckoutDraft, event: CheckoutEvent, world: World = {}): Run {
  const out: Run = { draft, replies: [], effects: [] };
  const pending: CheckoutEvent[] = [event];
  while (pending.length > 0) {
    const next = step(out.draft, pending.shift()!, ENV);
    out.draft = next.draft;
    out.replies.push(...next.replies);
    for (const effect of next.effects) {
      out.effects.push(effect);
      const result = answer(effect, world);
      if (result) pending.push(result);
    }
  }
  return out;
}

function answer(effect: CheckoutEffect, world: World): CheckoutEvent | undefined {
  switch (effect.type) {
    case "load-service": {
      const found = (world.services ?? [FOLLOWERS, LIKES, COMMENTS, MLBB]).find((s) => s.mid === effect.mid);
      const result = found
        ? { ok: true as const, value: found }
        : { ok: false as const, error: { code: "unknown_mid" as const, mid: effect.mid } };
      return { type: "service-loaded", mid: effect.mid, result, after: effect.after };
    }
    case "find-running-order":
      return { type: "running-order-checked", service: effect.service, target: effect.target, running: world.running };
    case "quote":
      return {
        type: "quoted",
        service: effect.service,
        quantity: effect.quantity,
        result: world.quoteProblem ? { ok: false, error: world.quoteProblem } : { ok: true, value: quoteFor(effect) },
      };
    default:
      return undefined;
  }
}

function said(partial: Partial<Understanding>): Understanding {
  return { ...emptyUnderstanding("rules"), ...partial };
}

const effectTypes = (run: Run) => run.effects.map((e) => e.type);
const replyKinds = (run: Run) => run.replies.map((r) => r.kind);
const parts = (reply: CheckoutReply | undefined) =>
  reply?.kind === "message" ? reply.parts.map((p) => (p.kind === "problem" ? p.problem.code : p.kind)) : [];

describe("the purchase flow", () => {
  describe("a product chosen", () => {
    it("asks only for what is missing after describing the product", () => {
      const run = drive(initialDraft(), { type: "product-chosen", mid: 1, given: {} });
      expect(effectTypes(run)).toEqual(["load-service"]);
      expect(replyKinds(run)).toEqual(["service", "message"]);
      expect(run.replies[1]).toEqual({
        kind: "message",
        parts: [{ kind: "ask", service: FOLLOWERS, missing: { target: true, quantity: true } }],
      });
      expect(run.draft).toMatchObject({
        stage: "details",
        mid: 1,
        targetKind: "link",
        target: undefined,
        quantity: undefined,
      });
    });

    it("explains an unknown product and keeps the draft as it was", () => {
      const before: CheckoutDraft = { stage: "choosing", quantity: 500 };
      const run = drive(before, { type: "product-chosen", mid: 99, given: {} });
      expect(run.draft).toEqual(before);
      expect(parts(run.replies[0])).toEqual(["unknown_mid"]);
    });

    it("keeps the slots of the search for the first pick, and goes straight on to the quote", () => {
      const searched = drive(initialDraft(), {
        type: "search",
        understanding: said({
          intent: "browse",
          platform: "instagram",
          kind: "followers",
          target: "instagram.com/budi",
          quantity: 1000,
        }),
        text: "followers ig 1000",
      });
      expect(searched.draft).toEqual({
        stage: "choosing",
        target: "instagram.com/budi",
        zone: undefined,
        quantity: 1000,
      });
      expect(effectTypes(searched)).toEqual(["search"]);
      const picked = drive(searched.draft, { type: "product-chosen", mid: 1, given: {} });
      expect(effectTypes(picked)).toEqual(["load-service", "find-running-order", "quote"]);
      expect(picked.effects[2]).toMatchObject({ type: "quote", target: "https://instagram.com/budi", quantity: 1000 });
      expect(replyKinds(picked)).toEqual(["service", "quote"]);
      expect(picked.draft).toMatchObject({
        stage: "quoted",
        mid: 1,
        quoteId: "qtest1",
        target: "https://instagram.com/budi",
        quantity: 1000,
      });
    });

    it("does not carry the details of one product to a switch to another", () => {
      const first = drive(
        { stage: "details", mid: 1, targetKind: "link", quantity: 1000 },
        { type: "product-chosen", mid: 2, given: {} },
      );
      expect(first.draft).toMatchObject({ stage: "details", mid: 2, quantity: undefined });
      expect(parts(first.replies[1])).toEqual(["ask"]);
    });

    it("reads the account that came with the pick of a top-up, not a quantity", () => {
      const run = drive(initialDraft(), {
        type: "product-chosen",
        mid: 4,
        given: { quantity: 86, account: { target: "12345678", zone: "1234" } },
      });
      expect(run.effects.at(-1)).toMatchObject({ type: "quote", target: "12345678", zone: "1234", quantity: 1 });
      expect(run.draft).toMatchObject({ stage: "quoted", targetKind: "game_id", target: "12345678", zone: "1234" });
    });
  });

  describe("the target", () => {
    const selected: CheckoutDraft = { stage: "details", mid: 1, targetKind: "link", quantity: 1000 };

    it("explains a link to another platform, forgets it and asks again, keeping the quantity", () => {
      const run = drive(selected, { type: "details-given", given: { target: "https://tiktok.com/@budi" } });
      expect(parts(run.replies[0])).toEqual(["target_wrong_platform", "ask"]);
      expect(run.draft).toMatchObject({ stage: "details", target: undefined, quantity: 1000 });
    });

    it("keeps a player id without its zone and asks for the zone; a lone number after it is the zone", () => {
      const run = drive(
        { stage: "details", mid: 4, targetKind: "game_id", quantity: 1 },
        { type: "details-given", given: { target: "12345678" } },
      );
      expect(parts(run.replies[0])).toEqual(["zone_missing", "ask"]);
      expect(run.draft.target).toBe("12345678");
      const zone = eventForMessage(run.draft, said({ intent: "details", bareNumber: 1234 }), "1234");
      expect(zone).toEqual({ type: "details-given", given: { target: "12345678", zone: "1234" } });
      expect(drive(run.draft, zone!).draft).toMatchObject({ stage: "quoted", zone: "1234" });
    });

    it("forgets an account the supplier does not know and asks for it again", () => {
      const run = drive(
        { stage: "details", mid: 4, targetKind: "game_id" },
        { type: "details-given", given: { target: "12345678", zone: "1234" } },
        { quoteProblem: { code: "account_not_found", message: "no such player" } },
      );
      expect(parts(run.replies[0])).toEqual(["account_not_found", "ask"]);
      expect(run.draft).toMatchObject({ stage: "details", target: undefined, zone: undefined });
    });
  });

  describe("the quantity and the extras", () => {
    it("explains a quantity out of range and asks for it again", () => {
      const run = drive(
        { stage: "details", mid: 1, targetKind: "link", target: "https://instagram.com/budi" },
        { type: "details-given", given: { quantity: 5 } },
      );
      expect(parts(run.replies[0])).toEqual(["quantity_out_of_range", "ask"]);
      // With a problem explained, the question names both slots (as the chat always asked).
      expect(run.replies[0]).toMatchObject({ parts: [{}, { missing: { target: true, quantity: true } }] });
      expect(run.draft.quantity).toBeUndefined();
    });

    it("asks for the comments of a custom-comments service and reads the next message as them", () => {
      const asked = drive(initialDraft(), {
        type: "product-chosen",
        mid: 3,
        given: { target: "https://instagram.com/p/abc" },
      });
      expect(asked.replies[1]).toEqual({
        kind: "message",
        parts: [{ kind: "ask-input", service: COMMENTS, input: "comments" }],
      });
      expect(asked.draft.awaiting).toBe("comments");
      // A multi-line answer is the input even if a line says "batal"; a one-line "batal" leaves the question.
      expect(eventForMessage(asked.draft, said({ intent: "cancel" }), "mantap\nbatal")).toEqual({
        type: "input-answered",
        text: "mantap\nbatal",
      });
      expect(eventForMessage(asked.draft, said({ intent: "cancel" }), "batal")).toEqual({ type: "cancel" });
      const answered = drive(asked.draft, { type: "input-answered", text: "keren\nmantap" });
      expect(answered.draft).toMatchObject({ stage: "quoted", inputs: { comments: "keren\nmantap" } });
      expect(answered.draft.awaiting).toBeUndefined();
    });

    it("asks for runs and interval when drip-feed is switched on, and explains a wrong answer", () => {
      const quoted: CheckoutDraft = {
        stage: "quoted",
        mid: 1,
        targetKind: "link",
        target: "https://instagram.com/budi",
        quantity: 1000,
        quoteId: "qold",
      };
      const on = drive(quoted, { type: "dripfeed", on: true });
      expect(on.replies).toEqual([
        { kind: "clear-buttons" },
        { kind: "message", parts: [{ kind: "ask-dripfeed", quantity: 1000 }] },
      ]);
      expect(on.draft).toMatchObject({ stage: "details", quoteId: undefined, awaiting: "dripfeed" });
      const wrong = drive(on.draft, { type: "input-answered", text: "1x30" });
      expect(parts(wrong.replies[0])).toEqual(["input_invalid", "ask-dripfeed"]);
      expect(wrong.draft).toMatchObject({ awaiting: "dripfeed", inputs: {} });
      const right = drive(wrong.draft, { type: "input-answered", text: "5x30" });
      expect(right.draft).toMatchObject({ stage: "quoted", inputs: { runs: "5", interval: "30" } });
      expect(right.replies.at(-1)).toMatchObject({ kind: "quote", dripfeed: "off" });
    });

    it("ignores a drip-feed button once the quote is gone", () => {
      const run = drive({ stage: "details", mid: 1 }, { type: "dripfeed", on: true });
      expect(run).toEqual({ draft: { stage: "details", mid: 1 }, replies: [], effects: [] });
    });
  });

  describe("the quote", () => {
    const ready: CheckoutDraft = { stage: "details", mid: 1, targetKind: "link", target: "https://instagram.com/budi" };

    it("quotes with the pay choice and offers drip-feed where the service allows it", () => {
      const run = drive(ready, { type: "details-given", given: { quantity: 1000 } });
      expect(run.replies).toEqual([
        { kind: "quote", quote: expect.objectContaining({ id: "qtest1" }), dripfeed: "on" },
      ]);
      expect(
        drive(
          { ...ready, mid: 2 },
          { type: "details-given", given: { quantity: 1000, target: "https://tiktok.com/@budi" } },
        ).replies.at(-1),
      ).toMatchObject({ kind: "quote", dripfeed: undefined });
    });

    it("says a price is outdated without asking the details again", () => {
      const run = drive(
        ready,
        { type: "details-given", given: { quantity: 1000 } },
        { quoteProblem: { code: "price_outdated", mid: 1 } },
      );
      expect(parts(run.replies[0])).toEqual(["price_outdated"]);
      expect(run.draft.stage).toBe("details");
    });

    it("warns of an order running on the same link, naming the order only to its own customer", () => {
      const theirs = drive(
        ready,
        { type: "details-given", given: { quantity: 1000 } },
        { running: { id: 41, customerId: 99 } },
      );
      expect(theirs.replies).toEqual([{ kind: "duplicate", order: undefined }]);
      const own = drive(
        ready,
        { type: "details-given", given: { quantity: 1000 } },
        { running: { id: 41, customerId: ENV.customerId } },
      );
      expect(own.replies).toEqual([{ kind: "duplicate", order: 41 }]);
      const anyway = drive(own.draft, { type: "duplicate-ok" }, { running: { id: 41, customerId: ENV.customerId } });
      expect(effectTypes(anyway)).toEqual(["load-service", "quote"]);
      expect(anyway.draft).toMatchObject({ stage: "quoted", duplicateOk: true });
      // A new link is a new question.
      const other = drive(
        anyway.draft,
        { type: "details-given", given: { target: "https://instagram.com/sari" } },
        { running: { id: 42, customerId: 99 } },
      );
      expect(other.replies).toEqual([{ kind: "duplicate", order: undefined }]);
    });
  });

  describe("the pay choice", () => {
    it("pays the quote on yes, goes on with the details in the middle of them, and shows the catalog otherwise", () => {
      expect(drive({ stage: "quoted", mid: 1, quoteId: "q1" }, { type: "confirm" }).effects).toEqual([
        { type: "start-payment", quoteId: "q1" },
      ]);
      expect(effectTypes(drive({ stage: "details", mid: 1, targetKind: "link" }, { type: "confirm" }))).toEqual([
        "load-service",
      ]);
      expect(drive(initialDraft(), { type: "confirm" }).replies).toEqual([{ kind: "categories" }]);
    });

    it("starts over without a word once a payment began", () => {
      expect(drive({ stage: "quoted", mid: 1, quoteId: "q1" }, { type: "reset" })).toEqual({
        draft: { stage: "idle" },
        replies: [],
        effects: [],
      });
    });
  });

  describe("cancel and new searches mid-flow", () => {
    it("cancels at any stage and says so in plain text", () => {
      const run = drive({ stage: "details", mid: 1, target: "x" }, { type: "cancel" });
      expect(run.draft).toEqual({ stage: "idle" });
      expect(run.replies).toEqual([{ kind: "text", key: "checkout-canceled", plain: true }]);
    });

    it("starts a new search when the words do not fit the selected product, keeping the new slots", () => {
      const u = said({ intent: "browse", platform: "tiktok", kind: "likes", quantity: 500 });
      const run = drive(
        { stage: "details", mid: 1, targetKind: "link", target: "https://instagram.com/budi" },
        eventForMessage({ stage: "details", mid: 1 }, u, "likes tiktok 500")!,
      );
      expect(effectTypes(run)).toEqual(["load-service", "search"]);
      expect(run.draft).toEqual({ stage: "choosing", target: undefined, zone: undefined, quantity: 500 });
    });

    it("takes words that fit the selected product as its details", () => {
      const u = said({ intent: "browse", platform: "instagram", kind: "followers", quantity: 2000 });
      const run = drive(
        { stage: "details", mid: 1, targetKind: "link", target: "https://instagram.com/budi" },
        { type: "browse", understanding: u, text: "2000 followers" },
      );
      expect(run.draft).toMatchObject({ stage: "quoted", quantity: 2000 });
    });

    it("keeps details given before any product and asks to pick one", () => {
      const run = drive(initialDraft(), {
        type: "details-before-product",
        given: { target: "https://instagram.com/budi", quantity: 1000 },
      });
      expect(run.draft).toEqual({
        stage: "idle",
        target: "https://instagram.com/budi",
        zone: undefined,
        quantity: 1000,
      });
      expect(run.replies).toEqual([{ kind: "text", key: "pick-product-first" }, { kind: "categories" }]);
      const choosing = drive({ stage: "choosing" }, { type: "details-before-product", given: { quantity: 1000 } });
      expect(choosing.replies).toEqual([{ kind: "text", key: "pick-product-first" }]);
    });

    it("marks a product list as the place the next pick comes from, keeping slots", () => {
      expect(drive({ stage: "idle", quantity: 1000 }, { type: "browsing" }).draft).toEqual({
        stage: "choosing",
        quantity: 1000,
      });
    });

    it("drops the draft when the selected product is no longer sold", () => {
      const run = drive({ stage: "details", mid: 1 }, { type: "continue" }, { services: [] });
      expect(run.draft).toEqual({ stage: "idle" });
      expect(parts(run.replies[0])).toEqual(["unknown_mid"]);
    });
  });

  describe("reading a message", () => {
    it("reads a bare number as a pick while choosing and as a quantity while a product is selected", () => {
      expect(eventForMessage({ stage: "choosing" }, said({ intent: "details", bareNumber: 3 }), "3")).toEqual({
        type: "product-chosen",
        mid: 3,
        given: {},
      });
      expect(
        eventForMessage(
          { stage: "details", mid: 1, targetKind: "link" },
          said({ intent: "details", bareNumber: 3000 }),
          "3000",
        ),
      ).toEqual({ type: "details-given", given: { target: undefined, zone: undefined, quantity: 3000 } });
    });

    it("leaves what is not about the purchase to the assistant", () => {
      for (const intent of ["balance", "order_status", "question", "greeting", "unknown"] as const) {
        expect(
          eventForMessage({ stage: "details", mid: 1, targetKind: "link" }, said({ intent }), "hm"),
        ).toBeUndefined();
      }
    });
  });
});
