import { createHash } from "node:crypto";
import type { HttpClient, HttpOutcome } from "../../infra/http/http-client.js";
import {
  ProviderCallError,
  unsupported,
  type Balance,
  type NormalizedOrderStatus,
  type OrderStatusReport,
  type PlaceOutcome,
  type ProviderAdapter,
  type ServiceCandidate,
  type SupplierErrorClass,
  type TargetCheck,
} from "./provider.types.js";
import { idText, isRecord, placementByTransport } from "./provider.wire.js";

/**
 * VIP Reseller ("VIPayment") game top-ups (wire-contracts section 3): form POSTs to
 * `<base>/profile` and `<base>/game-feature`, `key` + `sign = md5(API_ID + API_KEY)` on every call,
 * answers in `{result, data, message}` with refusals as HTTP 200 and `result: false`. Orders carry
 * `data_no` / `data_zone` (section 9); nickname lookups carry `target` / `additional_target`.
 * There is no client reference on `order`, so an order whose answer was lost is ambiguous.
 */
export interface VipResellerConfig {
  /** API base, e.g. https://vip-reseller.co.id/api (trailing slash optional). */
  url: string;
  apiId: string;
  apiKey: string;
  /** The account's price tier; when unset it is read from /profile `data.level`. */
  priceTier?: "basic" | "premium" | "special" | undefined;
}

type Tier = "basic" | "premium" | "special";
type Endpoint = "profile" | "game-feature";
type Fields = Record<string, string | number | undefined>;

const TIERS: readonly Tier[] = ["basic", "premium", "special"];

/**
 * VIP's own (Indonesian) refusals. Order matters: a missing transaction is `not_found` before the
 * target patterns see "data", and a service refusal is `invalid_service` before "tidak ditemukan".
 */
const VIP_PATTERNS: ReadonlyArray<readonly [SupplierErrorClass, RegExp]> = [
  [
    "auth",
    /signature|api ?key|\bIP\b|whitelist|akun (?:anda )?(?:tidak aktif|nonaktif|dinonaktifkan|diblokir|suspend)/i,
  ],
  ["insufficient_funds", /saldo\b.*(?:tidak (?:cukup|mencukupi)|kurang)|insufficient|not enough (?:funds|balance)/i],
  ["not_found", /transaksi tidak ditemukan|trxid|order not found/i],
  [
    "invalid_service",
    /(?:layanan|produk|service)\b.*(?:tidak|nonaktif|gangguan|kosong|not found|unavailable)|stok (?:habis|kosong)/i,
  ],
  [
    "invalid_link",
    /(?:data tujuan|tujuan|target|data_no|data_zone|pemain|player|user ?id|\bid\b|zone|server)\b.*(?:tidak|wajib|salah|invalid|kosong)/i,
  ],
  ["quantity_range", /minimal|maksimal|minimum|maximum/i],
  ["not_found", /tidak ditemukan|not found/i],
];

export function classifyVipError(message: string): SupplierErrorClass {
  for (const [errorClass, pattern] of VIP_PATTERNS) if (pattern.test(message)) return errorClass;
  return "unknown";
}

/** Refusals that say the supplier (or our account with it) failed, not that the player id is wrong. */
const SYSTEM_FAILURE =
  /maintenance|pemeliharaan|perbaikan|gangguan|sibuk|coba (?:lagi )?(?:beberapa saat|nanti)|kesalahan (?:sistem|server)|system error|timeout|time out|kode game|game (?:ini )?(?:tidak|belum) (?:didukung|mendukung|tersedia|ditemukan)|(?:tidak|belum) mendukung/i;

function isSystemFailure(message: string): boolean {
  return classifyVipError(message) === "auth" || SYSTEM_FAILURE.test(message);
}

/** get-nickname `code` for names that a plain lowercase-dashes conversion gets wrong. */
const SLUG_EXCEPTIONS: Record<string, string> = {
  "mobile legends: bang bang": "mobile-legends",
  "mobile legends bang bang": "mobile-legends",
  mlbb: "mobile-legends",
  ml: "mobile-legends",
  ff: "free-fire",
  pubg: "pubg-mobile",
  pubgm: "pubg-mobile",
  "pubg mobile (indonesia)": "pubg-mobile",
  "pubg mobile indonesia": "pubg-mobile",
  "league of legends: wild rift": "league-of-legends-wild-rift",
  "wild rift": "league-of-legends-wild-rift",
  codm: "call-of-duty-mobile",
  "call of duty: mobile": "call-of-duty-mobile",
  "ragnarok m": "ragnarok-m-eternal-love-big-cat-coin",
  "ragnarok m: eternal love": "ragnarok-m-eternal-love-big-cat-coin",
};

/** "Mobile Legends" → "mobile-legends", "Free Fire" → "free-fire", "Tom and Jerry: Chase" → "tom-and-jerry-chase". */
export function vipGameSlug(brand: string): string {
  const key = brand.trim().toLowerCase().replace(/\s+/g, " ");
  return (
    SLUG_EXCEPTIONS[key] ??
    key
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
  );
}

/** waiting/processing/success/error plus the spellings other VIP documents list. */
export function normalizeVipStatus(raw: string): NormalizedOrderStatus {
  switch (raw.trim().toLowerCase()) {
    case "waiting":
    case "pending":
      return "pending";
    case "processing":
    case "process":
      return "in_progress";
    case "success":
    case "sukses":
      return "completed";
    case "partial":
      return "partial";
    case "error":
    case "failed":
    case "gagal":
    case "canceled":
    case "cancelled":
      return "canceled";
    default:
      return "unrecognized";
  }
}

export function createVipResellerAdapter(config: VipResellerConfig, http: HttpClient): ProviderAdapter {
  const base = config.url.replace(/\/+$/, "");
  const sign = createHash("md5")
    .update(config.apiId + config.apiKey)
    .digest("hex");

  const post = (
    endpoint: Endpoint,
    fields: Fields,
    responseTimeoutMs?: number,
    idempotent = false,
  ): Promise<HttpOutcome> =>
    http.send({
      method: "POST",
      url: `${base}/${endpoint}`,
      form: { key: config.apiKey, sign, ...fields },
      idempotent,
      ...(responseTimeoutMs ? { responseTimeoutMs } : {}),
    });

  /** For read calls: returns `data` of a `result: true` answer, otherwise throws ProviderCallError. */
  const readCall = async (endpoint: Endpoint, fields: Fields, responseTimeoutMs?: number): Promise<unknown> => {
    const outcome = await post(endpoint, fields, responseTimeoutMs, true);
    if (outcome.kind !== "response")
      throw new ProviderCallError("unavailable", `supplier unreachable (${outcome.code}: ${outcome.message})`);
    if (outcome.status === 429 || outcome.status >= 500)
      throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    const envelope = readEnvelope(outcome.body);
    if (envelope?.ok === false)
      throw new ProviderCallError("rejected", envelope.message, classifyVipError(envelope.message));
    if (outcome.status >= 400) throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    if (!envelope) throw new ProviderCallError("bad_response", "supplier answer is not a {result, data} envelope");
    return envelope.data;
  };

  const accountTier = async (): Promise<Tier> => {
    const profile = await readCall("profile", {});
    const level = isRecord(profile) && typeof profile.level === "string" ? profile.level.trim().toLowerCase() : "";
    return (TIERS as readonly string[]).includes(level) ? (level as Tier) : "basic";
  };

  return {
    kind: "vip-reseller",
    capabilities: { refill: false, cancel: false, idempotentPlace: false, statusBatch: 1, checkTarget: true },

    async services(): Promise<ServiceCandidate[]> {
      const tier = config.priceTier ?? (await accountTier());
      const data = await readCall("game-feature", { type: "services" }, 60_000);
      if (!Array.isArray(data)) throw new ProviderCallError("bad_response", "services answer is not a list");
      return data.map((row) => toCandidate(row, tier));
    },

    async placeOrder(input): Promise<PlaceOutcome> {
      const sent = await post("game-feature", {
        type: "order",
        service: input.providerServiceId,
        data_no: input.target,
        data_zone: input.zone ?? "",
      });
      // VIP takes no client reference on `order`: a lost answer may hide a placed order.
      const outcome = placementByTransport(sent);
      if (outcome.kind !== "response") return outcome;
      const envelope = readEnvelope(outcome.body);
      if (envelope?.ok === false)
        return { kind: "rejected", errorClass: classifyVipError(envelope.message), message: envelope.message };
      if (outcome.status >= 400)
        return {
          kind: "rejected",
          errorClass: "unknown",
          message: `supplier refused the request (HTTP ${outcome.status})`,
        };
      if (!envelope) return { kind: "ambiguous", reason: "answer is not a {result, data} envelope" };
      const data = isRecord(envelope.data) ? envelope.data : {};
      const trxid = idText(data.trxid);
      if (!trxid) return { kind: "ambiguous", reason: "answer has no trxid" };
      const note = typeof data.note === "string" && data.note.trim() !== "" ? data.note : undefined;
      return {
        kind: "placed",
        providerOrderId: trxid,
        ...(typeof data.status === "string" ? { status: normalizeVipStatus(data.status) } : {}),
        ...(note !== undefined ? { note } : {}),
      };
    },

    async status(queries) {
      const results = new Map<string, OrderStatusReport>();
      for (const { providerOrderId: id } of queries) {
        if (results.has(id)) continue;
        let data: unknown;
        try {
          data = await readCall("game-feature", { type: "status", trxid: id });
        } catch (error) {
          // "Transaction not found" belongs to that order; a refused signature or IP concerns every order.
          if (error instanceof ProviderCallError && error.reason === "rejected" && error.errorClass !== "auth") {
            results.set(id, { kind: "error", message: error.message });
            continue;
          }
          throw error;
        }
        results.set(id, toStatusReport(pickEntry(data, id)));
      }
      return results;
    },

    async refill() {
      throw unsupported("vip-reseller", "refills");
    },

    async refillStatus() {
      throw unsupported("vip-reseller", "refills");
    },

    async cancel() {
      throw unsupported("vip-reseller", "cancellation");
    },

    async balance(): Promise<Balance> {
      const profile = await readCall("profile", {});
      const balance = isRecord(profile) ? profile.balance : undefined;
      if (typeof balance !== "number" && !(typeof balance === "string" && balance.trim() !== ""))
        throw new ProviderCallError("bad_response", "profile answer has no balance");
      return { balance: String(balance).trim(), currency: "IDR" };
    },

    async checkTarget(input): Promise<TargetCheck> {
      const outcome = await post("game-feature", {
        type: "get-nickname",
        code: vipGameSlug(input.brand),
        target: input.target,
        additional_target: input.zone ?? "",
      });
      if (outcome.kind !== "response")
        return { kind: "unavailable", message: `supplier unreachable (${outcome.code}: ${outcome.message})` };
      if (outcome.status === 429 || outcome.status >= 500)
        return { kind: "unavailable", message: `supplier answered HTTP ${outcome.status}` };
      const envelope = readEnvelope(outcome.body);
      if (!envelope)
        return {
          kind: "unavailable",
          message:
            outcome.status >= 400
              ? `supplier answered HTTP ${outcome.status}`
              : "answer is not a {result, data} envelope",
        };
      if (envelope.ok === false)
        return isSystemFailure(envelope.message)
          ? { kind: "unavailable", message: envelope.message }
          : { kind: "invalid", message: envelope.message };
      const nickname =
        typeof envelope.data === "string"
          ? envelope.data
          : isRecord(envelope.data) && typeof envelope.data.nickname === "string"
            ? envelope.data.nickname
            : "";
      return nickname.trim() !== ""
        ? { kind: "valid", nickname: nickname.trim() }
        : { kind: "unavailable", message: "answer has no nickname" };
    },
  };
}

type Envelope = { ok: true; data: unknown } | { ok: false; message: string };

/** `{result, data, message}` with `result` as a boolean (or its string / 0-1 spellings); undefined if not one. */
function readEnvelope(body: string): Envelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
  if (!isRecord(json) || !("result" in json)) return undefined;
  const result = json.result;
  if (result === true || result === "true" || result === 1 || result === "1") return { ok: true, data: json.data };
  if (result === false || result === "false" || result === 0 || result === "0") {
    const message =
      typeof json.message === "string" && json.message.trim() !== ""
        ? json.message
        : "supplier refused the request without a message";
    return { ok: false, message };
  }
  return undefined;
}

function toCandidate(row: unknown, tier: Tier): ServiceCandidate {
  const r = isRecord(row) ? row : {};
  return {
    id: r.code,
    name: r.name,
    type: "Top-up",
    category: r.game,
    rate: tierPrice(r.price, tier),
    min: 1,
    max: 1,
    refill: false,
    cancel: false,
    dripfeed: false,
    description: r.note ?? r.description ?? "",
    unit: "per_item",
    brand: r.game,
    available: typeof r.status === "string" && r.status.trim().toLowerCase() === "available",
  };
}

/** The tier's price as sent (number or string); basic when the tier is missing, since it is the highest. */
function tierPrice(price: unknown, tier: Tier): unknown {
  if (!isRecord(price)) return price;
  return price[tier] ?? price.basic;
}

/** `data` of a status answer is usually a list, sometimes the bare object: prefer the entry with our trxid. */
function pickEntry(data: unknown, trxid: string): unknown {
  if (!Array.isArray(data)) return data;
  return data.find((entry) => isRecord(entry) && idText(entry.trxid) === trxid) ?? data[0];
}

function toStatusReport(entry: unknown): OrderStatusReport {
  if (!isRecord(entry)) return { kind: "error", message: "missing from the supplier's answer" };
  if (typeof entry.status !== "string") return { kind: "error", message: "unreadable status entry" };
  const price = entry.price;
  const charge =
    typeof price === "number" || (typeof price === "string" && price.trim() !== "") ? String(price).trim() : undefined;
  return {
    kind: "status",
    status: normalizeVipStatus(entry.status),
    rawStatus: entry.status,
    startCount: undefined,
    remains: undefined,
    charge,
    currency: charge === undefined ? undefined : "IDR",
    note: typeof entry.note === "string" ? entry.note : undefined,
  };
}
