import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import {
  createIndoPanelSimulator,
  type IndoPanelSimulator,
  type IndoPanelSimulatorOptions,
} from "../../sandbox/indo-panel/indo-panel-simulator.js";
import { closedPortUrl, loopbackScope } from "../../../test/kit/loopback.js";
import {
  classifyIndoPanelError,
  createIndoPanelAdapter,
  normalizeIndoPanelStatus,
  type IndoPanelConfig,
} from "./indo-panel.adapter.js";
import {
  ProviderCallError,
  type IndoPanel,
  type OrderStatusReport,
  type PlaceOrderInput,
  type PlaceOutcome,
  type ProviderAdapter,
  type StatusQuery,
  type SupplierErrorClass,
} from "./provider.types.js";

/**
 * Contract tests of the Indonesian panel adapter (CentralSMM, MedanPedia, Irvankede) against the
 * panel simulator over real HTTP. The simulator is mounted under /api, as the panels' API bases are.
 * Sample catalog: 1001 "Instagram Followers [Indonesia Aktif] [Refill 30 Hari]" (Rp 19,800 per 1000,
 * min 100, max 50,000, refill), 1002 the same without refill, 1033 Instagram Custom Comments (min 5).
 */

const PANELS = ["centralsmm", "medanpedia", "irvankede"] as const satisfies readonly IndoPanel[];
const API_ID = "40123";
const API_KEY = "sandbox-api-key";
const SECRET_KEY = "sandbox-secret-key";
const FOLLOWERS = "1001";
const FOLLOWERS_NO_REFILL = "1002";
const COMMENTS = "1033";
const TARGET = "https://instagram.com/tokobudi";

/** What each panel says when it refuses (as the simulator reproduces it), and its words for a running and a finished order. */
const PANEL_TEXT = {
  centralsmm: {
    auth: "API ID, API Key atau Secret Key salah.",
    service: "Layanan tidak ditemukan.",
    min: "Jumlah minimal 100.",
    max: "Jumlah maksimal 50000.",
    target: "Target tidak valid.",
    funds: "Saldo tidak mencukupi.",
    order: "Pesanan tidak ditemukan.",
    running: "Processing",
    completed: "Success",
    canceled: "Error",
  },
  medanpedia: {
    auth: "API Key atau API ID salah.",
    service: "Layanan tidak tersedia.",
    min: "Jumlah pesanan minimal 100.",
    max: "Jumlah pesanan maksimal 50000.",
    target: "Target tidak sesuai.",
    funds: "Saldo Anda tidak mencukupi untuk melakukan pesanan ini.",
    order: "ID pesanan tidak ditemukan.",
    running: "Processing",
    completed: "Success",
    canceled: "Error",
  },
  irvankede: {
    auth: "API ID atau API Key tidak valid.",
    service: "Layanan tidak aktif.",
    min: "Minimal pesanan 100.",
    max: "Maksimal pesanan 50000.",
    target: "Link/username tidak valid.",
    funds: "Saldo kurang.",
    order: "Pesanan tidak ditemukan.",
    running: "In progress",
    completed: "Completed",
    canceled: "Canceled",
  },
} as const;

interface Panel {
  sim: IndoPanelSimulator;
  url: string;
  adapter: ProviderAdapter;
  /** An adapter for the same panel with some settings changed (wrong key, trailing slash, …). */
  adapterWith(overrides: Partial<IndoPanelConfig>): ProviderAdapter;
}

const { fastHttp, serve, onCleanup } = loopbackScope();

function config(panel: IndoPanel, url: string): IndoPanelConfig {
  return { url, panel, apiId: API_ID, apiKey: API_KEY, ...(panel === "centralsmm" ? { secretKey: SECRET_KEY } : {}) };
}

async function startPanel(
  panel: IndoPanel,
  options: Partial<Omit<IndoPanelSimulatorOptions, "panel">> = {},
): Promise<Panel> {
  const sim = createIndoPanelSimulator({
    panel,
    apiId: API_ID,
    apiKey: API_KEY,
    ...(panel === "centralsmm" ? { secretKey: SECRET_KEY } : {}),
    ...options,
  });
  const app = new Hono();
  app.route("/api", sim.routes);
  const server = await serve(app);
  onCleanup(() => sim.close());
  const url = `http://127.0.0.1:${server.port}/api`;
  const http = fastHttp();
  const adapterWith = (overrides: Partial<IndoPanelConfig>) =>
    createIndoPanelAdapter({ ...config(panel, url), ...overrides }, http);
  return { sim, url, adapter: adapterWith({}), adapterWith };
}

/** A base URL nothing listens on: connections to it are refused before a byte is sent. */
const refusingUrl = () => closedPortUrl("/api");

/** A clock the simulator reads, moved by the test. */
const manualClock = () => createManualClock(Date.UTC(2026, 0, 5, 3, 0, 0));

async function expectCallError(
  promise: Promise<unknown>,
  expected: { reason: ProviderCallError["reason"]; errorClass?: SupplierErrorClass; message?: string | RegExp },
) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeInstanceOf(ProviderCallError);
  const callError = error as ProviderCallError;
  expect(callError.reason).toBe(expected.reason);
  if (expected.errorClass) expect(callError.errorClass).toBe(expected.errorClass);
  if (typeof expected.message === "string") expect(callError.message).toBe(expected.message);
  else if (expected.message) expect(callError.message).toMatch(expected.message);
}

function order(overrides: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    reference: "ORD-260105-0001",
    providerServiceId: FOLLOWERS,
    serviceType: "Default",
    target: TARGET,
    quantity: 1000,
    ...overrides,
  };
}

function query(providerOrderId: string): StatusQuery {
  return { providerOrderId, reference: `ref-${providerOrderId}`, providerServiceId: FOLLOWERS, target: TARGET };
}

function placed(outcome: PlaceOutcome): string {
  if (outcome.kind !== "placed") throw new Error(`expected the order to be placed, got ${JSON.stringify(outcome)}`);
  return outcome.providerOrderId;
}

function statusOf(report: OrderStatusReport | undefined) {
  if (report?.kind !== "status") throw new Error(`expected a status, got ${JSON.stringify(report)}`);
  return report;
}

const callsTo = (sim: IndoPanelSimulator, action: string) => sim.requests.filter((r) => r.action === action);

describe.each(PANELS)("%s: what the adapter can do", (panel) => {
  it("declares one id per status call, no cancel, no idempotent placement, no account check, refill only on MedanPedia", async () => {
    const { adapter } = await startPanel(panel);
    expect(adapter.kind).toBe("indo-panel");
    expect(adapter.capabilities).toEqual({
      refill: panel === "medanpedia",
      cancel: false,
      idempotentPlace: false,
      statusBatch: 1,
      checkTarget: false,
    });
  });

  it("refuses cancel and account checks with an 'unsupported' error, without calling the panel", async () => {
    const { sim, adapter } = await startPanel(panel);
    await expectCallError(adapter.cancel(["1"]), { reason: "rejected", errorClass: "unsupported" });
    await expectCallError(adapter.checkTarget({ providerServiceId: FOLLOWERS, brand: "Instagram", target: TARGET }), {
      reason: "rejected",
      errorClass: "unsupported",
    });
    expect(sim.requests).toHaveLength(0);
  });
});

describe.each(PANELS)("%s: services()", (panel) => {
  const sent = {
    centralsmm: { id: 1001, rate: 19800, min: 100, max: 50000 },
    medanpedia: { id: 1001, rate: "19800.00", min: "100", max: "50000" },
    irvankede: { id: "1001", rate: "19800.00", min: "100", max: "50000" },
  }[panel];

  it("maps the panel's field names to ours, keeping ids, prices per 1000 in rupiah and limits exactly as sent", async () => {
    const { sim, adapter } = await startPanel(panel);
    const rows = await adapter.services();
    expect(rows[0]).toEqual({
      id: sent.id,
      name: "Instagram Followers [Indonesia Aktif] [Refill 30 Hari]",
      type: "Default",
      category: "Instagram Followers",
      rate: sent.rate,
      min: sent.min,
      max: sent.max,
      refill: panel === "irvankede" ? false : true,
      cancel: false,
      dripfeed: false,
      description: expect.stringContaining("Instagram Followers"),
      unit: "per_1000",
    });
    // Form POST to <base>/services with the credentials (the simulator checks them).
    expect(callsTo(sim, "services")).toHaveLength(1);
    expect(callsTo(sim, "services")[0]!.contentType).toContain("application/x-www-form-urlencoded");
  });

  it("returns every row, junk rows included (validation is the catalog's job)", async () => {
    const { adapter } = await startPanel(panel);
    const rows = await adapter.services();
    expect(rows).toHaveLength(318);
    expect(rows.filter((r) => r.name === "")).toHaveLength(1);
    expect(rows.filter((r) => r.id === undefined)).toHaveLength(1);
  });

  it("keeps the Custom Comments type where the panel sends one, Default otherwise", async () => {
    const { adapter } = await startPanel(panel);
    const comments = (await adapter.services()).find((r) => String(r.id) === COMMENTS);
    expect(comments).toMatchObject({
      name: "Instagram Comments [Indonesia Aktif] [Refill 30 Hari]",
      type: panel === "centralsmm" ? "Default" : "Custom Comments",
    });
  });

  it("fails with rejected/auth and the panel's own message when the credentials are wrong", async () => {
    const panelUnderTest = await startPanel(panel);
    await expectCallError(panelUnderTest.adapterWith({ apiKey: "not-the-key" }).services(), {
      reason: "rejected",
      errorClass: "auth",
      message: PANEL_TEXT[panel].auth,
    });
  });

  it("works with a trailing slash on the base URL as the shop owner may type it", async () => {
    const { url, adapterWith } = await startPanel(panel);
    expect(await adapterWith({ url: `${url}/` }).services()).toHaveLength(318);
  });

  it("fails with bad_response when a 200 answer is a maintenance page, and unavailable on a 5xx", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("services", "garbage", 1);
    await expectCallError(adapter.services(), { reason: "bad_response" });
    sim.setFault("services", "http500", 1);
    await expectCallError(adapter.services(), { reason: "unavailable", message: /500/ });
    // Each fault was for one call only: the next read works.
    expect(await adapter.services()).toHaveLength(318);
  });

  it("fails with unavailable (try later), not as a refusal, when rate limited (HTTP 429)", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("services", "http429", 1);
    await expectCallError(adapter.services(), { reason: "unavailable", message: /429/ });
  });

  it("fails with unavailable when nothing listens at the address", async () => {
    const adapter = createIndoPanelAdapter(config(panel, await refusingUrl()), fastHttp());
    await expectCallError(adapter.services(), { reason: "unavailable", message: /ECONNREFUSED/ });
  });
});

describe("services(): field names per panel", () => {
  it("reads CentralSMM's service_name and category_name", async () => {
    const { adapter } = await startPanel("centralsmm", {
      catalog: [
        {
          id: 7,
          service_name: "TikTok Views Murah",
          category_name: "TikTok Views",
          price: 150,
          min: 1000,
          max: 10000000,
          refill: false,
          description: "Tanpa garansi",
        },
      ],
    });
    expect(await adapter.services()).toEqual([
      {
        id: 7,
        name: "TikTok Views Murah",
        type: "Default",
        category: "TikTok Views",
        rate: 150,
        min: 1000,
        max: 10000000,
        refill: false,
        cancel: false,
        dripfeed: false,
        description: "Tanpa garansi",
        unit: "per_1000",
      },
    ]);
  });

  it.each(["medanpedia", "irvankede"] as const)(
    "reads %s's name and category, and string numbers as sent",
    async (panel) => {
      const { adapter } = await startPanel(panel, {
        catalog: [
          {
            id: "8",
            name: "Instagram Likes Indonesia",
            category: "Instagram Likes",
            price: "2500.50",
            min: "50",
            max: "5000",
            refill: "1",
            description: "Refill 7 hari",
          },
        ],
      });
      expect(await adapter.services()).toEqual([
        {
          id: "8",
          name: "Instagram Likes Indonesia",
          type: "Default",
          category: "Instagram Likes",
          rate: "2500.50",
          min: "50",
          max: "5000",
          refill: "1",
          cancel: false,
          dripfeed: false,
          description: "Refill 7 hari",
          unit: "per_1000",
        },
      ]);
    },
  );

  it("fails CentralSMM without its secret key with rejected/auth", async () => {
    const { adapterWith } = await startPanel("centralsmm");
    await expectCallError(adapterWith({ secretKey: undefined }).services(), {
      reason: "rejected",
      errorClass: "auth",
      message: PANEL_TEXT.centralsmm.auth,
    });
  });

  it("fails with bad_response when the envelope says true but data is not a list", async () => {
    const app = new Hono();
    app.post("/api/services", (c) => c.json({ status: true, data: { services: [] } }));
    const server = await serve(app);
    const adapter = createIndoPanelAdapter(config("medanpedia", `http://127.0.0.1:${server.port}/api`), fastHttp());
    await expectCallError(adapter.services(), { reason: "bad_response" });
  });

  it("fails with bad_response when the answer lacks the panel's envelope flag (a v2 panel's URL typed by mistake)", async () => {
    const app = new Hono();
    app.post("/api/services", (c) => c.json([{ service: 1, name: "x", rate: "1", min: "1", max: "2" }]));
    app.post("/api/profile", (c) => c.json({ status: true, data: { balance: 1 } }));
    const server = await serve(app);
    const adapter = createIndoPanelAdapter(config("centralsmm", `http://127.0.0.1:${server.port}/api`), fastHttp());
    await expectCallError(adapter.services(), { reason: "bad_response" });
    // CentralSMM's flag is `response`, not `status`.
    await expectCallError(adapter.balance(), { reason: "bad_response", message: /"response"/ });
  });
});

describe.each(PANELS)("%s: placeOrder() success", (panel) => {
  it("sends service, target and quantity to <base>/order and returns the panel's order id as a string", async () => {
    const { sim, adapter } = await startPanel(panel);
    const id = placed(await adapter.placeOrder(order()));
    expect(typeof id).toBe("string");
    const [request] = callsTo(sim, "order");
    expect(request!.fields).toEqual({ service: FOLLOWERS, target: TARGET, quantity: "1000" });
    expect(request!.contentType).toContain("application/x-www-form-urlencoded");
    expect(sim.orders.get(Number(id))).toMatchObject({
      service: FOLLOWERS,
      target: TARGET,
      quantity: 1000,
      price: 19_800,
    });
  });

  it("gives each accepted order its own id", async () => {
    const { adapter } = await startPanel(panel);
    const first = placed(await adapter.placeOrder(order({ target: "https://instagram.com/a" })));
    const second = placed(await adapter.placeOrder(order({ target: "https://instagram.com/b" })));
    expect(first).not.toBe(second);
  });

  it("sends custom comments one per line in custom_comments", async () => {
    const { sim, adapter } = await startPanel(panel);
    const comments = ["Mantap kak", "Keren banget", "Semangat terus", "Ditunggu konten berikutnya", "Mampir ya"];
    const id = placed(
      await adapter.placeOrder(
        order({ providerServiceId: COMMENTS, serviceType: "Custom Comments", quantity: 5, extras: { comments } }),
      ),
    );
    expect(callsTo(sim, "order")[0]!.fields).toMatchObject({
      service: COMMENTS,
      target: TARGET,
      quantity: "5",
      custom_comments: comments.join("\n"),
    });
    expect(sim.orders.get(Number(id))!.comments).toEqual(comments);
  });
});

describe.each(PANELS)("%s: placeOrder() refusals keep the panel's message and class", (panel) => {
  const text = PANEL_TEXT[panel];

  it.each([
    ["an unknown service", "invalid_service", "service", order({ providerServiceId: "424242" })],
    ["a quantity below the minimum", "quantity_range", "min", order({ quantity: 10 })],
    ["a quantity above the maximum", "quantity_range", "max", order({ quantity: 10_000_000 })],
    ["a malformed target", "invalid_link", "target", order({ target: "instagram toko budi" })],
  ] as const)("classifies %s as %s", async (_name, errorClass, messageKey, input) => {
    const { sim, adapter } = await startPanel(panel);
    expect(await adapter.placeOrder(input)).toEqual({ kind: "rejected", errorClass, message: text[messageKey] });
    expect(sim.orders.size).toBe(0);
  });

  it("classifies an empty supplier balance as insufficient_funds and takes nothing", async () => {
    const { sim, adapter } = await startPanel(panel, { balance: 5_000 });
    expect(await adapter.placeOrder(order())).toEqual({
      kind: "rejected",
      errorClass: "insufficient_funds",
      message: text.funds,
    });
    expect(sim.balance()).toBe(5_000);
  });

  it("classifies wrong credentials as auth", async () => {
    const { sim, adapterWith } = await startPanel(panel);
    expect(await adapterWith({ apiId: "99999" }).placeOrder(order())).toEqual({
      kind: "rejected",
      errorClass: "auth",
      message: text.auth,
    });
    expect(sim.orders.size).toBe(0);
  });
});

describe.each(PANELS)("%s: placeOrder() telling 'never sent' from 'maybe processed'", (panel) => {
  it("is safe_to_retry when the connection is refused (nothing was sent)", async () => {
    const adapter = createIndoPanelAdapter(config(panel, await refusingUrl()), fastHttp());
    const outcome = await adapter.placeOrder(order());
    expect(outcome.kind).toBe("safe_to_retry");
    expect(outcome.kind === "safe_to_retry" && outcome.reason).toMatch(/ECONNREFUSED/);
  });

  it("is safe_to_retry with retryAfterMs when rate limited (429), although the 429 body looks like a refusal", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("order", "http429", 1);
    expect(await adapter.placeOrder(order())).toEqual({
      kind: "safe_to_retry",
      reason: expect.stringContaining("429"),
      retryAfterMs: 1000,
    });
    expect(sim.orders.size).toBe(0);
  });

  it("is ambiguous on a 5xx answer", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("order", "http500", 1);
    expect(await adapter.placeOrder(order())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringContaining("500"),
    });
  });

  it("is ambiguous on an unreadable 200 answer", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("order", "garbage", 1);
    expect(await adapter.placeOrder(order())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringContaining("not JSON"),
    });
  });

  it("is ambiguous when the panel took the order but never answered, and the panel did record it", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("order", "hang", 1);
    const started = performance.now();
    expect(await adapter.placeOrder(order())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringMatching(/no answer/),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    // The dangerous case: a blind retry would order twice.
    expect(sim.orderCalls()).toBe(1);
    expect(sim.orders.size).toBe(1);
  });

  it("is ambiguous when the connection is reset after the panel read the order", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("order", "reset", 1);
    expect(await adapter.placeOrder(order())).toMatchObject({
      kind: "ambiguous",
      reason: expect.stringMatching(/no answer/),
    });
    expect(sim.orders.size).toBe(1);
  });
});

describe("placeOrder(): odd answers", () => {
  const standIn = async (panel: IndoPanel, body: unknown) => {
    const app = new Hono();
    app.post("/api/order", (c) => c.json(body));
    const server = await serve(app);
    return createIndoPanelAdapter(config(panel, `http://127.0.0.1:${server.port}/api`), fastHttp());
  };

  it("is ambiguous when the envelope says success but carries no order id", async () => {
    expect(
      await (await standIn("medanpedia", { status: true, data: { price: 19800 } })).placeOrder(order()),
    ).toMatchObject({ kind: "ambiguous", reason: expect.stringContaining("order id") });
  });

  it('accepts the flag as 1/"true" and the id as a number or a string', async () => {
    expect(
      await (await standIn("centralsmm", { response: 1, data: { id: 12345, price: 23000 } })).placeOrder(order()),
    ).toEqual({ kind: "placed", providerOrderId: "12345" });
    expect(
      await (await standIn("irvankede", { status: "true", data: { id: " 880123 " } })).placeOrder(order()),
    ).toEqual({ kind: "placed", providerOrderId: "880123" });
  });

  it("reads a refusal from msg, from a string in data, or from data.msg, whatever the panel", async () => {
    expect(await (await standIn("irvankede", { status: false, msg: "Saldo kurang." })).placeOrder(order())).toEqual({
      kind: "rejected",
      errorClass: "insufficient_funds",
      message: "Saldo kurang.",
    });
    expect(
      await (await standIn("medanpedia", { status: false, data: "Layanan tidak tersedia." })).placeOrder(order()),
    ).toEqual({ kind: "rejected", errorClass: "invalid_service", message: "Layanan tidak tersedia." });
    expect(await (await standIn("centralsmm", { response: false })).placeOrder(order())).toMatchObject({
      kind: "rejected",
      errorClass: "unknown",
    });
  });
});

describe.each(PANELS)("%s: status()", (panel) => {
  const text = PANEL_TEXT[panel];

  it("asks <base>/status with id= once per order and follows Pending → running → finished on the panel's clock", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startPanel(panel, { now: clock.now, pendingMs: 1_000, runMs: 4_000 });
    const id = placed(await adapter.placeOrder(order()));
    const startCount = sim.orders.get(Number(id))!.startCount;

    const pending = statusOf((await adapter.status([query(id)])).get(id));
    expect(pending).toMatchObject({
      status: "pending",
      rawStatus: "Pending",
      remains: 1000,
      startCount: 0,
      charge: "19800",
      currency: "IDR",
    });
    expect(callsTo(sim, "status")[0]!.fields).toEqual({ id });

    clock.advance(2_000);
    const running = statusOf((await adapter.status([query(id)])).get(id));
    expect(running).toMatchObject({ status: "in_progress", rawStatus: text.running, startCount });
    expect(running.remains).toBeGreaterThan(0);
    expect(running.remains).toBeLessThan(1000);

    clock.advance(5_000);
    expect(statusOf((await adapter.status([query(id)])).get(id))).toMatchObject({
      status: "completed",
      rawStatus: text.completed,
      remains: 0,
      startCount,
    });
  });

  it("reports partial with the undelivered remains as a number, and canceled", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startPanel(panel, { now: clock.now, pendingMs: 1_000, runMs: 1_000 });
    sim.script("budi-sebagian", "partial");
    sim.script("budi-gagal", "canceled");
    const partial = placed(
      await adapter.placeOrder(order({ target: "https://instagram.com/budi-sebagian", quantity: 500 })),
    );
    const canceled = placed(await adapter.placeOrder(order({ target: "https://instagram.com/budi-gagal" })));
    clock.advance(10_000);
    const reports = await adapter.status([query(partial), query(canceled)]);
    expect(statusOf(reports.get(partial))).toMatchObject({
      status: "partial",
      rawStatus: "Partial",
      remains: 150,
      startCount: sim.orders.get(Number(partial))!.startCount,
    });
    expect(typeof statusOf(reports.get(partial)).startCount).toBe("number");
    expect(statusOf(reports.get(canceled))).toMatchObject({
      status: "canceled",
      rawStatus: text.canceled,
      remains: 1000,
    });
  });

  it("keeps an unknown id as that id's error, with the panel's message, while the others succeed", async () => {
    const { sim, adapter } = await startPanel(panel);
    const a = placed(await adapter.placeOrder(order({ target: "https://instagram.com/a" })));
    const b = placed(await adapter.placeOrder(order({ target: "https://instagram.com/b" })));
    const reports = await adapter.status([query(a), query("999"), query(b)]);
    expect([...reports.keys()]).toEqual([a, "999", b]);
    expect(reports.get("999")).toEqual({ kind: "error", message: text.order });
    expect(statusOf(reports.get(a)).status).toBe("pending");
    expect(statusOf(reports.get(b)).status).toBe("pending");
    expect(callsTo(sim, "status").map((r) => r.fields.id)).toEqual([a, "999", b]);
  });

  it("returns an empty map and calls nobody for no orders", async () => {
    const { sim, adapter } = await startPanel(panel);
    expect((await adapter.status([])).size).toBe(0);
    expect(callsTo(sim, "status")).toHaveLength(0);
  });

  it("fails the whole call with rejected/auth when the credentials are wrong, rather than blaming each order", async () => {
    const { adapter, adapterWith } = await startPanel(panel);
    const id = placed(await adapter.placeOrder(order()));
    await expectCallError(adapterWith({ apiKey: "wrong" }).status([query(id), query("999")]), {
      reason: "rejected",
      errorClass: "auth",
      message: text.auth,
    });
  });

  it("fails with unavailable when the panel is unreachable or answers 5xx", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("status", "http500", 1);
    await expectCallError(adapter.status([query("1")]), { reason: "unavailable" });
    const unreachable = createIndoPanelAdapter(config(panel, await refusingUrl()), fastHttp());
    await expectCallError(unreachable.status([query("1")]), { reason: "unavailable", message: /ECONNREFUSED/ });
  });
});

describe.each(PANELS)("%s: balance()", (panel) => {
  it("reads data.balance from <base>/profile, in rupiah, as sent", async () => {
    const { sim, adapter } = await startPanel(panel, { balance: 1_250_000 });
    expect(await adapter.balance()).toEqual({ balance: "1250000", currency: "IDR" });
    expect(callsTo(sim, "profile")).toHaveLength(1);
  });

  it("drops by exactly the price the panel charged for an order", async () => {
    const { adapter } = await startPanel(panel, { balance: 1_250_000 });
    const id = placed(await adapter.placeOrder(order({ quantity: 500 })));
    const charge = statusOf((await adapter.status([query(id)])).get(id)).charge;
    expect(charge).toBe("9900");
    expect(await adapter.balance()).toEqual({ balance: String(1_250_000 - 9_900), currency: "IDR" });
  });

  it("fails with rejected/auth and the panel's message on wrong credentials", async () => {
    const { adapterWith } = await startPanel(panel);
    await expectCallError(adapterWith({ apiId: "1" }).balance(), {
      reason: "rejected",
      errorClass: "auth",
      message: PANEL_TEXT[panel].auth,
    });
  });

  it("fails with unavailable when the panel reads the request but never answers", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("profile", "hang", 1);
    await expectCallError(adapter.balance(), { reason: "unavailable", message: /UND_ERR_HEADERS_TIMEOUT/ });
  });

  it("fails with bad_response on a maintenance page", async () => {
    const { sim, adapter } = await startPanel(panel);
    sim.setFault("profile", "garbage", 1);
    await expectCallError(adapter.balance(), { reason: "bad_response" });
  });
});

describe("refill(): MedanPedia", () => {
  it("asks <base>/refill with id_order for a finished order and follows the refill by id_refill to Success", async () => {
    const clock = manualClock();
    const { sim, adapter } = await startPanel("medanpedia", { now: clock.now, pendingMs: 1_000, runMs: 4_000 });
    const id = placed(await adapter.placeOrder(order()));
    clock.advance(10_000);

    const created = (await adapter.refill([id])).get(id);
    expect(created).toEqual({ kind: "created", refillId: expect.stringMatching(/^\d+$/) });
    expect(callsTo(sim, "refill")[0]!.fields).toEqual({ id_order: id });
    const refillId = created!.kind === "created" ? created!.refillId : "";

    expect((await adapter.refillStatus([refillId])).get(refillId)).toEqual({
      kind: "status",
      status: "pending",
      rawStatus: "Pending",
    });
    expect(callsTo(sim, "refill_status")[0]!.fields).toEqual({ id_refill: refillId });
    clock.advance(2_000);
    expect((await adapter.refillStatus([refillId])).get(refillId)).toEqual({
      kind: "status",
      status: "in_progress",
      rawStatus: "Processing",
    });
    clock.advance(5_000);
    expect((await adapter.refillStatus([refillId])).get(refillId)).toEqual({
      kind: "status",
      status: "completed",
      rawStatus: "Success",
    });
  });

  it("keeps the panel's reason per order when a refill is refused, and still creates the others", async () => {
    const clock = manualClock();
    const { adapter } = await startPanel("medanpedia", { now: clock.now, pendingMs: 1_000, runMs: 1_000 });
    const done = placed(await adapter.placeOrder(order({ target: "https://instagram.com/a" })));
    const noRefill = placed(
      await adapter.placeOrder(order({ target: "https://instagram.com/b", providerServiceId: FOLLOWERS_NO_REFILL })),
    );
    clock.advance(10_000);
    const running = placed(await adapter.placeOrder(order({ target: "https://instagram.com/c" })));
    const results = await adapter.refill([done, noRefill, running, "999"]);
    expect(results.get(done)?.kind).toBe("created");
    expect(results.get(noRefill)).toEqual({ kind: "error", message: "Layanan ini tidak mendukung refill." });
    expect(results.get(running)).toEqual({
      kind: "error",
      message: "Pesanan belum selesai, refill belum dapat diajukan.",
    });
    expect(results.get("999")).toEqual({ kind: "error", message: PANEL_TEXT.medanpedia.order });
  });

  it("keeps an unknown refill id as that id's error", async () => {
    const { adapter } = await startPanel("medanpedia");
    expect((await adapter.refillStatus(["4242"])).get("4242")).toEqual({
      kind: "error",
      message: "ID refill tidak ditemukan.",
    });
  });

  it("fails with unavailable when the panel is down", async () => {
    const { sim, adapter } = await startPanel("medanpedia");
    sim.setFault("*", "http500");
    await expectCallError(adapter.refill(["1"]), { reason: "unavailable" });
    await expectCallError(adapter.refillStatus(["1"]), { reason: "unavailable" });
  });
});

describe.each(["centralsmm", "irvankede"] as const)("refill(): %s has no refill API", (panel) => {
  it("throws 'unsupported' for refill and refill status without calling the panel", async () => {
    const { sim, adapter } = await startPanel(panel);
    await expectCallError(adapter.refill(["1"]), { reason: "rejected", errorClass: "unsupported", message: /refill/ });
    await expectCallError(adapter.refillStatus(["1"]), { reason: "rejected", errorClass: "unsupported" });
    expect(sim.requests).toHaveLength(0);
  });

  it("has no /refill route on the simulated panel either", async () => {
    const { sim, url } = await startPanel(panel);
    expect(sim.paths).toEqual(["/profile", "/services", "/order", "/status"]);
    const res = await fetch(`${url}/refill`, {
      method: "POST",
      body: new URLSearchParams({ api_id: API_ID, api_key: API_KEY }),
    });
    expect(res.status).toBe(404);
  });
});

describe("normalizeIndoPanelStatus", () => {
  it.each([
    ["centralsmm", "Pending", "pending"],
    ["centralsmm", "Processing", "in_progress"],
    ["centralsmm", "Success", "completed"],
    ["centralsmm", " SUCCESS ", "completed"],
    ["centralsmm", "Partial", "partial"],
    ["centralsmm", "Error", "canceled"],
    ["medanpedia", "Success", "completed"],
    ["medanpedia", "Error", "canceled"],
    ["medanpedia", "In progress", "in_progress"],
    ["irvankede", "Pending", "pending"],
    ["irvankede", "Processing", "in_progress"],
    ["irvankede", "In progress", "in_progress"],
    ["irvankede", "Partial", "partial"],
    ["irvankede", "Success", "completed"],
    ["irvankede", "Completed", "completed"],
    ["irvankede", "Canceled", "canceled"],
    ["irvankede", "Cancelled", "canceled"],
    ["irvankede", "Error", "canceled"],
  ] as const)("%s %j → %s", (panel, raw, expected) => {
    expect(normalizeIndoPanelStatus(panel, raw)).toBe(expected);
  });

  it.each([
    ["centralsmm", "Completed"],
    ["irvankede", "Refunded"],
    ["medanpedia", "Menunggu"],
    ["irvankede", ""],
  ] as const)(
    "leaves a word %s is not known to send (%j) unrecognized, so the order keeps being polled",
    (panel, raw) => {
      expect(normalizeIndoPanelStatus(panel, raw)).toBe("unrecognized");
    },
  );
});

describe("classifyIndoPanelError", () => {
  it.each([
    ["API ID, API Key atau Secret Key salah.", "auth"],
    ["API Key atau API ID salah.", "auth"],
    ["Kredensial API tidak sesuai", "auth"],
    ["Saldo tidak mencukupi.", "insufficient_funds"],
    ["Saldo Anda tidak mencukupi untuk melakukan pesanan ini.", "insufficient_funds"],
    ["Saldo kurang.", "insufficient_funds"],
    ["Layanan tidak ditemukan.", "invalid_service"],
    ["Layanan tidak tersedia.", "invalid_service"],
    ["Layanan sedang dinonaktifkan", "invalid_service"],
    ["Target tidak valid.", "invalid_link"],
    ["Target tidak sesuai.", "invalid_link"],
    ["Link/username tidak valid.", "invalid_link"],
    ["Jumlah minimal 100.", "quantity_range"],
    ["Jumlah pesanan maksimal 50000.", "quantity_range"],
    ["Minimal pesanan 100.", "quantity_range"],
    ["Pesanan tidak ditemukan.", "not_found"],
    ["ID pesanan tidak ditemukan.", "not_found"],
    ["Masih ada pesanan aktif untuk target ini", "duplicate_active_link"],
    ["Invalid API key", "auth"],
    ["Not enough funds on balance", "insufficient_funds"],
    ["Terjadi kesalahan sistem", "unknown"],
  ] as const)("%j → %s", (message, expected) => {
    expect(classifyIndoPanelError(message)).toBe(expected);
  });
});
