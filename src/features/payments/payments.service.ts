import type { Clock } from "../../infra/clock/clock.js";
import { randomId } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { formatRupiah } from "../../shared/money.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { FulfilmentService } from "../fulfilment/fulfilment.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OpenOrderProblem, OrderOpener } from "../orders/orders.opener.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import { GatewayRejected } from "./payment-gateway.types.js";
import type { PaymentGatewayRegistry } from "./payment-gateways.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import { invoiceButtons, rememberInvoiceMessage } from "./payments.invoice-message.js";
import {
  closeOtherOpenPayments,
  findOpenPaymentForOrder,
  findPaymentById,
  insertPayment,
  transitionPayment,
} from "./payments.repository.js";
import type { PaymentRow, PaymentStatus } from "./payments.table.js";

export interface Invoice {
  paymentId: number;
  /** The order being paid; null for a wallet top-up. */
  orderId: number | null;
  reference: string;
  amount: number;
  qrString: string | null;
  qrUrl: string | null;
  expiresAt: number;
  /** True when a double tap found the invoice already made: show it again, charge nothing new. */
  reused: boolean;
  /** The chat message that showed this invoice before, if any. */
  messageId: number | null;
}

export type InvoiceProblem =
  | OpenOrderProblem
  | { code: "payments_unavailable" }
  | { code: "invoice_in_progress" }
  | { code: "gateway_unavailable" }
  | { code: "gateway_rejected"; message: string };

export type WalletPayProblem =
  OpenOrderProblem | { code: "insufficient_balance"; balance: number; amount: number } | { code: "rail_disabled" };
export type TopupProblem =
  | { code: "payments_unavailable" }
  | { code: "amount_out_of_range"; min: number; max: number }
  | { code: "gateway_unavailable" }
  | { code: "gateway_rejected"; message: string };

export type Rail = "qris" | "wallet" | "stars";

/** Thrown inside the wallet payment's transaction so that it writes nothing. */
class BalanceTooLow extends Error {
  constructor(
    readonly balance: number,
    readonly amount: number,
  ) {
    super("wallet balance too low");
  }
}

/**
 * Thrown inside the wallet payment's transaction when the order was paid meanwhile (on PostgreSQL a
 * QR notification can commit between the opener's read and the move), so that it writes nothing.
 */
class OrderChangedMeanwhile extends Error {
  constructor(readonly orderId: number) {
    super(`order ${orderId} changed while paying from the wallet`);
  }
}

export interface PaymentsServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The payment gateways; QRIS goes through the primary one, and only while it has keys (`configured`). */
  gateways: PaymentGatewayRegistry | undefined;
  confirmation: PaymentConfirmation | undefined;
  orders: OrdersService;
  opener: OrderOpener;
  wallet: WalletService;
  fulfilment: FulfilmentService;
  notifications: NotificationsService;
  settings: SettingsService;
}

/**
 * Paying for a quote by QRIS or from the wallet, and topping the wallet up by QRIS. Every rail
 * opens the quote's one order first; the money then moves in one transaction with the order's
 * state and the job that places it (wallet), or when the gateway confirms (QRIS).
 */
export function createPaymentsService(deps: PaymentsServiceDeps) {
  const { db, clock, logger, gateways, confirmation, orders, opener, wallet, fulfilment, notifications, settings } =
    deps;
  const gateway = gateways?.primary;
  const qrisReady = async (): Promise<boolean> => gateway !== undefined && (await gateway.configured());

  const toInvoice = (payment: PaymentRow, reused: boolean): Invoice => ({
    paymentId: payment.id,
    orderId: payment.order_id,
    reference: payment.reference,
    amount: payment.amount,
    qrString: payment.qr_string,
    qrUrl: payment.qr_url,
    expiresAt: payment.expires_at,
    reused,
    messageId: payment.invoice_message_id,
  });

  /** Calls the gateway for a payment row written as `creating`; closes it if the charge fails. */
  const charge = async (
    payment: { id: number; reference: string; amount: number },
    itemName: string,
    customerName: string,
    expiryMinutes: number,
  ): Promise<Result<Invoice, { code: "gateway_unavailable" } | { code: "gateway_rejected"; message: string }>> => {
    try {
      const result = await gateway!.createInvoice({
        reference: payment.reference,
        amount: payment.amount,
        itemName,
        customerName,
        expiryMinutes,
      });
      await transitionPayment(db, payment.id, ["creating"], {
        status: "pending",
        gateway_transaction_id: result.transactionId,
        qr_string: result.qrString ?? null,
        qr_url: result.qrUrl ?? null,
        updated_at: clock.now(),
      });
    } catch (error) {
      // The customer never saw a QR for this charge, so nobody can pay it: close it here and at
      // the gateway (best effort). Tapping Pay again makes a new one.
      await transitionPayment(db, payment.id, ["creating"], { status: "failed", updated_at: clock.now() });
      await gateway!.cancel(payment.reference).catch(() => undefined);
      logger.warn({ err: error, paymentId: payment.id }, "QRIS charge failed");
      return err(
        error instanceof GatewayRejected
          ? { code: "gateway_rejected", message: error.message }
          : { code: "gateway_unavailable" },
      );
    }
    return ok(toInvoice((await findPaymentById(db, payment.id))!, false));
  };

  const newPaymentRow = (fields: {
    purpose: "order" | "topup";
    orderId: number | null;
    customerId: number;
    gateway: string;
    reference: string;
    amount: number;
    status: PaymentStatus;
    expiresAt: number;
    now: number;
  }) => ({
    purpose: fields.purpose,
    order_id: fields.orderId,
    customer_id: fields.customerId,
    gateway: fields.gateway,
    reference: fields.reference,
    gateway_transaction_id: null,
    amount: fields.amount,
    stars_amount: null,
    status: fields.status,
    gateway_status: null,
    qr_string: null,
    qr_url: null,
    expires_at: fields.expiresAt,
    paid_at: fields.status === "paid" ? fields.now : null,
    flagged_reason: null,
    last_checked_at: null,
    created_at: fields.now,
    updated_at: fields.now,
  });

  return {
    /** The ways to pay the shop offers now (QRIS only when its gateway is configured). */
    async rails(): Promise<Rail[]> {
      const qris = await qrisReady();
      return (await settings.get("payments.rails")).filter((rail) => rail !== "qris" || qris);
    },

    /**
     * A QRIS invoice for a quote. The order and the payment row are written first (one open invoice
     * per order), then the gateway is called outside the transaction. A double tap shows the same QR.
     */
    async payByQris(
      quoteId: string,
      customer: { id: number; firstName: string },
    ): Promise<Result<Invoice, InvoiceProblem>> {
      if (!(await qrisReady())) return err({ code: "payments_unavailable" });
      const quote = await opener.findQuote(quoteId);
      if (!quote || quote.customerId !== customer.id) return err({ code: "quote_not_found" });
      const now = clock.now();
      const expiryMinutes = await settings.get("payments.invoice_expiry_minutes");

      type Prepared =
        | { problem: InvoiceProblem }
        | { reuse: PaymentRow }
        | { create: { id: number; reference: string; amount: number } };
      const prepared = await db.transaction().execute(async (trx): Promise<Prepared> => {
        const opened = await opener.open(trx, { quoteId, customerId: customer.id, service: quote.service, now });
        if ("problem" in opened) return opened;
        const open = await findOpenPaymentForOrder(trx, opened.order.id);
        if (open && open.gateway === gateway!.id && open.status === "pending" && open.expires_at > now)
          return { reuse: open };
        if (open && open.gateway === gateway!.id && open.status === "creating")
          return { problem: { code: "invoice_in_progress" } };
        await closeOtherOpenPayments(trx, opened.order.id, undefined, now);
        const reference = `TB-${opened.order.id}-${randomId("", 6).toUpperCase()}`;
        const id = await insertPayment(
          trx,
          newPaymentRow({
            purpose: "order",
            orderId: opened.order.id,
            customerId: customer.id,
            gateway: gateway!.id,
            reference,
            amount: opened.order.amount,
            status: "creating",
            expiresAt: now + expiryMinutes * 60_000,
            now,
          }),
        );
        return { create: { id, reference, amount: opened.order.amount } };
      });
      if ("problem" in prepared) return err(prepared.problem);
      if ("reuse" in prepared) return ok(toInvoice(prepared.reuse, true));
      return charge(prepared.create, `${quote.service.name} x${quote.quantity}`, customer.firstName, expiryMinutes);
    },

    /**
     * Pays a quote from the wallet: the debit, the paid order and its "place" job in one
     * transaction, so money and order can never part. Refused when the balance is too low, and
     * then nothing is written: no order waits for a payment that cannot come.
     */
    async payFromWallet(
      quoteId: string,
      customer: { id: number },
    ): Promise<Result<{ orderId: number; amount: number; balance: number }, WalletPayProblem>> {
      if (!(await settings.get("payments.rails")).includes("wallet")) return err({ code: "rail_disabled" });
      const quote = await opener.findQuote(quoteId);
      if (!quote || quote.customerId !== customer.id) return err({ code: "quote_not_found" });
      const now = clock.now();
      let superseded: PaymentRow[] = [];
      let result: Result<{ orderId: number; amount: number; balance: number }, WalletPayProblem>;
      try {
        result = await db
          .transaction()
          .execute(
            async (trx): Promise<Result<{ orderId: number; amount: number; balance: number }, WalletPayProblem>> => {
              const opened = await opener.open(trx, { quoteId, customerId: customer.id, service: quote.service, now });
              if ("problem" in opened) return err(opened.problem);
              const order = opened.order;
              if (
                !(await wallet.debit(trx, {
                  customerId: customer.id,
                  amount: order.amount,
                  reason: "purchase",
                  reference: `purchase:order:${order.id}`,
                  orderId: order.id,
                }))
              ) {
                // Rolls back the order this attempt may have opened.
                throw new BalanceTooLow(await wallet.balance(customer.id, trx), order.amount);
              }
              const closed = await closeOtherOpenPayments(trx, order.id, undefined, now);
              const paymentId = await insertPayment(
                trx,
                newPaymentRow({
                  purpose: "order",
                  orderId: order.id,
                  customerId: customer.id,
                  gateway: "wallet",
                  reference: `WL-${order.id}-${randomId("", 6).toUpperCase()}`,
                  amount: order.amount,
                  status: "paid",
                  expiresAt: now,
                  now,
                }),
              );
              if (
                !(await orders.move(trx, order.id, "payFromWallet", {
                  status: "paid",
                  paid_at: now,
                  paid_with: "wallet",
                  paid_payment_id: paymentId,
                }))
              )
                throw new OrderChangedMeanwhile(order.id);
              await fulfilment.enqueuePlacement(trx, order.id);
              await notifications.toCustomer(trx, customer.id, {
                key: "payment-received-wallet",
                vars: { order: order.id, amount: formatRupiah(order.amount) },
                ...invoiceButtons(closed, []),
              });
              superseded = closed;
              return ok({ orderId: order.id, amount: order.amount, balance: await wallet.balance(customer.id, trx) });
            },
          );
      } catch (error) {
        if (error instanceof BalanceTooLow)
          return err({ code: "insufficient_balance", balance: error.balance, amount: error.amount });
        // Nothing was debited: the answer is the one it would have been had the other payment come first.
        if (error instanceof OrderChangedMeanwhile) {
          const order = await orders.findById(error.orderId);
          if (order && order.status !== "awaiting_payment")
            return err({ code: "order_closed", orderId: order.id, status: order.status });
        }
        throw error;
      }
      // A QR shown earlier for this order is withdrawn; if it is paid anyway, that money goes to the wallet.
      for (const payment of superseded)
        await gateways
          ?.get(payment.gateway)
          ?.cancel(payment.reference)
          .catch(() => undefined);
      return result;
    },

    /** A QRIS invoice that credits the wallet when paid. */
    async createTopup(
      customer: { id: number; firstName: string },
      amount: number,
    ): Promise<Result<Invoice, TopupProblem>> {
      if (!(await qrisReady())) return err({ code: "payments_unavailable" });
      const [min, max] = [await settings.get("wallet.topup_min"), await settings.get("wallet.topup_max")];
      if (!Number.isSafeInteger(amount) || amount < min || amount > max)
        return err({ code: "amount_out_of_range", min, max });
      const now = clock.now();
      const expiryMinutes = await settings.get("payments.invoice_expiry_minutes");
      const reference = `TU-${customer.id}-${randomId("", 6).toUpperCase()}`;
      const id = await insertPayment(
        db,
        newPaymentRow({
          purpose: "topup",
          orderId: null,
          customerId: customer.id,
          gateway: gateway!.id,
          reference,
          amount,
          status: "creating",
          expiresAt: now + expiryMinutes * 60_000,
          now,
        }),
      );
      return charge({ id, reference, amount }, "Top up saldo", customer.firstName, expiryMinutes);
    },

    /** Expires unpaid orders that no invoice can pay any more (see OrderOpener.expireAbandoned). */
    async expireAbandonedOrders(): Promise<number> {
      return opener.expireAbandoned(db, clock.now());
    },

    /** The chat message now showing a QRIS invoice, whose button changes once the invoice is settled. */
    async rememberInvoiceMessage(paymentId: number, messageId: number): Promise<void> {
      await rememberInvoiceMessage(db, paymentId, messageId);
    },

    /** "I have paid": asks the gateway now instead of waiting for its notification. */
    async checkPayment(
      paymentId: number,
      customerId: number,
    ): Promise<{ status: PaymentStatus; orderId: number | null; expiresAt: number } | undefined> {
      const payment = await findPaymentById(db, paymentId);
      if (!payment || payment.customer_id !== customerId) return undefined;
      if (
        confirmation &&
        gateways?.get(payment.gateway) &&
        (payment.status === "pending" || payment.status === "creating")
      )
        await confirmation.sync(payment);
      const fresh = (await findPaymentById(db, paymentId))!;
      return { status: fresh.status, orderId: fresh.order_id, expiresAt: fresh.expires_at };
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
