import type { Decimal } from "../../shared/money.js";

/**
 * One interface for every payment gateway (QRIS invoices; adapters are `<gateway>.gateway.ts`),
 * the payments twin of `ProviderAdapter`. An adapter translates its gateway's wire format and
 * signature scheme; it stores nothing and decides nothing about money: the payments service,
 * confirmation, webhook and reconciler decide, and talk only to this port. Adding a gateway is one
 * adapter file (with its settings descriptor), its test, its simulator and its line in the registry
 * and the gateway settings in `container.ts`; the admin API and app draw its settings from the descriptor.
 */

/** What the gateway says about one invoice, in our words. */
export type GatewayState =
  "pending" | "paid" | "expired" | "canceled" | "failed" | "refunded" | "not_found" | "unrecognized";

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
  /** Its key in the API and the stored rows (`serverKey`); the admin app labels it by `<gateway>.field.<name>`. */
  name: string;
  /** How messages name it in English ("server key"). */
  label: string;
  secret: boolean;
  required: boolean;
  /** A choice among these values (an environment) instead of free text. */
  options?: readonly string[];
}

/** A gateway's settings by field name, as typed or as stored (opened). */
export type GatewaySettingValues = Readonly<Record<string, string>>;

export interface GatewayTestResult {
  ok: boolean;
  /** A word of the gateway's own (`valid`, `wrong_key`…), which the admin app translates. */
  outcome: string;
  message: string;
}

/**
 * What the admin app and the API need to show, check, save and test a gateway's settings; the
 * generic store (`gateway-settings.service.ts`) seals, masks, audits and guards open invoices.
 */
export interface GatewaySettingsDescriptor {
  /** The gateway's id (its settings' rows and audit subject). */
  gateway: string;
  /** The name people know it by, in messages and the admin app. */
  label: string;
  fields: readonly GatewaySettingField[];
  /** Checks typed values (absent: keep what is stored); an issue's path names the field. */
  parse(
    input: unknown,
  ):
    | { ok: true; values: Record<string, string | undefined> }
    | { ok: false; issues: Array<{ path: string; message: string }> };
  /** The gateway's rules across fields and what is stored; throws `payments.invalid_keys` with its reason. */
  check?(typed: GatewaySettingValues, stored: GatewaySettingValues | undefined): void;
  /** The settings from the environment (the bootstrap and fallback), or undefined. */
  bootstrap: GatewaySettingValues | undefined;
  /** Both charge under the same account, so open invoices can still be confirmed after a switch. */
  sameAccount(a: GatewaySettingValues, b: GatewaySettingValues): boolean;
  /** A harmless call that proves these settings work. */
  test(values: GatewaySettingValues): Promise<GatewayTestResult>;
  /** Read-only facts for the settings screen (the environment in force, the API host). */
  describe?(values: GatewaySettingValues | undefined): Record<string, string>;
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
