import { createHash, createHmac } from "node:crypto";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import {
  createDigiflazzSimulator,
  type DigiflazzFault,
  type DigiflazzSimulator,
  type DigiflazzSimulatorOptions,
} from "../../sandbox/digiflazz/digiflazz-simulator.js";
import { closedPortUrl, loopbackScope } from "../../../test/kit/loopback.js";
import {
  createDigiflazzAdapter,
  parseDigiflazzWebhook,
  verifyDigiflazzSignature,
  type DigiflazzConfig,
} from "./digiflazz.adapter.js";
import {
  ProviderCallError,
  type OrderStatusReport,
  type PlaceOrderInput,
  type PlaceOutcome,
  type ProviderAdapter,
  type StatusQuery,
  type SupplierErrorClass,
} from "./provider.types.js";

/**
 * Contract tests of the Digiflazz adapter against the Digiflazz simulator over real HTTP.
 * TSEL10 is "Telkomsel 10.000" (Rp 10.350), ML86 "MOBILE LEGENDS 86 Diamond" (Rp 19.500).
 */

const USER = "tokobotdev";
const API_KEY = "dev-0b1e6f2a-test-key";
const WEBHOOK_SECRET = "webhook-secret-for-tests";
const PHONE = "081234567891";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

const { fastHttp, serve, onCleanup } = loopbackScope();

interface Supplier {
  sim: DigiflazzSimulator;
  url: string;
  adapter: ProviderAdapter;
  /** Another adapter on the same simulator (other key, testing flag, URL spelling). */
  adapterWith(config: Partial<DigiflazzConfig>): ProviderAdapter;
}

async function startDigiflazz(options: Partial<DigiflazzSimulatorOptions> = {}): Promise<Supplier> {
  const sim = createDigiflazzSimulator({ username: USER, apiKey: API_KEY, ...options });
  const server = await serve(sim.routes);
  onCleanup(() => sim.close());
  const url = `http://127.0.0.1:${server.port}/v1`;
  const http = fastHttp();
  const adapterWith = (config: Partial<DigiflazzConfig>) =>
    createDigiflazzAdapter({ url, username: USER, apiKey: API_KEY, ...config }, http);
  return { sim, url, adapter: adapterWith({}), adapterWith };
}

/** A port nothing listens on: connections to it are refused before a byte is sent. */
const refusingUrl = () => closedPortUrl("/v1");

/** A clock the simulator reads, moved by the test. */
const manualClock = () => createManualClock(Date.UTC(2026, 0, 5, 3, 0, 0));

/** The shop's webhook endpoint: records the raw bytes and headers exactly as they arrived. */
async function startReceiver() {
  const received: Array<{ raw: Uint8Array; text: string; headers: Record<string, string> }> = [];
  const app = new Hono();
  app.post("/webhooks/digiflazz", async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => void (headers[name] = value));
    received.push({ raw, text: Buffer.from(raw).toString("utf8"), headers });
    return c.text("ok");
  });
  const server = await serve(app);
  return { url: `http://127.0.0.1:${server.port}/webhooks/digiflazz`, received };
}

async function expectCallError(
  promise: Promise<unknown>,
  expected: { reason: ProviderCallError["reason"]; errorClass?: SupplierErrorClass; message?: RegExp },
) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeInstanceOf(ProviderCallError);
  const callError = error as ProviderCallError;
  expect(callError.reason).toBe(expected.reason);
  if (expected.errorClass) expect(callError.errorClass).toBe(expected.errorClass);
  if (expected.message) expect(callError.message).toMatch(expected.message);
}

let refCounter = 0;
function order(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    reference: `ord-${++refCounter}-7f3c`,
    providerServiceId: "TSEL10",
    serviceType: "Top-up",
    target: PHONE,
    quantity: 1,
    ...overrides,
  };
}

function queryFor(input: PlaceOrderInput): StatusQuery {
  return {
    providerOrderId: input.reference,
    reference: input.reference,
    providerServiceId: input.providerServiceId,
    target: input.target,
    zone: input.zone,
  };
}

function placedId(outcome: PlaceOutcome): string {
  if (outcome.kind !== "placed") throw new Error(`expected the order to be placed, got ${JSON.stringify(outcome)}`);
  return outcome.providerOrderId;
}

function statusOf(report: OrderStatusReport | undefined) {
  if (report?.kind !== "status") throw new Error(`expected a status, got ${JSON.stringify(report)}`);
  return report;
}

async function statusNow(adapter: ProviderAdapter, input: PlaceOrderInput) {
  return statusOf((await adapter.status([queryFor(input)])).get(input.reference));
}

describe("signs: every call is signed the way Digiflazz checks it", () => {
  it("cek-saldo sends cmd deposit and md5(username + apiKey + 'depo')", async () => {
    const { sim, adapter } = await startDigiflazz();
    await adapter.balance();
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({
      endpoint: "cek-saldo",
      body: { cmd: "deposit", username: USER, sign: md5(`${USER}${API_KEY}depo`) },
    });
  });

  it("price-list sends cmd prepaid and md5(username + apiKey + 'pricelist')", async () => {
    const { sim, adapter } = await startDigiflazz();
    await adapter.services();
    expect(sim.requests[0]).toMatchObject({
      endpoint: "price-list",
      body: { cmd: "prepaid", username: USER, sign: md5(`${USER}${API_KEY}pricelist`) },
    });
  });

  it("transaction sends buyer_sku_code, customer_no, ref_id and md5(username + apiKey + ref_id), without testing unless configured", async () => {
    const { sim, adapter } = await startDigiflazz();
    const input = order({ reference: "INV-2026-0001" });
    await adapter.placeOrder(input);
    expect(sim.requests[0]!.endpoint).toBe("transaction");
    expect(sim.requests[0]!.body).toEqual({
      username: USER,
      buyer_sku_code: "TSEL10",
      customer_no: PHONE,
      ref_id: "INV-2026-0001",
      sign: md5(`${USER}${API_KEY}INV-2026-0001`),
    });
  });

  it("sends testing: true on transactions when the account is configured for testing", async () => {
    const { sim, adapterWith } = await startDigiflazz();
    const input = order();
    await adapterWith({ testing: true }).placeOrder(input);
    expect(sim.requests[0]!.body).toMatchObject({ testing: true, ref_id: input.reference });
    expect(sim.transactions.get(input.reference)!.testing).toBe(true);
  });

  it("accepts the API base with a trailing slash", async () => {
    const { sim, url, adapterWith } = await startDigiflazz({ balance: 777_000 });
    expect(await adapterWith({ url: `${url}/` }).balance()).toEqual({ balance: "777000", currency: "IDR" });
    expect(sim.requests[0]!.endpoint).toBe("cek-saldo");
  });

  it("is refused with rc 41 on every call when the key is wrong, and nothing is bought", async () => {
    const { sim, adapterWith } = await startDigiflazz();
    const wrong = adapterWith({ apiKey: "not-the-key" });
    await expectCallError(wrong.balance(), {
      reason: "rejected",
      errorClass: "auth",
      message: /Signature tidak valid/,
    });
    await expectCallError(wrong.services(), {
      reason: "rejected",
      errorClass: "auth",
      message: /Signature tidak valid/,
    });
    expect(await wrong.placeOrder(order())).toEqual({
      kind: "rejected",
      errorClass: "auth",
      message: "Signature tidak valid",
    });
    expect(sim.transactions.size).toBe(0);
  });
});

describe("services(): reading the price list", () => {
  it("maps every prepaid product as a per-item top-up with Digiflazz's fields", async () => {
    const { adapter, sim } = await startDigiflazz();
    const rows = await adapter.services();
    expect(rows).toHaveLength(sim.products.length);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.find((r) => r.id === "ML86")).toEqual({
      id: "ML86",
      name: "MOBILE LEGENDS 86 Diamond",
      type: "Top-up",
      category: "Games",
      brand: "MOBILE LEGENDS",
      rate: 19_500,
      min: 1,
      max: 1,
      refill: false,
      cancel: false,
      dripfeed: false,
      description: expect.stringContaining("Zone ID"),
      unit: "per_item",
      available: true,
    });
    for (const row of rows) expect(row).toMatchObject({ unit: "per_item", type: "Top-up", min: 1, max: 1 });
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(["Pulsa", "Data", "E-Money", "PLN", "Games"]));
  });

  it("marks a product unavailable when either the seller or the buyer switched it off", async () => {
    const { adapter } = await startDigiflazz();
    const rows = await adapter.services();
    const unavailable = rows.filter((r) => r.available !== true).map((r) => r.id);
    expect(unavailable.sort()).toEqual(["FF720", "ISATD1"]);
  });

  it("keeps prices exactly as sent, numbers or strings", async () => {
    const app = new Hono();
    const item = {
      category: "Pulsa",
      brand: "XL",
      type: "Umum",
      buyer_product_status: true,
      seller_product_status: true,
      desc: "Pulsa Xl",
    };
    app.post("/v1/price-list", (c) =>
      c.json({
        data: [
          { ...item, product_name: "Xl 100.000", buyer_sku_code: "X100", price: 98000 },
          { ...item, product_name: "Xl 5.000", buyer_sku_code: "X5", price: "5890.50" },
        ],
      }),
    );
    const server = await serve(app);
    const adapter = createDigiflazzAdapter(
      { url: `http://127.0.0.1:${server.port}/v1`, username: USER, apiKey: API_KEY },
      fastHttp(),
    );
    const rows = await adapter.services();
    expect(rows.map((r) => [r.id, r.rate])).toEqual([
      ["X100", 98000],
      ["X5", "5890.50"],
    ]);
  });

  it("fails as a passing limit (unavailable) with Digiflazz's message when the price list is checked too often (rc 83)", async () => {
    const clock = manualClock();
    const { adapter } = await startDigiflazz({ now: clock.now, priceListLimit: { calls: 1, windowMs: 60_000 } });
    await adapter.services();
    await expectCallError(adapter.services(), { reason: "unavailable", message: /pricelist/i });
    clock.advance(61_000);
    expect((await adapter.services()).length).toBeGreaterThan(0);
  });

  it("fails with the supplier's message when it answers a message instead of a list", async () => {
    const app = new Hono();
    app.post("/v1/price-list", (c) => c.json({ data: { message: "Sedang maintenance, silakan coba lagi" } }));
    const server = await serve(app);
    const adapter = createDigiflazzAdapter(
      { url: `http://127.0.0.1:${server.port}/v1`, username: USER, apiKey: API_KEY },
      fastHttp(),
    );
    await expectCallError(adapter.services(), { reason: "rejected", message: /maintenance/ });
  });

  it.each([
    ["garbage", "bad_response"],
    ["http500", "unavailable"],
    ["http429", "unavailable"],
  ] as const)("fails with %s → %s, and the next read works", async (fault, reason) => {
    const { sim, adapter } = await startDigiflazz();
    sim.setFault("price-list", fault, 1);
    await expectCallError(adapter.services(), { reason });
    expect((await adapter.services()).length).toBe(sim.products.length);
  });

  it("fails with unavailable when nothing listens at the address", async () => {
    const adapter = createDigiflazzAdapter({ url: await refusingUrl(), username: USER, apiKey: API_KEY }, fastHttp());
    await expectCallError(adapter.services(), { reason: "unavailable" });
  });
});

describe("placeOrder() and status(): one ref_id, one transaction", () => {
  it("places a pending top-up keyed by our reference and charges the supplier balance once", async () => {
    const { sim, adapter } = await startDigiflazz({ balance: 100_000 });
    const input = order();
    expect(await adapter.placeOrder(input)).toEqual({
      kind: "placed",
      providerOrderId: input.reference,
      status: "pending",
    });
    expect(sim.transactions.get(input.reference)).toMatchObject({
      sku: "TSEL10",
      customerNo: PHONE,
      state: "pending",
      rc: "03",
    });
    expect(sim.balance()).toBe(100_000 - 10_350);
  });

  it("sends a game's player id and zone joined into customer_no", async () => {
    const { sim, adapter } = await startDigiflazz();
    const input = order({ providerServiceId: "ML86", target: "12345678", zone: "1234" });
    placedId(await adapter.placeOrder(input));
    expect(sim.requests[0]!.body.customer_no).toBe("123456781234");
    expect(sim.transactions.get(input.reference)!.customerNo).toBe("123456781234");
  });

  it("goes pending → completed through status re-sends, with the serial number as the note", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startDigiflazz({ now: clock.now, pendingMs: 10_000 });
    const input = order();
    placedId(await adapter.placeOrder(input));

    expect(await statusNow(adapter, input)).toMatchObject({
      status: "pending",
      rawStatus: "Pending",
      note: undefined,
      charge: "10350",
      currency: "IDR",
    });
    clock.advance(10_000);
    const done = await statusNow(adapter, input);
    const sn = sim.transactions.get(input.reference)!.sn;
    expect(sn).not.toBe("");
    expect(done).toMatchObject({ status: "completed", rawStatus: "Sukses", note: sn, charge: "10350" });
    // The status query is the same request: same body, same sign, same ref_id.
    const bodies = sim.requests.filter((r) => r.endpoint === "transaction").map((r) => r.body);
    expect(bodies).toHaveLength(3);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("re-sending the same ref_id (a retry, then status polls) never creates a second transaction nor charges twice", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startDigiflazz({ now: clock.now, balance: 100_000 });
    const input = order({ providerServiceId: "ML86", target: "87654321", zone: "2011" });
    const first = placedId(await adapter.placeOrder(input));
    const retry = placedId(await adapter.placeOrder(input));
    expect(retry).toBe(first);
    await adapter.status([queryFor(input)]);
    clock.advance(60_000);
    await adapter.status([queryFor(input)]);
    expect(await adapter.placeOrder(input)).toMatchObject({
      kind: "placed",
      providerOrderId: first,
      status: "completed",
    });
    expect(sim.transactions.size).toBe(1);
    expect(sim.transactions.get(first)!.calls).toBe(5);
    expect(sim.balance()).toBe(100_000 - 19_500);
  });

  it("reports a top-up that Digiflazz completes on the first answer as placed and completed, with its serial", async () => {
    const { sim, adapter } = await startDigiflazz();
    sim.script("0857", { kind: "success", immediate: true, sn: "0412000123456789" });
    const outcome = await adapter.placeOrder(order({ providerServiceId: "ISAT25", target: "085712345678" }));
    expect(outcome).toMatchObject({ kind: "placed", status: "completed", note: "0412000123456789" });
  });

  it("reports a destination found wrong after a while (rc 54) as canceled with Digiflazz's message, and the supplier refunds", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startDigiflazz({ now: clock.now, balance: 50_000 });
    const input = order({ target: "081200001234" });
    placedId(await adapter.placeOrder(input));
    expect(sim.balance()).toBe(50_000 - 10_350);
    clock.advance(30_000);
    expect(await statusNow(adapter, input)).toMatchObject({
      status: "canceled",
      rawStatus: "Gagal",
      note: "Nomor tujuan salah",
    });
    expect(sim.balance()).toBe(50_000);
  });

  it.each(["03", "99", "01"] as const)("keeps an order with rc %s pending (never a failure)", async (rc) => {
    const clock = manualClock();
    const { sim, adapter } = await startDigiflazz({ now: clock.now });
    sim.script("0813", { kind: "pending", rc });
    const input = order({ target: "081312345678" });
    expect(await adapter.placeOrder(input)).toMatchObject({ kind: "placed", status: "pending" });
    clock.advance(3_600_000);
    expect(await statusNow(adapter, input)).toMatchObject({ status: "pending" });
  });

  it("asks one transaction per status query and keys the answers by providerOrderId", async () => {
    const { sim, adapter } = await startDigiflazz();
    const a = order();
    const b = order({ providerServiceId: "FF70", target: "998877665" });
    placedId(await adapter.placeOrder(a));
    placedId(await adapter.placeOrder(b));
    const before = sim.transactionCalls();
    const reports = await adapter.status([queryFor(a), queryFor(b)]);
    expect([...reports.keys()]).toEqual([a.reference, b.reference]);
    expect(sim.transactionCalls() - before).toBe(2);
    expect(adapter.capabilities.statusBatch).toBe(1);
  });

  it("never cancels an order because of a signature problem on the status query (it says nothing about the transaction)", async () => {
    const { adapter, adapterWith } = await startDigiflazz();
    const input = order();
    placedId(await adapter.placeOrder(input));
    const report = (await adapterWith({ apiKey: "rotated-wrong-key" }).status([queryFor(input)])).get(input.reference);
    expect(report).toEqual({ kind: "error", message: expect.stringContaining("Signature tidak valid") });
  });

  it("never cancels when the status query's details differ from the placement (rc 49), and creates nothing", async () => {
    const { sim, adapter } = await startDigiflazz();
    const input = order();
    placedId(await adapter.placeOrder(input));
    const report = (await adapter.status([{ ...queryFor(input), providerServiceId: "TSEL25" }])).get(input.reference);
    expect(report).toEqual({ kind: "error", message: expect.stringContaining("rc 49") });
    expect(sim.transactions.size).toBe(1);
  });
});

describe.each(["id", "my"] as const)("status words of the %s host are mapped by rc", (statusWords) => {
  const words =
    statusWords === "id"
      ? { pending: "Pending", success: "Sukses", failed: "Gagal" }
      : { pending: "Processing", success: "Success", failed: "Failed" };

  it("maps pending, success and failure whatever the words", async () => {
    const clock = manualClock();
    const { adapter } = await startDigiflazz({ now: clock.now, statusWords });
    const ok = order();
    const bad = order({ target: "081200009999" });
    placedId(await adapter.placeOrder(ok));
    placedId(await adapter.placeOrder(bad));
    expect(await statusNow(adapter, ok)).toMatchObject({ status: "pending", rawStatus: words.pending });
    clock.advance(60_000);
    expect(await statusNow(adapter, ok)).toMatchObject({ status: "completed", rawStatus: words.success });
    expect(await statusNow(adapter, bad)).toMatchObject({
      status: "canceled",
      rawStatus: words.failed,
      note: "Nomor tujuan salah",
    });
  });

  it("maps an immediate failure by rc on placement", async () => {
    const { adapter } = await startDigiflazz({ statusWords, errorHttpStatus: 400 });
    expect(await adapter.placeOrder(order({ providerServiceId: "XL10" }))).toEqual({
      kind: "rejected",
      errorClass: "invalid_link",
      message: "Prefix tidak sesuai",
    });
  });
});

describe("placeOrder(): Digiflazz refusals, classified by rc with the message kept", () => {
  it.each([
    ["an unknown SKU (43)", { providerServiceId: "NOPE99" }, "invalid_service", "SKU tidak ditemukan"],
    [
      "a product the seller switched off (55)",
      { providerServiceId: "FF720", target: "998877665" },
      "invalid_service",
      "Produk gangguan",
    ],
    [
      "a product the buyer switched off (53)",
      { providerServiceId: "ISATD1", target: "085612345678" },
      "invalid_service",
      "Produk seller tidak tersedia",
    ],
    ["a number of another operator (52)", { providerServiceId: "XL10" }, "invalid_link", "Prefix tidak sesuai"],
    ["a number with too few digits (57)", { target: "08123" }, "invalid_link", "Jumlah digit tidak sesuai"],
  ] as const)("%s", async (_label, overrides, errorClass, message) => {
    const { sim, adapter } = await startDigiflazz({ balance: 100_000 });
    expect(await adapter.placeOrder(order(overrides))).toEqual({ kind: "rejected", errorClass, message });
    expect(sim.balance()).toBe(100_000);
  });

  it("classifies an empty supplier deposit (44) as insufficient_funds and creates nothing", async () => {
    const { sim, adapter } = await startDigiflazz({ balance: 10_000 });
    expect(await adapter.placeOrder(order())).toEqual({
      kind: "rejected",
      errorClass: "insufficient_funds",
      message: "Saldo tidak cukup",
    });
    expect(sim.transactions.size).toBe(0);
  });

  it.each([
    ["45", "IP tidak dikenali", "auth"],
    ["82", "Akun belum terverifikasi", "auth"],
    ["51", "Nomor diblokir", "invalid_link"],
    ["54", "Nomor tujuan salah", "invalid_link"],
    ["59", "Tujuan di luar wilayah", "invalid_link"],
    ["53", "Produk seller tidak tersedia", "invalid_service"],
    ["58", "Sedang cut off", "invalid_service"],
    ["62", "Seller sedang gangguan", "invalid_service"],
    ["66", "Seller cut off", "invalid_service"],
    ["68", "Stok habis", "invalid_service"],
    ["02", "Transaksi Gagal", "unknown"],
    ["85", "Limit transaksi", "unknown"],
  ] as const)("rc %s (%s) → rejected/%s", async (rc, message, errorClass) => {
    const { sim, adapter } = await startDigiflazz();
    sim.script("0822", { kind: "failed", rc, message, immediate: true });
    expect(await adapter.placeOrder(order({ target: "082212345678" }))).toEqual({
      kind: "rejected",
      errorClass,
      message,
    });
  });

  it("treats rc 42 (Digiflazz could not process it) as safe to re-send with the same ref_id", async () => {
    const { sim, adapter } = await startDigiflazz();
    sim.script("0822", { kind: "failed", rc: "42", message: "API buyer processing error", immediate: true });
    expect(await adapter.placeOrder(order({ target: "082212345678" }))).toMatchObject({ kind: "safe_to_retry" });
  });

  it("treats a ref_id already used with other details (49) as ambiguous: never a refund on a transaction that may deliver", async () => {
    const { sim, adapter } = await startDigiflazz();
    const input = order();
    placedId(await adapter.placeOrder(input));
    const clash = await adapter.placeOrder({ ...input, target: "081298765432" });
    expect(clash).toMatchObject({ kind: "ambiguous", reason: expect.stringContaining("Ref ID tidak unik") });
    expect(sim.transactions.size).toBe(1);
  });

  it("treats an rc outside the published table as ambiguous, not as a refusal", async () => {
    const { sim, adapter } = await startDigiflazz();
    sim.script("0822", { kind: "failed", rc: "77", message: "Kode baru", immediate: true });
    expect(await adapter.placeOrder(order({ target: "082212345678" }))).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringContaining("77"),
    });
  });

  it("reads the rc from the body when Digiflazz answers a refusal with HTTP 400", async () => {
    const { adapter, adapterWith } = await startDigiflazz({ errorHttpStatus: 400 });
    expect(await adapter.placeOrder(order({ providerServiceId: "NOPE99" }))).toMatchObject({
      kind: "rejected",
      errorClass: "invalid_service",
    });
    expect(await adapterWith({ apiKey: "wrong" }).placeOrder(order())).toMatchObject({
      kind: "rejected",
      errorClass: "auth",
    });
    await expectCallError(adapterWith({ apiKey: "wrong" }).balance(), { reason: "rejected", errorClass: "auth" });
  });
});

describe("placeOrder(): faults are safe to retry because ref_id makes the re-send idempotent", () => {
  it("is safe_to_retry when the connection is refused (nothing was sent)", async () => {
    const adapter = createDigiflazzAdapter({ url: await refusingUrl(), username: USER, apiKey: API_KEY }, fastHttp());
    const outcome = await adapter.placeOrder(order());
    expect(outcome).toMatchObject({ kind: "safe_to_retry", reason: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("is safe_to_retry with retryAfterMs when rate limited (429), and nothing was created", async () => {
    const { sim, adapter } = await startDigiflazz();
    sim.setFault("transaction", "http429", 1);
    expect(await adapter.placeOrder(order())).toEqual({
      kind: "safe_to_retry",
      reason: expect.stringContaining("429"),
      retryAfterMs: 2000,
    });
    expect(sim.transactions.size).toBe(0);
  });

  it.each(["hang", "reset", "http500", "garbage"] as const satisfies readonly DigiflazzFault[])(
    "%s after Digiflazz took the transaction → safe_to_retry; the retry with the same ref_id finds the one transaction",
    async (fault) => {
      const { sim, adapter } = await startDigiflazz({ balance: 100_000 });
      sim.setFault("transaction", fault, 1);
      const input = order();
      const started = performance.now();
      expect(await adapter.placeOrder(input)).toMatchObject({ kind: "safe_to_retry" });
      expect(performance.now() - started).toBeLessThan(5_000);
      // The dangerous part: the supplier did create it. Only the ref_id makes the retry harmless.
      expect(sim.transactions.size).toBe(1);
      expect(await adapter.placeOrder(input)).toEqual({
        kind: "placed",
        providerOrderId: input.reference,
        status: "pending",
      });
      expect(sim.transactions.size).toBe(1);
      expect(sim.transactionCalls(input.reference)).toBe(2);
      expect(sim.balance()).toBe(100_000 - 10_350);
    },
  );

  it("status fails the call (unavailable / bad_response) on a fault rather than inventing a state", async () => {
    const { sim, adapter } = await startDigiflazz();
    const input = order();
    placedId(await adapter.placeOrder(input));
    sim.setFault("transaction", "http500", 1);
    await expectCallError(adapter.status([queryFor(input)]), { reason: "unavailable" });
    sim.setFault("transaction", "garbage", 1);
    await expectCallError(adapter.status([queryFor(input)]), { reason: "bad_response" });
    expect(await statusNow(adapter, input)).toMatchObject({ status: "pending" });
  });
});

describe("balance()", () => {
  it("returns the deposit in IDR, and it drops once by the price however often the ref_id is re-sent", async () => {
    const { adapter } = await startDigiflazz({ balance: 250_000 });
    expect(await adapter.balance()).toEqual({ balance: "250000", currency: "IDR" });
    const input = order({ providerServiceId: "DANA25", target: "081311112222" });
    placedId(await adapter.placeOrder(input));
    placedId(await adapter.placeOrder(input));
    await adapter.status([queryFor(input)]);
    expect(await adapter.balance()).toEqual({ balance: String(250_000 - 25_160), currency: "IDR" });
  });

  it("fails with unavailable when Digiflazz reads the request but never answers", async () => {
    const { sim, adapter } = await startDigiflazz();
    sim.setFault("cek-saldo", "hang", 1);
    await expectCallError(adapter.balance(), { reason: "unavailable", message: /UND_ERR_HEADERS_TIMEOUT/ });
  });
});

describe("unsupported actions", () => {
  it("declares what Digiflazz can do", async () => {
    const { adapter } = await startDigiflazz();
    expect(adapter.kind).toBe("digiflazz");
    expect(adapter.capabilities).toEqual({
      refill: false,
      cancel: false,
      idempotentPlace: true,
      statusBatch: 1,
      checkTarget: false,
    });
  });

  it("throws ProviderCallError 'unsupported' for refill, refill status, cancel and account checks, without calling Digiflazz", async () => {
    const { sim, adapter } = await startDigiflazz();
    await expectCallError(adapter.refill(["x"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(adapter.refillStatus(["x"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(adapter.cancel(["x"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(
      adapter.checkTarget({ providerServiceId: "ML86", brand: "MOBILE LEGENDS", target: "12345678", zone: "1234" }),
      { reason: "rejected", errorClass: "unsupported" },
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe("webhook: signed over the raw bytes", () => {
  async function completedCallback(options: Partial<DigiflazzSimulatorOptions> = {}, input = order()) {
    const clock = manualClock();
    const receiver = await startReceiver();
    const supplier = await startDigiflazz({
      now: clock.now,
      callbackUrl: receiver.url,
      webhookSecret: WEBHOOK_SECRET,
      ...options,
    });
    placedId(await supplier.adapter.placeOrder(input));
    clock.advance(60_000);
    expect(supplier.sim.tick()).toEqual([input.reference]);
    await supplier.sim.flushCallbacks();
    expect(receiver.received).toHaveLength(1);
    return { ...supplier, receiver, callback: receiver.received[0]!, input };
  }

  it("accepts Digiflazz's callback on completion and reads ref_id, rc and the serial from it", async () => {
    const { sim, callback, input } = await completedCallback();
    expect(callback.headers["x-digiflazz-event"]).toBe("update");
    expect(callback.headers["x-digiflazz-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(callback.headers["user-agent"]).toMatch(/^DigiFlazz-Hookshot\//);
    expect(callback.headers["x-hub-signature"]).toBe(
      `sha1=${createHmac("sha1", WEBHOOK_SECRET).update(callback.raw).digest("hex")}`,
    );
    expect(verifyDigiflazzSignature(callback.raw, callback.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(true);
    expect(verifyDigiflazzSignature(callback.text, callback.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(true);
    expect(parseDigiflazzWebhook(callback.text)).toEqual({
      refId: input.reference,
      status: "completed",
      rc: "00",
      message: "Transaksi Sukses",
      serial: sim.transactions.get(input.reference)!.sn,
    });
  });

  it("rejects a tampered body, a wrong secret, and a missing or malformed header", async () => {
    const { callback } = await completedCallback();
    const header = callback.headers["x-hub-signature"];
    const tampered = callback.text.replace('"rc":"00"', '"rc":"02"');
    expect(tampered).not.toBe(callback.text);
    expect(verifyDigiflazzSignature(tampered, header, WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, header, "another-secret")).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, undefined, WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, "", WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, header!.slice("sha1=".length), WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, `sha256=${header!.slice(5)}`, WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, `${header!}00`, WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, "sha1=not-hex", WEBHOOK_SECRET)).toBe(false);
    expect(verifyDigiflazzSignature(callback.raw, header, "")).toBe(false);
  });

  it("rejects the same content re-serialised with another key order", async () => {
    const { callback } = await completedCallback();
    const parsed = JSON.parse(callback.text) as { data: Record<string, unknown> };
    const reordered = JSON.stringify({ data: Object.fromEntries(Object.entries(parsed.data).reverse()) });
    expect(JSON.parse(reordered)).toEqual(parsed);
    expect(verifyDigiflazzSignature(reordered, callback.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(false);
  });

  it("verifies a PLN token callback only on the raw bytes: its escaped slashes do not survive JSON.parse + JSON.stringify", async () => {
    const { callback, input } = await completedCallback(
      {},
      order({ providerServiceId: "PLN20", target: "14234567890" }),
    );
    expect(callback.text).toContain("\\/");
    expect(verifyDigiflazzSignature(callback.raw, callback.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(true);
    expect(
      verifyDigiflazzSignature(
        JSON.stringify(JSON.parse(callback.text)),
        callback.headers["x-hub-signature"],
        WEBHOOK_SECRET,
      ),
    ).toBe(false);
    expect(parseDigiflazzWebhook(callback.text)).toMatchObject({
      refId: input.reference,
      status: "completed",
      serial: expect.stringMatching(/^\d{4}-\d{4}-\d{4}-\d{4}-\d{4}\/BUDI SANTOSO\//),
    });
  });

  it("reports a failed transaction's callback as canceled with Digiflazz's message and no serial", async () => {
    const { callback, input } = await completedCallback({}, order({ target: "081200007777" }));
    expect(verifyDigiflazzSignature(callback.raw, callback.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(true);
    expect(parseDigiflazzWebhook(callback.text)).toEqual({
      refId: input.reference,
      status: "canceled",
      rc: "54",
      message: "Nomor tujuan salah",
      serial: undefined,
    });
  });

  it("sends no signature header when no secret is set, and such a callback is never accepted", async () => {
    const receiver = await startReceiver();
    const { sim, adapter } = await startDigiflazz({ callbackUrl: receiver.url });
    const input = order();
    placedId(await adapter.placeOrder(input));
    const delivery = await sim.sendCallback(input.reference);
    expect(delivery).toMatchObject({ httpStatus: 200, event: "create" });
    expect(receiver.received[0]!.headers).not.toHaveProperty("x-hub-signature");
    expect(
      verifyDigiflazzSignature(
        receiver.received[0]!.raw,
        receiver.received[0]!.headers["x-hub-signature"],
        WEBHOOK_SECRET,
      ),
    ).toBe(false);
    expect(parseDigiflazzWebhook(receiver.received[0]!.text)).toMatchObject({
      refId: input.reference,
      status: "pending",
      rc: "03",
    });
  });

  it("repeats a callback on demand with a new delivery id and the same signed content", async () => {
    const { sim, receiver, input } = await completedCallback();
    await sim.sendCallback(input.reference);
    const [first, second] = receiver.received;
    expect(second!.headers["x-digiflazz-delivery"]).not.toBe(first!.headers["x-digiflazz-delivery"]);
    expect(second!.text).toBe(first!.text);
    expect(verifyDigiflazzSignature(second!.raw, second!.headers["x-hub-signature"], WEBHOOK_SECRET)).toBe(true);
  });
});

describe("parseDigiflazzWebhook", () => {
  const body = (data: Record<string, unknown>) =>
    JSON.stringify({
      data: {
        trx_id: "1703481",
        ref_id: "ord-1",
        customer_no: PHONE,
        buyer_sku_code: "TSEL10",
        message: "m",
        status: "x",
        buyer_last_saldo: 1000,
        sn: "",
        price: 10350,
        tele: "",
        wa: "",
        ...data,
      },
    });

  it.each([
    ["00", "completed"],
    ["03", "pending"],
    ["99", "pending"],
    ["01", "pending"],
    ["02", "canceled"],
    ["54", "canceled"],
    ["68", "canceled"],
    ["74", "canceled"],
    ["41", "unrecognized"],
    ["77", "unrecognized"],
  ] as const)("rc %s → %s, whatever the status word says", (rc, status) => {
    expect(parseDigiflazzWebhook(body({ rc, status: "Sukses" }))).toMatchObject({ refId: "ord-1", rc, status });
  });

  it("keeps the serial only when there is one", () => {
    expect(parseDigiflazzWebhook(body({ rc: "00", sn: "0412000123" }))?.serial).toBe("0412000123");
    expect(parseDigiflazzWebhook(body({ rc: "03", sn: "" }))?.serial).toBeUndefined();
  });

  it("returns undefined for bodies that are not a transaction notice", () => {
    expect(parseDigiflazzWebhook("not json")).toBeUndefined();
    expect(
      parseDigiflazzWebhook(JSON.stringify({ zen: "Keep it logically awesome.", hook_id: "abc" })),
    ).toBeUndefined();
    expect(parseDigiflazzWebhook(body({ ref_id: "", rc: "00" }))).toBeUndefined();
    expect(parseDigiflazzWebhook(body({ rc: undefined }))).toBeUndefined();
  });
});
