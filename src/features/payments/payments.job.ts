import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { GatewayRejected, type MidtransGateway } from "./midtrans.gateway.js";
import type { PaymentConfirmation } from "./payments.confirmation.js";
import { findPaymentById, listOpenPayments } from "./payments.repository.js";

/**
 * The reconciler: asks the gateway about every open invoice, so a payment whose notification never
 * arrived (our outage, Midtrans giving up after its retries, a lost commit) is still found, and
 * expires invoices ourselves, because Midtrans does not enforce QRIS expiries under 15 minutes.
 */
export function createPaymentReconciler(deps: { db: Db; clock: Clock; logger: Logger; gateway: MidtransGateway; confirmation: PaymentConfirmation }) {
  const { db, clock, logger, gateway, confirmation } = deps;

  return {
    async reconcileOpenPayments(): Promise<{ checked: number; changed: number }> {
      // Fresh invoices are left to their notification for a little while.
      const open = await listOpenPayments(db, clock.now() - 20_000, 500);
      let changed = 0;
      for (const payment of open) {
        let outcome = await confirmation.sync(payment);
        if (outcome === "pending" && payment.expires_at <= clock.now()) {
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
            outcome = await confirmation.applyStatus(fresh, status.state === "canceled" ? { ...status, state: "expired" } : status);
          }
        }
        if (outcome !== "pending" && outcome !== "no_change" && outcome !== "status_unavailable") changed++;
      }
      if (changed > 0) logger.info({ checked: open.length, changed }, "payments reconciled");
      return { checked: open.length, changed };
    },
  };
}

export type PaymentReconciler = ReturnType<typeof createPaymentReconciler>;
