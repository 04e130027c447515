import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { formatRupiah, proRataFloor } from "../../shared/money.js";
import { asCount } from "../../shared/text.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { OrderRow, OrderUpdate } from "../orders/orders.table.js";
import type { OrderStatusReport } from "../providers/provider.types.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import type { Refunds } from "../orders/orders.refund-payout.js";
import { supplierReference } from "./fulfilment.service.js";

export interface StatusSyncReport {
  checked: number;
  changed: number;
  supplierCalls: number;
  failedSuppliers: number;
  flaggedStuck: number;
}

export interface StatusSyncDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  orders: OrdersService;
  catalog: CatalogService;
  providers: ProvidersService;
  refunds: Refunds;
  notifications: NotificationsService;
  settings: SettingsService;
  /** Waits between two calls to the same supplier (real time, injectable for benchmarks). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Asks suppliers how orders in progress are doing, all suppliers at once, as many ids per call as
 * each supplier takes, pausing between calls to the same supplier, and moves each order on: completed, partial (the
 * undelivered share refunded, rounded down), or canceled (refunded in full). Refund references are
 * unique per order, so a supplier flipping a status later never pays twice. Orders with no progress
 * for too long are flagged to admins once.
 */
export function createStatusSync(deps: StatusSyncDeps) {
  const { db, clock, logger, orders, catalog, providers, refunds, notifications, settings } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /** One order's report, inside the transaction of its supplier call. */
  const applyReport = async (trx: Db, order: OrderRow, report: OrderStatusReport): Promise<boolean> => {
    const now = clock.now();
    if (report.kind === "error") {
      await orders.move(trx, order.id, "supplierProgress", { last_status_check_at: now, last_error: report.message });
      return false;
    }
    const moved =
      order.provider_status?.toLowerCase() !== report.rawStatus.toLowerCase() ||
      (report.remains !== undefined && report.remains !== order.remains);
    const progress: Omit<OrderUpdate, "status"> = {
      provider_status: report.rawStatus,
      start_count: report.startCount ?? order.start_count,
      remains: report.remains ?? order.remains,
      supplier_note: report.note ?? order.supplier_note,
      last_status_check_at: now,
      ...(moved ? { last_progress_at: now, stuck_flagged_at: null } : {}),
    };
    switch (report.status) {
      case "completed": {
        const done = await orders.move(trx, order.id, "supplierFinished", {
          ...progress,
          status: "completed",
          remains: 0,
          finished_at: now,
        });
        if (done)
          await notifications.toCustomer(
            trx,
            order.customer_id,
            report.note
              ? { key: "order-completed-note", vars: { order: order.id, note: report.note } }
              : { key: "order-completed", vars: { order: order.id } },
          );
        return done;
      }
      case "partial": {
        const remains = Math.min(Math.max(report.remains ?? 0, 0), order.quantity);
        if (
          !(await orders.move(trx, order.id, "supplierFinished", {
            ...progress,
            status: "partial",
            remains,
            finished_at: now,
          }))
        )
          return false;
        const amount = proRataFloor(order.amount, remains, order.quantity);
        const notice = {
          key: "order-partial",
          vars: { order: order.id, remains: asCount(remains), amount: formatRupiah(amount) },
        };
        if (
          (await refunds.refund(trx, order, {
            amount,
            note: `partial: ${remains} of ${order.quantity} not delivered`,
            notice,
          })) === "none"
        )
          await notifications.toCustomer(trx, order.customer_id, notice);
        return true;
      }
      case "canceled": {
        if (
          !(await orders.move(trx, order.id, "supplierFinished", { ...progress, status: "canceled", finished_at: now }))
        )
          return false;
        await refunds.refund(trx, order, {
          amount: order.amount,
          note: `supplier status ${report.rawStatus}`,
          notice: { key: "order-canceled", vars: { order: order.id, amount: formatRupiah(order.amount) } },
        });
        return true;
      }
      case "pending":
      case "in_progress":
      case "unrecognized": {
        const started =
          report.status === "in_progress" && order.provider_status?.toLowerCase() !== report.rawStatus.toLowerCase();
        await orders.move(trx, order.id, "supplierProgress", progress);
        if (started)
          await notifications.toCustomer(trx, order.customer_id, { key: "order-started", vars: { order: order.id } });
        if (report.status === "unrecognized")
          logger.warn({ orderId: order.id, status: report.rawStatus }, "unrecognized supplier status; still polling");
        return started;
      }
    }
  };

  /** Orders with no reported progress for longer than the setting: told to admins once. */
  const flagStuck = async (): Promise<number> => {
    const now = clock.now();
    const stalled = await orders.listStalled(now - (await settings.get("fulfilment.stuck_after_hours")) * 3_600_000);
    let flagged = 0;
    for (const order of stalled) {
      const since = order.last_progress_at ?? order.placed_at ?? order.paid_at ?? order.created_at;
      await db.transaction().execute(async (trx) => {
        if (!(await orders.move(trx, order.id, "flagStuck", { stuck_flagged_at: now }))) return;
        await notifications.toAdmins(trx, {
          key: "admin-order-stuck",
          vars: { order: order.id, hours: Math.floor((now - since) / 3_600_000), status: order.provider_status ?? "-" },
        });
        flagged++;
      });
    }
    return flagged;
  };

  /**
   * One supplier's orders in progress, a page of the supplier's batch size per call, pausing
   * between calls. Each call's answers are applied in one transaction: one disk flush per call.
   */
  const syncSupplier = async (
    providerId: number,
    onlyIds: readonly number[] | undefined,
    pauseMs: number,
    report: StatusSyncReport,
  ): Promise<void> => {
    const adapter = await providers.adapterFor(providerId);
    let afterId = 0;
    for (let call = 0; ; call++) {
      const page = await orders.pageInProgress(providerId, afterId, adapter.capabilities.statusBatch, onlyIds);
      if (page.length === 0) return;
      afterId = page.at(-1)!.id;
      if (call > 0 && pauseMs > 0) await sleep(pauseMs);
      const services = await catalog.findByIds([...new Set(page.map((o) => o.supplier_service_id ?? o.service_id))]);
      const reports = await adapter.status(
        page.map((o) => ({
          providerOrderId: o.provider_order_id!,
          reference: supplierReference(o),
          providerServiceId: services.get(o.supplier_service_id ?? o.service_id)?.providerServiceId ?? "",
          target: o.target,
          zone: o.zone ?? undefined,
        })),
      );
      report.supplierCalls++;
      const changed = await db.transaction().execute(async (trx) => {
        let count = 0;
        for (const order of page) {
          const entry = reports.get(order.provider_order_id!);
          if (!entry) continue;
          report.checked++;
          if (await applyReport(trx, order, entry)) count++;
        }
        return count;
      });
      report.changed += changed;
    }
  };

  async function sync(onlyIds: readonly number[] | undefined): Promise<StatusSyncReport> {
    const pauseMs = await settings.get("fulfilment.status_pause_ms");
    const report: StatusSyncReport = { checked: 0, changed: 0, supplierCalls: 0, failedSuppliers: 0, flaggedStuck: 0 };
    // Suppliers in parallel, each at its own pace: one supplier's pause (or a slow or failing
    // supplier) never holds up the others.
    await Promise.all(
      (await orders.providersWithOrdersInProgress(onlyIds)).map((providerId) =>
        syncSupplier(providerId, onlyIds, pauseMs, report).catch((error: unknown) => {
          report.failedSuppliers++;
          logger.warn({ err: error, providerId }, "status sync failed for a supplier; will try next round");
        }),
      ),
    );
    if (!onlyIds) report.flaggedStuck = await flagStuck();
    return report;
  }

  return {
    /** Every order in progress, grouped by supplier. */
    syncAll: () => sync(undefined),

    /** Only these orders (a supplier's callback, an admin's "sync order N"). */
    syncOrders: (orderIds: readonly number[]) => sync(orderIds),
  };
}

export type StatusSync = ReturnType<typeof createStatusSync>;
