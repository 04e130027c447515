import type { Db } from "../../infra/db/open-database.js";
import type { CheckoutService } from "../checkout/checkout.service.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { OrderRow } from "../orders/orders.table.js";
import type { PaymentRow } from "./payments.table.js";

export type OpenOrderProblem =
  | { code: "quote_not_found" }
  | { code: "quote_expired" }
  | { code: "service_unavailable" }
  | { code: "order_closed"; orderId: number; status: string };

/**
 * The step every rail shares: turn a quote into its one order awaiting payment (or find it again),
 * inside the caller's transaction. A quote gives at most one order (unique quote_id), whatever rail
 * or how many taps; an expired quote gives none.
 */
export function createOrderOpener(deps: { checkout: CheckoutService; orders: OrdersService }) {
  const { checkout, orders } = deps;

  return {
    async open(trx: Db, input: { quoteId: string; customerId: number; service: { active: boolean; providerId: number }; now: number }): Promise<{ order: OrderRow } | { problem: OpenOrderProblem }> {
      const quote = await checkout.quoteRow(trx, input.quoteId);
      if (!quote || quote.customer_id !== input.customerId) return { problem: { code: "quote_not_found" } };
      const existing = await orders.findByQuoteId(input.quoteId, trx);
      if (existing) {
        if (existing.status !== "awaiting_payment") return { problem: { code: "order_closed", orderId: existing.id, status: existing.status } };
        if (quote.expires_at <= input.now) return { problem: { code: "quote_expired" } };
        return { order: existing };
      }
      if (quote.status !== "open" || quote.expires_at <= input.now) {
        await checkout.closeQuote(trx, input.quoteId, "expired");
        return { problem: { code: "quote_expired" } };
      }
      if (!input.service.active) return { problem: { code: "service_unavailable" } };
      const orderId = await orders.create(trx, {
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
      });
      await checkout.closeQuote(trx, input.quoteId, "ordered");
      return { order: (await orders.findById(orderId, trx))! };
    },

    /**
     * Orders no rail can still pay: awaiting payment, with their quote's price gone and no open
     * invoice (left by a QRIS charge that failed, or by a refused wallet attempt from before such
     * attempts wrote nothing). Orders with an open invoice are expired by that rail's own sweep.
     */
    async expireAbandoned(db: Db, now: number): Promise<number> {
      const abandoned = await db
        .selectFrom("orders")
        .innerJoin("quotes", "quotes.id", "orders.quote_id")
        .select("orders.id")
        .where("orders.status", "=", "awaiting_payment")
        .where("quotes.expires_at", "<=", now)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom("payments").select("payments.id").whereRef("payments.order_id", "=", "orders.id").where("payments.status", "in", ["creating", "pending"]))))
        .execute();
      let expired = 0;
      for (const { id } of abandoned) if (await orders.move(db, id, "expire", { status: "expired", finished_at: now })) expired++;
      return expired;
    },

    /** Open invoices of an order on other rails, closed when the customer pays another way. */
    async closeOtherOpenPayments(trx: Db, orderId: number, keep: number | undefined, now: number): Promise<PaymentRow[]> {
      const open = await trx.selectFrom("payments").selectAll().where("order_id", "=", orderId).where("status", "in", ["creating", "pending"]).execute();
      const others = open.filter((p) => p.id !== keep);
      for (const p of others) await trx.updateTable("payments").set({ status: "canceled", updated_at: now }).where("id", "=", p.id).where("status", "in", ["creating", "pending"]).execute();
      return others;
    },
  };
}

export type OrderOpener = ReturnType<typeof createOrderOpener>;
