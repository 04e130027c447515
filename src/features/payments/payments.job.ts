import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { GatewayRejected } from "./payment-gateway.types.js";
import type { PaymentGatewayRegistry } from "./payment-gateways.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import { findPaymentById, listOpenPayments, listRecentlyClosedPayments, updatePayment } from "./payments.repository.js";
import type { PaymentRow } from "./payments.table.js";

const MINUTE = 60_000;
/**
 * How long and how often a closed QR is asked about again: every 2 minutes in its first hour, then
 * every 30 minutes until a day has passed (about 75 status calls for an invoice nobody pays).
 */
const CLOSED_SWEEP = [
  { youngerThan: 60 * MINUTE, every: 2 * MINUTE },
  { youngerThan: 24 * 60 * MINUTE, every: 30 * MINUTE },
] as const;

/**
 * The reconciler: asks the gateway about every open invoice, so a payment whose notification never
 * arrived (our outage, the gateway giving up after its retries, a lost commit) is still found, and
 * expires invoices ourselves, because gateways do not all enforce short QRIS expiries.
 * It then keeps asking about QRs the shop closed for a day: one paid after we withdrew or expired it
 * (and whose notification was lost) still gets its one effect, the order or a wallet credit.
 */
export function createPaymentReconciler(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  gateways: PaymentGatewayRegistry;
  confirmation: PaymentConfirmation;
}) {
  const { db, clock, logger, gateways, confirmation } = deps;
  const gatewayIds = () => gateways.list().map((g) => g.id);

  const recentlyClosed = async (): Promise<PaymentRow[]> => {
    const now = clock.now();
    const seen = new Map<number, PaymentRow>();
    for (const { youngerThan, every } of CLOSED_SWEEP) {
      for (const payment of await listRecentlyClosedPayments(db, gatewayIds(), now - youngerThan, now - every, 500))
        seen.set(payment.id, payment);
    }
    return [...seen.values()];
  };

  return {
    async reconcileOpenPayments(): Promise<{ checked: number; changed: number }> {
      // Fresh invoices are left to their notification for a little while.
      const open = await listOpenPayments(db, gatewayIds(), clock.now() - 20_000, 500);
      let changed = 0;
      for (const payment of open) {
        let outcome = await confirmation.sync(payment);
        const gateway = gateways.get(payment.gateway);
        if (gateway && outcome === "pending" && payment.expires_at <= clock.now()) {
          try {
            await gateway.cancel(payment.reference);
          } catch (error) {
            // Already settled or gone at the gateway: the next status check tells which.
            if (!(error instanceof GatewayRejected)) {
              logger.warn({ err: error, paymentId: payment.id }, "cannot cancel an expired invoice yet");
              continue;
            }
          }
          const fresh = await findPaymentById(db, payment.id);
          const status = await gateway.status(payment.reference).catch(() => undefined);
          if (fresh && status) {
            // A cancelled QR that nobody paid is, for the customer, an expired one.
            outcome = await confirmation.applyStatus(
              fresh,
              status.state === "canceled" ? { ...status, state: "expired" } : status,
            );
          }
        }
        if (outcome !== "pending" && outcome !== "no_change" && outcome !== "status_unavailable") changed++;
      }
      const closed = await recentlyClosed();
      for (const payment of closed) {
        const outcome = await confirmation.sync(payment);
        if (outcome === "paid" || outcome === "credited_to_wallet") changed++;
        else if (outcome !== "status_unavailable")
          await updatePayment(db, payment.id, { last_checked_at: clock.now() });
      }
      const checked = open.length + closed.length;
      if (changed > 0) logger.info({ checked, changed }, "payments reconciled");
      return { checked, changed };
    },
  };
}

export type PaymentReconciler = ReturnType<typeof createPaymentReconciler>;
