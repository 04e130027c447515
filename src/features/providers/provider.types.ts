/**
 * One interface for every supplier family. Adapters translate the wire format; they store nothing
 * and decide nothing about money. Outcomes that callers must branch on are values, not exceptions;
 * a read call that fails throws ProviderCallError with the supplier's own message kept.
 */

export const PROVIDER_KINDS = ["smm-v2", "indo-panel", "vip-reseller", "digiflazz"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const INDO_PANELS = ["centralsmm", "medanpedia", "irvankede"] as const;
export type IndoPanel = (typeof INDO_PANELS)[number];

/** What a supplier family can do; callers check these instead of trying and failing. */
export interface ProviderCapabilities {
  refill: boolean;
  cancel: boolean;
  /** Re-sending a placement with the same reference never creates a second order (Digiflazz ref_id). */
  idempotentPlace: boolean;
  /** The most order ids one status call takes. */
  statusBatch: number;
  /** Can look up an account's display name before selling (game nickname check). */
  checkTarget: boolean;
}

/** A supplier's product row as sent, mapped to our field names but not yet validated. */
export interface ServiceCandidate {
  id: unknown;
  name: unknown;
  /** The supplier's order type: SMM "Default", "Package", "Custom Comments", …; "Top-up" for games and vouchers. */
  type: unknown;
  category: unknown;
  /** Supplier price: per 1000 units (`unit: "per_1000"`) or per item (`unit: "per_item"`). */
  rate: unknown;
  min: unknown;
  max: unknown;
  refill: unknown;
  cancel: unknown;
  dripfeed: unknown;
  description: unknown;
  /** Defaults to "per_1000" (SMM panels). Top-up suppliers sell per item. */
  unit?: "per_1000" | "per_item";
  /** Top-ups: the game or brand as the supplier names it ("Mobile Legends", "Free Fire", "TELKOMSEL"). */
  brand?: unknown;
  /** False when the supplier lists the product but says it cannot be bought now. */
  available?: unknown;
}

/** Type-specific order fields (SMM API v2 section 1.3). */
export interface OrderExtras {
  comments?: string[];
  usernames?: string[];
  hashtags?: string[];
  hashtag?: string;
  username?: string;
  media?: string;
  keywords?: string[];
  answerNumber?: number;
  /** Drip-feed: number of runs and minutes between them (only for services with dripfeed). */
  runs?: number;
  interval?: number;
  subscription?: {
    username: string;
    min: number;
    max: number;
    posts?: number;
    oldPosts?: number;
    delay: number;
    expiry?: string;
  };
}

export interface PlaceOrderInput {
  /** Our stable order reference: the idempotency key where the supplier supports one. */
  reference: string;
  providerServiceId: string;
  /** The supplier's order type for the service (decides which fields are sent). */
  serviceType: string;
  /** A link or @username for SMM services; a player id or phone number for top-ups. */
  target: string;
  /** Game zone or server id, for games that have one. */
  zone?: string | undefined;
  quantity: number;
  extras?: OrderExtras | undefined;
}

/** Normalised error classes (wire-contracts 1.8 and the other families map here). */
export type SupplierErrorClass =
  | "auth"
  | "insufficient_funds"
  | "invalid_service"
  | "invalid_link"
  | "quantity_range"
  | "duplicate_active_link"
  | "not_found"
  | "unsupported"
  | "unknown";

/**
 * What happened to an order placement:
 * - `placed`: the supplier accepted it and gave its order id (top-ups may already be complete);
 * - `safe_to_retry`: provably never processed (connection refused, DNS, 429);
 * - `ambiguous`: may have been processed (timeout after sending, 5xx, reset, unreadable answer);
 * - `rejected`: a definitive refusal with the supplier's message kept.
 */
export type PlaceOutcome =
  | { kind: "placed"; providerOrderId: string; status?: NormalizedOrderStatus; note?: string }
  /** `maybeProcessed`: the request may have reached the supplier; re-sending is safe only because it dedupes on our reference. */
  | { kind: "safe_to_retry"; reason: string; retryAfterMs?: number; maybeProcessed?: boolean }
  | { kind: "ambiguous"; reason: string }
  | { kind: "rejected"; errorClass: SupplierErrorClass; message: string };

export type NormalizedOrderStatus = "pending" | "in_progress" | "completed" | "partial" | "canceled" | "unrecognized";

/** Everything a supplier may need to answer "how is this order doing?" (Digiflazz re-sends the order). */
export interface StatusQuery {
  providerOrderId: string;
  reference: string;
  providerServiceId: string;
  target: string;
  zone?: string | undefined;
}

export type OrderStatusReport =
  | {
      kind: "status";
      status: NormalizedOrderStatus;
      rawStatus: string;
      startCount: number | undefined;
      remains: number | undefined;
      charge: string | undefined;
      currency: string | undefined;
      /** Serial number, voucher code or the supplier's reason (top-ups). */
      note?: string | undefined;
    }
  | { kind: "error"; message: string };

export type RefillOutcome = { kind: "created"; refillId: string } | { kind: "error"; message: string };
export type RefillStatus = "pending" | "in_progress" | "completed" | "rejected" | "unrecognized";
export type RefillStatusReport =
  { kind: "status"; status: RefillStatus; rawStatus: string } | { kind: "error"; message: string };
export type CancelOutcome = { kind: "requested" } | { kind: "error"; message: string };

export type TargetCheck =
  | { kind: "valid"; nickname: string }
  | { kind: "invalid"; message: string }
  /** The lookup itself failed: the caller may go on without a nickname. */
  | { kind: "unavailable"; message: string };

export interface Balance {
  balance: string;
  currency: string;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  readonly capabilities: ProviderCapabilities;
  /** Every product the supplier lists. Throws ProviderCallError when the list cannot be read. */
  services(): Promise<ServiceCandidate[]>;
  placeOrder(input: PlaceOrderInput): Promise<PlaceOutcome>;
  /** Status of many orders, chunked as the supplier requires; per-order errors are kept per order. Keyed by providerOrderId. */
  status(queries: StatusQuery[]): Promise<Map<string, OrderStatusReport>>;
  /** Keyed by providerOrderId. Throws ProviderCallError (errorClass "unsupported") when `capabilities.refill` is false. */
  refill(providerOrderIds: string[]): Promise<Map<string, RefillOutcome>>;
  refillStatus(refillIds: string[]): Promise<Map<string, RefillStatusReport>>;
  /** Keyed by providerOrderId. Throws ProviderCallError (errorClass "unsupported") when `capabilities.cancel` is false. */
  cancel(providerOrderIds: string[]): Promise<Map<string, CancelOutcome>>;
  balance(): Promise<Balance>;
  /** Looks up the account behind a top-up target. Throws ProviderCallError ("unsupported") when `capabilities.checkTarget` is false. */
  checkTarget(input: {
    providerServiceId: string;
    brand: string;
    target: string;
    zone?: string | undefined;
  }): Promise<TargetCheck>;
}

/** A read call (services, status, balance, …) that failed; the supplier's own message is kept. */
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

export function unsupported(kind: ProviderKind, action: string): ProviderCallError {
  return new ProviderCallError("rejected", `${kind} suppliers do not support ${action}`, "unsupported");
}

/** Supplier configuration that is not secret (which Indonesian panel, VIP price tier, …). */
export interface ProviderOptions {
  panel?: IndoPanel;
  priceTier?: "basic" | "premium" | "special";
  /** smm-v2 panels that take an idempotency key on `add` (NotPanel's `request_id`). */
  idempotencyParam?: string;
  /** Digiflazz: send `testing: true` (development accounts). */
  testing?: boolean;
}

/** Credential field names per kind (stored sealed, never shown). */
export interface ProviderCredentials {
  key?: string;
  apiId?: string;
  apiKey?: string;
  secretKey?: string;
  username?: string;
  webhookSecret?: string;
}
