import { z } from "zod";
import { MidtransCallError, type MidtransCoreApi } from "../../infra/midtrans/midtrans-core-api.js";
import { decimalEqualsInteger, parseDecimal, type Decimal } from "../../shared/money.js";

/**
 * Midtrans wire mapping: the QRIS charge, the status answer and its state vocabulary. Everything
 * else in payments speaks in `GatewayState`.
 */
export type GatewayState = "pending" | "paid" | "expired" | "canceled" | "failed" | "refunded" | "not_found" | "unrecognized";

export interface GatewayStatus {
  state: GatewayState;
  transactionStatus: string;
  grossAmount: Decimal | undefined;
  transactionId: string | undefined;
}

export interface QrisCharge {
  transactionId: string;
  qrString: string | undefined;
  qrUrl: string | undefined;
}

/** No answer, a timeout or a 5xx: the request may or may not have been processed. */
export class GatewayUnavailable extends Error {
  override readonly name = "GatewayUnavailable";
}

/** A definitive refusal (4xx), with Midtrans' own message. */
export class GatewayRejected extends Error {
  override readonly name = "GatewayRejected";
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
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

export function createMidtransGateway(api: MidtransCoreApi) {
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
    async createQrisCharge(input: { reference: string; amount: number; itemName: string; customerName: string; expiryMinutes: number }): Promise<QrisCharge> {
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
      if (gross && !decimalEqualsInteger(gross, input.amount)) throw new GatewayRejected(`Midtrans charged ${String(parsed.data.gross_amount)} instead of ${input.amount}`, 409);
      const actions = parsed.data.actions ?? [];
      const qrUrl = actions.find((a) => a.name === "generate-qr-code-v2")?.url ?? actions.find((a) => a.name === "generate-qr-code")?.url;
      if (!parsed.data.qr_string && !qrUrl) throw new GatewayUnavailable("Midtrans charge answer has no QR");
      return { transactionId: parsed.data.transaction_id, qrString: parsed.data.qr_string, qrUrl };
    },

    /** The status Midtrans holds for one of our references; the only source of truth for payment. */
    async status(reference: string): Promise<GatewayStatus> {
      let answer: Record<string, unknown>;
      try {
        answer = await call(() => api.status(reference));
      } catch (error) {
        if (error instanceof GatewayRejected && error.statusCode === 404) return { state: "not_found", transactionStatus: "", grossAmount: undefined, transactionId: undefined };
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
  };
}

export type MidtransGateway = ReturnType<typeof createMidtransGateway>;

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
