import { randomId, type Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah, proRataFloor } from "../../shared/money.js";
import { asCount } from "../../shared/text.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Notice, NotificationsService } from "../notifications/notifications.service.js";
import { listOrdersForAdmin, orderPaperTrail } from "./orders.detail.queries.js";
import { REFUNDABLE, type MoveTarget } from "./orders.lifecycle.js";
import type { Refunds } from "./orders.refund-payout.js";
import { setOrderNotes } from "./orders.repository.js";
import type { OrderRow, OrdersService } from "./orders.service.js";
import type { OrderStatus } from "./orders.table.js";

export type UnknownResolution =
  { kind: "placed"; providerOrderId: string } | { kind: "not_placed" } | { kind: "refund" };

export interface ManualOutcome {
  status: MoveTarget<"manualOutcome">;
  remains?: number | undefined;
  startCount?: number | undefined;
  note?: string | undefined;
}

export interface ManualProgress {
  startCount?: number | undefined;
  remains?: number | undefined;
}

/**
 * What these operations need of fulfilment (its placement queue and status sync). Declared here,
 * as the shapes orders asks for, because fulfilment depends on orders and not the other way.
 */
export interface PlacementRequeue {
  requeuePlacement(trx: Db, orderId: number, key: string): Promise<void>;
}
export interface SupplierSync<Report extends { checked: number }> {
  syncAll(): Promise<Report>;
  syncOrders(orderIds: readonly number[]): Promise<Report>;
}

/**
 * What an admin does to orders by hand (CLI today, the Mini App next): look, sync now, decide the
 * fate of an order whose supplier outcome is unknown, refund, or set the outcome of a manual order.
 * Every change is one transaction with its audit entry; refunds never exceed what was paid.
 */
export function createOrderAdmin<Report extends { checked: number }>(deps: {
  db: Db;
  clock: Clock;
  orders: OrdersService;
  fulfilment: PlacementRequeue;
  statusSync: SupplierSync<Report>;
  refunds: Refunds;
  notifications: NotificationsService;
  audit: AuditService;
}) {
  const { db, clock, orders, fulfilment, statusSync, refunds, notifications, audit } = deps;

  const require = async (trx: Db, orderId: number): Promise<OrderRow> => {
    const order = await orders.findById(orderId, trx);
    if (!order) throw new AppError("orders.not_found", `no order #${orderId}`);
    return order;
  };

  return {
    async list(filter: {
      status?: OrderStatus | undefined;
      customerTelegramId?: number | undefined;
      limit?: number | undefined;
    }): Promise<OrderRow[]> {
      return listOrdersForAdmin(db, filter);
    },

    async show(orderId: number) {
      const order = await require(db, orderId);
      return {
        order,
        ...(await orderPaperTrail(db, orderId)),
        audit: await audit.recent({ subject: `order:${orderId}` }),
      };
    },

    /** "Sync now" for every order in progress, or "force sync order N". */
    syncNow: (orderId?: number) => (orderId === undefined ? statusSync.syncAll() : statusSync.syncOrders([orderId])),

    /**
     * An admin's "sync this order now", with its audit entry. The sync commits in its own
     * transactions around the supplier call, so the entry records what changed, written after it.
     */
    async forceSync(orderId: number, actor: string, reason: string) {
      requireReason(reason);
      const before = await require(db, orderId);
      if (before.status !== "processing" || !before.provider_order_id)
        throw new AppError(
          "orders.invalid_state",
          `order #${orderId} is ${before.status}: only an order in progress at a supplier can be synced`,
        );
      const report = await statusSync.syncOrders([orderId]);
      const after = (await orders.findById(orderId))!;
      const seen = (o: OrderRow) => ({
        status: o.status,
        provider_status: o.provider_status,
        start_count: o.start_count,
        remains: o.remains,
      });
      await db.transaction().execute((trx) =>
        audit.record(trx, {
          actor,
          action: "order.sync",
          subject: `order:${orderId}`,
          before: seen(before),
          after: { ...seen(after), supplierAnswered: report.checked > 0 },
          reason,
        }),
      );
      return { report, order: after };
    },

    /**
     * An order whose supplier call may or may not have gone through: the admin checked the
     * supplier's panel and says what happened. Only `unknown` orders can be resolved this way.
     */
    async resolveUnknown(
      orderId: number,
      resolution: UnknownResolution,
      actor: string,
      reason: string,
    ): Promise<OrderRow> {
      requireReason(reason);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const order = await require(trx, orderId);
        if (order.status !== "unknown")
          throw new AppError("orders.invalid_state", `order #${orderId} is ${order.status}, not unknown`);
        let moved: boolean;
        if (resolution.kind === "placed") {
          moved = await orders.move(trx, orderId, "resolveAsPlaced", {
            status: "processing",
            provider_order_id: resolution.providerOrderId,
            placed_at: now,
            last_error: null,
          });
          if (moved)
            await notifications.toCustomer(trx, order.customer_id, {
              key: "order-processing",
              vars: { order: orderId },
            });
        } else if (resolution.kind === "not_placed") {
          // The admin vouches that the supplier has no such order: placing it again is safe.
          moved = await orders.move(trx, orderId, "placeAgain", {
            status: "placing",
            placement_state: "idle",
            attempts: 0,
            last_error: null,
          });
          if (moved) await fulfilment.requeuePlacement(trx, orderId, `resolve:${now}`);
        } else {
          moved = await orders.move(trx, orderId, "resolveByRefund", { status: "refunded", finished_at: now });
          if (moved)
            await refunds.refund(trx, order, {
              amount: order.amount,
              note: `admin: ${reason}`,
              notice: {
                key: "order-refunded",
                vars: { order: orderId, amount: formatRupiah(order.amount), reason: "other" },
              },
            });
        }
        if (!moved)
          throw new AppError("orders.invalid_state", `order #${orderId} changed meanwhile`, {
            text: { key: "orders.changed_meanwhile", params: { order: orderId } },
          });
        await audit.record(trx, {
          actor,
          action: `order.resolve_unknown.${resolution.kind}`,
          subject: `order:${orderId}`,
          before: { status: order.status },
          after: resolution,
          reason,
        });
      });
      return (await orders.findById(orderId))!;
    },

    /**
     * Refunds a paid order to the customer, in full (closing it as refunded) or in part. The total of
     * refunds never exceeds what the customer paid.
     */
    async refund(
      orderId: number,
      input: { amount?: number | undefined; reason: string },
      actor: string,
    ): Promise<{ refunded: number; order: OrderRow }> {
      requireReason(input.reason);
      const now = clock.now();
      const refunded = await db.transaction().execute(async (trx) => {
        const order = await require(trx, orderId);
        if (!REFUNDABLE.includes(order.status))
          throw new AppError("orders.invalid_state", `order #${orderId} is ${order.status}: nothing to refund`);
        const left = order.amount - (await refunds.refundedSoFar(trx, orderId));
        const amount = input.amount ?? left;
        if (!Number.isSafeInteger(amount) || amount <= 0)
          throw new AppError("orders.invalid_input", "the refund amount is a whole number of rupiah above zero", {
            text: { key: "orders.refund_amount" },
          });
        if (amount > left)
          throw new AppError(
            "orders.invalid_input",
            `at most ${formatRupiah(left)} is left to refund on order #${orderId}`,
            { text: { key: "orders.refund_too_much", params: { left, order: orderId } } },
          );
        const closes = amount === left;
        if (
          closes &&
          !(await orders.move(trx, orderId, "adminRefund", {
            status: "refunded",
            finished_at: order.finished_at ?? now,
          }))
        )
          throw new AppError("orders.invalid_state", `order #${orderId} changed meanwhile`, {
            text: { key: "orders.changed_meanwhile", params: { order: orderId } },
          });
        await refunds.refund(trx, order, {
          amount,
          note: `admin: ${input.reason}`,
          reference: `refund:order:${orderId}:admin:${randomId("", 8)}`,
          notice: { key: "order-refunded-admin", vars: { order: orderId, amount: formatRupiah(amount) } },
        });
        await audit.record(trx, {
          actor,
          action: "order.refund",
          subject: `order:${orderId}`,
          before: { status: order.status, refundable: left },
          after: { refunded: amount, status: closes ? "refunded" : order.status },
          reason: input.reason,
        });
        return amount;
      });
      return { refunded, order: (await orders.findById(orderId))! };
    },

    /**
     * A manual order under way: it moves to `processing` (the customer is told once), and the admin
     * records the start count and what remains as the work goes on. Only manual orders: an order at
     * a supplier gets its progress from the supplier.
     */
    async setProgress(orderId: number, progress: ManualProgress, actor: string, reason: string): Promise<OrderRow> {
      requireReason(reason);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const order = await require(trx, orderId);
        if (order.is_manual !== 1 || (order.status !== "manual" && order.status !== "processing"))
          throw new AppError(
            "orders.invalid_state",
            `order #${orderId} is ${order.status}: only a manual order in progress takes progress by hand`,
          );
        if (
          progress.remains !== undefined &&
          (!Number.isInteger(progress.remains) || progress.remains < 0 || progress.remains > order.quantity)
        ) {
          throw new AppError("orders.invalid_input", `what remains is between 0 and the quantity, ${order.quantity}`);
        }
        if (progress.startCount !== undefined && (!Number.isInteger(progress.startCount) || progress.startCount < 0))
          throw new AppError("orders.invalid_input", "the start count is a whole number, 0 or more");
        const remains = progress.remains ?? order.remains;
        const moved = await orders.move(trx, orderId, "manualProgress", {
          status: "processing",
          start_count: progress.startCount ?? order.start_count,
          remains,
          last_progress_at: now,
          stuck_flagged_at: null,
          placed_at: order.placed_at ?? now,
        });
        if (!moved) throw new AppError("orders.invalid_state", `order #${orderId} changed meanwhile`);
        await notifications.toCustomer(trx, order.customer_id, {
          key: "order-progress-manual",
          vars: { order: orderId, remains: remains ?? "none" },
        });
        await audit.record(trx, {
          actor,
          action: "order.progress",
          subject: `order:${orderId}`,
          before: { status: order.status, startCount: order.start_count, remains: order.remains },
          after: { status: "processing", startCount: progress.startCount ?? order.start_count, remains },
          reason,
        });
      });
      return (await orders.findById(orderId))!;
    },

    /** The admin's notes on an order, edited on their own (no state change, no message to the customer). */
    async setNotes(orderId: number, notes: string, actor: string): Promise<OrderRow> {
      const text = notes.trim();
      if (text.length > 2_000) throw new AppError("orders.invalid_input", "notes are at most 2000 characters");
      await db.transaction().execute(async (trx) => {
        const order = await require(trx, orderId);
        await setOrderNotes(trx, orderId, text === "" ? null : text, clock.now());
        await audit.record(trx, {
          actor,
          action: "order.notes",
          subject: `order:${orderId}`,
          before: { notes: order.admin_notes },
          after: { notes: text === "" ? null : text },
          reason: null,
        });
      });
      return (await orders.findById(orderId))!;
    },

    /** The outcome of a manual order (or a correction by hand), with the refund it implies. */
    async setOutcome(orderId: number, outcome: ManualOutcome, actor: string, reason: string): Promise<OrderRow> {
      requireReason(reason);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const order = await require(trx, orderId);
        if (order.status !== "manual" && order.status !== "processing" && order.status !== "unknown")
          throw new AppError(
            "orders.invalid_state",
            `order #${orderId} is ${order.status}; only manual, processing or unknown orders take an outcome`,
          );
        if (
          outcome.status === "partial" &&
          (!Number.isInteger(outcome.remains) || outcome.remains! < 1 || outcome.remains! >= order.quantity)
        ) {
          throw new AppError(
            "orders.invalid_input",
            `a partial outcome needs how many were not delivered: between 1 and ${order.quantity - 1}`,
            { text: { key: "orders.partial_remains", params: { max: order.quantity - 1 } } },
          );
        }
        const remains =
          outcome.status === "completed" ? 0 : outcome.status === "canceled" ? order.quantity : outcome.remains!;
        const moved = await orders.move(trx, orderId, "manualOutcome", {
          status: outcome.status,
          remains,
          start_count: outcome.startCount ?? order.start_count,
          admin_notes: outcome.note ?? order.admin_notes,
          finished_at: now,
        });
        if (!moved)
          throw new AppError("orders.invalid_state", `order #${orderId} changed meanwhile`, {
            text: { key: "orders.changed_meanwhile", params: { order: orderId } },
          });
        if (outcome.status === "completed")
          await notifications.toCustomer(trx, order.customer_id, { key: "order-completed", vars: { order: orderId } });
        else {
          const amount =
            outcome.status === "canceled" ? order.amount : proRataFloor(order.amount, remains, order.quantity);
          const notice: Notice =
            outcome.status === "canceled"
              ? { key: "order-canceled-admin", vars: { order: orderId, amount: formatRupiah(amount) } }
              : {
                  key: "order-partial",
                  vars: { order: orderId, remains: asCount(remains), amount: formatRupiah(amount) },
                };
          await refunds.refund(trx, order, { amount, note: `admin set ${outcome.status}: ${reason}`, notice });
        }
        await audit.record(trx, {
          actor,
          action: "order.set_outcome",
          subject: `order:${orderId}`,
          before: { status: order.status, remains: order.remains },
          after: { ...outcome, remains },
          reason,
        });
      });
      return (await orders.findById(orderId))!;
    },
  };
}

/** The admin operations with the report type of the status sync they were given. */
export type OrderAdmin<Report extends { checked: number } = { checked: number }> = ReturnType<
  typeof createOrderAdmin<Report>
>;

function requireReason(reason: string): void {
  if (!reason.trim())
    throw new AppError("orders.invalid_input", "say why: every admin change to an order is recorded with its reason", {
      text: { key: "input.reason_required" },
    });
}
