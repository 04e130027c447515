import { Hono, type Context } from "hono";
import { generateSampleCatalog, JUNK_ROWS, type SimService } from "../smm/sample-catalog.js";

/**
 * A stand-in for the Indonesian SMM panels (wire-contracts section 2): CentralSMM, MedanPedia and
 * Irvankede. Routes are relative to the panel's API base (mount them under any path):
 *   POST /profile, /services, /order, /status           every panel
 *   POST /refill, /refill_status                        MedanPedia only
 * Form bodies with `api_id` + `api_key` (+ `secret_key` on CentralSMM), `target` instead of `link`,
 * one order id per status call, and a boolean envelope answered with HTTP 200 even on failure:
 *   CentralSMM  {"response": true, "data": …}   /  {"response": false, "data": {"msg": "…"}}
 *   MedanPedia  {"status": true, "data": …}     /  {"status": false, "msg": "…"}
 *   Irvankede   {"status": true, "data": …}     /  {"status": false, "data": "…"}
 * Numbers are numbers on CentralSMM, strings on MedanPedia, mixed on Irvankede. Orders move
 * Pending → Processing/In progress → Success/Completed | Partial | Error/Canceled on the injected
 * clock, and faults (hang, reset, 5xx, 429, garbage) can be switched on per action.
 */
export type IndoPanelName = "centralsmm" | "medanpedia" | "irvankede";
export type IndoSimOutcome = "completed" | "partial" | "canceled";
export type IndoFault = "hang" | "reset" | "http500" | "http429" | "garbage";
export type IndoAction = "profile" | "services" | "order" | "status" | "refill" | "refill_status";

export interface IndoSimOrder {
  id: number;
  service: string;
  target: string;
  quantity: number;
  /** Integer rupiah taken from the balance. */
  price: number;
  comments: string[];
  startCount: number;
  createdAt: number;
  outcome: IndoSimOutcome;
}

export interface IndoSimRefill {
  id: number;
  order: number;
  createdAt: number;
}

export interface IndoPanelSimulatorOptions {
  panel: IndoPanelName;
  apiId: string;
  apiKey: string;
  /** Required for CentralSMM. */
  secretKey?: string;
  now?: () => number;
  /** `/services` rows in the panel's own field names; defaults to the sample catalog plus junk rows. */
  catalog?: Array<Record<string, unknown>>;
  /** Integer rupiah. */
  balance?: number;
  /** How long an order stays Pending, then running, in milliseconds. */
  pendingMs?: number;
  runMs?: number;
}

type Json = Record<string, unknown>;
type Words = Record<"pending" | "running" | IndoSimOutcome, string>;
type Messages = Record<"auth" | "service" | "target" | "funds" | "order" | "comments", string> & {
  min(n: number): string;
  max(n: number): string;
};

interface PanelWire {
  actions: readonly IndoAction[];
  secretKey: boolean;
  ok(data: unknown): Json;
  fail(message: string): Json;
  /** Field names of a `/services` row. */
  fields: { id: string; name: string; category: string };
  row(s: Json): Json;
  orderAnswer(o: IndoSimOrder): Json;
  statusAnswer(o: IndoSimOrder, s: { status: string; start: number; remains: number }): Json;
  profile(balance: number): Json;
  words: Words;
  messages: Messages;
  firstOrderId: number;
}

/** "12500.50" → 12500.5 where a panel sends numbers; anything not numeric stays as it is (junk rows). */
const num = (v: unknown): unknown => (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);
const str = (v: unknown): unknown => (typeof v === "number" ? String(v) : v);
const description = (s: Json) =>
  typeof s.name === "string" && s.name ? `${s.name}. Proses 0-24 jam. Target harus publik.` : "";
/** Only comments are a separate order type on these panels; Package rows sell as Default. */
const typeOf = (s: Json) => (s.type === "Custom Comments" ? "Custom Comments" : "Default");

const BASE_ACTIONS = ["profile", "services", "order", "status"] as const;

const WIRE: Record<IndoPanelName, PanelWire> = {
  centralsmm: {
    actions: BASE_ACTIONS,
    secretKey: true,
    ok: (data) => ({ response: true, data }),
    fail: (msg) => ({ response: false, data: { msg } }),
    fields: { id: "id", name: "service_name", category: "category_name" },
    row: (s) => ({
      id: s.service,
      service_name: s.name,
      category_name: s.category,
      price: num(s.rate),
      min: num(s.min),
      max: num(s.max),
      refill: s.refill,
      description: description(s),
    }),
    orderAnswer: (o) => ({ id: o.id, price: o.price }),
    statusAnswer: (o, s) => ({ id: o.id, price: o.price, status: s.status, start_count: s.start, remains: s.remains }),
    profile: (balance) => ({ username: "sandbox", balance }),
    words: { pending: "Pending", running: "Processing", completed: "Success", partial: "Partial", canceled: "Error" },
    messages: {
      auth: "API ID, API Key atau Secret Key salah.",
      service: "Layanan tidak ditemukan.",
      target: "Target tidak valid.",
      funds: "Saldo tidak mencukupi.",
      order: "Pesanan tidak ditemukan.",
      comments: "Komentar wajib diisi.",
      min: (n) => `Jumlah minimal ${n}.`,
      max: (n) => `Jumlah maksimal ${n}.`,
    },
    firstOrderId: 12_001,
  },
  medanpedia: {
    actions: [...BASE_ACTIONS, "refill", "refill_status"],
    secretKey: false,
    ok: (data) => ({ status: true, data, msg: "Berhasil." }),
    fail: (msg) => ({ status: false, msg }),
    fields: { id: "id", name: "name", category: "category" },
    row: (s) => ({
      id: s.service,
      name: s.name,
      type: typeOf(s),
      category: s.category,
      price: str(s.rate),
      min: str(s.min),
      max: str(s.max),
      refill: s.refill,
      description: description(s),
    }),
    orderAnswer: (o) => ({ id: o.id, price: o.price }),
    statusAnswer: (o, s) => ({
      id: o.id,
      status: s.status,
      start_count: String(s.start),
      remains: String(s.remains),
      price: String(o.price),
    }),
    profile: (balance) => ({ username: "sandbox", full_name: "Sandbox Reseller", balance: String(balance) }),
    words: { pending: "Pending", running: "Processing", completed: "Success", partial: "Partial", canceled: "Error" },
    messages: {
      auth: "API Key atau API ID salah.",
      service: "Layanan tidak tersedia.",
      target: "Target tidak sesuai.",
      funds: "Saldo Anda tidak mencukupi untuk melakukan pesanan ini.",
      order: "ID pesanan tidak ditemukan.",
      comments: "Custom comments wajib diisi.",
      min: (n) => `Jumlah pesanan minimal ${n}.`,
      max: (n) => `Jumlah pesanan maksimal ${n}.`,
    },
    firstOrderId: 3_400_001,
  },
  irvankede: {
    actions: BASE_ACTIONS,
    secretKey: false,
    ok: (data) => ({ status: true, data }),
    fail: (msg) => ({ status: false, data: msg }),
    fields: { id: "id", name: "name", category: "category" },
    row: (s) => ({
      id: str(s.service),
      name: s.name,
      type: typeOf(s),
      category: s.category,
      price: str(s.rate),
      min: str(s.min),
      max: str(s.max),
      description: description(s),
    }),
    orderAnswer: (o) => ({ id: String(o.id), price: String(o.price) }),
    statusAnswer: (o, s) => ({
      id: String(o.id),
      status: s.status,
      start_count: String(s.start),
      remains: s.remains,
      price: String(o.price),
    }),
    profile: (balance) => ({ username: "sandbox", balance }),
    words: {
      pending: "Pending",
      running: "In progress",
      completed: "Completed",
      partial: "Partial",
      canceled: "Canceled",
    },
    messages: {
      auth: "API ID atau API Key tidak valid.",
      service: "Layanan tidak aktif.",
      target: "Link/username tidak valid.",
      funds: "Saldo kurang.",
      order: "Pesanan tidak ditemukan.",
      comments: "Komentar tidak boleh kosong.",
      min: (n) => `Minimal pesanan ${n}.`,
      max: (n) => `Maksimal pesanan ${n}.`,
    },
    firstOrderId: 880_001,
  },
};

const REFILL_MESSAGES = {
  unsupported: "Layanan ini tidak mendukung refill.",
  notDone: "Pesanan belum selesai, refill belum dapat diajukan.",
  notFound: "ID refill tidak ditemukan.",
} as const;

const CREDENTIAL_FIELDS = new Set(["api_id", "api_key", "secret_key"]);

export function createIndoPanelSimulator(options: IndoPanelSimulatorOptions) {
  const wire = WIRE[options.panel];
  if (wire.secretKey && !options.secretKey) throw new Error(`${options.panel} simulator needs a secretKey`);
  const now = options.now ?? (() => Date.now());
  const catalog =
    options.catalog ?? [...generateSampleCatalog(), ...JUNK_ROWS].map((s: SimService | Json) => wire.row({ ...s }));
  const services = new Map<string, Json>();
  for (const row of catalog) {
    const id = row[wire.fields.id];
    if ((typeof id === "number" || typeof id === "string") && !services.has(String(id))) services.set(String(id), row);
  }
  const orders = new Map<number, IndoSimOrder>();
  const refills = new Map<number, IndoSimRefill>();
  const requests: Array<{ action: IndoAction; fields: Record<string, string>; contentType: string; at: number }> = [];
  const faults = new Map<string, { fault: IndoFault; remaining: number }>();
  const scripted: Array<{ match: string; outcome: IndoSimOutcome }> = [];
  const hanging = new Set<() => void>();
  let balance = options.balance ?? 5_000_000;
  let nextOrder = wire.firstOrderId;
  let nextRefill = 501;
  const pendingMs = options.pendingMs ?? 5_000;
  const runMs = options.runMs ?? 20_000;

  const ok = (c: Context, data: unknown) => c.json(wire.ok(data));
  const fail = (c: Context, message: string) => c.json(wire.fail(message));

  const stateOf = (o: IndoSimOrder) => {
    const age = now() - o.createdAt;
    if (age < pendingMs) return { status: wire.words.pending, remains: o.quantity, start: 0, done: false };
    if (age < pendingMs + runMs)
      return {
        status: wire.words.running,
        remains: Math.max(1, Math.round(o.quantity * (1 - (age - pendingMs) / runMs))),
        start: o.startCount,
        done: false,
      };
    if (o.outcome === "partial")
      return { status: wire.words.partial, remains: Math.ceil(o.quantity * 0.3), start: o.startCount, done: true };
    if (o.outcome === "canceled")
      return { status: wire.words.canceled, remains: o.quantity, start: o.startCount, done: true };
    return { status: wire.words.completed, remains: 0, start: o.startCount, done: true };
  };

  const order = (c: Context, f: Record<string, string>) => {
    const service = services.get((f.service ?? "").trim());
    if (!service) return fail(c, wire.messages.service);
    const target = (f.target ?? "").trim();
    if (!/^(https?:\/\/\S+|@?[\w.]{1,64})$/i.test(target)) return fail(c, wire.messages.target);
    const comments = (f.custom_comments ?? "")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (service.type === "Custom Comments" && comments.length === 0) return fail(c, wire.messages.comments);
    const quantity = service.type === "Custom Comments" ? comments.length : Number(f.quantity);
    const min = Number(service.min);
    const max = Number(service.max);
    if (!Number.isInteger(quantity) || quantity < min) return fail(c, wire.messages.min(min));
    if (quantity > max) return fail(c, wire.messages.max(max));
    const price = Math.ceil((Number(service.price) * quantity) / 1000);
    if (!(price >= 0) || price > balance) return fail(c, wire.messages.funds);
    balance -= price;
    const outcome =
      scripted.find((s) => target.includes(s.match))?.outcome ??
      (/partial|sebagian/i.test(target) ? "partial" : /cancel|gagal/i.test(target) ? "canceled" : "completed");
    const id = nextOrder++;
    const created: IndoSimOrder = {
      id,
      service: String(service[wire.fields.id]),
      target,
      quantity,
      price,
      comments,
      startCount: 1000 + ((id * 37) % 5000),
      createdAt: now(),
      outcome,
    };
    orders.set(id, created);
    return ok(c, wire.orderAnswer(created));
  };

  const handlers: Record<IndoAction, (c: Context, f: Record<string, string>) => Response> = {
    profile: (c) => ok(c, wire.profile(balance)),
    services: (c) => ok(c, catalog),
    order,
    status: (c, f) => {
      const found = orders.get(Number(f.id));
      return found && /^\d+$/.test((f.id ?? "").trim())
        ? ok(c, wire.statusAnswer(found, stateOf(found)))
        : fail(c, wire.messages.order);
    },
    refill: (c, f) => {
      const found = orders.get(Number(f.id_order));
      if (!found || !/^\d+$/.test((f.id_order ?? "").trim())) return fail(c, wire.messages.order);
      const service = services.get(found.service);
      if (!service || !(service.refill === true || service.refill === 1 || service.refill === "1"))
        return fail(c, REFILL_MESSAGES.unsupported);
      if (!stateOf(found).done || found.outcome === "canceled") return fail(c, REFILL_MESSAGES.notDone);
      const refill: IndoSimRefill = { id: nextRefill++, order: found.id, createdAt: now() };
      refills.set(refill.id, refill);
      return ok(c, { id_refill: refill.id });
    },
    refill_status: (c, f) => {
      const refill = refills.get(Number(f.id_refill));
      if (!refill) return fail(c, REFILL_MESSAGES.notFound);
      const age = now() - refill.createdAt;
      return ok(c, {
        id_refill: refill.id,
        status: age < pendingMs ? "Pending" : age < pendingMs + runMs ? "Processing" : "Success",
      });
    },
  };

  const authorized = (f: Record<string, string>) =>
    f.api_id === options.apiId &&
    f.api_key === options.apiKey &&
    (!wire.secretKey || f.secret_key === options.secretKey);

  const routes = new Hono();
  for (const action of wire.actions) {
    routes.post(`/${action}`, async (c) => {
      const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<
        string,
        string
      >;
      const logged = Object.fromEntries(Object.entries(fields).filter(([k]) => !CREDENTIAL_FIELDS.has(k)));
      requests.push({ action, fields: logged, contentType: c.req.header("content-type") ?? "", at: now() });
      const fault = faults.get(action) ?? faults.get("*");
      if (fault && fault.remaining !== 0) {
        fault.remaining--;
        const processOrder = () => {
          if (action === "order" && authorized(fields)) order(c, fields);
        };
        switch (fault.fault) {
          case "hang":
            // The request was read and the order taken; no answer ever comes (until close).
            processOrder();
            return new Promise<Response>((resolve) => hanging.add(() => resolve(c.text("", 504))));
          case "reset":
            processOrder();
            (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
            return c.text("", 500);
          case "http500":
            return c.text("<html><body><h1>500 Internal Server Error</h1></body></html>", 500);
          case "http429":
            return c.json(wire.fail("Terlalu banyak permintaan, coba lagi nanti."), 429, { "Retry-After": "1" });
          case "garbage":
            return c.text("<html><body>Sedang dalam perbaikan (maintenance).</body></html>", 200);
        }
      }
      if (!authorized(fields)) return fail(c, wire.messages.auth);
      return handlers[action](c, fields);
    });
  }

  return {
    routes,
    panel: options.panel,
    /** The routes that exist on this panel, relative to its API base. */
    paths: wire.actions.map((a) => `/${a}`),
    credentials: {
      apiId: options.apiId,
      apiKey: options.apiKey,
      ...(wire.secretKey ? { secretKey: options.secretKey } : {}),
    },
    /** Every request as received, credentials left out. */
    requests,
    orders,
    refills,
    /** Makes the next `times` calls of an action (or "*") fail this way; -1 = until cleared; undefined clears. */
    setFault(action: IndoAction | "*", fault: IndoFault | undefined, times = -1): void {
      if (fault) faults.set(action, { fault, remaining: times });
      else faults.delete(action);
    },
    /** Orders whose target contains `match` end this way (default: completed; "partial"/"gagal" in the target also work). */
    script(match: string, outcome: IndoSimOutcome): void {
      scripted.unshift({ match, outcome });
    },
    orderCalls(): number {
      return requests.filter((r) => r.action === "order").length;
    },
    balance: () => balance,
    setBalance(rupiah: number): void {
      balance = rupiah;
    },
    close(): void {
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
}

export type IndoPanelSimulator = ReturnType<typeof createIndoPanelSimulator>;
