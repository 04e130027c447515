import type { HttpClient, HttpOutcome } from "../../infra/http/http-client.js";
import { classifySupplierError } from "./supplier-errors.js";
import {
  ProviderCallError,
  unsupported,
  type Balance,
  type IndoPanel,
  type NormalizedOrderStatus,
  type OrderStatusReport,
  type PlaceOutcome,
  type ProviderAdapter,
  type RefillOutcome,
  type RefillStatus,
  type RefillStatusReport,
  type ServiceCandidate,
  type SupplierErrorClass,
} from "./provider.types.js";
import { idText, isRecord, optionalInt, parseJson, placementByTransport } from "./provider.wire.js";

/**
 * Indonesian SMM panels (wire-contracts section 2): CentralSMM, MedanPedia and Irvankede. One URL
 * per action under the panel's API base, form POSTs with `api_id` + `api_key` (CentralSMM adds
 * `secret_key`), `target` instead of `link`, one order id per status call, and a boolean envelope
 * (`response` on CentralSMM, `status` on the others) whose failures arrive with HTTP 200 and the
 * message in `data.msg`, `msg` or a bare string in `data`. Numbers come as numbers or strings.
 *
 * Everything that differs between the three panels lives in FIELD_MAP below; the code after it
 * is shared.
 */
export interface IndoPanelConfig {
  /** The panel's API base as the shop owner types it (https://centralsmm.co.id/api, https://api.medanpedia.co.id, …). */
  url: string;
  panel: IndoPanel;
  apiId: string;
  apiKey: string;
  /** CentralSMM only. */
  secretKey?: string | undefined;
}

interface PanelFieldMap {
  /** The boolean in every answer that says whether the call succeeded. */
  envelope: "response" | "status";
  /** Credential form fields; `secretKey` only where the panel wants one. */
  credentials: { apiId: string; apiKey: string; secretKey?: string };
  /** Paths appended to the API base. */
  paths: { profile: string; services: string; order: string; status: string };
  /** Field names of one `/services` row. A missing `type` means "Default". */
  services: {
    id: string;
    name: string;
    type: string;
    category: string;
    rate: string;
    min: string;
    max: string;
    refill: string;
    description: string;
  };
  /** Order statuses the panel sends, lower-cased; anything else is "unrecognized" (keep polling, alert). */
  statuses: Readonly<Record<string, NormalizedOrderStatus>>;
  /** Refill endpoints and vocabulary; absent when the panel has no refill API. */
  refill?: {
    path: string;
    orderField: string;
    refillIdAnswer: string;
    statusPath: string;
    refillIdField: string;
    statuses: Readonly<Record<string, RefillStatus>>;
  };
}

const CREDENTIALS = { apiId: "api_id", apiKey: "api_key" } as const;
const PATHS = { profile: "/profile", services: "/services", order: "/order", status: "/status" } as const;
/** Shared by every panel: `service`, `target`, `quantity`, `custom_comments` on /order; `id` on /status. */
const ORDER_FIELDS = {
  service: "service",
  target: "target",
  quantity: "quantity",
  comments: "custom_comments",
  statusId: "id",
} as const;

const FIVE_STATUSES = {
  pending: "pending",
  processing: "in_progress",
  success: "completed",
  partial: "partial",
  error: "canceled",
} as const;
const ALL_STATUSES = {
  ...FIVE_STATUSES,
  "in progress": "in_progress",
  completed: "completed",
  canceled: "canceled",
  cancelled: "canceled",
} as const;

export const INDO_PANEL_FIELD_MAP: Readonly<Record<IndoPanel, PanelFieldMap>> = {
  centralsmm: {
    envelope: "response",
    credentials: { ...CREDENTIALS, secretKey: "secret_key" },
    paths: PATHS,
    services: {
      id: "id",
      name: "service_name",
      type: "type",
      category: "category_name",
      rate: "price",
      min: "min",
      max: "max",
      refill: "refill",
      description: "description",
    },
    statuses: FIVE_STATUSES,
  },
  medanpedia: {
    envelope: "status",
    credentials: CREDENTIALS,
    paths: PATHS,
    services: {
      id: "id",
      name: "name",
      type: "type",
      category: "category",
      rate: "price",
      min: "min",
      max: "max",
      refill: "refill",
      description: "description",
    },
    statuses: ALL_STATUSES,
    refill: {
      path: "/refill",
      orderField: "id_order",
      refillIdAnswer: "id_refill",
      statusPath: "/refill_status",
      refillIdField: "id_refill",
      statuses: {
        pending: "pending",
        processing: "in_progress",
        "in progress": "in_progress",
        success: "completed",
        completed: "completed",
        error: "rejected",
        rejected: "rejected",
        failed: "rejected",
        canceled: "rejected",
      },
    },
  },
  irvankede: {
    envelope: "status",
    credentials: CREDENTIALS,
    paths: PATHS,
    services: {
      id: "id",
      name: "name",
      type: "type",
      category: "category",
      rate: "price",
      min: "min",
      max: "max",
      refill: "refill",
      description: "description",
    },
    statuses: ALL_STATUSES,
  },
};

/** Indonesian wording the shared classifier does not know; tried first, then classifySupplierError. */
const INDONESIAN_ERRORS: ReadonlyArray<readonly [SupplierErrorClass, RegExp]> = [
  ["auth", /api[ _-]?id|secret[ _-]?key|kredensial|akses ditolak/i],
  ["insufficient_funds", /saldo\b.*\b(?:tidak (?:cukup|mencukupi)|kurang|habis)/i],
  ["invalid_service", /layanan\b.*\b(?:tidak (?:ditemukan|tersedia|aktif|valid)|nonaktif|dinonaktifkan)/i],
  ["invalid_link", /(?:target|link|tautan|username)\b.*\b(?:tidak (?:valid|sesuai|ditemukan)|salah)/i],
  [
    "quantity_range",
    /jumlah\b.*\b(?:minimal|maksimal|tidak sesuai|kurang dari|lebih dari)|(?:minimal|maksimal) (?:pesanan|jumlah)/i,
  ],
  ["not_found", /(?:pesanan|order|refill)\b.*\btidak (?:ditemukan|valid)/i],
];

export function classifyIndoPanelError(message: string): SupplierErrorClass {
  for (const [errorClass, pattern] of INDONESIAN_ERRORS) if (pattern.test(message)) return errorClass;
  return classifySupplierError(message);
}

/** Case-insensitive, in the panel's own vocabulary; an unknown word is "unrecognized". */
export function normalizeIndoPanelStatus(panel: IndoPanel, raw: string): NormalizedOrderStatus {
  return INDO_PANEL_FIELD_MAP[panel].statuses[raw.trim().toLowerCase()] ?? "unrecognized";
}

type Fields = Record<string, string | number | undefined>;

/** What an answer's envelope said: success with its `data`, a refusal with the panel's message, or unreadable. */
type Envelope = { ok: true; data: unknown } | { ok: false; message: string } | { ok: "unreadable"; reason: string };

export function createIndoPanelAdapter(config: IndoPanelConfig, http: HttpClient): ProviderAdapter {
  const map = INDO_PANEL_FIELD_MAP[config.panel];
  const base = config.url.trim().replace(/\/+$/, "");
  const credentials: Fields = {
    [map.credentials.apiId]: config.apiId,
    [map.credentials.apiKey]: config.apiKey,
    ...(map.credentials.secretKey ? { [map.credentials.secretKey]: config.secretKey } : {}),
  };

  const post = (path: string, fields: Fields, responseTimeoutMs?: number, idempotent = false): Promise<HttpOutcome> =>
    http.send({
      method: "POST",
      url: base + path,
      form: { ...credentials, ...fields },
      idempotent,
      ...(responseTimeoutMs ? { responseTimeoutMs } : {}),
    });

  const open = (body: string): Envelope => {
    const json = parseJson(body);
    if (!isRecord(json))
      return { ok: "unreadable", reason: json === undefined ? "answer is not JSON" : "answer is not an object" };
    const flag = flagOf(json[map.envelope]);
    if (flag === true) return { ok: true, data: json.data };
    if (flag === false) return { ok: false, message: refusalText(json) };
    return { ok: "unreadable", reason: `answer has no "${map.envelope}" flag` };
  };

  /** For read calls: any failure is an error the caller may try again later; a refusal keeps the panel's message. */
  const readCall = async (
    path: string,
    fields: Fields = {},
    responseTimeoutMs?: number,
  ): Promise<{ data: unknown }> => {
    const outcome = await post(path, fields, responseTimeoutMs, true);
    if (outcome.kind !== "response")
      throw new ProviderCallError("unavailable", `supplier unreachable (${outcome.code}: ${outcome.message})`);
    if (outcome.status === 429 || outcome.status >= 500)
      throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    const envelope = open(outcome.body);
    if (envelope.ok === false)
      throw new ProviderCallError("rejected", envelope.message, classifyIndoPanelError(envelope.message));
    if (outcome.status >= 400) throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    if (envelope.ok === "unreadable") throw new ProviderCallError("bad_response", envelope.reason);
    return envelope;
  };

  /**
   * One call per id. A refusal about that id (unknown order, refill not allowed) is kept as that id's
   * error; wrong credentials and transport trouble fail the whole call, since no id can be read.
   */
  const perId = async <T>(
    ids: string[],
    read: (id: string) => Promise<T>,
    error: (message: string) => T,
  ): Promise<Map<string, T>> => {
    const results = new Map<string, T>();
    for (const id of ids) {
      if (results.has(id)) continue;
      try {
        results.set(id, await read(id));
      } catch (e) {
        if (e instanceof ProviderCallError && e.reason === "rejected" && e.errorClass !== "auth")
          results.set(id, error(e.message));
        else throw e;
      }
    }
    return results;
  };

  const refillMap = () => {
    if (!map.refill) throw unsupported("indo-panel", `refills on ${config.panel}`);
    return map.refill;
  };

  return {
    kind: "indo-panel",
    capabilities: {
      refill: Boolean(map.refill),
      cancel: false,
      idempotentPlace: false,
      statusBatch: 1,
      checkTarget: false,
    },

    async services() {
      const { data } = await readCall(map.paths.services, {}, 60_000);
      if (!Array.isArray(data)) throw new ProviderCallError("bad_response", "services answer has no list in data");
      const f = map.services;
      return data.map((row): ServiceCandidate => {
        const r = isRecord(row) ? row : {};
        return {
          id: r[f.id],
          name: r[f.name],
          type: typeof r[f.type] === "string" && (r[f.type] as string).trim() !== "" ? r[f.type] : "Default",
          category: r[f.category] ?? "",
          rate: r[f.rate],
          min: r[f.min],
          max: r[f.max],
          refill: r[f.refill] ?? false,
          cancel: false,
          dripfeed: false,
          description: r[f.description] ?? "",
          unit: "per_1000",
        };
      });
    },

    async placeOrder(input): Promise<PlaceOutcome> {
      const comments = input.extras?.comments;
      const sent = await post(map.paths.order, {
        [ORDER_FIELDS.service]: input.providerServiceId,
        [ORDER_FIELDS.target]: input.target,
        [ORDER_FIELDS.quantity]: input.quantity,
        [ORDER_FIELDS.comments]: comments && comments.length > 0 ? comments.join("\n") : undefined,
      });
      const outcome = placementByTransport(sent);
      if (outcome.kind !== "response") return outcome;
      const envelope = open(outcome.body);
      if (envelope.ok === false)
        return { kind: "rejected", errorClass: classifyIndoPanelError(envelope.message), message: envelope.message };
      if (outcome.status >= 400)
        return {
          kind: "rejected",
          errorClass: "unknown",
          message: `supplier refused the request (HTTP ${outcome.status})`,
        };
      if (envelope.ok === "unreadable") return { kind: "ambiguous", reason: envelope.reason };
      const orderId = idText(isRecord(envelope.data) ? envelope.data.id : undefined);
      return orderId
        ? { kind: "placed", providerOrderId: orderId }
        : { kind: "ambiguous", reason: "answer has no order id" };
    },

    async status(queries) {
      return perId<OrderStatusReport>(
        queries.map((q) => q.providerOrderId),
        async (id) => {
          const { data } = await readCall(map.paths.status, { [ORDER_FIELDS.statusId]: id });
          if (!isRecord(data) || typeof data.status !== "string")
            return { kind: "error", message: "unreadable status in the supplier's answer" };
          return {
            kind: "status",
            status: normalizeIndoPanelStatus(config.panel, data.status),
            rawStatus: data.status,
            startCount: optionalInt(data.start_count),
            remains: optionalInt(data.remains),
            charge:
              typeof data.price === "number" || (typeof data.price === "string" && data.price.trim() !== "")
                ? String(data.price).trim()
                : undefined,
            currency: "IDR",
          };
        },
        (message) => ({ kind: "error", message }),
      );
    },

    async refill(providerOrderIds) {
      const r = refillMap();
      return perId<RefillOutcome>(
        providerOrderIds,
        async (id) => {
          const { data } = await readCall(r.path, { [r.orderField]: id });
          const refillId = idText(isRecord(data) ? data[r.refillIdAnswer] : undefined);
          return refillId
            ? { kind: "created", refillId }
            : { kind: "error", message: "no refill id in the supplier's answer" };
        },
        (message) => ({ kind: "error", message }),
      );
    },

    async refillStatus(refillIds) {
      const r = refillMap();
      return perId<RefillStatusReport>(
        refillIds,
        async (id) => {
          const { data } = await readCall(r.statusPath, { [r.refillIdField]: id });
          const raw = isRecord(data) ? data.status : undefined;
          if (typeof raw !== "string")
            return { kind: "error", message: "unreadable refill status in the supplier's answer" };
          return { kind: "status", status: r.statuses[raw.trim().toLowerCase()] ?? "unrecognized", rawStatus: raw };
        },
        (message) => ({ kind: "error", message }),
      );
    },

    async cancel() {
      throw unsupported("indo-panel", "cancellation");
    },

    async checkTarget() {
      throw unsupported("indo-panel", "account checks");
    },

    async balance(): Promise<Balance> {
      const { data } = await readCall(map.paths.profile);
      const balance = isRecord(data) ? data.balance : undefined;
      if (
        !(typeof balance === "number" && Number.isFinite(balance)) &&
        !(typeof balance === "string" && balance.trim() !== "")
      ) {
        throw new ProviderCallError("bad_response", "profile answer has no balance");
      }
      return { balance: String(balance).trim(), currency: "IDR" };
    },
  };
}

/** `true`/`false` as sent, or the 1/0 and "true"/"false" some PHP back ends produce; anything else is no flag. */
function flagOf(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === "1" || value === "true") return true;
  if (value === false || value === 0 || value === "0" || value === "false") return false;
  return undefined;
}

/** The panel's refusal text: `data.msg` (CentralSMM), `msg` (MedanPedia), or a bare string in `data` (Irvankede). */
function refusalText(json: Record<string, unknown>): string {
  const candidates = [
    isRecord(json.data) ? json.data.msg : undefined,
    json.msg,
    json.data,
    isRecord(json.data) ? json.data.message : undefined,
    json.message,
    json.error,
  ];
  for (const c of candidates) if (typeof c === "string" && c.trim() !== "") return c.trim();
  return "supplier refused the request without a message";
}
