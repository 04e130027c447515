import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { groupBy } from "../../shared/collections.js";
import { errorMessage } from "../../shared/errors.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CatalogService, Service } from "../catalog/catalog.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { ProvidersService } from "../providers/providers.service.js";
import {
  findCustomerOrder,
  findOrderById,
  findRefill,
  insertRefill,
  listOpenRefills,
  listRefills,
  moveOrder,
  settleRefill,
  updateRefill,
  type OrderRow,
  type RefillRow,
  type RefillState,
} from "./orders.repository.js";

const DAY = 86_400_000;
/** Refill guarantee when a service promises refills without saying for how long. */
const DEFAULT_REFILL_DAYS = 30;

export interface OrderDetail {
  order: OrderRow;
  service: Service | undefined;
  delivered: number | null;
  refills: RefillRow[];
  canRefill: boolean;
  canCancel: boolean;
}

export type AftercareProblem =
  | { code: "not_found" }
  | { code: "refill_not_offered" }
  | { code: "refill_not_yet" }
  | { code: "refill_expired" }
  | { code: "refill_in_progress" }
  | { code: "cancel_not_offered" }
  | { code: "cancel_too_late" }
  | { code: "supplier_refused"; message: string }
  | { code: "supplier_unavailable" };

/**
 * After the sale: an order's detail and progress, refill requests within the service's guarantee
 * (and following them at the supplier), and cancel requests where the service allows it. A cancel
 * is only a request: the money moves when the supplier reports the order canceled.
 */
export function createAftercare(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  catalog: CatalogService;
  providers: ProvidersService;
  notifications: NotificationsService;
}) {
  const { db, clock, logger, catalog, providers, notifications } = deps;

  const refillsOf = (orderId: number) => listRefills(db, orderId, "desc");

  const refillProblem = (
    order: OrderRow,
    service: Service | undefined,
    refills: RefillRow[],
  ): AftercareProblem | undefined => {
    if (!service?.refill || !order.provider_order_id) return { code: "refill_not_offered" };
    if (order.status !== "completed" && order.status !== "partial") return { code: "refill_not_yet" };
    const days = service.refillDays ?? DEFAULT_REFILL_DAYS;
    if (days > 0 && clock.now() - (order.finished_at ?? order.updated_at) > days * DAY)
      return { code: "refill_expired" };
    if (refills.some((r) => r.status === "requested" || r.status === "pending" || r.status === "in_progress"))
      return { code: "refill_in_progress" };
    return undefined;
  };

  const cancelProblem = (order: OrderRow, service: Service | undefined): AftercareProblem | undefined => {
    if (!service?.cancel) return { code: "cancel_not_offered" };
    if (order.status !== "processing" || !order.provider_order_id || order.cancel_requested_at !== null)
      return { code: "cancel_too_late" };
    return undefined;
  };

  const owned = (orderId: number, customerId: number) => findCustomerOrder(db, orderId, customerId);

  return {
    async detail(orderId: number, customerId: number): Promise<OrderDetail | undefined> {
      const order = await owned(orderId, customerId);
      if (!order) return undefined;
      const service = await catalog.findById(order.supplier_service_id ?? order.service_id);
      const refills = await refillsOf(order.id);
      return {
        order,
        service,
        delivered: order.remains === null ? null : Math.max(0, order.quantity - order.remains),
        refills,
        canRefill: refillProblem(order, service, refills) === undefined,
        canCancel: cancelProblem(order, service) === undefined,
      };
    },

    /** Asks the supplier to refill a delivered order within its guarantee. */
    async requestRefill(orderId: number, customerId: number): Promise<Result<RefillRow, AftercareProblem>> {
      const order = await owned(orderId, customerId);
      if (!order) return err({ code: "not_found" });
      const service = await catalog.findById(order.supplier_service_id ?? order.service_id);
      const problem = refillProblem(order, service, await refillsOf(order.id));
      if (problem) return err(problem);
      const id = await insertRefill(db, order.id, clock.now());
      let outcome;
      try {
        outcome = (await (await providers.adapterFor(service!.providerId)).refill([order.provider_order_id!])).get(
          order.provider_order_id!,
        );
      } catch (error) {
        await updateRefill(db, id, { status: "rejected", last_error: errorMessage(error) }, clock.now());
        logger.warn({ err: error, orderId }, "refill request failed");
        return err({ code: "supplier_unavailable" });
      }
      if (!outcome || outcome.kind === "error") {
        const message = outcome?.kind === "error" ? outcome.message : "no answer for this order";
        await updateRefill(db, id, { status: "rejected", last_error: message }, clock.now());
        return err({ code: "supplier_refused", message });
      }
      await updateRefill(db, id, { status: "pending", provider_refill_id: outcome.refillId }, clock.now());
      return ok(await findRefill(db, id));
    },

    /** Asks the supplier to cancel a running order; the refund follows when the supplier reports it canceled. */
    async requestCancel(orderId: number, customerId: number): Promise<Result<OrderRow, AftercareProblem>> {
      const order = await owned(orderId, customerId);
      if (!order) return err({ code: "not_found" });
      const service = await catalog.findById(order.supplier_service_id ?? order.service_id);
      const problem = cancelProblem(order, service);
      if (problem) return err(problem);
      let outcome;
      try {
        outcome = (await (await providers.adapterFor(service!.providerId)).cancel([order.provider_order_id!])).get(
          order.provider_order_id!,
        );
      } catch (error) {
        logger.warn({ err: error, orderId }, "cancel request failed");
        return err({ code: "supplier_unavailable" });
      }
      if (!outcome || outcome.kind === "error")
        return err({
          code: "supplier_refused",
          message: outcome?.kind === "error" ? outcome.message : "no answer for this order",
        });
      await moveOrder(db, order.id, "requestCancel", { cancel_requested_at: clock.now() }, clock.now());
      return ok((await findOrderById(db, order.id))!);
    },

    /** The scheduled refill follow-up: open refills by supplier; the customer hears when one ends. */
    async syncRefills(): Promise<{ checked: number; finished: number }> {
      const open = await listOpenRefills(db);
      const byProvider = groupBy(
        open.filter((r) => r.provider_id !== null),
        (r) => r.provider_id!,
      );
      let finished = 0;
      for (const [providerId, group] of byProvider) {
        let reports;
        try {
          reports = await (
            await providers.adapterFor(providerId)
          ).refillStatus(group.map((r) => r.provider_refill_id!));
        } catch (error) {
          logger.warn({ err: error, providerId }, "refill status check failed");
          continue;
        }
        for (const refill of group) {
          const report = reports.get(refill.provider_refill_id!);
          if (!report || report.kind === "error" || report.status === "unrecognized") continue;
          const next: RefillState = report.status;
          if (next === refill.status) continue;
          await db.transaction().execute(async (trx) => {
            await settleRefill(trx, refill.id, refill.status, next, report.rawStatus, clock.now());
            if (next === "completed" || next === "rejected") {
              finished++;
              await notifications.toCustomer(trx, refill.customer_id, {
                key: next === "completed" ? "refill-completed" : "refill-rejected",
                vars: { order: refill.order_id },
              });
            }
          });
        }
      }
      return { checked: open.length, finished };
    },
  };
}

export type Aftercare = ReturnType<typeof createAftercare>;
