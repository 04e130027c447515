import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type PaymentStatus = "creating" | "pending" | "paid" | "expired" | "canceled" | "failed";
/** "wallet", "stars", or the id of a `PaymentGateway` in the registry (QRIS invoices). */
export type PaymentRail = string;

export interface PaymentTable {
  id: Generated<number>;
  purpose: Generated<"order" | "topup">;
  /** Set for order payments; null for wallet top-ups. */
  order_id: number | null;
  customer_id: number;
  gateway: PaymentRail;
  reference: string;
  gateway_transaction_id: string | null;
  amount: number;
  stars_amount: number | null;
  status: PaymentStatus;
  gateway_status: string | null;
  qr_string: string | null;
  qr_url: string | null;
  expires_at: number;
  paid_at: number | null;
  flagged_reason: string | null;
  last_checked_at: number | null;
  /** The chat message showing this QRIS invoice, once sent (its buttons change when it is settled). */
  invoice_message_id: Generated<number | null>;
  created_at: number;
  updated_at: number;
}

export type PaymentRow = Selectable<PaymentTable>;
export type NewPaymentRow = Insertable<PaymentTable>;
export type PaymentUpdate = Updateable<PaymentTable>;
