import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { OrderStatus } from "./orders.lifecycle.js";

// The statuses and their moves live in orders.lifecycle.ts; re-exported for the table's readers.
export type { OrderStatus };

export interface OrderTable {
  id: Generated<number>;
  quote_id: string;
  customer_id: number;
  service_id: number;
  provider_id: number | null;
  target: string;
  quantity: number;
  amount: number;
  cost_amount: number;
  status: OrderStatus;
  placement_state: Generated<"idle" | "in_flight">;
  provider_order_id: string | null;
  provider_status: string | null;
  start_count: number | null;
  remains: number | null;
  last_status_check_at: number | null;
  is_manual: Generated<number>;
  admin_notes: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  paid_at: number | null;
  placed_at: number | null;
  finished_at: number | null;
  supplier_service_id: number | null;
  zone: string | null;
  nickname: string | null;
  /** JSON OrderExtras copied from the quote: comments, usernames, poll answer, subscription, drip-feed. */
  extras: string | null;
  supplier_note: string | null;
  failovers: Generated<number>;
  /**
   * The rail the money came through: "wallet", "stars", "external" (an admin's manual order paid
   * outside the bot: cash, bank transfer; refunds go to the wallet) or a payment gateway's id
   * (`PaymentGateway.id`; the column has no CHECK, gateways are plug-ins).
   */
  paid_with: "wallet" | "stars" | "external" | (string & {}) | null;
  paid_payment_id: number | null;
  last_progress_at: number | null;
  stuck_flagged_at: number | null;
  cancel_requested_at: number | null;
  funds_waiting_since: number | null;
  created_at: number;
  updated_at: number;
}

export type OrderRow = Selectable<OrderTable>;
export type NewOrderRow = Insertable<OrderTable>;
export type OrderUpdate = Updateable<OrderTable>;
