import { createHash } from "node:crypto";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import {
  createVipResellerSimulator,
  type VipResellerSimulator,
  type VipResellerSimulatorOptions,
} from "../../sandbox/vip-reseller/vip-reseller-simulator.js";
import { closedPortUrl, loopbackScope } from "../../../test/kit/loopback.js";
import {
  ProviderCallError,
  type OrderStatusReport,
  type PlaceOrderInput,
  type PlaceOutcome,
  type ProviderAdapter,
  type StatusQuery,
  type SupplierErrorClass,
} from "./provider.types.js";
import {
  classifyVipError,
  createVipResellerAdapter,
  normalizeVipStatus,
  vipGameSlug,
  type VipResellerConfig,
} from "./vip-reseller.adapter.js";

/**
 * Contract tests of the VIP Reseller adapter against the VIP simulator over real HTTP.
 * Sample catalog: MLA86 "Mobile Legends 86 Diamonds" basic 19,450 / premium 19,256 / special 19,061
 * (zone required), FF140 "Free Fire 140 Diamonds" basic 18,900 (no zone), MLA3688 and FF1450 out of
 * stock. Known players: 12345678 (zone 1234) "BudiGamer", 123456789 (Free Fire) "RizkyFF".
 */

const API_ID = "VR-000731";
const API_KEY = "k8Jd2mQp7xLw4ZrT9vNc";
/** Computed here, independently of the adapter: lowercase hex md5 of API_ID + API_KEY. */
const SIGN = createHash("md5")
  .update(API_ID + API_KEY)
  .digest("hex");

const ML_86 = "MLA86";
const FF_140 = "FF140";
const BUDI = { target: "12345678", zone: "1234" };

interface Vip {
  sim: VipResellerSimulator;
  /** The API base the adapter is configured with, e.g. http://127.0.0.1:1234/api */
  url: string;
  adapter: ProviderAdapter;
  /** Another adapter on the same supplier, with some configuration changed. */
  adapterWith(config: Partial<VipResellerConfig>): ProviderAdapter;
}

const { fastHttp, serve, onCleanup } = loopbackScope();

async function startVip(
  options: Partial<VipResellerSimulatorOptions> = {},
  config: Partial<VipResellerConfig> = {},
): Promise<Vip> {
  const sim = createVipResellerSimulator({ apiId: API_ID, apiKey: API_KEY, ...options });
  const server = await serve(sim.routes);
  onCleanup(() => sim.close());
  const url = `http://127.0.0.1:${server.port}/api`;
  const http = fastHttp();
  const adapterWith = (changes: Partial<VipResellerConfig>) =>
    createVipResellerAdapter({ url, apiId: API_ID, apiKey: API_KEY, ...config, ...changes }, http);
  return { sim, url, adapter: adapterWith({}), adapterWith };
}

/** A supplier that answers every call with one fixed body: a real HTTP server, not a mock. */
async function fixedSupplier(body: unknown): Promise<ProviderAdapter> {
  const app = new Hono();
  app.post("/api/*", (c) => c.json(body));
  const server = await serve(app);
  return createVipResellerAdapter(
    { url: `http://127.0.0.1:${server.port}/api`, apiId: API_ID, apiKey: API_KEY },
    fastHttp(),
  );
}

/** A port nothing listens on: connections to it are refused before a byte is sent. */
const refusingUrl = () => closedPortUrl("/api");

/** A clock the simulator reads, moved by the test. */
const manualClock = () => createManualClock(Date.UTC(2026, 0, 5, 3, 0, 0));

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

const mlOrder = (changes: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  reference: "ORD-1",
  providerServiceId: ML_86,
  serviceType: "Top-up",
  target: BUDI.target,
  zone: BUDI.zone,
  quantity: 1,
  ...changes,
});

const ffOrder = (changes: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
  reference: "ORD-2",
  providerServiceId: FF_140,
  serviceType: "Top-up",
  target: "123456789",
  quantity: 1,
  ...changes,
});

const query = (providerOrderId: string, input: PlaceOrderInput = mlOrder()): StatusQuery => ({
  providerOrderId,
  reference: input.reference,
  providerServiceId: input.providerServiceId,
  target: input.target,
  zone: input.zone,
});

function placed(outcome: PlaceOutcome): string {
  if (outcome.kind !== "placed") throw new Error(`expected the order to be placed, got ${JSON.stringify(outcome)}`);
  return outcome.providerOrderId;
}

function statusOf(report: OrderStatusReport | undefined) {
  if (report?.kind !== "status") throw new Error(`expected a status, got ${JSON.stringify(report)}`);
  return report;
}

const gameFeature = (sim: VipResellerSimulator, type: string) =>
  sim.requests.filter((r) => r.endpoint === "game-feature" && r.type === type);

describe("authentication: key and md5 sign on every call", () => {
  it("sends sign = md5(API_ID + API_KEY) in lowercase hex with the key on every endpoint and action", async () => {
    const { sim, adapter } = await startVip();
    await adapter.services();
    const id = placed(await adapter.placeOrder(mlOrder()));
    await adapter.status([query(id)]);
    await adapter.checkTarget({ providerServiceId: ML_86, brand: "Mobile Legends", ...BUDI });
    await adapter.balance();

    expect(SIGN).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(sim.requests.map((r) => `${r.endpoint}/${r.type}`))).toEqual(
      new Set([
        "profile/profile",
        "game-feature/services",
        "game-feature/order",
        "game-feature/status",
        "game-feature/get-nickname",
      ]),
    );
    for (const request of sim.requests) expect(request.fields.sign, `${request.endpoint} ${request.type}`).toBe(SIGN);
  });

  it("accepts an API base with a trailing slash", async () => {
    const { sim, url, adapterWith } = await startVip();
    const balance = await adapterWith({ url: `${url}/` }).balance();
    expect(balance.currency).toBe("IDR");
    expect(sim.requests.map((r) => r.endpoint)).toEqual(["profile"]);
  });
});

describe("services(): the game catalog", () => {
  it("maps products to per-item top-ups: code as id, the game as brand and category, min and max 1", async () => {
    const { adapter } = await startVip({ level: "basic" });
    const rows = await adapter.services();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    const ml86 = rows.find((r) => r.id === ML_86);
    expect(ml86).toEqual({
      id: "MLA86",
      name: "Mobile Legends 86 Diamonds",
      type: "Top-up",
      category: "Mobile Legends",
      rate: 19_450,
      min: 1,
      max: 1,
      refill: false,
      cancel: false,
      dripfeed: false,
      description: "",
      unit: "per_item",
      brand: "Mobile Legends",
      available: true,
    });
    expect(new Set(rows.map((r) => r.brand))).toEqual(
      new Set(["Mobile Legends", "Free Fire", "PUBG Mobile", "Genshin Impact", "Valorant"]),
    );
    expect(rows.every((r) => r.unit === "per_item" && r.type === "Top-up")).toBe(true);
  });

  it("marks out-of-stock products as not available, and only those", async () => {
    const { adapter } = await startVip();
    const rows = await adapter.services();
    const unavailable = rows.filter((r) => r.available === false).map((r) => r.id);
    expect(unavailable.sort()).toEqual(["FF1450", "MLA3688", "VAL1375"]);
    expect(rows.find((r) => r.id === "MLWDP")?.available).toBe(true);
  });

  it("prices at the account's level read from /profile when no tier is configured", async () => {
    const { sim, adapter } = await startVip({ level: "premium" });
    const rows = await adapter.services();
    expect(rows.find((r) => r.id === ML_86)?.rate).toBe(19_256);
    expect(sim.requests[0]).toMatchObject({ endpoint: "profile" });

    sim.setLevel("special");
    expect((await adapter.services()).find((r) => r.id === ML_86)?.rate).toBe(19_061);
  });

  it("uses the configured tier without asking /profile", async () => {
    const { sim, adapterWith } = await startVip({ level: "basic" });
    const rows = await adapterWith({ priceTier: "special" }).services();
    expect(rows.find((r) => r.id === FF_140)?.rate).toBe(Math.round(18_900 * 0.98));
    expect(sim.requests.map((r) => r.endpoint)).toEqual(["game-feature"]);
  });

  it("falls back to basic prices when /profile reports a level it does not know", async () => {
    const { sim, adapter } = await startVip();
    sim.setLevel("Gold Member");
    expect((await adapter.services()).find((r) => r.id === ML_86)?.rate).toBe(19_450);
    sim.setLevel("PREMIUM");
    expect((await adapter.services()).find((r) => r.id === ML_86)?.rate).toBe(19_256);
  });

  it("keeps prices exactly as sent when the supplier sends them as strings", async () => {
    const { adapterWith } = await startVip({
      catalog: [
        {
          code: "FF70",
          game: "Free Fire",
          name: "Free Fire 70 Diamonds",
          price: { basic: "9500.00", premium: "9405", special: "9310" },
          server: "1",
          status: "available",
        },
      ],
    });
    const [row] = await adapterWith({ priceTier: "basic" }).services();
    expect(row).toMatchObject({ id: "FF70", rate: "9500.00", available: true });
  });

  it("fails with rejected/auth and the supplier's message when the sign is wrong", async () => {
    const { adapterWith } = await startVip();
    await expectCallError(adapterWith({ apiId: "VR-999999" }).services(), {
      reason: "rejected",
      errorClass: "auth",
      message: /Signature Anda tidak valid/,
    });
  });

  it("fails with rejected/auth when the server's IP is not whitelisted", async () => {
    const { sim, adapterWith } = await startVip();
    sim.setIpAllowed(false);
    await expectCallError(adapterWith({ priceTier: "basic" }).services(), {
      reason: "rejected",
      errorClass: "auth",
      message: /IP 127\.0\.0\.1/,
    });
  });

  it("fails with bad_response on a maintenance page served with HTTP 200", async () => {
    const { sim, adapterWith } = await startVip();
    sim.setFault("services", "garbage", 1);
    await expectCallError(adapterWith({ priceTier: "basic" }).services(), { reason: "bad_response" });
  });

  it("fails with bad_response when the envelope's data is not a list", async () => {
    const adapter = await fixedSupplier({ result: true, data: { level: "basic" }, message: "ok" });
    await expectCallError(adapter.services(), { reason: "bad_response" });
  });

  it.each(["http500", "http429"] as const)(
    "fails with unavailable (try later) on %s, and the next read works",
    async (fault) => {
      const { sim, adapterWith } = await startVip();
      const adapter = adapterWith({ priceTier: "basic" });
      sim.setFault("services", fault, 1);
      await expectCallError(adapter.services(), { reason: "unavailable" });
      expect((await adapter.services()).length).toBeGreaterThan(0);
    },
  );

  it("fails with unavailable when nothing listens at the address", async () => {
    const adapter = createVipResellerAdapter(
      { url: await refusingUrl(), apiId: API_ID, apiKey: API_KEY, priceTier: "basic" },
      fastHttp(),
    );
    await expectCallError(adapter.services(), { reason: "unavailable" });
  });
});

describe("placeOrder(): success", () => {
  it("orders a zoned game with data_no and data_zone and returns the trxid, waiting as pending", async () => {
    const { sim, adapter } = await startVip({ balance: 100_000, level: "basic" });
    const outcome = await adapter.placeOrder(mlOrder());
    const id = placed(outcome);
    expect(outcome).toEqual({ kind: "placed", providerOrderId: id, status: "pending" });
    expect(id).toMatch(/^VIP\d+$/);
    const [request] = gameFeature(sim, "order");
    expect(request!.fields).toEqual({
      sign: SIGN,
      type: "order",
      service: ML_86,
      data_no: "12345678",
      data_zone: "1234",
    });
    expect(sim.orders.get(id)).toMatchObject({ service: ML_86, dataNo: "12345678", zone: "1234", price: 19_450 });
    expect(sim.balance()).toBe(100_000 - 19_450);
  });

  it("orders a game without zones with an empty data_zone", async () => {
    const { sim, adapter } = await startVip();
    const id = placed(await adapter.placeOrder(ffOrder()));
    expect(gameFeature(sim, "order")[0]!.fields).toMatchObject({
      service: FF_140,
      data_no: "123456789",
      data_zone: "",
    });
    expect(sim.orders.get(id)).toMatchObject({ service: FF_140, zone: "" });
  });

  it("gives each order its own trxid", async () => {
    const { adapter } = await startVip();
    const first = placed(await adapter.placeOrder(mlOrder()));
    const second = placed(await adapter.placeOrder(mlOrder({ reference: "ORD-3" })));
    expect(first).not.toBe(second);
  });

  it("keeps the status and note of an answer that is already final", async () => {
    const adapter = await fixedSupplier({
      result: true,
      data: {
        trxid: "VIP555",
        data: "123456789",
        zone: "",
        service: "Free Fire 140 Diamonds",
        status: "success",
        note: "SN: 0A1B2C",
        balance: 1000,
        price: 18900,
      },
      message: "ok",
    });
    expect(await adapter.placeOrder(ffOrder())).toEqual({
      kind: "placed",
      providerOrderId: "VIP555",
      status: "completed",
      note: "SN: 0A1B2C",
    });
  });
});

describe("placeOrder(): supplier refusals are classified and nothing is ordered", () => {
  const refused = async (outcome: PlaceOutcome, errorClass: SupplierErrorClass, message?: RegExp) => {
    expect(outcome).toMatchObject({ kind: "rejected", errorClass });
    if (message) expect(outcome.kind === "rejected" && outcome.message).toMatch(message);
  };

  it("classifies a wrong API key as auth", async () => {
    const { sim, adapterWith } = await startVip();
    await refused(await adapterWith({ apiKey: "not-the-key" }).placeOrder(mlOrder()), "auth", /API Key/);
    expect(sim.orders.size).toBe(0);
  });

  it("classifies a wrong sign (right key, wrong API id) as auth", async () => {
    const { sim, adapterWith } = await startVip();
    await refused(
      await adapterWith({ apiId: "VR-000732" }).placeOrder(mlOrder()),
      "auth",
      /Signature Anda tidak valid/,
    );
    expect(sim.orders.size).toBe(0);
  });

  it("classifies an IP that is not whitelisted as auth", async () => {
    const { sim, adapter } = await startVip();
    sim.setIpAllowed(false);
    await refused(await adapter.placeOrder(mlOrder()), "auth", /whitelist/);
    expect(sim.orders.size).toBe(0);
  });

  it("classifies an unknown product code as invalid_service and keeps the message", async () => {
    const { adapter } = await startVip();
    await refused(
      await adapter.placeOrder(mlOrder({ providerServiceId: "MLA99999" })),
      "invalid_service",
      /^Layanan tidak ditemukan$/,
    );
  });

  it("classifies an out-of-stock product as invalid_service", async () => {
    const { adapter } = await startVip();
    await refused(await adapter.placeOrder(mlOrder({ providerServiceId: "MLA3688" })), "invalid_service");
  });

  it("classifies an empty supplier balance as insufficient_funds", async () => {
    const { sim, adapter } = await startVip({ balance: 10_000 });
    await refused(await adapter.placeOrder(mlOrder()), "insufficient_funds", /Saldo/);
    expect(sim.balance()).toBe(10_000);
  });

  it.each([
    ["letters in the player id", { target: "budi123" }],
    ["a player id that is too short", { target: "1234" }],
    ["an empty player id", { target: "" }],
    ["a missing zone for Mobile Legends", { zone: undefined }],
  ])("classifies %s as invalid_link (a bad top-up target)", async (_label, changes) => {
    const { sim, adapter } = await startVip();
    await refused(await adapter.placeOrder(mlOrder(changes)), "invalid_link");
    expect(sim.orders.size).toBe(0);
  });

  it("classifies VIP's other wordings the same way", () => {
    expect(classifyVipError("Signature tidak valid")).toBe("auth");
    expect(classifyVipError("IP Anda belum di whitelist")).toBe("auth");
    expect(classifyVipError("Saldo tidak cukup")).toBe("insufficient_funds");
    expect(classifyVipError("Layanan sedang gangguan")).toBe("invalid_service");
    expect(classifyVipError("Data transaksi tidak ditemukan")).toBe("not_found");
    expect(classifyVipError("Server tidak valid")).toBe("invalid_link");
    expect(classifyVipError("Permintaan tidak sesuai")).toBe("unknown");
  });
});

describe("placeOrder(): telling 'never sent' from 'maybe processed'", () => {
  it("is safe_to_retry when the connection is refused (nothing was sent)", async () => {
    const adapter = createVipResellerAdapter({ url: await refusingUrl(), apiId: API_ID, apiKey: API_KEY }, fastHttp());
    const outcome = await adapter.placeOrder(mlOrder());
    expect(outcome.kind).toBe("safe_to_retry");
    expect(outcome.kind === "safe_to_retry" && outcome.reason).toMatch(/ECONNREFUSED/);
  });

  it("is safe_to_retry with retryAfterMs when rate limited (429), though the 429 body says result:false", async () => {
    const { sim, adapter } = await startVip();
    sim.setFault("order", "http429", 1);
    expect(await adapter.placeOrder(mlOrder())).toEqual({
      kind: "safe_to_retry",
      reason: expect.stringContaining("429"),
      retryAfterMs: 2000,
    });
    expect(sim.orders.size).toBe(0);
  });

  it("is ambiguous on a 5xx answer", async () => {
    const { sim, adapter } = await startVip();
    sim.setFault("order", "http500", 1);
    expect(await adapter.placeOrder(mlOrder())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringContaining("500"),
    });
  });

  it("is ambiguous on an unreadable 200 answer", async () => {
    const { sim, adapter } = await startVip();
    sim.setFault("order", "garbage", 1);
    expect(await adapter.placeOrder(mlOrder())).toMatchObject({ kind: "ambiguous" });
  });

  it("is ambiguous when the supplier took the order but never answered (timeout after sending)", async () => {
    const { sim, adapter } = await startVip();
    sim.setFault("order", "hang", 1);
    const started = performance.now();
    expect(await adapter.placeOrder(mlOrder())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringMatching(/no answer/),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    // The dangerous case: the order exists at the supplier, so a blind retry would top up twice.
    expect(sim.orderCalls()).toBe(1);
    expect(sim.orders.size).toBe(1);
  });

  it("is ambiguous when the connection is reset after the supplier read the order", async () => {
    const { sim, adapter } = await startVip();
    sim.setFault("order", "reset", 1);
    expect(await adapter.placeOrder(mlOrder())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringMatching(/no answer/),
    });
    expect(sim.orders.size).toBe(1);
  });

  it("is ambiguous when result:true comes without a trxid", async () => {
    const adapter = await fixedSupplier({
      result: true,
      data: { status: "waiting" },
      message: "Pesanan berhasil dibuat",
    });
    expect(await adapter.placeOrder(mlOrder())).toMatchObject({ kind: "ambiguous" });
  });
});

describe("status(): following top-ups at the supplier", () => {
  it("moves waiting → processing → success on the supplier's clock and hands over the serial number", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startVip({ now: clock.now, waitingMs: 1_000, processingMs: 4_000 });
    const id = placed(await adapter.placeOrder(mlOrder()));

    const waiting = statusOf((await adapter.status([query(id)])).get(id));
    expect(waiting).toMatchObject({
      status: "pending",
      rawStatus: "waiting",
      charge: "19450",
      currency: "IDR",
      startCount: undefined,
      remains: undefined,
    });

    clock.advance(2_000);
    expect(statusOf((await adapter.status([query(id)])).get(id))).toMatchObject({
      status: "in_progress",
      rawStatus: "processing",
    });

    clock.advance(4_000);
    const done = statusOf((await adapter.status([query(id)])).get(id));
    expect(done).toMatchObject({ status: "completed", rawStatus: "success" });
    expect(done.note).toMatch(/^SN: [0-9A-F]{20}$/);
    expect(gameFeature(sim, "status").map((r) => r.fields)).toEqual(
      Array.from({ length: 3 }, () => ({ sign: SIGN, type: "status", trxid: id })),
    );
  });

  it("reports a failed top-up as canceled with the supplier's reason, and the supplier refunds it", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startVip({ now: clock.now, balance: 50_000, waitingMs: 1_000, processingMs: 1_000 });
    const id = placed(await adapter.placeOrder(mlOrder({ target: "55512000" })));
    expect(sim.balance()).toBe(50_000 - 19_450);
    clock.advance(5_000);
    const failed = statusOf((await adapter.status([query(id)])).get(id));
    expect(failed).toMatchObject({ status: "canceled", rawStatus: "error", note: expect.stringMatching(/gagal/i) });
    expect(sim.balance()).toBe(50_000);
  });

  it("follows a scripted outcome and note", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startVip({ now: clock.now, waitingMs: 10, processingMs: 10 });
    sim.script("77777", "error", "Akun terkena banned, saldo dikembalikan");
    const id = placed(await adapter.placeOrder(ffOrder({ target: "777771234" })));
    clock.advance(100);
    expect(statusOf((await adapter.status([query(id)])).get(id))).toMatchObject({
      status: "canceled",
      note: "Akun terkena banned, saldo dikembalikan",
    });
  });

  it("reads data sent as a bare object as well as a list", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startVip({ now: clock.now, waitingMs: 1_000, processingMs: 1_000 });
    const id = placed(await adapter.placeOrder(ffOrder()));
    sim.setStatusShape("object");
    expect(statusOf((await adapter.status([query(id)])).get(id))).toMatchObject({
      status: "pending",
      rawStatus: "waiting",
    });
    clock.advance(3_000);
    expect(statusOf((await adapter.status([query(id)])).get(id))).toMatchObject({
      status: "completed",
      note: expect.stringMatching(/^SN: /),
    });
  });

  it("picks the entry with the asked trxid when a list holds several", async () => {
    const adapter = await fixedSupplier({
      result: true,
      data: [
        { trxid: "VIP1", status: "error", note: "Gagal", price: 1000 },
        { trxid: "VIP2", status: "success", note: "SN: XYZ", price: "2000" },
      ],
      message: "ok",
    });
    expect(statusOf((await adapter.status([query("VIP2")])).get("VIP2"))).toMatchObject({
      status: "completed",
      note: "SN: XYZ",
      charge: "2000",
    });
  });

  it("asks once per order and keeps an unknown trxid as that order's error while the others succeed", async () => {
    const { sim, adapter } = await startVip();
    const a = placed(await adapter.placeOrder(mlOrder()));
    const b = placed(await adapter.placeOrder(ffOrder()));
    const reports = await adapter.status([query(a), query("VIP404"), query(b, ffOrder())]);
    expect([...reports.keys()]).toEqual([a, "VIP404", b]);
    expect(reports.get("VIP404")).toEqual({ kind: "error", message: "Data transaksi tidak ditemukan" });
    expect(statusOf(reports.get(a)).status).toBe("pending");
    expect(statusOf(reports.get(b)).status).toBe("pending");
    expect(gameFeature(sim, "status").map((r) => r.fields.trxid)).toEqual([a, "VIP404", b]);
  });

  it("returns an empty map and calls nobody for no orders", async () => {
    const { sim, adapter } = await startVip();
    expect((await adapter.status([])).size).toBe(0);
    expect(sim.requests).toHaveLength(0);
  });

  it("throws rejected/auth instead of marking every order as errored when the sign is refused", async () => {
    const { adapter, adapterWith } = await startVip();
    const id = placed(await adapter.placeOrder(mlOrder()));
    await expectCallError(adapterWith({ apiId: "wrong" }).status([query(id)]), {
      reason: "rejected",
      errorClass: "auth",
    });
  });

  it("throws unavailable when the supplier answers 5xx", async () => {
    const { sim, adapter } = await startVip();
    const id = placed(await adapter.placeOrder(mlOrder()));
    sim.setFault("status", "http500", 1);
    await expectCallError(adapter.status([query(id)]), { reason: "unavailable" });
  });

  it("maps every status word VIP documents", () => {
    expect(
      ["waiting", "processing", "process", "success", "error", "failed", "partial", "Success", "refund?"].map(
        normalizeVipStatus,
      ),
    ).toEqual([
      "pending",
      "in_progress",
      "in_progress",
      "completed",
      "canceled",
      "canceled",
      "partial",
      "completed",
      "unrecognized",
    ]);
  });
});

describe("checkTarget(): showing the buyer whose account gets the top-up", () => {
  it("returns the nickname of a known Mobile Legends account, asking with target and additional_target", async () => {
    const { sim, adapter } = await startVip();
    expect(await adapter.checkTarget({ providerServiceId: ML_86, brand: "Mobile Legends", ...BUDI })).toEqual({
      kind: "valid",
      nickname: "BudiGamer",
    });
    expect(gameFeature(sim, "get-nickname")[0]!.fields).toEqual({
      sign: SIGN,
      type: "get-nickname",
      code: "mobile-legends",
      target: "12345678",
      additional_target: "1234",
    });
  });

  it("sends each game's slug: free-fire, pubg-mobile, genshin-impact (with its server)", async () => {
    const { sim, adapter } = await startVip();
    expect(await adapter.checkTarget({ providerServiceId: FF_140, brand: "Free Fire", target: "123456789" })).toEqual({
      kind: "valid",
      nickname: "RizkyFF",
    });
    expect(
      await adapter.checkTarget({ providerServiceId: "PUBG60", brand: "PUBG Mobile", target: "5123456789" }),
    ).toEqual({ kind: "valid", nickname: "AgusPUBG" });
    expect(
      await adapter.checkTarget({
        providerServiceId: "GI60",
        brand: "Genshin Impact",
        target: "812345678",
        zone: "os_asia",
      }),
    ).toEqual({ kind: "valid", nickname: "Lumine_ID" });
    expect(gameFeature(sim, "get-nickname").map((r) => [r.fields.code, r.fields.additional_target])).toEqual([
      ["free-fire", ""],
      ["pubg-mobile", ""],
      ["genshin-impact", "os_asia"],
    ]);
  });

  it("turns game names into get-nickname codes", () => {
    expect(vipGameSlug("Mobile Legends")).toBe("mobile-legends");
    expect(vipGameSlug("Mobile Legends: Bang Bang")).toBe("mobile-legends");
    expect(vipGameSlug("Free Fire")).toBe("free-fire");
    expect(vipGameSlug("Free Fire MAX")).toBe("free-fire-max");
    expect(vipGameSlug("PUBG Mobile")).toBe("pubg-mobile");
    expect(vipGameSlug(" Genshin  Impact ")).toBe("genshin-impact");
    expect(vipGameSlug("Tom and Jerry: Chase")).toBe("tom-and-jerry-chase");
    expect(vipGameSlug("League of Legends: Wild Rift")).toBe("league-of-legends-wild-rift");
  });

  it("returns a stable nickname for any other plausible account", async () => {
    const { adapter } = await startVip();
    const first = await adapter.checkTarget({
      providerServiceId: ML_86,
      brand: "Mobile Legends",
      target: "246813579",
      zone: "2468",
    });
    expect(first).toMatchObject({ kind: "valid", nickname: expect.stringMatching(/^[A-Za-z]+\d+$/) });
    expect(
      await adapter.checkTarget({
        providerServiceId: ML_86,
        brand: "Mobile Legends",
        target: "246813579",
        zone: "2468",
      }),
    ).toEqual(first);
  });

  it("follows accounts added to the simulator", async () => {
    const { sim, adapter } = await startVip();
    sim.players.set("31415926", { nickname: "PiPlayer", zone: "5358" });
    expect(
      await adapter.checkTarget({
        providerServiceId: ML_86,
        brand: "Mobile Legends",
        target: "31415926",
        zone: "5358",
      }),
    ).toEqual({ kind: "valid", nickname: "PiPlayer" });
  });

  it.each([
    ["a known id with the wrong zone", { target: "12345678", zone: "9999" }],
    ["an id that belongs to nobody", { target: "11111111", zone: "1234" }],
    ["an id that is too short", { target: "1234", zone: "1234" }],
    ["letters in the id", { target: "budi_gamer", zone: "1234" }],
    ["a missing zone", { target: "12345678" }],
  ])("says invalid, with the supplier's message, for %s", async (_label, account) => {
    const { adapter } = await startVip();
    const check = await adapter.checkTarget({ providerServiceId: ML_86, brand: "Mobile Legends", ...account });
    expect(check.kind).toBe("invalid");
    expect(check.kind === "invalid" && check.message).toMatch(/tidak ditemukan|wajib/);
  });

  it("says unavailable, not invalid, when the lookup itself fails: IP, sign, maintenance, unsupported game", async () => {
    const { sim, adapter, adapterWith } = await startVip();
    const budi = { providerServiceId: ML_86, brand: "Mobile Legends", ...BUDI };

    expect(await adapterWith({ apiId: "wrong" }).checkTarget(budi)).toEqual({
      kind: "unavailable",
      message: "Signature Anda tidak valid",
    });
    expect(
      await adapter.checkTarget({ providerServiceId: "VAL125", brand: "Valorant", target: "123456789" }),
    ).toMatchObject({ kind: "unavailable" });
    sim.setMaintenance(true);
    expect(await adapter.checkTarget(budi)).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/maintenance/),
    });
    sim.setMaintenance(false);
    sim.setIpAllowed(false);
    expect(await adapter.checkTarget(budi)).toMatchObject({
      kind: "unavailable",
      message: expect.stringMatching(/IP/),
    });
  });

  it.each(["http500", "http429", "garbage", "hang"] as const)(
    "says unavailable when the supplier answers %s",
    async (fault) => {
      const { sim, adapter } = await startVip();
      sim.setFault("get-nickname", fault, 1);
      expect(await adapter.checkTarget({ providerServiceId: ML_86, brand: "Mobile Legends", ...BUDI })).toMatchObject({
        kind: "unavailable",
      });
    },
  );

  it("says unavailable when nothing listens at the address", async () => {
    const adapter = createVipResellerAdapter({ url: await refusingUrl(), apiId: API_ID, apiKey: API_KEY }, fastHttp());
    expect(await adapter.checkTarget({ providerServiceId: ML_86, brand: "Mobile Legends", ...BUDI })).toMatchObject({
      kind: "unavailable",
    });
  });
});

describe("balance()", () => {
  it("reads data.balance from /profile as a string in IDR, and follows orders", async () => {
    const { adapter } = await startVip({ balance: 250_000 });
    expect(await adapter.balance()).toEqual({ balance: "250000", currency: "IDR" });
    placed(await adapter.placeOrder(ffOrder()));
    expect(await adapter.balance()).toEqual({ balance: String(250_000 - 18_900), currency: "IDR" });
  });

  it("fails with rejected/auth when the sign is refused", async () => {
    const { adapterWith } = await startVip();
    await expectCallError(adapterWith({ apiId: "wrong" }).balance(), { reason: "rejected", errorClass: "auth" });
  });

  it("fails with bad_response when the profile has no balance", async () => {
    const adapter = await fixedSupplier({ result: true, data: { username: "x", level: "basic" }, message: "ok" });
    await expectCallError(adapter.balance(), { reason: "bad_response" });
  });
});

describe("what VIP Reseller cannot do", () => {
  it("declares its capabilities: no refill, no cancel, no idempotent placement, one order per status call, nickname checks", async () => {
    const { adapter } = await startVip();
    expect(adapter.kind).toBe("vip-reseller");
    expect(adapter.capabilities).toEqual({
      refill: false,
      cancel: false,
      idempotentPlace: false,
      statusBatch: 1,
      checkTarget: true,
    });
  });

  it("throws ProviderCallError unsupported for refill, refill status and cancel without calling the supplier", async () => {
    const { sim, adapter } = await startVip();
    await expectCallError(adapter.refill(["VIP1"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(adapter.refillStatus(["1"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(adapter.cancel(["VIP1"]), { reason: "rejected", errorClass: "unsupported" });
    expect(sim.requests).toHaveLength(0);
  });
});
