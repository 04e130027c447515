import type { Db } from "../../infra/db/open-database.js";
import { refundedSoFar } from "./orders.payments.queries.js";
import { findCustomerOrder, listForCustomer, type OrderRow } from "./orders.repository.js";
import type { OrderStatus } from "./orders.table.js";

/**
 * Where an order stands on refunds, as its customer is told:
 * - `refunded`: money already came back (partial and canceled orders are refunded automatically;
 *   an admin may refund any paid order) — the amount, or the whole order as Telegram Stars;
 * - `running`: paid and still with the supplier (or an admin, for manual orders); nothing to refund
 *   yet, and if it ends canceled or partly delivered the rest comes back on its own;
 * - `checking`: the supplier's answer was unclear (`unknown`); an admin checks it and refunds
 *   what was not delivered;
 * - `delivered`: completed in full: no refund (a drop is what refills are for; a person decides
 *   anything else);
 * - `unpaid`: nothing was paid (awaiting payment, expired), so nothing can come back.
 */
export type RefundState = "refunded" | "running" | "checking" | "delivered" | "unpaid";

export interface OrderRefund {
  order: OrderRow;
  state: RefundState;
  /** Rupiah back in the wallet so far (0 when refunded as Stars). */
  refunded: number;
  stars: boolean;
}

const RUNNING: readonly OrderStatus[] = ["paid", "placing", "processing", "manual"];
/**
 * The orders a refund question is about: the ones with money back already, on the way back, or
 * still open to it. Completed and unpaid orders are left out of the list (nothing to say about
 * their refund); asked about by number, they get their own answer.
 */
const REFUND_RELEVANT: readonly OrderStatus[] = ["partial", "canceled", "refunded", "unknown", ...RUNNING];

/** What a customer may read about refunds of their own orders; it changes nothing. */
export function createCustomerRefunds(deps: { db: Db }) {
  const { db } = deps;

  async function stateOf(order: OrderRow): Promise<OrderRefund> {
    if (order.paid_at === null) return { order, state: "unpaid", refunded: 0, stars: false };
    // refundedSoFar counts a Stars refund as everything (it goes back whole, in Stars).
    const soFar = await refundedSoFar(db, order.id);
    const stars = soFar >= Number.MAX_SAFE_INTEGER;
    const refunded = stars ? 0 : Math.min(order.amount, soFar);
    if (stars || refunded > 0) return { order, state: "refunded", refunded, stars };
    // Anything else (unknown, or an ended order whose refund is not on record) is for a person to check.
    const state: RefundState =
      order.status === "completed" ? "delivered" : RUNNING.includes(order.status) ? "running" : "checking";
    return { order, state, refunded, stars };
  }

  return {
    /** The customer's latest orders a refund question is about, newest first. */
    async recent(customerId: number, limit = 5): Promise<{ orders: OrderRefund[]; more: number }> {
      const rows = await listForCustomer(db, customerId, limit + 1, 0, REFUND_RELEVANT);
      return { orders: await Promise.all(rows.slice(0, limit).map(stateOf)), more: Math.max(0, rows.length - limit) };
    },

    /** One order's refund state, when it is the customer's. */
    async forOrder(orderId: number, customerId: number): Promise<OrderRefund | undefined> {
      const order = await findCustomerOrder(db, orderId, customerId);
      return order ? stateOf(order) : undefined;
    },
  };
}

export type CustomerRefunds = ReturnType<typeof createCustomerRefunds>;
