import type { Decimal } from "../../shared/money.js";

/**
 * One interface for every payment gateway (QRIS invoices; the first adapter is `midtrans.gateway.ts`),
 * the payments twin of `ProviderAdapter`. An adapter translates its gateway's wire format and
 * signature scheme; it stores nothing and decides nothing about money: the payments service,
 * confirmation, webhook and reconciler decide, and talk only to this port. Adding a gateway is one
 * adapter file, its test, its simulator and one line in `payment-gateways.ts`.
 */

/** What the gateway says about one invoice, in our words. */
export type GatewayState = "pending" | "paid" | "expired" | "canceled" | "failed" | "refunded" | "not_found" | "unrecognized";

export interface GatewayStatus {
  state: GatewayState;
  /** The gateway's own word for the state, kept for the admin and the logs. */
  transactionStatus: string;
  grossAmount: Decimal | undefined;
  transactionId: string | undefined;
}

export interface InvoiceRequest {
  /** Our reference: the gateway's order id, unique per invoice. */
  reference: string;
  amount: number;
  itemName: string;
  customerName: string;
  expiryMinutes: number;
}

/** A QR invoice the customer can pay. */
export interface GatewayInvoice {
  transactionId: string;
  qrString: string | undefined;
  qrUrl: string | undefined;
}

/**
 * A notification whose signature checked out. It is a trigger, never the truth: the webhook still
 * asks `status` before anything changes.
 */
export interface VerifiedNotification {
  reference: string;
  /** The amount exactly as the gateway wrote it, compared with the invoice's. */
  grossAmount: string;
  /** The same notification sent twice has the same key (duplicates are no-ops). */
  dedupeKey: string;
}

/** One setting an admin fills in; secret ones are sealed at rest and masked in every answer. */
export interface GatewaySettingField {
  name: string;
  secret: boolean;
  required: boolean;
}

export interface GatewayTestResult {
  ok: boolean;
  outcome: string;
  message: string;
}

/** What the admin app needs to show, save and test a gateway's settings. */
export interface GatewaySettingsDescriptor {
  fields: readonly GatewaySettingField[];
  /** A harmless call that proves the saved keys work. */
  test(): Promise<GatewayTestResult>;
}

/** What a gateway can do; callers check these instead of trying and failing. */
export interface GatewayCapabilities {
  refund: boolean;
}

/** No answer, a timeout or a 5xx: the request may or may not have been processed. */
export class GatewayUnavailable extends Error {
  override readonly name = "GatewayUnavailable";
}

/** A definitive refusal (4xx), with the gateway's own message. */
export class GatewayRejected extends Error {
  override readonly name = "GatewayRejected";
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

export interface PaymentGateway {
  /** The registry key, the `/webhooks/:gateway` path segment and `payments.gateway`. */
  readonly id: string;
  readonly capabilities: GatewayCapabilities;
  readonly settings: GatewaySettingsDescriptor;
  /** Whether keys are set right now (they can be set or removed in the admin app while the shop runs). */
  configured(): Promise<boolean>;
  createInvoice(input: InvoiceRequest): Promise<GatewayInvoice>;
  /** The status the gateway holds for one of our references; the only source of truth for payment. */
  status(reference: string): Promise<GatewayStatus>;
  /** Cancels (expires) an unpaid invoice. */
  cancel(reference: string): Promise<void>;
  /** Present only when `capabilities.refund`. */
  refund?(reference: string, amount: number, reason: string): Promise<void>;
  /**
   * Checks a notification from its raw body and headers. Throws an AppError: `payments.bad_request`
   * (unreadable), `payments.not_configured` (no key to check with), `payments.signature_invalid`.
   */
  verifyNotification(rawBody: string, headers: Headers): Promise<VerifiedNotification>;
}
