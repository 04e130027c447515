import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { lockForWrite } from "../../infra/db/portable-sql.js";
import type { CheckoutService } from "../checkout/checkout.service.js";
import { abandonedOrderIds } from "./orders.payments.queries.js";
import { findOrderById, findOrderByQuoteId, insertOrder, moveOrder, type OrderRow } from "./orders.repository.js";

export type OpenOrderProblem =
  | { code: "quote_not_found" }
  | { code: "quote_expired" }
  | { code: "service_unavailable" }
  | { code: "order_closed"; orderId: number; status: string };

/**
 * The step every rail shares: turn a quote into its one order awaiting payment (or find it again),
 * inside the caller's transaction. A quote gives at most one order (unique quote_id), whatever rail
 * or how many taps; an expired quote gives none. The rails reach quotes through it, so payments
 * never imports checkout (checkout's chat hands the customer to payments).
 */
export function createOrderOpener(deps: { checkout: CheckoutService; clock: Clock }) {
  const { checkout, clock } = deps;

  return {
    /** The quote a customer is paying, with its service (the rails' view of checkout's quote). */
    findQuote: (quoteId: string) => checkout.findQuote(quoteId),

    /** Whether a quote's price still holds at `now` (a late payment may still be fulfilled at it). */
    async quoteHolds(trx: Db, quoteId: string, now: number): Promise<boolean> {
      return ((await checkout.quoteRow(trx, quoteId))?.expires_at ?? 0) > now;
    },

    async open(
      trx: Db,
      input: { quoteId: string; customerId: number; service: { active: boolean; providerId: number }; now: number },
    ): Promise<{ order: OrderRow } | { problem: OpenOrderProblem }> {
      // One opener per quote at a time until the caller commits: on PostgreSQL two at once would
      // otherwise both find no order and both insert one (SQLite's one writer keeps them apart).
      await lockForWrite(trx, "quote", input.quoteId);
      const quote = await checkout.quoteRow(trx, input.quoteId);
      if (!quote || quote.customer_id !== input.customerId) return { problem: { code: "quote_not_found" } };
      const existing = await findOrderByQuoteId(trx, input.quoteId);
      if (existing) {
        if (existing.status !== "awaiting_payment")
          return { problem: { code: "order_closed", orderId: existing.id, status: existing.status } };
        if (quote.expires_at <= input.now) return { problem: { code: "quote_expired" } };
        return { order: existing };
      }
      if (quote.status !== "open" || quote.expires_at <= input.now) {
        await checkout.closeQuote(trx, input.quoteId, "expired");
        return { problem: { code: "quote_expired" } };
      }
      if (!input.service.active) return { problem: { code: "service_unavailable" } };
      const stamp = clock.now();
      const orderId = await insertOrder(trx, {
        quote_id: quote.id,
        customer_id: quote.customer_id,
        service_id: quote.service_id,
        supplier_service_id: quote.service_id,
        provider_id: input.service.providerId,
        target: quote.target,
        zone: quote.zone,
        nickname: quote.nickname,
        extras: quote.extras,
        quantity: quote.quantity,
        amount: quote.amount,
        cost_amount: quote.cost_amount,
        status: "awaiting_payment",
        provider_order_id: null,
        provider_status: null,
        start_count: null,
        remains: null,
        last_status_check_at: null,
        admin_notes: null,
        last_error: null,
        supplier_note: null,
        paid_with: null,
        paid_payment_id: null,
        paid_at: null,
        placed_at: null,
        finished_at: null,
        last_progress_at: null,
        stuck_flagged_at: null,
        cancel_requested_at: null,
        created_at: stamp,
        updated_at: stamp,
      });
      await checkout.closeQuote(trx, input.quoteId, "ordered");
      return { order: (await findOrderById(trx, orderId))! };
    },

    /**
     * Orders no rail can still pay: awaiting payment, with their quote's price gone and no open
     * invoice (left by a QRIS charge that failed, or by a refused wallet attempt from before such
     * attempts wrote nothing). Orders with an open invoice are expired by that rail's own sweep.
     */
    async expireAbandoned(db: Db, now: number): Promise<number> {
      let expired = 0;
      for (const id of await abandonedOrderIds(db, now))
        if (await moveOrder(db, id, "expire", { status: "expired", finished_at: now }, clock.now())) expired++;
      return expired;
    },
  };
}

export type OrderOpener = ReturnType<typeof createOrderOpener>;
