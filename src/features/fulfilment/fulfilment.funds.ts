import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah, multiplyDecimals, parseDecimal } from "../../shared/money.js";
import type { AuditService } from "../audit/audit.service.js";
import type { NotificationsService } from "../notifications/notifications.service.js";
import type { Refunds } from "../orders/orders.refund-payout.js";
import type { OrderRow, OrdersService } from "../orders/orders.service.js";
import type { ProviderRow } from "../providers/providers.table.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { suppliersToCheckForFunds } from "./fulfilment.queries.js";
import {
  clearLowBalanceAlert,
  clearOutOfFundsAlert,
  markLowBalanceAlerted,
  recordSupplierBalance,
} from "./fulfilment.repository.js";
import type { FulfilmentService } from "./fulfilment.service.js";

export interface FundsCheckReport {
  /** Orders sent back to placement because their supplier's balance covers them again. */
  resumed: number;
  /** Orders refunded because they waited past the shop's deadline. */
  refunded: number;
  lowBalanceAlerts: number;
  failedSuppliers: number;
}

export interface SupplierFundsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  orders: OrdersService;
  providers: ProvidersService;
  fulfilment: Pick<FulfilmentService, "requeuePlacement">;
  refunds: Refunds;
  notifications: NotificationsService;
  settings: SettingsService;
  audit: AuditService;
}

const HOUR = 3_600_000;

/**
 * Orders waiting because their supplier ran out of funds (`waiting_funds`, entered by the placement
 * job). On a schedule: orders past the shop's deadline are refunded; every supplier with waiting
 * orders or a low-balance threshold is asked for its balance; waiting orders are resumed, oldest
 * first, as far as the balance (in rupiah) covers their cost. Every move is a guarded transition,
 * so a resume and a refund racing for one order, or two checks at once, leave exactly one of them.
 */
export function createSupplierFunds(deps: SupplierFundsDeps) {
  const { db, clock, logger, orders, providers, fulfilment, refunds, notifications, settings, audit } = deps;

  /** Back to `paid` with a fresh placement job, in the caller's transaction; false if it moved meanwhile. */
  const resume = async (trx: Db, order: OrderRow): Promise<boolean> => {
    const now = clock.now();
    // funds_waiting_since stays: should the supplier still be short, the deadline counts from the first wait.
    if (!(await orders.move(trx, order.id, "fundsResumed", { status: "paid", placement_state: "idle", attempts: 0 })))
      return false;
    await fulfilment.requeuePlacement(trx, order.id, `funds:${now}`);
    return true;
  };

  const refundOverdue = async (): Promise<number> => {
    const now = clock.now();
    const deadline = now - (await settings.get("fulfilment.funds_wait_hours")) * HOUR;
    const overdue = await orders.listWaitingFunds({ since: { atOrBefore: deadline } });
    let refunded = 0;
    for (const order of overdue) {
      await db.transaction().execute(async (trx) => {
        if (!(await orders.move(trx, order.id, "fundsDeadlineRefund", { status: "refunded", finished_at: now })))
          return;
        await refunds.refund(trx, order, {
          amount: order.amount,
          note: "supplier out of funds past the shop's deadline",
          notice: {
            key: "order-refunded",
            vars: { order: order.id, amount: formatRupiah(order.amount), reason: "other" },
          },
        });
        await notifications.toAdmins(trx, {
          key: "admin-order-funds-refunded",
          vars: { order: order.id, amount: formatRupiah(order.amount) },
        });
        refunded++;
      });
    }
    if (refunded > 0) logger.warn({ refunded }, "orders refunded after waiting too long for supplier funds");
    return refunded;
  };

  /** One supplier: its balance in rupiah, the low-balance alert, and the waiting orders it covers. */
  const checkSupplier = async (row: ProviderRow, report: FundsCheckReport): Promise<void> => {
    const balance = await (await providers.adapterFor(row.id)).balance();
    const rupiah = balanceInRupiah(balance.balance, row.rate_to_idr);
    const now = clock.now();
    await recordSupplierBalance(db, row.id, `${balance.balance} ${balance.currency}`.trim());

    if (row.low_balance_threshold !== null) {
      const low = rupiah < row.low_balance_threshold;
      await db.transaction().execute(async (trx) => {
        if (low && row.low_balance_alerted_at === null) {
          await markLowBalanceAlerted(trx, row.id, now);
          await notifications.toAdmins(trx, {
            key: "admin-supplier-low-balance",
            vars: {
              supplier: row.name,
              balance: formatRupiah(rupiah),
              threshold: formatRupiah(row.low_balance_threshold!),
            },
          });
          report.lowBalanceAlerts++;
        } else if (!low && row.low_balance_alerted_at !== null) {
          // Topped up: the next fall below the threshold alerts again.
          await clearLowBalanceAlert(trx, row.id);
        }
      });
    }

    const waiting = await orders.listWaitingFunds({ providerId: row.id });
    let budget = rupiah;
    let resumed = 0;
    for (const order of waiting) {
      // Oldest first, and no overtaking: a small order never jumps a big one the balance cannot cover yet.
      if (order.cost_amount > budget) break;
      if (await db.transaction().execute((trx) => resume(trx, order))) resumed++;
      budget -= order.cost_amount;
    }
    report.resumed += resumed;
    // Funds again (everything waiting resumed, and money left when nothing waited, e.g. after a failover).
    if (resumed === waiting.length && (resumed > 0 || rupiah > 0) && row.out_of_funds_alerted_at !== null) {
      await db.transaction().execute(async (trx) => {
        await clearOutOfFundsAlert(trx, row.id);
        if (resumed > 0)
          await notifications.toAdmins(trx, {
            key: "admin-supplier-funds-back",
            vars: { supplier: row.name, count: resumed },
          });
      });
    }
    if (resumed > 0)
      logger.info(
        { providerId: row.id, resumed, waiting: waiting.length },
        "supplier has funds again; waiting orders resumed",
      );
  };

  return {
    /** The scheduled check: refunds past the deadline first, then every relevant supplier in parallel. */
    async checkAll(): Promise<FundsCheckReport> {
      const report: FundsCheckReport = {
        resumed: 0,
        refunded: await refundOverdue(),
        lowBalanceAlerts: 0,
        failedSuppliers: 0,
      };
      const rows = await suppliersToCheckForFunds(db);
      await Promise.all(
        rows.map((row) =>
          checkSupplier(row, report).catch((error: unknown) => {
            report.failedSuppliers++;
            logger.warn(
              { err: error, providerId: row.id },
              "cannot read a supplier's balance; orders keep waiting until the next check",
            );
          }),
        ),
      );
      return report;
    },

    /**
     * An admin's "retry now" for an order waiting for funds (they topped the supplier up and do
     * not want to wait for the schedule). If the supplier is still short, the order waits again.
     */
    async retry(orderId: number, actor: string, reason: string): Promise<OrderRow> {
      if (!reason.trim())
        throw new AppError(
          "orders.invalid_input",
          "say why: every admin change to an order is recorded with its reason",
        );
      await db.transaction().execute(async (trx) => {
        const order = await orders.findById(orderId, trx);
        if (!order) throw new AppError("orders.not_found", `no order #${orderId}`);
        if (order.status !== "waiting_funds")
          throw new AppError(
            "orders.invalid_state",
            `order #${orderId} is ${order.status}: only an order waiting for supplier funds can be retried`,
          );
        if (!(await resume(trx, order)))
          throw new AppError("orders.invalid_state", `order #${orderId} changed meanwhile`);
        await audit.record(trx, {
          actor,
          action: "order.retry_funds",
          subject: `order:${orderId}`,
          before: { status: order.status },
          after: { status: "paid" },
          reason,
        });
      });
      return (await orders.findById(orderId))!;
    },
  };
}

export type SupplierFunds = ReturnType<typeof createSupplierFunds>;

/** A balance in the supplier's currency, in whole rupiah rounded down (the shop assumes less money); 0 when unreadable or negative. */
export function balanceInRupiah(balance: string, rateToIdr: string): number {
  const amount = parseDecimal(balance);
  const rate = parseDecimal(rateToIdr);
  if (!amount || !rate) return 0;
  const product = multiplyDecimals(amount, rate);
  if (product.units <= 0n) return 0;
  const whole = product.units / 10n ** BigInt(product.scale);
  return whole > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(whole);
}
