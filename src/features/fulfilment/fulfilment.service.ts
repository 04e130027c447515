import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { amountForQuantity, formatRupiah } from "../../shared/money.js";
import type { CatalogService, Service } from "../catalog/catalog.service.js";
import { RetryJob, type JobContext, type JobQueue } from "../jobs/job-queue.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { Refunds } from "../orders/orders.refund-payout.js";
import type { OrderRow, OrdersService } from "../orders/orders.service.js";
import { parseExtras } from "../checkout/checkout.service.js";
import type { SupplierErrorClass } from "../providers/provider.types.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { Failpoints } from "../../infra/failpoints.js";
import { jobQueued } from "./fulfilment.queries.js";
import { markOutOfFundsAlerted } from "./fulfilment.repository.js";

export const PLACE_ORDER_JOB = "place_order";

/** Attempts for a call that provably never reached the supplier: the first, then retries after 5, 10 and 20 s. */
export const MAX_PLACEMENT_ATTEMPTS = 4;

/** The wait before retry number `attempt` (1-based): 5 s, 10 s, 20 s. */
export function retryDelayMs(attempt: number): number {
  return 5_000 * 2 ** (attempt - 1);
}

/** Refusals about the customer's own input: another supplier would refuse them too. */
const INPUT_PROBLEMS: ReadonlySet<SupplierErrorClass> = new Set(["invalid_link", "quantity_range"]);

export interface FulfilmentServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  orders: OrdersService;
  catalog: CatalogService;
  providers: ProvidersService;
  refunds: Refunds;
  notifications: NotificationsService;
  failpoints?: Failpoints;
}

/**
 * Places paid orders with suppliers. Every supplier outcome is classified: accepted → processing
 * (or completed, for instant top-ups); never sent → retried; maybe processed → `unknown`, never
 * re-sent blindly; refused → the next backup supplier, or a refund to the wallet. A payment
 * therefore ends in one supplier order or one refund, never both.
 */
export function createFulfilmentService(deps: FulfilmentServiceDeps) {
  const { db, clock, logger, queue, orders, catalog, providers, refunds, notifications } = deps;
  const failpoints = deps.failpoints ?? { hit: () => undefined };

  const enqueuePlacement = async (trx: Db, orderId: number, key?: string): Promise<void> => {
    await queue.enqueue(trx, {
      kind: PLACE_ORDER_JOB,
      payload: { orderId },
      dedupeKey: key === undefined ? `place:${orderId}` : `place:${orderId}:${key}`,
      maxAttempts: 10,
    });
  };

  const refund = async (
    order: OrderRow,
    reason: { errorClass: SupplierErrorClass; message: string },
  ): Promise<void> => {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const moved = await orders.move(trx, order.id, "refuseAndRefund", {
        status: "refunded",
        placement_state: "idle",
        last_error: reason.message,
        finished_at: now,
      });
      if (!moved) return;
      await refunds.refund(trx, order, {
        amount: order.amount,
        note: reason.message,
        notice: {
          key: "order-refunded",
          vars: { order: order.id, amount: formatRupiah(order.amount), reason: reason.errorClass },
        },
      });
      await notifications.toAdmins(trx, {
        key: "admin-order-rejected",
        vars: { order: order.id, message: reason.message },
      });
    });
    logger.warn({ orderId: order.id, errorClass: reason.errorClass }, "order refunded");
  };

  /**
   * Moves a refused order to the next usable backup supplier: one that is active, takes the
   * quantity, and costs no more than the customer paid. Returns false when none is left.
   */
  const failover = async (order: OrderRow, reason: string): Promise<boolean> => {
    const backups = await catalog.backupsFor(order.service_id);
    // A backup must take the same order type: its extra inputs (comments, a subscription) are sent as they are.
    const type = (await catalog.findById(order.service_id))?.type;
    for (let index = order.failovers; index < backups.length; index++) {
      const backup = backups[index]!;
      if (!usableBackup(backup, order) || backup.type !== type) continue;
      const moved = await db.transaction().execute(async (trx) => {
        const ok = await orders.move(trx, order.id, "failover", {
          supplier_service_id: backup.id,
          provider_id: backup.providerId,
          failovers: index + 1,
          attempts: 0,
          placement_state: "idle",
          last_error: reason,
        });
        if (!ok) return false;
        await enqueuePlacement(trx, order.id, `failover:${index + 1}`);
        await notifications.toAdmins(trx, {
          key: "admin-order-failover",
          vars: { order: order.id, reason, mid: backup.mid },
        });
        return true;
      });
      if (moved) logger.warn({ orderId: order.id, backupMid: backup.mid, reason }, "order moved to a backup supplier");
      return moved;
    }
    return false;
  };

  const markUnknown = async (order: OrderRow, reason: string): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      const moved = await orders.move(trx, order.id, "markUnknown", {
        status: "unknown",
        placement_state: "idle",
        last_error: reason,
      });
      if (!moved) return;
      await notifications.toCustomer(trx, order.customer_id, { key: "order-checking", vars: { order: order.id } });
      await notifications.toAdmins(trx, { key: "admin-order-unknown", vars: { order: order.id, reason } });
    });
    logger.error({ orderId: order.id, reason }, "supplier outcome unknown; order needs reconciliation");
  };

  /** Admins hear about an empty supplier once, not once per order, until it has funds again (fulfilment.funds.ts). */
  const alertOutOfFunds = async (providerId: number, orderId: number): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      const supplier = await markOutOfFundsAlerted(trx, providerId, clock.now());
      if (supplier !== undefined)
        await notifications.toAdmins(trx, { key: "admin-supplier-out-of-funds", vars: { supplier, order: orderId } });
    });
  };

  /**
   * The supplier refused for lack of funds and no backup took the order: it waits (the customer
   * sees it queued) until the supplier is topped up, an admin retries, or the shop's deadline.
   */
  const waitForFunds = async (order: OrderRow, providerId: number, message: string): Promise<void> => {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const moved = await orders.move(trx, order.id, "waitForFunds", {
        status: "waiting_funds",
        placement_state: "idle",
        funds_waiting_since: order.funds_waiting_since ?? now,
        last_error: message,
      });
      if (moved && order.funds_waiting_since === null)
        await notifications.toCustomer(trx, order.customer_id, {
          key: "order-waiting-funds",
          vars: { order: order.id },
        });
    });
    logger.warn({ orderId: order.id, providerId }, "supplier out of funds; order waits for a top-up");
  };

  const accept = async (
    order: OrderRow,
    outcome: { providerOrderId: string; status?: string | undefined; note?: string | undefined },
  ): Promise<void> => {
    const now = clock.now();
    const done = outcome.status === "completed";
    await db.transaction().execute(async (trx) => {
      // `unknown` too: a slow call can finish after a second worker gave up on it.
      const moved = await orders.move(trx, order.id, "placed", {
        status: done ? "completed" : "processing",
        placement_state: "idle",
        provider_order_id: outcome.providerOrderId,
        supplier_note: outcome.note ?? null,
        placed_at: now,
        ...(done ? { finished_at: now } : {}),
        last_error: null,
      });
      if (!moved) return;
      if (done)
        await notifications.toCustomer(
          trx,
          order.customer_id,
          outcome.note
            ? { key: "order-completed-note", vars: { order: order.id, note: outcome.note } }
            : { key: "order-completed", vars: { order: order.id } },
        );
      else
        await notifications.toCustomer(trx, order.customer_id, { key: "order-processing", vars: { order: order.id } });
    });
    logger.info(
      { orderId: order.id, providerOrderId: outcome.providerOrderId, completed: done },
      "supplier order placed",
    );
  };

  return {
    /** Queues the supplier call for a paid order, inside the caller's transaction; once per order. */
    enqueuePlacement: (trx: Db, orderId: number) => enqueuePlacement(trx, orderId),

    /** Queues another placement after an admin's decision (the first job is spent); `key` keeps it once. */
    requeuePlacement: (trx: Db, orderId: number, key: string) => enqueuePlacement(trx, orderId, key),

    /**
     * Unknown placements at suppliers that dedupe on our reference (Digiflazz `ref_id`, panels with
     * an idempotency parameter): asking again with the same reference returns the one order, so
     * each such order is placed again once, automatically. The rest wait for a person.
     */
    async resolveUnknownAutomatically(): Promise<number> {
      const unknown = await orders.listUnknownAtSupplier();
      let requeued = 0;
      for (const order of unknown) {
        const adapter = await providers.adapterFor(order.provider_id!).catch(() => undefined);
        if (!adapter?.capabilities.idempotentPlace) continue;
        const key = `place:${order.id}:auto-resolve:${order.failovers}`;
        if (await jobQueued(db, key)) continue;
        const moved = await db.transaction().execute(async (trx) => {
          if (
            !(await orders.move(trx, order.id, "placeAgain", {
              status: "placing",
              placement_state: "idle",
              attempts: 0,
            }))
          )
            return false;
          await enqueuePlacement(trx, order.id, `auto-resolve:${order.failovers}`);
          return true;
        });
        if (moved) requeued++;
      }
      if (requeued > 0)
        logger.info({ requeued }, "unknown placements asked again at suppliers that dedupe on our reference");
      return requeued;
    },

    /** The `place_order` job. Idempotent: it reads the order's state before doing anything. */
    async placeOrder(payload: unknown, _job: JobContext): Promise<void> {
      const orderId = (payload as { orderId: number }).orderId;
      let order = await orders.findById(orderId);
      if (!order) return;
      if (order.status !== "paid" && order.status !== "placing") return;

      const service = await catalog.findById(order.supplier_service_id ?? order.service_id);
      if (!service) throw new Error(`order ${order.id} refers to a missing service`);
      if (service.mode === "manual") {
        await db.transaction().execute(async (trx) => {
          if (await orders.move(trx, orderId, "handToManual", { status: "manual", is_manual: 1 })) {
            await notifications.toAdmins(trx, { key: "admin-order-manual", vars: { order: orderId } });
          }
        });
        return;
      }
      const adapter = await providers.adapterFor(service.providerId);
      if (order.status === "placing" && order.placement_state === "in_flight") {
        // A worker died during the supplier call: the supplier may have the order. Re-sending is safe
        // only where the supplier dedupes on our reference; anywhere else, never re-send.
        if (!adapter.capabilities.idempotentPlace)
          return markUnknown(order, "the worker stopped while the supplier call was in flight");
        await orders.move(db, order.id, "releasePlacement", { placement_state: "idle" });
        order = { ...order, placement_state: "idle" };
      }
      if (!(await db.transaction().execute((trx) => orders.startPlacement(trx, orderId)))) return;
      const placing: OrderRow = { ...order, status: "placing" };
      const attempt = order.attempts + 1;

      failpoints.hit("before_supplier_call");
      const outcome = await adapter.placeOrder({
        reference: supplierReference(order),
        providerServiceId: service.providerServiceId,
        serviceType: service.type,
        target: order.target,
        zone: order.zone ?? undefined,
        quantity: order.quantity,
        extras: parseExtras(order.extras) ?? undefined,
      });
      failpoints.hit("after_supplier_call");
      switch (outcome.kind) {
        case "placed":
          return accept(order, outcome);
        case "safe_to_retry":
          await orders.move(db, order.id, "releasePlacement", { placement_state: "idle", last_error: outcome.reason });
          if (attempt < MAX_PLACEMENT_ATTEMPTS)
            throw new RetryJob(outcome.retryAfterMs ?? retryDelayMs(attempt), outcome.reason);
          // The supplier may hold the order (it only dedupes the re-sends): a backup or a refund could
          // deliver or pay twice. It waits as unknown; the automatic resolution asks again later.
          if (outcome.maybeProcessed)
            return markUnknown(placing, `no clear answer after ${attempt} attempts: ${outcome.reason}`);
          if (await failover(placing, `supplier unreachable after ${attempt} attempts: ${outcome.reason}`)) return;
          return refund(placing, {
            errorClass: "unknown",
            message: `supplier unreachable after ${attempt} attempts: ${outcome.reason}`,
          });
        case "ambiguous":
          return markUnknown(placing, outcome.reason);
        case "rejected":
          // An empty supplier balance is the shop's to fix, not the customer's: a backup supplier takes
          // the order, or it waits for a top-up; it is never refunded for this (until the shop's deadline).
          if (outcome.errorClass === "insufficient_funds") {
            await alertOutOfFunds(service.providerId, order.id);
            if (await failover(placing, outcome.message)) return;
            return waitForFunds(placing, service.providerId, outcome.message);
          }
          if (!INPUT_PROBLEMS.has(outcome.errorClass) && (await failover(placing, outcome.message))) return;
          return refund(placing, { errorClass: outcome.errorClass, message: outcome.message });
      }
    },
  };
}

export type FulfilmentService = ReturnType<typeof createFulfilmentService>;

function usableBackup(backup: Service, order: OrderRow): boolean {
  return (
    backup.usableAsBackup &&
    order.quantity >= backup.min &&
    order.quantity <= backup.max &&
    amountForQuantity(backup.unitCost, order.quantity, backup.unitSize) <= order.amount
  );
}

/**
 * The reference a supplier sees for an order: stable across retries (idempotent suppliers dedupe on
 * it), new after a failover, so a refused attempt never blocks the next supplier.
 */
export function supplierReference(order: { id: number; failovers?: number }): string {
  return `TB${order.id}-${order.failovers ?? 0}`;
}
