import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { formatRupiah } from "../../shared/money.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { RetryJob, type JobContext, type JobQueue } from "../jobs/job-queue.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { OrderRow } from "../orders/orders.table.js";
import type { SupplierErrorClass } from "../providers/provider.types.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { WalletService } from "../wallet/wallet.service.js";

export const PLACE_ORDER_JOB = "place_order";

/** Attempts for a call that provably never reached the supplier, waiting 5, 10, 20 s between them. */
const MAX_PLACEMENT_ATTEMPTS = 3;

export interface FulfilmentServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  orders: OrdersService;
  catalog: CatalogService;
  providers: ProvidersService;
  wallet: WalletService;
  notifications: NotificationsService;
}

/**
 * Places paid orders with suppliers. Every supplier outcome is classified: accepted → processing;
 * never sent → retried; maybe processed → `unknown`, never re-sent blindly; refused → refunded to
 * the wallet. A payment therefore ends in one supplier order or one refund, never both.
 */
export function createFulfilmentService(deps: FulfilmentServiceDeps) {
  const { db, clock, logger, queue, orders, catalog, providers, wallet, notifications } = deps;

  const refund = async (order: OrderRow, reason: { errorClass: SupplierErrorClass; message: string }): Promise<void> => {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const moved = await orders.transition(trx, order.id, ["placing"], { status: "refunded", placement_state: "idle", last_error: reason.message, finished_at: now });
      if (!moved) return;
      await wallet.credit(trx, { customerId: order.customer_id, amount: order.amount, reason: "refund", reference: `refund:order:${order.id}`, orderId: order.id, note: reason.message });
      await notifications.toCustomer(trx, order.customer_id, { key: "order-refunded", vars: { order: order.id, amount: formatRupiah(order.amount), reason: reason.errorClass } });
      await notifications.toAdmins(trx, { key: "admin-order-rejected", vars: { order: order.id, message: reason.message } });
    });
    logger.warn({ orderId: order.id, errorClass: reason.errorClass }, "supplier refused the order; refunded to wallet");
  };

  const markUnknown = async (order: OrderRow, reason: string): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      const moved = await orders.transition(trx, order.id, ["placing"], { status: "unknown", placement_state: "idle", last_error: reason });
      if (!moved) return;
      await notifications.toCustomer(trx, order.customer_id, { key: "order-checking", vars: { order: order.id } });
      await notifications.toAdmins(trx, { key: "admin-order-unknown", vars: { order: order.id, reason } });
    });
    logger.error({ orderId: order.id, reason }, "supplier outcome unknown; order needs reconciliation");
  };

  return {
    /** Queues the supplier call for a paid order, inside the caller's transaction; once per order. */
    async enqueuePlacement(trx: Db, orderId: number): Promise<void> {
      await queue.enqueue(trx, { kind: PLACE_ORDER_JOB, payload: { orderId }, dedupeKey: `place:${orderId}`, maxAttempts: 10 });
    },

    /** The `place_order` job. Idempotent: it reads the order's state before doing anything. */
    async placeOrder(payload: unknown, _job: JobContext): Promise<void> {
      const orderId = (payload as { orderId: number }).orderId;
      const order = await orders.findById(orderId);
      if (!order) return;
      if (order.status === "placing" && order.placement_state === "in_flight") {
        // A worker died during the supplier call: the supplier may have the order. Never re-send.
        return markUnknown(order, "the worker stopped while the supplier call was in flight");
      }
      if (order.status !== "paid" && order.status !== "placing") return;

      const service = await catalog.findById(order.service_id);
      if (!service) throw new Error(`order ${order.id} refers to a missing service`);
      if (service.mode === "manual") {
        await db.transaction().execute(async (trx) => {
          if (await orders.transition(trx, order.id, ["paid"], { status: "manual", is_manual: 1 })) {
            await notifications.toAdmins(trx, { key: "admin-order-manual", vars: { order: order.id } });
          }
        });
        return;
      }
      if (!(await db.transaction().execute((trx) => orders.startPlacement(trx, order.id)))) return;
      const attempt = order.attempts + 1;

      const adapter = await providers.adapterFor(order.provider_id ?? service.providerId);
      const outcome = await adapter.placeOrder({ providerServiceId: service.providerServiceId, link: order.target, quantity: order.quantity });
      const now = clock.now();
      switch (outcome.kind) {
        case "placed":
          await db.transaction().execute(async (trx) => {
            // `unknown` too: a slow call can finish after a second worker gave up on it.
            const moved = await orders.transition(trx, order.id, ["placing", "unknown"], {
              status: "processing",
              placement_state: "idle",
              provider_order_id: outcome.providerOrderId,
              placed_at: now,
              last_error: null,
            });
            if (moved) await notifications.toCustomer(trx, order.customer_id, { key: "order-processing", vars: { order: order.id } });
          });
          logger.info({ orderId: order.id, providerOrderId: outcome.providerOrderId }, "supplier order placed");
          return;
        case "safe_to_retry":
          await orders.transition(db, order.id, ["placing"], { placement_state: "idle", last_error: outcome.reason });
          if (attempt < MAX_PLACEMENT_ATTEMPTS) throw new RetryJob(outcome.retryAfterMs ?? 5_000 * 2 ** (attempt - 1), outcome.reason);
          return refund({ ...order, status: "placing" }, { errorClass: "unknown", message: `supplier unreachable after ${attempt} attempts: ${outcome.reason}` });
        case "ambiguous":
          return markUnknown({ ...order, status: "placing" }, outcome.reason);
        case "rejected":
          return refund({ ...order, status: "placing" }, { errorClass: outcome.errorClass, message: outcome.message });
      }
    },
  };
}

export type FulfilmentService = ReturnType<typeof createFulfilmentService>;
