import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { ceilDiv, formatRupiah, toSafeNumber } from "../../shared/money.js";
import { err, ok, type Result } from "../../shared/result.js";
import { asCount } from "../../shared/text.js";
import type { CustomersService } from "../customers/customers.service.js";
import type { FulfilmentService } from "../fulfilment/fulfilment.service.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OpenOrderProblem, OrderOpener } from "../orders/orders.opener.js";
import { STARS_REFUND_JOB } from "../orders/orders.refund-payout.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import {
  closeOtherOpenPayments,
  findPaymentById,
  findPaymentByReference,
  insertPayment,
  listStaleStarsInvoices,
  transitionPayment,
  updatePayment,
} from "./payments.repository.js";

/**
 * Telegram Stars: an XTR invoice per order (priced from the rupiah total at the shop's Stars rate),
 * a pre-checkout answer that re-checks the order, and `successful_payment` as the only proof of
 * payment — deduplicated on Telegram's charge id. Refunds go back as Stars, whole.
 */
export interface StarsInvoice {
  paymentId: number;
  orderId: number;
  /** The invoice payload (≤ 128 bytes): our payment reference, nothing else. */
  payload: string;
  stars: number;
  amount: number;
  /** What is bought, for the invoice's text in the customer's language. */
  serviceName: string;
  quantity: number;
}

export type StarsProblem = OpenOrderProblem | { code: "rail_disabled" };

/** What this feature does on Telegram itself (the refund job). */
export interface StarsApi {
  refundStarPayment(telegramUserId: number, chargeId: string): Promise<void>;
}

export type StarsConfirmation = "paid" | "already_paid" | "refund_queued" | "unknown_invoice";

export interface StarsPaymentsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  customers: Pick<CustomersService, "findById">;
  orders: OrdersService;
  opener: OrderOpener;
  fulfilment: FulfilmentService;
  notifications: NotificationsService;
  settings: SettingsService;
  api: StarsApi;
}

export function createStarsPayments(deps: StarsPaymentsDeps) {
  const { db, clock, logger, queue, customers, orders, opener, fulfilment, notifications, settings } = deps;
  const { api } = deps;

  return {
    /** A rupiah amount in Stars at the shop's rate, rounded up. */
    async starsFor(amount: number): Promise<number> {
      return toSafeNumber(ceilDiv(BigInt(amount), BigInt(await settings.get("payments.stars_rate_idr"))));
    },

    /** Prices the quote's order in Stars and writes a pending Stars payment for it. */
    async createInvoice(quoteId: string, customer: { id: number }): Promise<Result<StarsInvoice, StarsProblem>> {
      if (!(await settings.get("payments.rails")).includes("stars")) return err({ code: "rail_disabled" });
      const quote = await opener.findQuote(quoteId);
      if (!quote || quote.customerId !== customer.id) return err({ code: "quote_not_found" });
      const rate = await settings.get("payments.stars_rate_idr");
      const expiryMinutes = await settings.get("payments.invoice_expiry_minutes");
      const now = clock.now();
      return db.transaction().execute(async (trx): Promise<Result<StarsInvoice, StarsProblem>> => {
        const opened = await opener.open(trx, { quoteId, customerId: customer.id, service: quote.service, now });
        if ("problem" in opened) return err(opened.problem);
        const order = opened.order;
        await closeOtherOpenPayments(trx, order.id, undefined, now);
        const stars = toSafeNumber(ceilDiv(BigInt(order.amount), BigInt(rate)));
        const payload = `ST-${order.id}-${randomId("", 6).toUpperCase()}`;
        const paymentId = await insertPayment(trx, {
          purpose: "order",
          order_id: order.id,
          customer_id: customer.id,
          gateway: "stars",
          reference: payload,
          gateway_transaction_id: null,
          amount: order.amount,
          stars_amount: stars,
          status: "pending",
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
        return ok({
          paymentId,
          orderId: order.id,
          payload,
          stars,
          amount: order.amount,
          serviceName: quote.service.name,
          quantity: quote.quantity,
        });
      });
    },

    /**
     * Telegram asks before charging (answer within 10 s): only an open, unexpired invoice of this
     * customer for exactly this many Stars may be paid. Returns a reason key when it may not.
     */
    async preCheckout(input: {
      payload: string;
      currency: string;
      totalAmount: number;
      customerId: number;
    }): Promise<{ ok: true } | { ok: false; reason: string; vars?: Record<string, number> }> {
      const payment = await findPaymentByReference(db, input.payload);
      if (!payment || payment.gateway !== "stars" || payment.customer_id !== input.customerId)
        return { ok: false, reason: "stars-refused-unknown" };
      if (input.currency !== "XTR" || input.totalAmount !== payment.stars_amount)
        return { ok: false, reason: "stars-refused-price" };
      const order = payment.order_id === null ? undefined : await orders.findById(payment.order_id);
      // Tapping Pay again on an invoice already paid (with Stars, or the order another way) is not an expiry.
      if (order && order.paid_at !== null)
        return { ok: false, reason: "stars-refused-paid", vars: { order: order.id } };
      if (payment.status !== "pending" || payment.expires_at <= clock.now())
        return { ok: false, reason: "stars-refused-expired" };
      if (!order || order.status !== "awaiting_payment") return { ok: false, reason: "stars-refused-expired" };
      return { ok: true };
    },

    /**
     * `successful_payment`: the money is in. Pays the order once (the charge id is unique); Stars
     * that arrive for an invoice that can no longer be fulfilled are refunded, never kept silently.
     */
    async confirm(input: {
      payload: string;
      chargeId: string;
      currency: string;
      totalAmount: number;
      customerId: number;
    }): Promise<StarsConfirmation> {
      const now = clock.now();
      return db.transaction().execute(async (trx): Promise<StarsConfirmation> => {
        const payment = await findPaymentByReference(trx, input.payload);
        if (!payment || payment.gateway !== "stars") {
          logger.error({ chargeId: input.chargeId }, "Stars payment for an unknown invoice: refund it by hand");
          await notifications.toAdmins(trx, { key: "admin-stars-unknown", vars: { charge: input.chargeId } });
          return "unknown_invoice";
        }
        if (payment.gateway_transaction_id === input.chargeId && payment.status === "paid") return "already_paid";
        const changed = await transitionPayment(trx, payment.id, ["pending", "expired", "canceled"], {
          status: "paid",
          paid_at: now,
          gateway_transaction_id: input.chargeId,
          gateway_status: "successful_payment",
          updated_at: now,
        });
        if (!changed) return "already_paid";
        const order = payment.order_id === null ? undefined : await orders.findById(payment.order_id, trx);
        if (
          order &&
          (await orders.move(trx, order.id, "payWithStars", {
            status: "paid",
            paid_at: now,
            paid_with: "stars",
            paid_payment_id: payment.id,
          }))
        ) {
          await fulfilment.enqueuePlacement(trx, order.id);
          await notifications.toCustomer(trx, order.customer_id, {
            key: "payment-received-stars",
            vars: {
              order: order.id,
              stars: asCount(payment.stars_amount ?? input.totalAmount),
              amount: formatRupiah(payment.amount),
            },
          });
          return "paid";
        }
        await queue.enqueue(trx, {
          kind: STARS_REFUND_JOB,
          payload: { orderId: payment.order_id, paymentId: payment.id },
          dedupeKey: `refund-stars:payment:${payment.id}`,
          maxAttempts: 10,
        });
        await notifications.toCustomer(trx, payment.customer_id, {
          key: "stars-refunded-late",
          vars: { order: payment.order_id ?? "-", stars: asCount(payment.stars_amount ?? input.totalAmount) },
        });
        return "refund_queued";
      });
    },

    /** The refund job: Telegram refunds a Stars payment whole, once (a repeat is a no-op). */
    async refund(payload: unknown): Promise<void> {
      const { paymentId } = payload as { orderId: number; paymentId: number };
      const payment = await findPaymentById(db, paymentId);
      if (
        !payment ||
        payment.gateway !== "stars" ||
        !payment.gateway_transaction_id ||
        payment.gateway_status === "refunded"
      )
        return;
      const customer = await customers.findById(payment.customer_id);
      if (!customer) throw new Error(`no customer ${payment.customer_id} for Stars payment ${payment.id}`);
      try {
        await api.refundStarPayment(customer.telegramId, payment.gateway_transaction_id);
      } catch (error) {
        if (!/CHARGE_ALREADY_REFUNDED/i.test(String((error as Error).message))) throw error;
      }
      await updatePayment(db, payment.id, { gateway_status: "refunded", updated_at: clock.now() });
    },

    /** Open Stars invoices past their expiry close, with their order (Telegram has no invoice expiry of its own). */
    async expireStale(): Promise<number> {
      const now = clock.now();
      const stale = await listStaleStarsInvoices(db, now);
      for (const payment of stale) {
        await db.transaction().execute(async (trx) => {
          if (!(await transitionPayment(trx, payment.id, ["pending"], { status: "expired", updated_at: now }))) return;
          if (
            payment.order_id !== null &&
            (await orders.move(trx, payment.order_id, "expire", { status: "expired", finished_at: now }))
          ) {
            await notifications.toCustomer(trx, payment.customer_id, {
              key: "payment-expired",
              vars: { order: payment.order_id },
            });
          }
        });
      }
      return stale.length;
    },
  };
}

export type StarsPayments = ReturnType<typeof createStarsPayments>;
