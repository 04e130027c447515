import type { HttpClient, HttpOutcome } from "../../infra/http/http-client.js";
import { classifySupplierError } from "./supplier-errors.js";
import { smmOrderFields } from "./smm-v2.order-fields.js";
import {
  ProviderCallError,
  unsupported,
  type Balance,
  type CancelOutcome,
  type NormalizedOrderStatus,
  type OrderStatusReport,
  type PlaceOutcome,
  type ProviderAdapter,
  type RefillOutcome,
  type RefillStatus,
  type RefillStatusReport,
  type ServiceCandidate,
} from "./provider.types.js";
import { idText, isRecord, optionalInt, parseJson, placementByTransport } from "./provider.wire.js";

/**
 * SMM Panel API v2 ("Perfect Panel" style): one URL, form POSTs, `key` + `action`. Panels answer
 * errors with HTTP 200 and `{"error": ...}`, send numbers as strings and ids as either, so the
 * body is always parsed whatever the status and every value is coerced.
 */
export interface SmmV2Config {
  url: string;
  key: string;
  /** Set for panels that make `add` idempotent on a client key (NotPanel: "request_id"). */
  idempotencyParam?: string | undefined;
}

const BATCH = 100;

export function createSmmV2Adapter(config: SmmV2Config, http: HttpClient): ProviderAdapter {
  const post = (
    fields: Record<string, string | number | undefined>,
    responseTimeoutMs?: number,
    idempotent = false,
  ): Promise<HttpOutcome> =>
    http.send({
      method: "POST",
      url: config.url,
      form: { key: config.key, ...fields },
      idempotent,
      ...(responseTimeoutMs ? { responseTimeoutMs } : {}),
    });

  /** For read calls: any failure is an error the caller may simply try again later. */
  const readCall = async (
    fields: Record<string, string | number | undefined>,
    responseTimeoutMs?: number,
  ): Promise<unknown> => {
    const outcome = await post(fields, responseTimeoutMs, true);
    if (outcome.kind !== "response")
      throw new ProviderCallError("unavailable", `supplier unreachable (${outcome.code}: ${outcome.message})`);
    // Rate limits and server errors are passing trouble, whatever their body says.
    if (outcome.status === 429 || outcome.status >= 500)
      throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    const json = parseJson(outcome.body);
    const error = errorText(json);
    if (error !== undefined) throw new ProviderCallError("rejected", error, classifySupplierError(error));
    if (outcome.status >= 400) throw new ProviderCallError("unavailable", `supplier answered HTTP ${outcome.status}`);
    if (json === undefined) throw new ProviderCallError("bad_response", "supplier answer is not JSON");
    return json;
  };

  /** Runs a batched action (≤ 100 ids per call); single ids use the single form, several the multi form. */
  const batched = async <T>(
    ids: string[],
    single: (id: string) => Promise<T>,
    multi: (chunk: string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> => {
    const results = new Map<string, T>();
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      if (chunk.length === 1) results.set(chunk[0]!, await single(chunk[0]!));
      else for (const [id, value] of await multi(chunk)) results.set(id, value);
    }
    return results;
  };

  return {
    kind: "smm-v2",
    capabilities: {
      refill: true,
      cancel: true,
      idempotentPlace: Boolean(config.idempotencyParam),
      statusBatch: BATCH,
      checkTarget: false,
    },

    async services() {
      const json = await readCall({ action: "services" }, 60_000);
      if (!Array.isArray(json)) throw new ProviderCallError("bad_response", "services answer is not a list");
      return json.map(toCandidate);
    },

    async placeOrder(input): Promise<PlaceOutcome> {
      const idempotency = config.idempotencyParam ? { [config.idempotencyParam]: input.reference } : {};
      const sent = await post({
        action: "add",
        service: input.providerServiceId,
        ...smmOrderFields(input),
        ...idempotency,
      });
      const outcome = placementByTransport(
        sent,
        config.idempotencyParam
          ? { note: `the panel dedupes on ${config.idempotencyParam}`, serverErrors: false }
          : undefined,
      );
      if (outcome.kind !== "response") return outcome;
      const json = parseJson(outcome.body);
      const error = errorText(json);
      if (error !== undefined) return { kind: "rejected", errorClass: classifySupplierError(error), message: error };
      if (outcome.status >= 400)
        return {
          kind: "rejected",
          errorClass: "unknown",
          message: `supplier refused the request (HTTP ${outcome.status})`,
        };
      const orderId = idText(isRecord(json) ? json.order : undefined);
      if (orderId) return { kind: "placed", providerOrderId: orderId };
      return { kind: "ambiguous", reason: json === undefined ? "answer is not JSON" : "answer has no order id" };
    },

    async status(queries) {
      return batched(
        queries.map((q) => q.providerOrderId),
        async (id) => toStatusReport(await readSingle(readCall, { action: "status", order: id })),
        async (chunk) => {
          const json = await readCall({ action: "status", orders: chunk.join(",") });
          if (!isRecord(json)) throw new ProviderCallError("bad_response", "multi-status answer is not an object");
          return new Map(
            chunk.map(
              (id) =>
                [
                  id,
                  json[id] === undefined
                    ? { kind: "error", message: "missing from the supplier's answer" }
                    : toStatusReport(json[id]),
                ] as const,
            ),
          );
        },
      );
    },

    async refill(providerOrderIds) {
      return batched<RefillOutcome>(
        providerOrderIds,
        async (id) => {
          const json = await readSingle(readCall, { action: "refill", order: id });
          const refillId = idText(isRecord(json) ? json.refill : undefined);
          return refillId
            ? { kind: "created", refillId }
            : { kind: "error", message: errorText(json) ?? "no refill id in the answer" };
        },
        async (chunk) =>
          listAnswer(await readCall({ action: "refill", orders: chunk.join(",") }), "order", (entry) => {
            const refillId = idText(entry.refill);
            return refillId
              ? { kind: "created", refillId }
              : { kind: "error", message: errorText(entry.refill) ?? "no refill id in the answer" };
          }),
      );
    },

    async refillStatus(refillIds) {
      const toReport = (status: unknown): RefillStatusReport =>
        typeof status === "string"
          ? { kind: "status", status: normalizeRefillStatus(status), rawStatus: status }
          : { kind: "error", message: errorText(status) ?? "unreadable refill status" };
      return batched<RefillStatusReport>(
        refillIds,
        async (id) => {
          const json = await readSingle(readCall, { action: "refill_status", refill: id });
          return isRecord(json) && json.status !== undefined
            ? toReport(json.status)
            : { kind: "error", message: errorText(json) ?? "unreadable refill status" };
        },
        async (chunk) =>
          listAnswer(await readCall({ action: "refill_status", refills: chunk.join(",") }), "refill", (entry) =>
            toReport(entry.status),
          ),
      );
    },

    async cancel(providerOrderIds) {
      const results = new Map<string, CancelOutcome>();
      for (let i = 0; i < providerOrderIds.length; i += BATCH) {
        const chunk = providerOrderIds.slice(i, i + BATCH);
        const answer = await listAnswer(
          await readCall({ action: "cancel", orders: chunk.join(",") }),
          "order",
          (entry): CancelOutcome => {
            const error = errorText(entry.cancel);
            return error === undefined && entry.cancel !== undefined
              ? { kind: "requested" }
              : { kind: "error", message: error ?? "cancel not accepted" };
          },
        );
        for (const id of chunk)
          results.set(id, answer.get(id) ?? { kind: "error", message: "missing from the supplier's answer" });
      }
      return results;
    },

    async checkTarget() {
      throw unsupported("smm-v2", "account checks");
    },

    async balance(): Promise<Balance> {
      const json = await readCall({ action: "balance" });
      if (!isRecord(json) || (typeof json.balance !== "string" && typeof json.balance !== "number")) {
        throw new ProviderCallError("bad_response", "balance answer has no balance");
      }
      return { balance: String(json.balance), currency: typeof json.currency === "string" ? json.currency : "" };
    },
  };
}

/** A single-id answer can itself be an error object: keep it as that id's error, not a failed call. */
async function readSingle(
  readCall: (fields: Record<string, string>) => Promise<unknown>,
  fields: Record<string, string>,
): Promise<unknown> {
  try {
    return await readCall(fields);
  } catch (error) {
    if (error instanceof ProviderCallError && error.reason === "rejected") return { error: error.message };
    throw error;
  }
}

/** Multi answers to refill, refill_status and cancel are lists of `{ <idField>: id, … }` entries. */
function listAnswer<T>(json: unknown, idField: string, map: (entry: Record<string, unknown>) => T): Map<string, T> {
  if (!Array.isArray(json)) throw new ProviderCallError("bad_response", "batch answer is not a list");
  const results = new Map<string, T>();
  for (const entry of json) {
    const id = isRecord(entry) ? idText(entry[idField]) : undefined;
    if (id) results.set(id, map(entry as Record<string, unknown>));
  }
  return results;
}

function toCandidate(row: unknown): ServiceCandidate {
  const r = isRecord(row) ? row : {};
  return {
    id: r.service ?? r.id,
    name: r.name,
    type: r.type ?? "Default",
    category: r.category ?? "",
    rate: r.rate,
    min: r.min,
    max: r.max,
    refill: r.refill ?? false,
    cancel: r.cancel ?? false,
    dripfeed: r.dripfeed ?? false,
    description: r.description ?? r.desc ?? "",
  };
}

function toStatusReport(entry: unknown): OrderStatusReport {
  if (!isRecord(entry)) return { kind: "error", message: "unreadable status entry" };
  const error = errorText(entry);
  if (error !== undefined) return { kind: "error", message: error };
  const rawStatus = typeof entry.status === "string" ? entry.status : "";
  return {
    kind: "status",
    status: normalizeStatus(rawStatus),
    rawStatus,
    startCount: optionalInt(entry.start_count),
    remains: optionalInt(entry.remains),
    charge: entry.charge === undefined || entry.charge === null ? undefined : String(entry.charge),
    currency: typeof entry.currency === "string" ? entry.currency : undefined,
  };
}

export function normalizeRefillStatus(raw: string): RefillStatus {
  switch (raw.trim().toLowerCase()) {
    case "pending":
    case "awaiting":
      return "pending";
    case "in progress":
    case "processing":
      return "in_progress";
    case "completed":
    case "complete":
      return "completed";
    case "rejected":
    case "failed":
    case "error":
    case "canceled":
    case "cancelled":
      return "rejected";
    default:
      return "unrecognized";
  }
}

/**
 * Case-insensitive; both spellings of cancelled; clones' `Error` and `Refunded` mean not delivered.
 * Subscriptions have their own words: `Active` and `Paused` while they wait for posts, `Expired`
 * once their end date passed (what the customer chose), `Completed` when their posts are used.
 */
export function normalizeStatus(raw: string): NormalizedOrderStatus {
  switch (raw.trim().toLowerCase()) {
    case "pending":
      return "pending";
    case "in progress":
    case "inprogress":
    case "processing":
    case "active":
    case "paused":
      return "in_progress";
    case "completed":
    case "complete":
    case "success":
    case "expired":
      return "completed";
    case "partial":
      return "partial";
    case "canceled":
    case "cancelled":
    case "error":
    case "refunded":
    case "failed":
      return "canceled";
    default:
      return "unrecognized";
  }
}

function errorText(json: unknown): string | undefined {
  if (!isRecord(json) || json.error === undefined || json.error === null || json.error === false) return undefined;
  return typeof json.error === "string" ? json.error : JSON.stringify(json.error);
}
