import type { Transaction } from "kysely";
import type { Clock } from "../../infra/clock/clock.js";
import type { Database } from "../../infra/db/database.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { decimalEqualsInteger, decimalToString, formatRupiah } from "../../shared/money.js";
import type { FulfilmentService } from "../fulfilment/fulfilment.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OrderOpener } from "../orders/orders.opener.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { SettingsService, SettingValue } from "../settings/settings.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import { GatewayUnavailable, type GatewayStatus } from "./payment-gateway.types.js";
import type { PaymentGatewayRegistry } from "./payment-gateways.js";
import { invoiceButtons, paidOrderButtons } from "./payments.invoice-message.js";
import { transitionPayment, updatePayment } from "./payments.repository.js";
import type { PaymentRow } from "./payments.table.js";

export type ConfirmationOutcome =
  | "paid"
  | "already_paid"
  | "credited_to_wallet"
  | "pending"
  | "closed"
  | "no_change"
  | "amount_mismatch"
  | "status_unavailable";

export interface ConfirmationContext {
  latePolicy: SettingValue<"payments.late_payment_policy">;
}

type Executor = Transaction<Database>;

export interface PaymentConfirmationDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  gateways: PaymentGatewayRegistry;
  opener: Pick<OrderOpener, "quoteHolds">;
  orders: OrdersService;
  wallet: WalletService;
  fulfilment: FulfilmentService;
  notifications: NotificationsService;
  settings: SettingsService;
}

/**
 * Turns what the gateway says about one of our QRIS invoices into state. Only the gateway's status
 * answer counts (a notification is just a reason to ask), and each outcome is one transaction that
 * also writes the work and messages it implies: paid → order paid + "place" job, exactly once.
 */
export function createPaymentConfirmation(deps: PaymentConfirmationDeps) {
  const { db, clock, logger, gateways, opener, orders, wallet, fulfilment, notifications, settings } = deps;

  const flagAmountMismatch = async (
    trx: Executor,
    payment: PaymentRow,
    received: string,
  ): Promise<ConfirmationOutcome> => {
    const reason = `gateway amount ${received} differs from invoice amount ${payment.amount}`;
    await updatePayment(trx, payment.id, { flagged_reason: reason, updated_at: clock.now() });
    await notifications.toAdmins(trx, {
      key: "admin-amount-mismatch",
      vars: {
        reference: payment.reference,
        order: payment.order_id ?? "-",
        expected: formatRupiah(payment.amount),
        received,
      },
    });
    logger.warn({ paymentId: payment.id, orderId: payment.order_id }, "payment amount mismatch: not fulfilled");
    return "amount_mismatch";
  };

  const applyPaid = async (
    trx: Executor,
    payment: PaymentRow,
    status: GatewayStatus,
    context: ConfirmationContext,
  ): Promise<ConfirmationOutcome> => {
    const now = clock.now();
    const changed = await transitionPayment(trx, payment.id, ["creating", "pending", "expired", "canceled", "failed"], {
      status: "paid",
      paid_at: now,
      gateway_status: status.transactionStatus,
      gateway_transaction_id: status.transactionId ?? payment.gateway_transaction_id,
      last_checked_at: now,
      updated_at: now,
    });
    if (!changed) return "already_paid";
    const credit = async (note: string, key: string): Promise<ConfirmationOutcome> => {
      await wallet.credit(trx, {
        customerId: payment.customer_id,
        amount: payment.amount,
        reason: payment.purpose === "topup" ? "topup" : "refund",
        reference: `payment:${payment.id}`,
        orderId: payment.order_id,
        note,
      });
      await notifications.toCustomer(trx, payment.customer_id, {
        key,
        vars: { order: payment.order_id ?? "-", amount: formatRupiah(payment.amount) },
        ...invoiceButtons([payment], []),
      });
      return "credited_to_wallet";
    };
    if (payment.purpose === "topup" || payment.order_id === null)
      return credit("wallet top-up by QRIS", "topup-received");

    const order = (await orders.findById(payment.order_id, trx))!;
    // Paid after the invoice expired: fulfil while the quote's price still holds (a shop setting), else credit.
    const quoteValid =
      order.status === "expired" &&
      context.latePolicy === "fulfil_if_quote_valid" &&
      (await opener.quoteHolds(trx, order.quote_id, now));
    const payable = order.status === "awaiting_payment" || quoteValid;
    if (
      payable &&
      (await orders.move(trx, order.id, "payByGateway", {
        status: "paid",
        paid_at: now,
        paid_with: payment.gateway,
        paid_payment_id: payment.id,
        finished_at: null,
      }))
    ) {
      await fulfilment.enqueuePlacement(trx, order.id);
      await notifications.toCustomer(trx, order.customer_id, {
        key: "payment-received",
        vars: { order: order.id, amount: formatRupiah(payment.amount) },
        ...invoiceButtons([payment], paidOrderButtons(order.id)),
      });
      return "paid";
    }
    // The order was already paid another way, or its price no longer holds: the money still has
    // one effect, a wallet credit, never a second supplier order.
    return credit(
      order.status === "expired" ? "paid after the invoice expired" : "payment for an order that was already paid",
      order.status === "expired" ? "payment-late-credited" : "payment-credited",
    );
  };

  const applyClosed = async (
    trx: Executor,
    payment: PaymentRow,
    status: GatewayStatus,
  ): Promise<ConfirmationOutcome> => {
    const now = clock.now();
    const next = status.state === "expired" ? "expired" : status.state === "canceled" ? "canceled" : "failed";
    const changed = await transitionPayment(trx, payment.id, ["creating", "pending"], {
      status: next,
      gateway_status: status.transactionStatus,
      last_checked_at: now,
      updated_at: now,
    });
    if (!changed) return "no_change";
    const withdrawn = invoiceButtons([payment], []);
    if (payment.order_id === null) {
      if (next === "expired")
        await notifications.toCustomer(trx, payment.customer_id, {
          key: "topup-expired",
          vars: { amount: formatRupiah(payment.amount) },
          ...withdrawn,
        });
      return "closed";
    }
    const order = await orders.findById(payment.order_id, trx);
    if (
      order &&
      next === "expired" &&
      (await orders.move(trx, order.id, "expire", { status: "expired", finished_at: now }))
    ) {
      await notifications.toCustomer(trx, order.customer_id, {
        key: "payment-expired",
        vars: { order: order.id },
        ...withdrawn,
      });
    } else if (order && order.status === "awaiting_payment") {
      await notifications.toCustomer(trx, order.customer_id, {
        key: "payment-failed",
        vars: { order: order.id },
        ...withdrawn,
      });
    }
    return "closed";
  };

  /** One gateway answer → state, inside the caller's transaction (which must be the only one used). */
  const applyWithin = async (
    trx: Executor,
    payment: PaymentRow,
    status: GatewayStatus,
    context: ConfirmationContext,
  ): Promise<ConfirmationOutcome> => {
    switch (status.state) {
      case "paid":
        if (!status.grossAmount || !decimalEqualsInteger(status.grossAmount, payment.amount)) {
          return flagAmountMismatch(trx, payment, status.grossAmount ? decimalToString(status.grossAmount) : "(none)");
        }
        return applyPaid(trx, payment, status, context);
      case "expired":
      case "canceled":
      case "failed":
        return applyClosed(trx, payment, status);
      case "not_found":
        // A charge that never reached the gateway (crash or timeout while creating), or one it no
        // longer knows after its expiry, is closed.
        if (payment.status === "creating" && clock.now() - payment.created_at > 120_000)
          return applyClosed(trx, payment, { ...status, state: "failed" });
        if (payment.status === "pending" && payment.expires_at < clock.now())
          return applyClosed(trx, payment, { ...status, state: "expired" });
        return "pending";
      case "refunded":
        logger.warn({ paymentId: payment.id }, "gateway reports a refund or chargeback for this payment");
        return "no_change";
      case "pending":
        await updatePayment(trx, payment.id, {
          last_checked_at: clock.now(),
          gateway_status: status.transactionStatus,
        });
        return "pending";
      case "unrecognized":
        logger.warn(
          { paymentId: payment.id, status: status.transactionStatus },
          "unrecognized gateway status; will ask again",
        );
        return "no_change";
    }
  };

  /** What applying needs from outside the transaction (settings are read through `db`). */
  const context = async (): Promise<ConfirmationContext> => ({
    latePolicy: await settings.get("payments.late_payment_policy"),
  });

  const applyStatus = async (payment: PaymentRow, status: GatewayStatus): Promise<ConfirmationOutcome> => {
    const ctx = await context();
    return db.transaction().execute((trx) => applyWithin(trx, payment, status, ctx));
  };

  /** The gateway's answer about a payment, or undefined when it cannot be had right now. */
  const fetchStatus = async (payment: PaymentRow): Promise<GatewayStatus | undefined> => {
    try {
      const gateway = gateways.get(payment.gateway);
      // Wallet and Stars payments have no gateway to ask.
      if (!gateway) return undefined;
      return await gateway.status(payment.reference);
    } catch (error) {
      if (!(error instanceof GatewayUnavailable))
        logger.warn({ err: error, paymentId: payment.id }, "gateway refused a status check");
      return undefined;
    }
  };

  return {
    context,
    applyWithin,
    fetchStatus,
    /** Applies a status already fetched from the gateway, in a transaction of its own. */
    applyStatus,

    /** Asks the gateway about a payment and applies the answer. Safe to call any number of times. */
    async sync(payment: PaymentRow): Promise<ConfirmationOutcome> {
      if (payment.status === "paid") return "already_paid";
      const status = await fetchStatus(payment);
      return status ? applyStatus(payment, status) : "status_unavailable";
    },
  };
}

export type PaymentConfirmation = ReturnType<typeof createPaymentConfirmation>;
