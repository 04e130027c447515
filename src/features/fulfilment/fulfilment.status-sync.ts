import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { formatRupiah, proRataFloor } from "../../shared/money.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { OrderRow } from "../orders/orders.table.js";
import type { OrderStatusReport } from "../providers/provider.types.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import { supplierReference } from "./fulfilment.service.js";

export interface StatusSyncReport {
  checked: number;
  changed: number;
  supplierCalls: number;
  failedSuppliers: number;
}

/**
 * Asks suppliers how orders in progress are doing (many ids per call) and moves each order on:
 * completed, partial (the undelivered share refunded, rounded down), or canceled (refunded in full).
 * Refund references are unique per order, so a supplier flipping a status later never pays twice.
 */
export function createStatusSync(deps: { db: Db; clock: Clock; logger: Logger; orders: OrdersService; catalog: CatalogService; providers: ProvidersService; wallet: WalletService; notifications: NotificationsService }) {
  const { db, clock, logger, orders, catalog, providers, wallet, notifications } = deps;

  const applyReport = async (order: OrderRow, report: OrderStatusReport): Promise<boolean> => {
    const now = clock.now();
    if (report.kind === "error") {
      await orders.transition(db, order.id, ["processing"], { last_status_check_at: now, last_error: report.message });
      return false;
    }
    const progress = {
      provider_status: report.rawStatus,
      start_count: report.startCount ?? order.start_count,
      remains: report.remains ?? order.remains,
      supplier_note: report.note ?? order.supplier_note,
      last_status_check_at: now,
    };
    return db.transaction().execute(async (trx) => {
      switch (report.status) {
        case "completed": {
          const moved = await orders.transition(trx, order.id, ["processing"], { ...progress, status: "completed", remains: 0, finished_at: now });
          if (moved) await notifications.toCustomer(trx, order.customer_id, report.note ? { key: "order-completed-note", vars: { order: order.id, note: report.note } } : { key: "order-completed", vars: { order: order.id } });
          return moved;
        }
        case "partial": {
          const remains = Math.min(Math.max(report.remains ?? 0, 0), order.quantity);
          const moved = await orders.transition(trx, order.id, ["processing"], { ...progress, status: "partial", remains, finished_at: now });
          if (!moved) return false;
          const amount = proRataFloor(order.amount, remains, order.quantity);
          if (amount > 0) await wallet.credit(trx, { customerId: order.customer_id, amount, reason: "refund", reference: `refund:order:${order.id}`, orderId: order.id, note: `partial: ${remains} of ${order.quantity} not delivered` });
          await notifications.toCustomer(trx, order.customer_id, { key: "order-partial", vars: { order: order.id, remains, amount: formatRupiah(amount) } });
          return true;
        }
        case "canceled": {
          const moved = await orders.transition(trx, order.id, ["processing"], { ...progress, status: "canceled", finished_at: now });
          if (!moved) return false;
          await wallet.credit(trx, { customerId: order.customer_id, amount: order.amount, reason: "refund", reference: `refund:order:${order.id}`, orderId: order.id, note: `supplier status ${report.rawStatus}` });
          await notifications.toCustomer(trx, order.customer_id, { key: "order-canceled", vars: { order: order.id, amount: formatRupiah(order.amount) } });
          return true;
        }
        case "pending":
        case "in_progress":
        case "unrecognized": {
          const started = report.status === "in_progress" && order.provider_status?.toLowerCase() !== report.rawStatus.toLowerCase();
          await orders.transition(trx, order.id, ["processing"], progress);
          if (started) await notifications.toCustomer(trx, order.customer_id, { key: "order-started", vars: { order: order.id } });
          if (report.status === "unrecognized") logger.warn({ orderId: order.id, status: report.rawStatus }, "unrecognized supplier status; still polling");
          return started;
        }
      }
    });
  };

  return {
    /** Every order in progress, grouped by supplier, many ids per call. */
    syncAll: () => sync(undefined),

    /** Only these orders (a supplier's callback, an admin's "sync now"). */
    syncOrders: (orderIds: readonly number[]) => sync(new Set(orderIds)),
  };

  async function sync(only: ReadonlySet<number> | undefined): Promise<StatusSyncReport> {
    const active = (await orders.listByStatus("processing")).filter((o) => o.provider_order_id && o.provider_id && (!only || only.has(o.id)));
    const services = await catalog.findByIds([...new Set(active.map((o) => o.supplier_service_id ?? o.service_id))]);
    const byProvider = new Map<number, OrderRow[]>();
    for (const order of active) {
      const group = byProvider.get(order.provider_id!);
      if (group) group.push(order);
      else byProvider.set(order.provider_id!, [order]);
    }
    const report: StatusSyncReport = { checked: 0, changed: 0, supplierCalls: 0, failedSuppliers: 0 };
    for (const [providerId, group] of byProvider) {
      let reports: Map<string, OrderStatusReport>;
      try {
        const adapter = await providers.adapterFor(providerId);
        reports = await adapter.status(
          group.map((o) => ({
            providerOrderId: o.provider_order_id!,
            reference: supplierReference(o),
            providerServiceId: services.get(o.supplier_service_id ?? o.service_id)?.providerServiceId ?? "",
            target: o.target,
            zone: o.zone ?? undefined,
          })),
        );
        report.supplierCalls += Math.ceil(group.length / adapter.capabilities.statusBatch);
      } catch (error) {
        report.failedSuppliers++;
        logger.warn({ err: error, providerId }, "status sync failed for a supplier; will try next round");
        continue;
      }
      for (const order of group) {
        const entry = reports.get(order.provider_order_id!);
        if (!entry) continue;
        report.checked++;
        if (await applyReport(order, entry)) report.changed++;
      }
    }
    return report;
  }
}

export type StatusSync = ReturnType<typeof createStatusSync>;
