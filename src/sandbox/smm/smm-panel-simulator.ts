import { Hono, type Context } from "hono";
import { generateSampleCatalog, JUNK_ROWS, type SimService } from "./sample-catalog.js";
import { checkAdd } from "./smm-add-params.js";

/**
 * An SMM Panel API v2 ("Perfect Panel") stand-in: one endpoint, form bodies, `key` + `action`,
 * errors with HTTP 200 and `{"error": …}`, numbers as strings, multi-status keyed by id with
 * per-id errors, orders that move Pending → In progress → Completed on the injected clock, and
 * switchable faults (hang, reset, 5xx, 429, garbage) for the reliability tests.
 */
export type SimOutcome = "Completed" | "Partial" | "Canceled";
export type Fault = "hang" | "reset" | "http500" | "http429" | "garbage";

export interface SimOrder {
  order: number;
  service: number;
  link: string;
  quantity: number;
  /** Every parameter of the `add` as received (comments, usernames, runs, …), for tests to read. */
  params: Record<string, string>;
  charge: string;
  startCount: number;
  createdAt: number;
  outcome: SimOutcome;
}

export interface SmmSimulatorOptions {
  key: string;
  now?: () => number;
  catalog?: Array<SimService | Record<string, unknown>>;
  balance?: number;
  /** "keys" answers current Perfect Panel i18n keys (`neworder.error.…`) instead of English text. */
  errorStyle?: "english" | "keys";
  /** Some clones answer errors with 400 or 422 instead of 200. */
  errorHttpStatus?: 200 | 400 | 422;
  /** How long an order stays Pending, then In progress, in milliseconds. */
  pendingMs?: number;
  runMs?: number;
  /** "Cancelled" (two L) as some clones spell it. */
  cancelledSpelling?: "Canceled" | "Cancelled";
  /** The first order number (the sandbox continues after the orders it restored). */
  firstOrderId?: number;
  /**
   * The account currency, reported in `balance` and `status` as real panels do (default IDR). With
   * a foreign currency and no catalog given, the sample catalog is priced in it at `sampleRate`
   * rupiah per unit (JAP and most international panels price in USD).
   */
  currency?: string;
  sampleRate?: number;
  /** A careless panel: every error echoes the key it was sent, as text and inside a URL. */
  echoKeyInErrors?: boolean;
}

/** The sample catalog's rupiah rates in another currency, as exact decimal strings ("0.0123"). */
export function samplePricedIn(
  rows: Array<SimService | Record<string, unknown>>,
  rupiahPerUnit: number,
): Array<SimService | Record<string, unknown>> {
  return rows.map((row) => {
    const rate = Number((row as { rate?: unknown }).rate);
    if (!Number.isFinite(rate) || rate <= 0) return row;
    return { ...row, rate: (rate / rupiahPerUnit).toFixed(4).replace(/0+$/, "").replace(/\.$/, "") || "0.0001" };
  });
}

const MESSAGES = {
  request: { english: "Incorrect request", keys: "Incorrect request" },
  key: { english: "Invalid API key", keys: "Invalid API key" },
  service: { english: "Incorrect service ID", keys: "error.incorrect_service_id" },
  link: { english: "Incorrect link", keys: "neworder.error.link" },
  funds: { english: "Not enough funds on balance", keys: "neworder.error.not_enough_funds" },
  duplicate: {
    english: "You have active order with this link. Please wait until order being completed.",
    keys: "neworder.error.link_duplicate",
  },
  order: { english: "Incorrect order ID", keys: "Incorrect order ID" },
  refill: { english: "Refill not found", keys: "Refill not found" },
} as const;

export function createSmmPanelSimulator(options: SmmSimulatorOptions) {
  const now = options.now ?? (() => Date.now());
  let currency = (options.currency ?? "IDR").toUpperCase();
  const sample = [...generateSampleCatalog(), ...JUNK_ROWS];
  const catalog =
    options.catalog ?? (currency === "IDR" ? sample : samplePricedIn(sample, options.sampleRate ?? 16_250));
  const services = new Map<number, SimService>();
  for (const row of catalog)
    if (typeof row.service === "number" && !services.has(row.service)) services.set(row.service, row as SimService);
  const orders = new Map<number, SimOrder>();
  const refills = new Map<number, { order: number; createdAt: number }>();
  const requests: Array<{ action: string; fields: Record<string, string>; at: number }> = [];
  const faults = new Map<string, { fault: Fault; remaining: number }>();
  const scripted: Array<{ match: string; outcome: SimOutcome }> = [];
  const hanging = new Set<() => void>();
  let balance = options.balance ?? (currency === "IDR" ? 25_000_000 : 1_500);
  let nextOrder = options.firstOrderId ?? 58_001;
  let nextRefill = 701;
  const pendingMs = options.pendingMs ?? 5_000;
  const runMs = options.runMs ?? 20_000;
  const style = options.errorStyle ?? "english";

  /** The key of the request being answered, for the careless panel's echo. */
  let requestKey = "";
  const echo = () =>
    options.echoKeyInErrors ? ` (sent key ${requestKey}; docs: https://panel.example/api/v2?key=${requestKey})` : "";
  const error = (c: Context, kind: keyof typeof MESSAGES, suffix = "") =>
    c.json({ error: `${MESSAGES[kind][style]}${suffix}${echo()}` }, options.errorHttpStatus ?? 200);

  const statusOf = (o: SimOrder) => {
    const age = now() - o.createdAt;
    const spelling = options.cancelledSpelling ?? "Canceled";
    if (age < pendingMs) return { status: "Pending", remains: o.quantity, start: 0 };
    if (age < pendingMs + runMs)
      return {
        status: services.get(o.service)?.type === "Subscriptions" ? "Active" : "In progress",
        remains: Math.max(1, Math.round(o.quantity * (1 - (age - pendingMs) / runMs))),
        start: o.startCount,
      };
    if (o.outcome === "Partial")
      return { status: "Partial", remains: Math.ceil(o.quantity * 0.3), start: o.startCount };
    if (o.outcome === "Canceled") return { status: spelling, remains: o.quantity, start: o.startCount };
    return { status: "Completed", remains: 0, start: o.startCount };
  };

  const statusBody = (o: SimOrder) => {
    const s = statusOf(o);
    return { charge: o.charge, start_count: String(s.start), status: s.status, remains: String(s.remains), currency };
  };

  const active = (o: SimOrder) => ["Pending", "In progress", "Active"].includes(statusOf(o).status);

  /** Validates an `add` per service type (wire-contracts 1.3) and creates the order. */
  const add = (c: Context, f: Record<string, string>) => {
    const service = services.get(Number(f.service));
    if (!service) return error(c, "service");
    const checked = checkAdd(service, f);
    if (!checked.ok) {
      if (checked.field === "link") return error(c, "link");
      if (checked.field === "request") return error(c, "request");
      return c.json(
        { error: style === "keys" ? `neworder.error.${checked.field}` : checked.message },
        options.errorHttpStatus ?? 200,
      );
    }
    const { link, quantity } = checked;
    if ([...orders.values()].some((o) => o.link === link && o.service === service.service && active(o)))
      return error(c, "duplicate");
    const charge = (Number(service.rate) * quantity) / 1000;
    if (charge > balance) return error(c, "funds");
    balance -= charge;
    const outcome =
      scripted.find((s) => link.includes(s.match))?.outcome ??
      (/partial/i.test(link) ? "Partial" : /cancel/i.test(link) ? "Canceled" : "Completed");
    const { key: _key, ...params } = f;
    const order: SimOrder = {
      order: nextOrder++,
      service: service.service,
      link,
      quantity,
      params,
      charge: charge.toFixed(5),
      startCount: 1000 + (nextOrder % 5000),
      createdAt: now(),
      outcome,
    };
    orders.set(order.order, order);
    return c.json({ order: order.order });
  };

  const actions: Record<string, (c: Context, f: Record<string, string>) => Response | Promise<Response>> = {
    services: (c) => c.json(catalog),
    add,
    status: (c, f) => {
      if (f.orders !== undefined) {
        const ids = f.orders
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        if (ids.length > 100) return error(c, "request");
        return c.json(
          Object.fromEntries(
            ids.map((id) => [
              id,
              orders.has(Number(id)) ? statusBody(orders.get(Number(id))!) : { error: MESSAGES.order[style] },
            ]),
          ),
        );
      }
      const order = orders.get(Number(f.order));
      return order ? c.json(statusBody(order)) : error(c, "order");
    },
    refill: (c, f) => {
      const create = (id: string) => {
        if (!orders.has(Number(id))) return undefined;
        const refill = nextRefill++;
        refills.set(refill, { order: Number(id), createdAt: now() });
        return refill;
      };
      if (f.orders !== undefined)
        return c.json(
          f.orders
            .split(",")
            .map((id) => ({ order: Number(id), refill: create(id) ?? { error: MESSAGES.order[style] } })),
        );
      const refill = create(f.order ?? "");
      return refill === undefined ? error(c, "order") : c.json({ refill: String(refill) });
    },
    refill_status: (c, f) => {
      const state = (id: string) => {
        const refill = refills.get(Number(id));
        return refill ? (now() - refill.createdAt < runMs ? "In progress" : "Completed") : undefined;
      };
      if (f.refills !== undefined)
        return c.json(
          f.refills
            .split(",")
            .map((id) => ({ refill: Number(id), status: state(id) ?? { error: MESSAGES.refill[style] } })),
        );
      const status = state(f.refill ?? "");
      return status ? c.json({ status }) : error(c, "refill");
    },
    cancel: (c, f) =>
      c.json(
        (f.orders ?? "")
          .split(",")
          .filter(Boolean)
          .map((id) => {
            const order = orders.get(Number(id));
            if (!order || !services.get(order.service)?.cancel || !active(order))
              return { order: Number(id), cancel: { error: MESSAGES.order[style] } };
            order.outcome = "Canceled";
            order.createdAt = now() - pendingMs - runMs;
            return { order: Number(id), cancel: 1 };
          }),
      ),
    balance: (c) => c.json({ balance: balance.toFixed(5), currency }),
  };

  const routes = new Hono();
  routes.post("/api/v2", async (c) => {
    const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    const action = fields.action ?? "";
    const { key: _key, ...logged } = fields;
    requestKey = fields.key ?? "";
    requests.push({ action, fields: logged, at: now() });
    const fault = faults.get(action) ?? faults.get("*");
    if (fault && fault.remaining !== 0) {
      fault.remaining--;
      switch (fault.fault) {
        case "hang":
          // The request was read and maybe processed; no answer ever comes (until close).
          if (action === "add") add(c, fields);
          return new Promise<Response>((resolve) => hanging.add(() => resolve(c.text("", 504))));
        case "reset":
          if (action === "add") add(c, fields);
          (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
          return c.text("", 500);
        case "http500":
          return c.text("<html><body>502 Bad Gateway</body></html>", 500);
        case "http429":
          return c.json({ error: "Too many requests" }, 429, {
            "Retry-After": "1",
            "X-RateLimit-Limit": "60",
            "X-RateLimit-Remaining": "0",
          });
        case "garbage":
          return c.text("<html>maintenance</html>", 200);
      }
    }
    if (!fields.key || !fields.action) return error(c, "request");
    if (fields.key !== options.key) return error(c, "key");
    const handler = actions[action];
    return handler ? handler(c, fields) : error(c, "request");
  });

  return {
    routes,
    key: options.key,
    requests,
    orders,
    /** Makes the next `times` calls of an action (or "*") fail this way; -1 = until cleared. */
    setFault(action: string, fault: Fault | undefined, times = -1): void {
      if (fault) faults.set(action, { fault, remaining: times });
      else faults.delete(action);
    },
    /** Orders whose link contains `match` end this way. */
    script(match: string, outcome: SimOutcome): void {
      scripted.unshift({ match, outcome });
    },
    addCalls(): number {
      return requests.filter((r) => r.action === "add").length;
    },
    balance: () => balance,
    /** The panel runs dry (every `add` answers "Not enough funds"), or is topped up by `amount`. */
    runOutOfFunds(): void {
      balance = 0;
    },
    topUp(amount: number): void {
      balance += amount;
    },
    /** The panel's account currency changes (what its `balance` reports from now on). */
    setCurrency(next: string): void {
      currency = next.toUpperCase();
    },
    close(): void {
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
}

export type SmmPanelSimulator = ReturnType<typeof createSmmPanelSimulator>;
