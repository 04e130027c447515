import { z } from "zod";
import { MidtransCallError, type MidtransCoreApi } from "../../infra/midtrans/midtrans-core-api.js";
import { AppError } from "../../shared/errors.js";
import { decimalEqualsInteger, parseDecimal } from "../../shared/money.js";
import { MIDTRANS_GATEWAY_ID } from "./midtrans.settings.js";
import { isValidMidtransSignature } from "./midtrans.signature.js";
import {
  GatewayRejected,
  GatewayUnavailable,
  type GatewayInvoice,
  type GatewayState,
  type GatewayStatus,
  type GatewaySettingsDescriptor,
  type InvoiceRequest,
  type PaymentGateway,
} from "./payment-gateway.types.js";

export { MIDTRANS_GATEWAY_ID };

/**
 * The Midtrans adapter behind `PaymentGateway`: the QRIS charge, the status answer and its state
 * vocabulary, and the notification signature. Everything else in payments speaks the port's words.
 */

const Notification = z.object({
  order_id: z.string().min(1).max(100),
  status_code: z.string().min(1).max(10),
  gross_amount: z.string().min(1).max(40),
  signature_key: z.string().min(1).max(256),
  transaction_status: z.string().max(40).optional(),
});

/** What the adapter needs from the Midtrans settings (keys set in the admin app or MIDTRANS_*). */
export interface MidtransKeys {
  /** The key notifications are signed with, now; undefined when QRIS is not configured. */
  serverKey: () => Promise<string | undefined>;
  configured: () => Promise<boolean>;
}

const ChargeAnswer = z.object({
  transaction_id: z.string().min(1),
  gross_amount: z.union([z.string(), z.number()]).optional(),
  qr_string: z.string().optional(),
  actions: z.array(z.object({ name: z.string(), url: z.string() })).optional(),
});

const StatusAnswer = z.object({
  transaction_status: z.string(),
  fraud_status: z.string().optional(),
  gross_amount: z.union([z.string(), z.number()]).optional(),
  transaction_id: z.string().optional(),
});

export function createMidtransGateway(
  api: MidtransCoreApi,
  keys: MidtransKeys,
  settings: GatewaySettingsDescriptor,
): PaymentGateway {
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof MidtransCallError) {
        if (error.httpStatus === undefined || error.httpStatus >= 500) throw new GatewayUnavailable(error.message);
        throw new GatewayRejected(error.message, error.httpStatus);
      }
      throw error;
    }
  };

  return {
    id: MIDTRANS_GATEWAY_ID,
    capabilities: { refund: false },
    settings,
    configured: keys.configured,

    async createInvoice(input: InvoiceRequest): Promise<GatewayInvoice> {
      const answer = await call(() =>
        api.charge({
          payment_type: "qris",
          transaction_details: { order_id: input.reference, gross_amount: input.amount },
          qris: { acquirer: "gopay" },
          item_details: [{ id: input.reference, price: input.amount, quantity: 1, name: input.itemName.slice(0, 50) }],
          customer_details: { first_name: input.customerName.slice(0, 40) || "Customer" },
          custom_expiry: { expiry_duration: input.expiryMinutes, unit: "minute" },
        }),
      );
      const parsed = ChargeAnswer.safeParse(answer);
      if (!parsed.success) throw new GatewayUnavailable("Midtrans charge answer has an unexpected shape");
      const gross = parsed.data.gross_amount === undefined ? undefined : parseDecimal(parsed.data.gross_amount);
      if (gross && !decimalEqualsInteger(gross, input.amount))
        throw new GatewayRejected(
          `Midtrans charged ${String(parsed.data.gross_amount)} instead of ${input.amount}`,
          409,
        );
      const actions = parsed.data.actions ?? [];
      const qrUrl =
        actions.find((a) => a.name === "generate-qr-code-v2")?.url ??
        actions.find((a) => a.name === "generate-qr-code")?.url;
      if (!parsed.data.qr_string && !qrUrl) throw new GatewayUnavailable("Midtrans charge answer has no QR");
      return { transactionId: parsed.data.transaction_id, qrString: parsed.data.qr_string, qrUrl };
    },

    /** The status Midtrans holds for one of our references; the only source of truth for payment. */
    async status(reference: string): Promise<GatewayStatus> {
      let answer: Record<string, unknown>;
      try {
        answer = await call(() => api.status(reference));
      } catch (error) {
        if (error instanceof GatewayRejected && error.statusCode === 404)
          return { state: "not_found", transactionStatus: "", grossAmount: undefined, transactionId: undefined };
        throw error;
      }
      const parsed = StatusAnswer.safeParse(answer);
      if (!parsed.success) throw new GatewayUnavailable("Midtrans status answer has an unexpected shape");
      const { transaction_status: status, fraud_status: fraud } = parsed.data;
      return {
        state: toState(status, fraud),
        transactionStatus: status,
        grossAmount: parsed.data.gross_amount === undefined ? undefined : parseDecimal(parsed.data.gross_amount),
        transactionId: parsed.data.transaction_id,
      };
    },

    /** Cancels an unpaid charge (QRIS expiries under 15 minutes are not enforced by Midtrans itself). */
    async cancel(reference: string): Promise<void> {
      await call(() => api.cancel(reference));
    },

    /** Midtrans signs the body itself (SHA-512 over order_id, status_code, gross_amount and the server key); headers carry nothing. */
    async verifyNotification(rawBody: string) {
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new AppError("payments.bad_request", "the notification is not JSON");
      }
      const parsed = Notification.safeParse(json);
      if (!parsed.success)
        throw new AppError(
          "payments.bad_request",
          "the notification lacks order_id, status_code, gross_amount or signature_key",
        );
      const note = parsed.data;
      const signingKey = await keys.serverKey();
      // Keys removed in the admin app: like a shop without Midtrans (Midtrans retries; the reconciler catches up).
      if (!signingKey) throw new AppError("payments.not_configured", "payments are not configured");
      if (!isValidMidtransSignature(note, signingKey))
        throw new AppError("payments.signature_invalid", "the notification's signature does not match");
      return {
        reference: note.order_id,
        grossAmount: note.gross_amount,
        dedupeKey: `${note.order_id}:${note.transaction_status ?? ""}:${note.status_code}:${note.gross_amount}`,
      };
    },
  };
}

/** Paid means settlement, or capture accepted by fraud detection; `challenge` is still pending. */
export function toState(transactionStatus: string, fraudStatus: string | undefined): GatewayState {
  const fraud = fraudStatus?.toLowerCase();
  switch (transactionStatus.toLowerCase()) {
    case "settlement":
    case "capture":
      if (fraud === undefined || fraud === "accept") return "paid";
      return fraud === "challenge" ? "pending" : "failed";
    case "pending":
    case "authorize":
      return "pending";
    case "expire":
    case "expired":
      return "expired";
    case "cancel":
      return "canceled";
    case "deny":
    case "failure":
      return "failed";
    case "refund":
    case "partial_refund":
    case "chargeback":
    case "partial_chargeback":
      return "refunded";
    default:
      return "unrecognized";
  }
}
