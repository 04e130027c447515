/**
 * One interface for every supplier family. Adapters translate the wire format; they store nothing
 * and decide nothing about money. Outcomes that callers must branch on are values, not exceptions.
 */

export const PROVIDER_KINDS = ["smm-v2"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A supplier's service row as sent, mapped to our field names but not yet validated. */
export interface ServiceCandidate {
  id: unknown;
  name: unknown;
  type: unknown;
  category: unknown;
  rate: unknown;
  min: unknown;
  max: unknown;
  refill: unknown;
  cancel: unknown;
  dripfeed: unknown;
  description: unknown;
}

export interface PlaceOrderInput {
  providerServiceId: string;
  link: string;
  quantity: number;
}

/** Normalised error classes (wire-contracts 1.8); both message families map here. */
export type SupplierErrorClass =
  | "auth"
  | "insufficient_funds"
  | "invalid_service"
  | "invalid_link"
  | "quantity_range"
  | "duplicate_active_link"
  | "not_found"
  | "unknown";

/**
 * What happened to an order placement:
 * - `placed`: the supplier accepted it and gave its order id;
 * - `safe_to_retry`: provably never processed (connection refused, DNS, 429);
 * - `ambiguous`: may have been processed (timeout after sending, 5xx, reset, unreadable answer);
 * - `rejected`: a definitive refusal with the supplier's message kept.
 */
export type PlaceOutcome =
  | { kind: "placed"; providerOrderId: string }
  | { kind: "safe_to_retry"; reason: string; retryAfterMs?: number }
  | { kind: "ambiguous"; reason: string }
  | { kind: "rejected"; errorClass: SupplierErrorClass; message: string };

export type NormalizedOrderStatus = "pending" | "in_progress" | "completed" | "partial" | "canceled" | "unrecognized";

export type OrderStatusReport =
  | {
      kind: "status";
      status: NormalizedOrderStatus;
      rawStatus: string;
      startCount: number | undefined;
      remains: number | undefined;
      charge: string | undefined;
      currency: string | undefined;
    }
  | { kind: "error"; message: string };

export interface Balance {
  balance: string;
  currency: string;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  /** Every service the supplier lists. Throws ProviderCallError when the list cannot be read. */
  services(): Promise<ServiceCandidate[]>;
  placeOrder(input: PlaceOrderInput): Promise<PlaceOutcome>;
  /** Status of many orders (chunked as the supplier requires); per-id errors are kept per id. */
  status(providerOrderIds: string[]): Promise<Map<string, OrderStatusReport>>;
  balance(): Promise<Balance>;
}

/** A read call (services, status, balance) that failed; the supplier's own message is kept. */
export class ProviderCallError extends Error {
  override readonly name = "ProviderCallError";
  constructor(
    readonly reason: "unavailable" | "bad_response" | "rejected",
    message: string,
    readonly errorClass: SupplierErrorClass = "unknown",
  ) {
    super(message);
  }
}
