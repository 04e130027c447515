import { createHash, createHmac, randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";

/**
 * A Digiflazz buyer API stand-in (wire-contracts section 4): JSON POSTs to /v1/cek-saldo,
 * /v1/price-list and /v1/transaction, answers wrapped in `data`, every md5 `sign` checked exactly
 * (rc 41 otherwise). A transaction is created by the first request with a new `ref_id` (Pending,
 * rc 03, balance charged); every later request with the same `ref_id` and details answers that same
 * transaction's current state and never charges again. Pending transactions settle on the injected
 * clock (Sukses with an `sn`, or a scripted failure that refunds the balance). Status words follow
 * the ID host (Pending/Sukses/Gagal) or the MY host (Processing/Success/Failed). The signed webhook
 * is POSTed with X-Digiflazz-Event, X-Digiflazz-Delivery and `X-Hub-Signature: sha1=<hex>` over the
 * raw bytes sent. Faults (hang, reset, 5xx, 429, garbage) can be switched on per endpoint.
 * Knows only the wire format.
 */
export type DigiflazzEndpoint = "cek-saldo" | "price-list" | "transaction";
export type DigiflazzFault = "hang" | "reset" | "http500" | "http429" | "garbage";

/** How a transaction whose customer_no matches a script ends. `immediate`: answered on the first request already. */
export type DigiflazzOutcome =
  | { kind: "success"; sn?: string; immediate?: boolean }
  | { kind: "failed"; rc: string; message: string; immediate?: boolean }
  /** Never settles: answers this pending rc (03 by default; 01 Timeout or 99 Router issue) forever. */
  | { kind: "pending"; rc?: "03" | "01" | "99" };

export interface DigiflazzProduct {
  product_name: string;
  category: string;
  brand: string;
  type: string;
  seller_name: string;
  price: number;
  buyer_sku_code: string;
  buyer_product_status: boolean;
  seller_product_status: boolean;
  unlimited_stock: boolean;
  stock: number;
  multi: boolean;
  start_cut_off: string;
  end_cut_off: string;
  desc: string;
}

export interface SimDigiflazzTransaction {
  trxId: string;
  refId: string;
  customerNo: string;
  sku: string;
  price: number;
  testing: boolean;
  cbUrl: string | undefined;
  createdAt: number;
  state: "pending" | "success" | "failed";
  rc: string;
  message: string;
  sn: string;
  /** The balance after this transaction's last movement (charge or refund). */
  buyerLastSaldo: number;
  outcome: DigiflazzOutcome;
  /** Requests that named this ref_id, the creating one included. */
  calls: number;
}

export interface DigiflazzRequestLog {
  endpoint: DigiflazzEndpoint;
  /** The parsed JSON body, `sign` included (it is a digest, not the key). */
  body: Record<string, unknown>;
  raw: string;
  at: number;
}

export interface DigiflazzCallbackDelivery {
  refId: string;
  url: string;
  event: "create" | "update";
  deliveryId: string;
  /** The exact bytes sent (as text) and the headers, signature included. */
  body: string;
  headers: Record<string, string>;
  httpStatus: number | "error";
  at: number;
}

export interface DigiflazzSimulatorOptions {
  username: string;
  apiKey: string;
  /** Signs callbacks; without it the X-Hub-Signature header is left out, as Digiflazz does. */
  webhookSecret?: string;
  /** Where callbacks go unless a transaction carries its own `cb_url`. */
  callbackUrl?: string;
  now?: () => number;
  /** Deposit in rupiah. */
  balance?: number;
  statusWords?: "id" | "my";
  /** How long a transaction stays pending on the injected clock. */
  pendingMs?: number;
  products?: DigiflazzProduct[];
  /** HTTP status of answers that carry a failure rc (the body is the same). */
  errorHttpStatus?: 200 | 400;
  /** More price-list calls than this within the window answer rc 83 "Limit pricelist". */
  priceListLimit?: { calls: number; windowMs: number };
  /**
   * Escape "/" as "\/" in callback bodies, as PHP's json_encode does by default (unconfirmed for
   * Digiflazz). Valid JSON either way; a handler that re-serialises before verifying breaks on it.
   */
  escapeSlashes?: boolean;
  /** Settle due transactions (and send their callbacks) every this many ms of real time. */
  tickMs?: number;
}

const RC_MESSAGE: Record<string, string> = {
  "00": "Transaksi Sukses",
  "01": "Timeout",
  "02": "Transaksi Gagal",
  "03": "Transaksi Pending",
  "40": "Payload Error",
  "41": "Signature tidak valid",
  "42": "API buyer processing error",
  "43": "SKU tidak ditemukan",
  "44": "Saldo tidak cukup",
  "45": "IP tidak dikenali",
  "49": "Ref ID tidak unik",
  "52": "Prefix tidak sesuai",
  "53": "Produk seller tidak tersedia",
  "54": "Nomor tujuan salah",
  "55": "Produk gangguan",
  "57": "Jumlah digit tidak sesuai",
  "83": "Limit pricelist",
  "99": "Router issue",
};

const WORDS = {
  id: { pending: "Pending", success: "Sukses", failed: "Gagal" },
  my: { pending: "Processing", success: "Success", failed: "Failed" },
} as const;

/** Operator prefixes for the prefix check on pulsa and data (rc 52). */
const OPERATOR_PREFIXES: Record<string, readonly string[]> = {
  TELKOMSEL: ["0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853"],
  XL: ["0817", "0818", "0819", "0859", "0877", "0878"],
  INDOSAT: ["0814", "0815", "0816", "0855", "0856", "0857", "0858"],
  AXIS: ["0831", "0832", "0833", "0838"],
};

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

export function createDigiflazzSimulator(options: DigiflazzSimulatorOptions) {
  const now = options.now ?? (() => Date.now());
  const words = WORDS[options.statusWords ?? "id"];
  const pendingMs = options.pendingMs ?? 5_000;
  const products = options.products ?? sampleDigiflazzPriceList();
  const transactions = new Map<string, SimDigiflazzTransaction>();
  const requests: DigiflazzRequestLog[] = [];
  const deliveries: DigiflazzCallbackDelivery[] = [];
  const faults = new Map<string, { fault: DigiflazzFault; remaining: number }>();
  // A customer_no containing "0000" is a wrong destination, found out after a while.
  const scripted: Array<{ match: string; outcome: DigiflazzOutcome }> = [
    { match: "0000", outcome: { kind: "failed", rc: "54", message: RC_MESSAGE["54"]! } },
  ];
  const hanging = new Set<() => void>();
  const inflight = new Set<Promise<unknown>>();
  const priceListCalls: number[] = [];
  let callbackUrl = options.callbackUrl;
  let balance = options.balance ?? 5_000_000;
  let nextTrx = 1_703_481;

  const errorStatus = options.errorHttpStatus ?? 200;
  const rcError = (c: Context, rc: string, message = RC_MESSAGE[rc] ?? "Transaksi Gagal") =>
    c.json({ data: { rc, message } }, errorStatus);

  const transactionData = (tx: SimDigiflazzTransaction) => ({
    ref_id: tx.refId,
    customer_no: tx.customerNo,
    buyer_sku_code: tx.sku,
    message: tx.message,
    status: words[tx.state],
    rc: tx.rc,
    sn: tx.sn,
    buyer_last_saldo: tx.buyerLastSaldo,
    price: tx.price,
    tele: "",
    wa: "",
  });

  /** An answer to a transaction request that created nothing (bad request, unknown sku, no balance). */
  const refusal = (c: Context, body: Record<string, unknown>, rc: string) =>
    c.json(
      {
        data: {
          ref_id: text(body.ref_id),
          customer_no: text(body.customer_no),
          buyer_sku_code: text(body.buyer_sku_code),
          message: RC_MESSAGE[rc] ?? "Transaksi Gagal",
          status: words.failed,
          rc,
          sn: "",
          buyer_last_saldo: balance,
          price: 0,
          tele: "",
          wa: "",
        },
      },
      errorStatus,
    );

  const serialFor = (tx: SimDigiflazzTransaction): string => {
    const digits = (n: number) =>
      String(Number.parseInt(md5(`${tx.trxId}:${n}`).slice(0, 12), 16))
        .padStart(16, "0")
        .slice(0, n);
    const product = products.find((p) => p.buyer_sku_code === tx.sku);
    if (product?.category === "PLN")
      return `${digits(4)}-${digits(4)}-${digits(4)}-${digits(4)}-${digits(4)}/BUDI SANTOSO/R1/1300/${(tx.price / 1450).toFixed(1)}`;
    if (product?.category === "Games") return `${tx.customerNo}/${product.product_name}/${digits(10)}`;
    return digits(16).padEnd(20, "0");
  };

  const settle = (tx: SimDigiflazzTransaction, outcome: DigiflazzOutcome): void => {
    if (outcome.kind === "pending") {
      tx.rc = outcome.rc ?? "03";
      tx.message = RC_MESSAGE[tx.rc]!;
      return;
    }
    if (outcome.kind === "success") {
      tx.state = "success";
      tx.rc = "00";
      tx.message = RC_MESSAGE["00"]!;
      tx.sn = outcome.sn ?? serialFor(tx);
      return;
    }
    tx.state = "failed";
    tx.rc = outcome.rc;
    tx.message = outcome.message;
    tx.sn = "";
    balance += tx.price;
    tx.buyerLastSaldo = balance;
  };

  /** Settles every pending transaction that is due on the injected clock; sends their callbacks. */
  const tick = (): string[] => {
    const settled: string[] = [];
    for (const tx of transactions.values()) {
      if (tx.state !== "pending" || tx.outcome.kind === "pending" || now() - tx.createdAt < pendingMs) continue;
      settle(tx, tx.outcome);
      settled.push(tx.refId);
      if (tx.cbUrl ?? callbackUrl) track(sendCallback(tx.refId, "update"));
    }
    return settled;
  };

  const track = <T>(promise: Promise<T>): void => {
    const p = promise.catch(() => undefined).finally(() => inflight.delete(p));
    inflight.add(p);
  };

  /** Destination checks per category: wrong length (57) or operator prefix (52). */
  const destinationProblem = (product: DigiflazzProduct, customerNo: string): string | undefined => {
    const digitsOnly = /^\d+$/.test(customerNo);
    switch (product.category) {
      case "Pulsa":
      case "Data": {
        if (!digitsOnly || customerNo.length < 10 || customerNo.length > 13) return "57";
        const prefixes = OPERATOR_PREFIXES[product.brand];
        return prefixes && !prefixes.some((p) => customerNo.startsWith(p)) ? "52" : undefined;
      }
      case "E-Money":
        return !digitsOnly || customerNo.length < 10 || customerNo.length > 13 ? "57" : undefined;
      case "PLN":
        return !digitsOnly || customerNo.length < 11 || customerNo.length > 12 ? "57" : undefined;
      default:
        return !digitsOnly || customerNo.length < 5 || customerNo.length > 20 ? "57" : undefined;
    }
  };

  const handleTransaction = (c: Context, body: Record<string, unknown>): Response => {
    const username = text(body.username);
    const refId = text(body.ref_id);
    const sku = text(body.buyer_sku_code);
    const customerNo = text(body.customer_no);
    if (!username || !refId || !sku || !customerNo || typeof body.sign !== "string") return refusal(c, body, "40");
    if (username !== options.username || body.sign !== md5(options.username + options.apiKey + refId))
      return refusal(c, body, "41");

    const existing = transactions.get(refId);
    if (existing) {
      existing.calls++;
      // The same ref_id is the status query; with other details it is a clash, never a second transaction.
      if (existing.sku !== sku || existing.customerNo !== customerNo) return refusal(c, body, "49");
      return c.json({ data: transactionData(existing) }, existing.state === "failed" ? errorStatus : 200);
    }

    const product = products.find((p) => p.buyer_sku_code.toLowerCase() === sku.toLowerCase());
    if (!product) return refusal(c, body, "43");
    if (!product.buyer_product_status) return refusal(c, body, "53");
    if (!product.seller_product_status) return refusal(c, body, "55");

    const tx: SimDigiflazzTransaction = {
      trxId: String(nextTrx++),
      refId,
      customerNo,
      sku: product.buyer_sku_code,
      price: product.price,
      testing: body.testing === true,
      cbUrl: typeof body.cb_url === "string" && body.cb_url !== "" ? body.cb_url : undefined,
      createdAt: now(),
      state: "pending",
      rc: "03",
      message: RC_MESSAGE["03"]!,
      sn: "",
      buyerLastSaldo: balance,
      outcome: scripted.find((s) => customerNo.includes(s.match))?.outcome ?? { kind: "success" },
      calls: 1,
    };

    // A wrong destination is a transaction that failed at once: kept (the same ref_id answers it again), nothing charged.
    const problem = destinationProblem(product, customerNo);
    if (problem) {
      Object.assign(tx, {
        state: "failed",
        rc: problem,
        message: RC_MESSAGE[problem]!,
        outcome: { kind: "failed", rc: problem, message: RC_MESSAGE[problem]! },
      });
      transactions.set(refId, tx);
      return c.json({ data: transactionData(tx) }, errorStatus);
    }
    if (product.price > balance) return refusal(c, body, "44");

    balance -= product.price;
    tx.buyerLastSaldo = balance;
    transactions.set(refId, tx);
    if (tx.outcome.kind === "pending" || tx.outcome.immediate) settle(tx, tx.outcome);
    return c.json({ data: transactionData(tx) }, tx.state === "failed" ? errorStatus : 200);
  };

  const handlePriceList = (c: Context, body: Record<string, unknown>): Response => {
    if (body.cmd !== "prepaid" && body.cmd !== "pasca") return rcError(c, "40");
    if (text(body.username) !== options.username || body.sign !== md5(options.username + options.apiKey + "pricelist"))
      return rcError(c, "41");
    const limit = options.priceListLimit;
    if (limit) {
      while (priceListCalls.length > 0 && now() - priceListCalls[0]! >= limit.windowMs) priceListCalls.shift();
      if (priceListCalls.length >= limit.calls)
        return rcError(
          c,
          "83",
          "Anda sudah melakukan pengecekan pricelist melebihi batas, silakan coba beberapa saat lagi",
        );
      priceListCalls.push(now());
    }
    // This stand-in sells prepaid products only.
    if (body.cmd === "pasca") return c.json({ data: [] });
    const same = (field: string, value: string) =>
      typeof body[field] !== "string" || String(body[field]).toLowerCase() === value.toLowerCase();
    return c.json({
      data: products.filter(
        (p) =>
          same("code", p.buyer_sku_code) &&
          same("category", p.category) &&
          same("brand", p.brand) &&
          same("type", p.type),
      ),
    });
  };

  const handleBalance = (c: Context, body: Record<string, unknown>): Response => {
    if (body.cmd !== "deposit") return rcError(c, "40");
    if (text(body.username) !== options.username || body.sign !== md5(options.username + options.apiKey + "depo"))
      return rcError(c, "41");
    return c.json({ data: { deposit: balance } });
  };

  const handlers: Record<DigiflazzEndpoint, (c: Context, body: Record<string, unknown>) => Response> = {
    "cek-saldo": handleBalance,
    "price-list": handlePriceList,
    transaction: handleTransaction,
  };

  const routes = new Hono();
  for (const endpoint of Object.keys(handlers) as DigiflazzEndpoint[]) {
    routes.post(`/v1/${endpoint}`, async (c) => {
      tick();
      const raw = await c.req.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const body =
        typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : {};
      requests.push({ endpoint, body, raw, at: now() });
      if (parsed === undefined) return endpoint === "transaction" ? refusal(c, body, "40") : rcError(c, "40");

      const fault = faults.get(endpoint) ?? faults.get("*");
      if (fault && fault.remaining !== 0) {
        fault.remaining--;
        // Every fault but 429 is the worst case of an ambiguous answer: the request WAS processed.
        if (fault.fault !== "http429") handlers[endpoint](c, body);
        switch (fault.fault) {
          case "hang":
            return new Promise<Response>((resolve) => hanging.add(() => resolve(c.text("", 504))));
          case "reset":
            (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
            return c.text("", 500);
          case "http500":
            return c.html(
              "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
              502,
            );
          case "http429":
            return c.html("<html><body><h1>429 Too Many Requests</h1></body></html>", 429, { "Retry-After": "2" });
          case "garbage":
            return c.html("<html><body>Sedang maintenance</body></html>", 200);
        }
      }
      return handlers[endpoint](c, body);
    });
  }

  /** POSTs the signed webhook for the transaction's current state; the signature covers the exact bytes sent. */
  const sendCallback = async (refId: string, event?: "create" | "update"): Promise<DigiflazzCallbackDelivery> => {
    const tx = transactions.get(refId);
    if (!tx) throw new Error(`no transaction with ref_id ${refId}`);
    const url = tx.cbUrl ?? callbackUrl;
    if (!url) throw new Error("no callback URL: set callbackUrl or send cb_url");
    const { ref_id, customer_no, buyer_sku_code, message, status, rc, buyer_last_saldo, sn, price, tele, wa } =
      transactionData(tx);
    const json = JSON.stringify({
      data: {
        trx_id: tx.trxId,
        ref_id,
        customer_no,
        buyer_sku_code,
        message,
        status,
        rc,
        buyer_last_saldo,
        sn,
        price,
        tele,
        wa,
      },
    });
    const body = (options.escapeSlashes ?? true) ? json.replace(/\//g, "\\/") : json;
    const bytes = Buffer.from(body, "utf8");
    const deliveryId = randomUUID();
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "User-Agent": "DigiFlazz-Hookshot/sim",
      "X-Digiflazz-Event": event ?? (tx.state === "pending" ? "create" : "update"),
      "X-Digiflazz-Delivery": deliveryId,
    };
    if (options.webhookSecret)
      headers["X-Hub-Signature"] = `sha1=${createHmac("sha1", options.webhookSecret).update(bytes).digest("hex")}`;
    let httpStatus: number | "error";
    try {
      const res = await fetch(url, { method: "POST", headers, body: bytes, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      httpStatus = res.status;
    } catch {
      httpStatus = "error";
    }
    const delivery: DigiflazzCallbackDelivery = {
      refId,
      url,
      event: headers["X-Digiflazz-Event"] as "create" | "update",
      deliveryId,
      body,
      headers,
      httpStatus,
      at: now(),
    };
    deliveries.push(delivery);
    return delivery;
  };

  const timer = options.tickMs ? setInterval(tick, options.tickMs) : undefined;
  timer?.unref();

  return {
    routes,
    username: options.username,
    requests,
    transactions,
    deliveries,
    products,
    /** Makes the next `times` calls of an endpoint (or "*") fail this way; -1 = until cleared. */
    setFault(endpoint: DigiflazzEndpoint | "*", fault: DigiflazzFault | undefined, times = -1): void {
      if (fault) faults.set(endpoint, { fault, remaining: times });
      else faults.delete(endpoint);
    },
    /** New transactions whose customer_no contains `customerNoMatch` end this way (latest script wins). */
    script(customerNoMatch: string, outcome: DigiflazzOutcome): void {
      scripted.unshift({ match: customerNoMatch, outcome });
    },
    /** Sends the webhook for a transaction now (again, if it was sent before). */
    sendCallback,
    /** Settles what is due on the injected clock (callbacks go out in the background); returns the settled ref_ids. */
    tick,
    /** Waits for callbacks sent in the background. */
    async flushCallbacks(): Promise<void> {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    setCallbackUrl(url: string | undefined): void {
      callbackUrl = url;
    },
    /** Switches a product on or off as the buyer or the seller would. */
    setProductStatus(sku: string, status: { buyer?: boolean; seller?: boolean }): void {
      const product = products.find((p) => p.buyer_sku_code === sku);
      if (!product) throw new Error(`no product ${sku}`);
      if (status.buyer !== undefined) product.buyer_product_status = status.buyer;
      if (status.seller !== undefined) product.seller_product_status = status.seller;
    },
    balance: (): number => balance,
    setBalance(value: number): void {
      balance = value;
    },
    /** Transaction requests received, optionally for one ref_id. */
    transactionCalls(refId?: string): number {
      return requests.filter((r) => r.endpoint === "transaction" && (refId === undefined || r.body.ref_id === refId))
        .length;
    },
    close(): void {
      if (timer) clearInterval(timer);
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
}

export type DigiflazzSimulator = ReturnType<typeof createDigiflazzSimulator>;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

// ---------------------------------------------------------------------------------------------
// Sample price list

const row = (
  buyer_sku_code: string,
  product_name: string,
  category: string,
  brand: string,
  price: number,
  desc: string,
  extra: Partial<DigiflazzProduct> = {},
): DigiflazzProduct => ({
  product_name,
  category,
  brand,
  type: "Umum",
  seller_name: "PT Sumber Pulsa",
  price,
  buyer_sku_code,
  buyer_product_status: true,
  seller_product_status: true,
  unlimited_stock: true,
  stock: 0,
  multi: true,
  start_cut_off: "23:45",
  end_cut_off: "00:15",
  desc,
  ...extra,
});

const pulsa = (prefix: string, brand: string, label: string, prices: Array<[number, number]>): DigiflazzProduct[] =>
  prices.map(([nominal, price]) => {
    const idr = nominal.toLocaleString("id-ID");
    return row(`${prefix}${nominal / 1000}`, `${label} ${idr}`, "Pulsa", brand, price, `Pulsa ${label} Rp ${idr}`);
  });

const ML_DESC = "Gabungkan User ID dan Zone ID tanpa spasi: 12345678 (1234) ditulis 123456781234";

/**
 * A realistic prepaid price list in Digiflazz's shape: pulsa, data, e-money, PLN tokens and game
 * top-ups, prices as integer rupiah. Two rows cannot be bought: FF720 (seller switched it off)
 * and ISATD1 (the buyer switched it off).
 */
export function sampleDigiflazzPriceList(): DigiflazzProduct[] {
  return [
    ...pulsa("TSEL", "TELKOMSEL", "Telkomsel", [
      [5000, 5_420],
      [10000, 10_350],
      [25000, 24_880],
      [50000, 49_475],
      [100000, 98_150],
    ]),
    ...pulsa("XL", "XL", "Xl", [
      [5000, 5_890],
      [10000, 10_840],
      [25000, 24_900],
      [50000, 49_800],
      [100000, 98_000],
    ]),
    ...pulsa("ISAT", "INDOSAT", "Indosat", [
      [5000, 6_150],
      [10000, 11_020],
      [25000, 24_750],
      [50000, 48_975],
      [100000, 97_700],
    ]),

    row("TSELD2", "Telkomsel Data 2GB 30 Hari", "Data", "TELKOMSEL", 27_400, "Kuota 2GB semua jaringan, 30 hari"),
    row("TSELD8", "Telkomsel Data 8GB 30 Hari", "Data", "TELKOMSEL", 61_900, "Kuota 8GB semua jaringan, 30 hari"),
    row("XLXC10", "XL Xtra Combo Flex S 10GB", "Data", "XL", 49_300, "Kuota utama 10GB, 28 hari", {
      type: "Xtra Combo",
    }),
    row("ISATF6", "Indosat Freedom Internet 6GB", "Data", "INDOSAT", 33_650, "Kuota 6GB, 30 hari", {
      type: "Freedom Internet",
    }),
    row("AXISB2", "Axis Bronet 2GB 30 Hari", "Data", "AXIS", 22_600, "Kuota 2GB 24 jam, 30 hari", { type: "Bronet" }),
    row("ISATD1", "Indosat Data Harian 1GB", "Data", "INDOSAT", 4_300, "Kuota 1GB, 1 hari", {
      type: "Harian",
      buyer_product_status: false,
    }),

    row("DANA10", "DANA 10.000", "E-Money", "DANA", 10_160, "Saldo DANA Rp 10.000, masukkan nomor HP terdaftar"),
    row("DANA25", "DANA 25.000", "E-Money", "DANA", 25_160, "Saldo DANA Rp 25.000, masukkan nomor HP terdaftar"),
    row("DANA50", "DANA 50.000", "E-Money", "DANA", 50_160, "Saldo DANA Rp 50.000, masukkan nomor HP terdaftar"),
    row("OVO20", "OVO 20.000", "E-Money", "OVO", 20_575, "Saldo OVO Cash Rp 20.000"),
    row("OVO50", "OVO 50.000", "E-Money", "OVO", 50_575, "Saldo OVO Cash Rp 50.000"),
    row("GOPAY20", "Go Pay 20.000", "E-Money", "GO PAY", 20_700, "Saldo GoPay Customer Rp 20.000", {
      type: "Customer",
    }),
    row("GOPAY50", "Go Pay 50.000", "E-Money", "GO PAY", 50_700, "Saldo GoPay Customer Rp 50.000", {
      type: "Customer",
    }),

    row("PLN20", "PLN 20.000", "PLN", "PLN", 20_350, "Token listrik Rp 20.000, masukkan nomor meter / ID pelanggan"),
    row("PLN50", "PLN 50.000", "PLN", "PLN", 50_350, "Token listrik Rp 50.000, masukkan nomor meter / ID pelanggan"),
    row(
      "PLN100",
      "PLN 100.000",
      "PLN",
      "PLN",
      100_350,
      "Token listrik Rp 100.000, masukkan nomor meter / ID pelanggan",
    ),

    row("ML86", "MOBILE LEGENDS 86 Diamond", "Games", "MOBILE LEGENDS", 19_500, ML_DESC, {
      seller_name: "Raja Diamond",
    }),
    row("ML172", "MOBILE LEGENDS 172 Diamond", "Games", "MOBILE LEGENDS", 38_900, ML_DESC, {
      seller_name: "Raja Diamond",
    }),
    row("ML257", "MOBILE LEGENDS 257 Diamond", "Games", "MOBILE LEGENDS", 58_200, ML_DESC, {
      seller_name: "Raja Diamond",
    }),
    row("MLWDP", "MOBILE LEGENDS Weekly Diamond Pass", "Games", "MOBILE LEGENDS", 27_350, ML_DESC, {
      seller_name: "Raja Diamond",
      type: "Membership",
      multi: false,
    }),
    row("FF70", "FREE FIRE 70 Diamond", "Games", "FREE FIRE", 9_420, "Masukkan Player ID", {
      seller_name: "Garena Reseller ID",
    }),
    row("FF140", "FREE FIRE 140 Diamond", "Games", "FREE FIRE", 18_700, "Masukkan Player ID", {
      seller_name: "Garena Reseller ID",
    }),
    row("FF355", "FREE FIRE 355 Diamond", "Games", "FREE FIRE", 46_300, "Masukkan Player ID", {
      seller_name: "Garena Reseller ID",
    }),
    row("FF720", "FREE FIRE 720 Diamond", "Games", "FREE FIRE", 92_100, "Masukkan Player ID", {
      seller_name: "Garena Reseller ID",
      seller_product_status: false,
      unlimited_stock: false,
    }),
  ];
}
