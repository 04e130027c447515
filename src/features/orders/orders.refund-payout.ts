import type { Db } from "../../infra/db/open-database.js";
import { formatRupiah } from "../../shared/money.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Notice, NotificationsService } from "../notifications/notifications.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import { refundedSoFar, starsRefundKey } from "./orders.payments.queries.js";
import type { OrderRow } from "./orders.repository.js";

export const STARS_REFUND_JOB = "refund_stars";

/**
 * Where a refund goes. A full refund of an order paid with Telegram Stars goes back as Stars (Telegram
 * refunds a Stars payment only whole); everything else is credited to the wallet in rupiah. Each
 * order has one refund reference, so a refund written twice lands once.
 */
export function createRefunds(deps: { wallet: WalletService; queue: JobQueue; notifications: NotificationsService }) {
  const { wallet, queue, notifications } = deps;

  return {
    /**
     * Inside the caller's transaction (the same one that moves the order to its refunded state).
     * Never more than what is left of the order's amount after earlier refunds, whoever made them.
     */
    async refund(
      trx: Db,
      order: OrderRow,
      refund: { amount: number; note: string; notice: Notice; reference?: string },
    ): Promise<"wallet" | "stars" | "none"> {
      const already = await refundedSoFar(trx, order.id);
      const amount = Math.min(refund.amount, order.amount - already);
      if (amount <= 0) return "none";
      if (order.paid_with === "stars" && amount === order.amount && order.paid_payment_id !== null) {
        await queue.enqueue(trx, {
          kind: STARS_REFUND_JOB,
          payload: { orderId: order.id, paymentId: order.paid_payment_id },
          dedupeKey: starsRefundKey(order.id),
          maxAttempts: 10,
        });
        await notifications.toCustomer(trx, order.customer_id, {
          key: "order-refunded-stars",
          vars: { order: order.id, amount: formatRupiah(amount) },
        });
        return "stars";
      }
      const credited = await wallet.credit(trx, {
        customerId: order.customer_id,
        amount,
        reason: "refund",
        reference: refund.reference ?? `refund:order:${order.id}`,
        orderId: order.id,
        note: refund.note,
      });
      if (credited)
        await notifications.toCustomer(
          trx,
          order.customer_id,
          amount === refund.amount
            ? refund.notice
            : { ...refund.notice, vars: { ...refund.notice.vars, amount: formatRupiah(amount) } },
        );
      return credited ? "wallet" : "none";
    },

    /** Rupiah already refunded of an order's amount, a Stars refund counting as all of it (see `refundedSoFar`). */
    refundedSoFar: (trx: Db, orderId: number): Promise<number> => refundedSoFar(trx, orderId),
  };
}

export type Refunds = ReturnType<typeof createRefunds>;
