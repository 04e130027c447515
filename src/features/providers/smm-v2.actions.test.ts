import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../../infra/http/http-client.js";
import { createSmmPanelSimulator, type SmmPanelSimulator } from "../../sandbox/smm/smm-panel-simulator.js";
import { listen, type RunningServer } from "../../server/listen.js";
import { ProviderCallError, type OrderExtras, type PlaceOrderInput, type ProviderAdapter } from "./provider.types.js";
import { createSmmV2Adapter } from "./smm-v2.adapter.js";
import { smmOrderFields } from "./smm-v2.order-fields.js";

/** SMM v2 actions beyond add/status: refill, refill_status, cancel, and the fields of every service type. */
const KEY = "panel-key";
let sim: SmmPanelSimulator;
let server: RunningServer;
let adapter: ProviderAdapter;
let now = Date.now();

beforeEach(async () => {
  now = Date.now();
  sim = createSmmPanelSimulator({ key: KEY, now: () => now, pendingMs: 1_000, runMs: 1_000 });
  const app = new Hono();
  app.route("/", sim.routes);
  server = await listen(app, "127.0.0.1", 0);
  adapter = createSmmV2Adapter(
    { url: `http://127.0.0.1:${server.port}/api/v2`, key: KEY },
    createHttpClient({ connectTimeoutMs: 500, responseTimeoutMs: 800 }),
  );
});
afterEach(async () => {
  sim.close();
  await server.close();
});

const order = (overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  reference: "TB1-0",
  providerServiceId: "1001",
  serviceType: "Default",
  target: "https://instagram.com/budi",
  quantity: 1000,
  ...overrides,
});

async function placed(input = order()): Promise<string> {
  const outcome = await adapter.placeOrder(input);
  if (outcome.kind !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
  return outcome.providerOrderId;
}

describe("refill", () => {
  it("creates a refill for one order (single form, refill id as a string)", async () => {
    const id = await placed();
    const result = await adapter.refill([id]);
    expect(result.get(id)).toEqual({ kind: "created", refillId: expect.stringMatching(/^\d+$/) });
    expect(sim.requests.at(-1)).toMatchObject({ action: "refill", fields: { order: id } });
  });

  it("creates refills for many orders at once and keeps per-order errors", async () => {
    const a = await placed(order({ target: "https://instagram.com/a" }));
    const b = await placed(order({ target: "https://instagram.com/b" }));
    const result = await adapter.refill([a, "999", b]);
    expect(result.get(a)?.kind).toBe("created");
    expect(result.get(b)?.kind).toBe("created");
    expect(result.get("999")).toEqual({ kind: "error", message: "Incorrect order ID" });
    expect(sim.requests.at(-1)).toMatchObject({ action: "refill", fields: { orders: `${a},999,${b}` } });
  });

  it("reports refill status, single and many, with per-refill errors", async () => {
    const a = await placed(order({ target: "https://instagram.com/a" }));
    const b = await placed(order({ target: "https://instagram.com/b" }));
    const refills = await adapter.refill([a, b]);
    const ra = (refills.get(a) as { refillId: string }).refillId;
    const rb = (refills.get(b) as { refillId: string }).refillId;
    expect((await adapter.refillStatus([ra])).get(ra)).toEqual({
      kind: "status",
      status: "in_progress",
      rawStatus: "In progress",
    });
    now += 5_000;
    const many = await adapter.refillStatus([ra, rb, "404"]);
    expect(many.get(ra)).toEqual({ kind: "status", status: "completed", rawStatus: "Completed" });
    expect(many.get(rb)?.kind).toBe("status");
    expect(many.get("404")).toEqual({ kind: "error", message: "Refill not found" });
  });
});

describe("cancel", () => {
  it("requests cancellation of running orders and keeps per-order refusals", async () => {
    const running = await placed(order({ providerServiceId: "1001", target: "https://instagram.com/a" })); // service 1001 allows cancel
    const result = await adapter.cancel([running, "999"]);
    expect(result.get(running)).toEqual({ kind: "requested" });
    expect(result.get("999")).toEqual({ kind: "error", message: "Incorrect order ID" });
    now += 5_000;
    const status = (
      await adapter.status([{ providerOrderId: running, reference: "r", providerServiceId: "1001", target: "x" }])
    ).get(running);
    expect(status).toMatchObject({ kind: "status", status: "canceled" });
  });

  it("says so when a panel does not support account checks", async () => {
    await expect(adapter.checkTarget({ providerServiceId: "1001", brand: "", target: "x" })).rejects.toMatchObject({
      name: "ProviderCallError",
      errorClass: "unsupported",
    });
    await expect(adapter.checkTarget({ providerServiceId: "1001", brand: "", target: "x" })).rejects.toBeInstanceOf(
      ProviderCallError,
    );
  });
});

describe("order fields by service type (wire-contracts 1.3)", () => {
  const base = order();
  it.each([
    ["Default", {}, { link: base.target, quantity: 1000 }],
    // The order's quantity is what the customer paid for (quantity × runs): the panel gets it per run.
    ["Default", { runs: 5, interval: 30 }, { link: base.target, quantity: 200, runs: 5, interval: 30 }],
    ["Package", {}, { link: base.target }],
    ["SEO", { keywords: ["jual baju", "toko"] }, { link: base.target, quantity: 1000, keywords: "jual baju\ntoko" }],
    ["Custom Comments", { comments: ["mantap", "keren"] }, { link: base.target, comments: "mantap\nkeren" }],
    ["Custom Comments Package", { comments: ["a"] }, { link: base.target, comments: "a" }],
    ["Mentions", { usernames: ["a", "b"] }, { link: base.target, quantity: 1000, usernames: "a\nb" }],
    [
      "Mentions with Hashtags",
      { usernames: ["a"], hashtags: ["#x"] },
      { link: base.target, quantity: 1000, usernames: "a", hashtags: "#x" },
    ],
    ["Mentions Custom List", { usernames: ["a", "b"] }, { link: base.target, usernames: "a\nb" }],
    ["Mentions Hashtag", { hashtag: "#promo" }, { link: base.target, quantity: 1000, hashtag: "#promo" }],
    ["Mentions User Followers", { username: "budi" }, { link: base.target, quantity: 1000, username: "budi" }],
    [
      "Mentions Media Likers",
      { media: "https://instagram.com/p/x" },
      { link: base.target, quantity: 1000, media: "https://instagram.com/p/x" },
    ],
    ["Comment Likes", { username: "budi" }, { link: base.target, quantity: 1000, username: "budi" }],
    [
      "Comment Replies",
      { username: "budi", comments: ["ok"] },
      { link: base.target, username: "budi", comments: "ok" },
    ],
    ["Poll", { answerNumber: 2 }, { link: base.target, quantity: 1000, answer_number: 2 }],
    [
      "Subscriptions",
      { subscription: { username: "budi", min: 100, max: 200, posts: 5, delay: 30 } },
      { username: "budi", min: 100, max: 200, posts: 5, delay: 30 },
    ],
  ] as const)("%s sends exactly its parameters", (type, extras, expected) => {
    const fields = Object.fromEntries(
      Object.entries(smmOrderFields({ ...base, serviceType: type, extras: extras as OrderExtras })).filter(
        ([, v]) => v !== undefined,
      ),
    );
    expect(fields).toEqual(expected);
  });

  it("sends drip-feed runs and interval to the panel, which refuses them on services without drip-feed", async () => {
    // 3 runs of 1,000: the order holds the 3,000 paid for, the panel gets the quantity per run.
    expect(
      (
        await adapter.placeOrder(
          order({ providerServiceId: "1002", quantity: 3000, extras: { runs: 3, interval: 15 } }),
        )
      ).kind,
    ).toBe("placed"); // 1002 has dripfeed
    expect(sim.requests.at(-1)?.fields).toMatchObject({ quantity: "1000", runs: "3", interval: "15" });
    expect(
      await adapter.placeOrder(
        order({ providerServiceId: "1001", target: "https://instagram.com/c", extras: { runs: 3, interval: 15 } }),
      ),
    ).toMatchObject({ kind: "rejected" });
  });

  it("places custom comments with one comment per line", async () => {
    const comments = await adapter.placeOrder(
      order({
        providerServiceId: "1033",
        serviceType: "Custom Comments",
        extras: { comments: Array.from({ length: 6 }, (_, i) => `komentar ${i}`) },
      }),
    );
    expect(comments.kind).toBe("placed");
    expect(sim.requests.at(-1)?.fields.comments?.split("\n")).toHaveLength(6);
  });
});

describe("idempotent panels", () => {
  it("sends the order reference as the panel's idempotency key and treats a lost answer as safe to retry", async () => {
    const idempotent = createSmmV2Adapter(
      { url: `http://127.0.0.1:${server.port}/api/v2`, key: KEY, idempotencyParam: "request_id" },
      createHttpClient({ connectTimeoutMs: 500, responseTimeoutMs: 400 }),
    );
    expect(idempotent.capabilities.idempotentPlace).toBe(true);
    await idempotent.placeOrder(order({ reference: "TB42-0" }));
    expect(sim.requests.at(-1)?.fields).toMatchObject({ request_id: "TB42-0" });
    sim.setFault("add", "hang", 1);
    expect((await idempotent.placeOrder(order({ reference: "TB43-0", target: "https://instagram.com/z" }))).kind).toBe(
      "safe_to_retry",
    );
  });
});
