import type { HttpOutcome } from "../../infra/http/http-client.js";
import type { PlaceOutcome } from "./provider.types.js";

type HttpResponse = Extract<HttpOutcome, { kind: "response" }>;

/**
 * What every supplier adapter needs to read an answer off the wire: lenient JSON, plain-object
 * checks, ids and counts that come as numbers or strings, and what the transport alone says about
 * an order placement. Each adapter keeps only what its supplier's format makes different.
 */

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An id as text: suppliers send 12345 or "12345". */
export function idText(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return undefined;
}

/** A whole number sent as a number or a numeric string; anything else is absent. */
export function optionalInt(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
}

/**
 * A placement decided before the supplier's body is read: the request never left (safe to retry),
 * no answer or a 5xx (the order may exist: ambiguous, unless the supplier dedupes on our reference,
 * `dedupes.note` saying so), or rate limited (retry after what it asks). Otherwise the response
 * itself comes back, for the body to decide. `dedupes.serverErrors`: a 5xx is also safe to retry (the supplier
 * documents that a re-sent reference returns the one order).
 */
export function placementByTransport(
  outcome: HttpOutcome,
  dedupes?: { note: string; serverErrors: boolean },
): PlaceOutcome | HttpResponse {
  if (outcome.kind === "not_sent") return { kind: "safe_to_retry", reason: `${outcome.code}: ${outcome.message}` };
  if (outcome.kind === "no_answer")
    return dedupes
      ? { kind: "safe_to_retry", reason: `no answer (${outcome.code}); ${dedupes.note}`, maybeProcessed: true }
      : { kind: "ambiguous", reason: `no answer after sending (${outcome.code})` };
  if (outcome.status === 429) {
    const retryAfter = Number(outcome.headers["retry-after"]);
    return {
      kind: "safe_to_retry",
      reason: "rate limited (HTTP 429)",
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  if (outcome.status >= 500)
    return dedupes?.serverErrors
      ? {
          kind: "safe_to_retry",
          reason: `supplier answered HTTP ${outcome.status}; ${dedupes.note}`,
          maybeProcessed: true,
        }
      : { kind: "ambiguous", reason: `supplier answered HTTP ${outcome.status}` };
  return outcome;
}
