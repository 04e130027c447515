import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { HttpClient, HttpOutcome } from "../../infra/http/http-client.js";
import {
  ProviderCallError,
  unsupported,
  type Balance,
  type NormalizedOrderStatus,
  type OrderStatusReport,
  type PlaceOrderInput,
  type PlaceOutcome,
  type ProviderAdapter,
  type ServiceCandidate,
  type StatusQuery,
  type SupplierErrorClass,
} from "./provider.types.js";
import { isRecord, parseJson, placementByTransport } from "./provider.wire.js";

/**
 * Digiflazz buyer API (wire-contracts section 4): JSON POSTs to /cek-saldo, /price-list and
 * /transaction, answers wrapped in `data`, an md5 `sign` per call. A transaction's `ref_id` is
 * its idempotency key: the status of a transaction is read by re-sending exactly the same request,
 * and re-sending never creates a second transaction. The outcome is keyed off `rc`, never off the
 * status words, which differ between the ID host (Pending/Sukses/Gagal) and the MY host
 * (Processing/Success/Failed). The body is read whatever the HTTP status.
 */
export interface DigiflazzConfig {
  /** API base, e.g. https://api.digiflazz.com/v1 (with or without a trailing slash). */
  url: string;
  username: string;
  apiKey: string;
  /** Sends `testing: true` on transactions (development accounts). */
  testing?: boolean | undefined;
}

/** Non-final: `03` Pending; `99` Router issue and `01` Timeout are treated as still pending. */
const PENDING_RC = new Set(["03", "99", "01"]);

/**
 * Codes about the request rather than the transaction (payload, signature, IP, processing error,
 * ref_id already used for another request, not found). On a status re-send they say nothing about
 * whether the transaction exists or how it went, so they never cancel an order.
 */
const REQUEST_RC = new Set(["40", "41", "42", "45", "47", "49", "50"]);

/** Definitive failures (and the request-level codes' classes, for read calls). */
const RC_CLASS: Record<string, SupplierErrorClass> = {
  "02": "unknown", // Transaksi Gagal
  "40": "unknown", // Payload Error
  "41": "auth", // Signature tidak valid
  "42": "unknown", // API buyer processing error
  "43": "invalid_service", // SKU tidak ditemukan
  "44": "insufficient_funds", // Saldo tidak cukup
  "45": "auth", // IP tidak dikenali
  "47": "unknown", // Transaksi sudah ada
  "49": "unknown", // Ref ID tidak unik
  "50": "not_found", // Transaksi tidak ditemukan
  "51": "invalid_link", // Nomor diblokir
  "52": "invalid_link", // Prefix tidak sesuai
  "53": "invalid_service", // Produk seller tidak tersedia
  "54": "invalid_link", // Nomor tujuan salah
  "55": "invalid_service", // Produk gangguan
  "56": "invalid_service", // Limit saldo seller
  "57": "invalid_link", // Jumlah digit tidak sesuai
  "58": "invalid_service", // Sedang cut off
  "59": "invalid_link", // Tujuan di luar wilayah
  "60": "unknown", // Tagihan belum tersedia
  "61": "insufficient_funds", // Belum pernah deposit
  "62": "invalid_service", // Seller sedang gangguan
  "63": "invalid_service", // Tidak support transaksi multi
  "64": "invalid_service", // Gagal tarik tiket
  "65": "invalid_service", // Limit transaksi multi
  "66": "invalid_service", // Seller cut off
  "67": "invalid_service", // Seller belum terverifikasi
  "68": "invalid_service", // Stok habis
  "73": "invalid_link", // kWh melebihi batas
  "74": "unknown", // Transaksi refund
  "80": "invalid_service", // Akun diblokir seller
  "81": "invalid_service", // Seller diblokir Anda
  "82": "auth", // Akun belum terverifikasi
  "83": "unknown", // Limit pricelist
  "84": "unknown", // Nominal tidak valid
  "85": "unknown", // Limit transaksi
  "86": "unknown", // Limit cek PLN
};

/** Limits: passing trouble on a read call, try again later. */
const LIMIT_RC = new Set(["83", "85", "86"]);

export function digiflazzErrorClass(rc: string): SupplierErrorClass {
  return RC_CLASS[rc] ?? "unknown";
}

/** What an `rc` says about a transaction: only `00` is success. */
export function digiflazzRcStatus(rc: string): NormalizedOrderStatus {
  if (rc === "00") return "completed";
  if (PENDING_RC.has(rc)) return "pending";
  if (REQUEST_RC.has(rc) || RC_CLASS[rc] === undefined) return "unrecognized";
  return "canceled";
}

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

export function createDigiflazzAdapter(config: DigiflazzConfig, http: HttpClient): ProviderAdapter {
  const base = config.url.replace(/\/+$/, "");
  const post = (
    endpoint: string,
    json: Record<string, unknown>,
    responseTimeoutMs?: number,
    idempotent = false,
  ): Promise<HttpOutcome> =>
    http.send({
      method: "POST",
      url: `${base}/${endpoint}`,
      json,
      idempotent,
      ...(responseTimeoutMs ? { responseTimeoutMs } : {}),
    });

  /** For read calls: returns `data`; any failure is an error the caller may simply try again later. */
  const readCall = async (
    endpoint: string,
    json: Record<string, unknown>,
    responseTimeoutMs?: number,
  ): Promise<unknown> => {
    const outcome = await post(endpoint, json, responseTimeoutMs, true);
    if (outcome.kind !== "response")
      throw new ProviderCallError("unavailable", `supplier unreachable (${outcome.code}: ${outcome.message})`);
    if (outcome.status === 429 || outcome.status >= 500)
      throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    const data = dataOf(parseJson(outcome.body));
    const rc = isRecord(data) ? rcText(data.rc) : undefined;
    if (rc !== undefined && rc !== "00") {
      const message = messageOf(data) ?? `rc ${rc}`;
      throw new ProviderCallError(LIMIT_RC.has(rc) ? "unavailable" : "rejected", message, digiflazzErrorClass(rc));
    }
    if (outcome.status >= 400) throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    if (data === undefined) throw new ProviderCallError("bad_response", "supplier answer is not JSON wrapped in data");
    return data;
  };

  const transactionBody = (
    refId: string,
    sku: string,
    target: string,
    zone: string | undefined,
  ): Record<string, unknown> => ({
    username: config.username,
    buyer_sku_code: sku,
    customer_no: customerNo(target, zone),
    ref_id: refId,
    sign: md5(config.username + config.apiKey + refId),
    ...(config.testing ? { testing: true } : {}),
  });

  const statusOne = async (q: StatusQuery): Promise<OrderStatusReport> => {
    const refId = q.reference || q.providerOrderId;
    const data = await readTransaction(post, transactionBody(refId, q.providerServiceId, q.target, q.zone));
    const rc = rcText(data.rc);
    const message = messageOf(data) ?? "";
    if (rc === undefined) return { kind: "error", message: message || "answer has no rc" };
    // Signature, IP, payload or ref_id conflicts: the transaction itself may be fine. Keep polling.
    if (REQUEST_RC.has(rc)) return { kind: "error", message: `${message || "request refused"} (rc ${rc})` };
    const status = digiflazzRcStatus(rc);
    const sn = serialOf(data);
    return {
      kind: "status",
      status,
      rawStatus: typeof data.status === "string" && data.status !== "" ? data.status : `rc ${rc}`,
      startCount: undefined,
      remains: undefined,
      charge: amountText(data.price),
      currency: "IDR",
      note: status === "completed" ? sn : status === "pending" ? undefined : message || undefined,
    };
  };

  return {
    kind: "digiflazz",
    capabilities: { refill: false, cancel: false, idempotentPlace: true, statusBatch: 1, checkTarget: false },

    async services() {
      const data = await readCall(
        "price-list",
        { cmd: "prepaid", username: config.username, sign: md5(config.username + config.apiKey + "pricelist") },
        60_000,
      );
      if (!Array.isArray(data)) {
        const message = messageOf(data);
        throw message
          ? new ProviderCallError("rejected", message)
          : new ProviderCallError("bad_response", "price list answer is not a list");
      }
      return data.map(toCandidate);
    },

    async placeOrder(input: PlaceOrderInput): Promise<PlaceOutcome> {
      const refId = input.reference;
      const sent = await post("transaction", transactionBody(refId, input.providerServiceId, input.target, input.zone));
      // Digiflazz dedupes on ref_id: re-sending the same request returns the one transaction and never
      // creates (or charges) a second. So every outcome where the request may or may not have been
      // processed (no answer, reset, 5xx, unreadable body) is safe to retry with the same reference,
      // not ambiguous as it would be on a supplier without an idempotency key.
      const outcome = placementByTransport(sent, { note: "Digiflazz dedupes on ref_id", serverErrors: true });
      if (outcome.kind !== "response") return outcome;
      const data = dataOf(parseJson(outcome.body));
      const rc = isRecord(data) ? rcText(data.rc) : undefined;
      if (!isRecord(data) || rc === undefined)
        return {
          kind: "safe_to_retry",
          reason: `unreadable answer (HTTP ${outcome.status}); Digiflazz dedupes on ref_id`,
          maybeProcessed: true,
        };
      const message = messageOf(data) ?? `rc ${rc}`;
      const answeredRef = typeof data.ref_id === "string" ? data.ref_id : undefined;
      if (answeredRef !== undefined && answeredRef !== "" && answeredRef !== refId)
        return { kind: "ambiguous", reason: `answer is for another ref_id (${answeredRef})` };
      if (rc === "00") {
        const sn = serialOf(data);
        return { kind: "placed", providerOrderId: refId, status: "completed", ...(sn ? { note: sn } : {}) };
      }
      if (PENDING_RC.has(rc)) return { kind: "placed", providerOrderId: refId, status: "pending" };
      // Digiflazz could not process the request this time; the same ref_id may be sent again.
      if (rc === "42") return { kind: "safe_to_retry", reason: `${message} (rc 42)` };
      // A transaction with this ref_id exists with other details (or cannot be found): whether it will be
      // delivered is unknown, so neither a refund nor a failover is safe.
      if (rc === "47" || rc === "49" || rc === "50") return { kind: "ambiguous", reason: `${message} (rc ${rc})` };
      // An rc outside the published table may be a new pending code: do not refund on a guess.
      if (RC_CLASS[rc] === undefined) return { kind: "ambiguous", reason: `unknown rc ${rc}: ${message}` };
      return { kind: "rejected", errorClass: digiflazzErrorClass(rc), message };
    },

    /** One transaction re-send per query (statusBatch 1); a transport failure fails the call. */
    async status(queries) {
      const results = new Map<string, OrderStatusReport>();
      for (const q of queries) results.set(q.providerOrderId, await statusOne(q));
      return results;
    },

    async refill() {
      throw unsupported("digiflazz", "refills");
    },

    async refillStatus() {
      throw unsupported("digiflazz", "refills");
    },

    async cancel() {
      throw unsupported("digiflazz", "cancellation");
    },

    async checkTarget() {
      throw unsupported("digiflazz", "account checks");
    },

    async balance(): Promise<Balance> {
      const data = await readCall("cek-saldo", {
        cmd: "deposit",
        username: config.username,
        sign: md5(config.username + config.apiKey + "depo"),
      });
      const deposit = isRecord(data) ? amountText(data.deposit) : undefined;
      if (deposit === undefined) throw new ProviderCallError("bad_response", "balance answer has no deposit");
      return { balance: deposit, currency: "IDR" };
    },
  };
}

/** A status re-send: like readCall, but a definitive rc is an answer about the order, not a failed call. */
async function readTransaction(
  post: (endpoint: string, json: Record<string, unknown>) => Promise<HttpOutcome>,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const outcome = await post("transaction", body);
  if (outcome.kind !== "response")
    throw new ProviderCallError("unavailable", `supplier unreachable (${outcome.code}: ${outcome.message})`);
  if (outcome.status === 429 || outcome.status >= 500)
    throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
  const data = dataOf(parseJson(outcome.body));
  if (isRecord(data) && rcText(data.rc) !== undefined) return data;
  if (outcome.status >= 400) throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
  throw new ProviderCallError("bad_response", "transaction answer has no rc");
}

/** Games with a zone: player id and zone concatenated (read the product's `desc` for its convention). */
function customerNo(target: string, zone: string | undefined): string {
  return zone ? `${target}${zone}` : target;
}

function toCandidate(row: unknown): ServiceCandidate {
  const r = isRecord(row) ? row : {};
  return {
    id: r.buyer_sku_code,
    name: r.product_name,
    type: "Top-up",
    category: r.category ?? "",
    rate: r.price,
    min: 1,
    max: 1,
    refill: false,
    cancel: false,
    dripfeed: false,
    description: r.desc ?? "",
    unit: "per_item",
    brand: r.brand,
    available: r.buyer_product_status === true && r.seller_product_status === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Webhook

/**
 * Checks `X-Hub-Signature: sha1=<hex>` = HMAC-SHA1(webhook secret, raw body) in constant time.
 * Pass the body exactly as received: re-serialised JSON (other key order, number formatting or
 * escaping) no longer matches. False for a missing or malformed header or an empty secret.
 */
export function verifyDigiflazzSignature(
  rawBody: string | Uint8Array,
  header: string | undefined,
  webhookSecret: string,
): boolean {
  if (!header || !webhookSecret) return false;
  const match = /^sha1=([0-9a-f]{40})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac("sha1", webhookSecret)
    .update(typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody)
    .digest();
  const given = Buffer.from(match[1]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads a webhook body (after verification). Undefined when it is not a transaction notice (e.g. a ping). */
export function parseDigiflazzWebhook(
  rawBody: string,
):
  | { refId: string; status: NormalizedOrderStatus; rc: string; message: string; serial: string | undefined }
  | undefined {
  const data = dataOf(parseJson(rawBody));
  if (!isRecord(data)) return undefined;
  const refId =
    typeof data.ref_id === "string" ? data.ref_id : typeof data.ref_id === "number" ? String(data.ref_id) : "";
  const rc = rcText(data.rc);
  if (refId === "" || rc === undefined) return undefined;
  return { refId, status: digiflazzRcStatus(rc), rc, message: messageOf(data) ?? "", serial: serialOf(data) };
}

// ---------------------------------------------------------------------------------------------

function dataOf(json: unknown): unknown {
  return isRecord(json) ? json.data : undefined;
}

/** `rc` is a two-digit string on the wire; a number is padded back ("3" or 3 → "03"). */
function rcText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return String(value).padStart(2, "0");
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return value.trim().padStart(2, "0");
  return undefined;
}

function messageOf(data: unknown): string | undefined {
  return isRecord(data) && typeof data.message === "string" && data.message.trim() !== "" ? data.message : undefined;
}

function serialOf(data: Record<string, unknown>): string | undefined {
  return typeof data.sn === "string" && data.sn.trim() !== "" ? data.sn : undefined;
}

/** Money as sent (4995.88 or "4995.88"), as a string; never through arithmetic. */
function amountText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return value.trim();
  return undefined;
}
