import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CheckoutService } from "../checkout/checkout.service.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { GatewayRejected, type MidtransGateway } from "./midtrans.gateway.js";
import { findOpenPaymentForOrder, findPaymentById, insertPayment, transitionPayment } from "./payments.repository.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import type { PaymentRow, PaymentStatus } from "./payments.table.js";

export interface Invoice {
  paymentId: number;
  orderId: number;
  reference: string;
  amount: number;
  qrString: string | null;
  qrUrl: string | null;
  expiresAt: number;
  /** True when a double tap found the invoice already made: show it again, charge nothing new. */
  reused: boolean;
}

export type InvoiceProblem =
  | { code: "payments_unavailable" }
  | { code: "quote_not_found" }
  | { code: "quote_expired" }
  | { code: "service_unavailable" }
  | { code: "order_closed"; orderId: number; status: string }
  | { code: "invoice_in_progress" }
  | { code: "gateway_unavailable" }
  | { code: "gateway_rejected"; message: string };

export interface PaymentsServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Absent when no Midtrans server key is configured: the bot then says payments are off. */
  gateway: MidtransGateway | undefined;
  checkout: CheckoutService;
  orders: OrdersService;
  settings: SettingsService;
  confirmation: PaymentConfirmation | undefined;
}

export function createPaymentsService(deps: PaymentsServiceDeps) {
  const { db, clock, logger, gateway, checkout, orders, settings, confirmation } = deps;

  const toInvoice = (payment: PaymentRow, reused: boolean): Invoice => ({
    paymentId: payment.id,
    orderId: payment.order_id,
    reference: payment.reference,
    amount: payment.amount,
    qrString: payment.qr_string,
    qrUrl: payment.qr_url,
    expiresAt: payment.expires_at,
    reused,
  });

  return {
    /**
     * Turns a quote into an order awaiting payment and a QRIS invoice. The order and the payment row
     * are written first (one transaction, one open invoice per order), then Midtrans is called
     * outside the transaction. A double tap finds the open invoice and shows it again.
     */
    async createInvoiceForQuote(quoteId: string, customer: { id: number; firstName: string }): Promise<Result<Invoice, InvoiceProblem>> {
      if (!gateway) return err({ code: "payments_unavailable" });
      const quote = await checkout.findQuote(quoteId);
      if (!quote || quote.customerId !== customer.id) return err({ code: "quote_not_found" });
      const now = clock.now();
      const expiryMinutes = await settings.get("payments.invoice_expiry_minutes");

      type Prepared = { problem: InvoiceProblem } | { reuse: PaymentRow } | { create: { paymentId: number; reference: string } };
      const prepared = await db.transaction().execute(async (trx): Promise<Prepared> => {
        const row = await checkout.quoteRow(trx, quoteId);
        if (!row) return { problem: { code: "quote_not_found" } };
        let order = await orders.findByQuoteId(quoteId, trx);
        if (order) {
          if (order.status !== "awaiting_payment") return { problem: { code: "order_closed", orderId: order.id, status: order.status } };
          const open = await findOpenPaymentForOrder(trx, order.id);
          if (open?.status === "pending" && open.expires_at > now) return { reuse: open };
          if (open) return { problem: { code: "invoice_in_progress" } };
        }
        if (row.expires_at <= now) {
          await checkout.closeQuote(trx, quoteId, "expired");
          return { problem: { code: "quote_expired" } };
        }
        if (!order) {
          if (row.status !== "open") return { problem: { code: "quote_expired" } };
          if (!quote.service.active) return { problem: { code: "service_unavailable" } };
          const orderId = await orders.create(trx, {
            quote_id: row.id,
            customer_id: row.customer_id,
            service_id: row.service_id,
            provider_id: quote.service.providerId,
            target: row.target,
            zone: row.zone,
            nickname: row.nickname,
            supplier_service_id: row.service_id,
            supplier_note: null,
            quantity: row.quantity,
            amount: row.amount,
            cost_amount: row.cost_amount,
            status: "awaiting_payment",
            provider_order_id: null,
            provider_status: null,
            start_count: null,
            remains: null,
            last_status_check_at: null,
            admin_notes: null,
            last_error: null,
            paid_at: null,
            placed_at: null,
            finished_at: null,
          });
          await checkout.closeQuote(trx, quoteId, "ordered");
          order = (await orders.findById(orderId, trx))!;
        }
        const reference = `TB-${order.id}-${randomId("", 6).toUpperCase()}`;
        const paymentId = await insertPayment(trx, {
          order_id: order.id,
          gateway: "midtrans",
          reference,
          gateway_transaction_id: null,
          amount: order.amount,
          status: "creating",
          gateway_status: null,
          qr_string: null,
          qr_url: null,
          expires_at: now + expiryMinutes * 60_000,
          paid_at: null,
          flagged_reason: null,
          last_checked_at: null,
          created_at: now,
          updated_at: now,
        });
        return { create: { paymentId, reference } };
      });

      if ("problem" in prepared) return err(prepared.problem);
      if ("reuse" in prepared) return ok(toInvoice(prepared.reuse, true));

      const { paymentId, reference } = prepared.create;
      const order = (await orders.findByQuoteId(quoteId))!;
      try {
        const charge = await gateway.createQrisCharge({ reference, amount: order.amount, itemName: `${quote.service.name} x${order.quantity}`, customerName: customer.firstName, expiryMinutes });
        await transitionPayment(db, paymentId, ["creating"], { status: "pending", gateway_transaction_id: charge.transactionId, qr_string: charge.qrString ?? null, qr_url: charge.qrUrl ?? null, updated_at: clock.now() });
      } catch (error) {
        // The customer never saw a QR for this charge, so nobody can pay it: close it here and at
        // Midtrans (best effort). The order stays awaiting payment; tapping Pay again makes a new one.
        await transitionPayment(db, paymentId, ["creating"], { status: "failed", updated_at: clock.now() });
        await gateway.cancel(reference).catch(() => undefined);
        logger.warn({ err: error, orderId: order.id }, "QRIS charge failed");
        return err(error instanceof GatewayRejected ? { code: "gateway_rejected", message: error.message } : { code: "gateway_unavailable" });
      }
      return ok(toInvoice((await findPaymentById(db, paymentId))!, false));
    },

    /** "I have paid": asks the gateway now instead of waiting for its notification. */
    async checkPayment(paymentId: number, customerId: number): Promise<{ status: PaymentStatus; orderId: number; expiresAt: number } | undefined> {
      const payment = await findPaymentById(db, paymentId);
      const order = payment ? await orders.findById(payment.order_id) : undefined;
      if (!payment || !order || order.customer_id !== customerId) return undefined;
      if (confirmation && (payment.status === "pending" || payment.status === "creating")) await confirmation.sync(payment);
      const fresh = (await findPaymentById(db, paymentId))!;
      return { status: fresh.status, orderId: fresh.order_id, expiresAt: fresh.expires_at };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
