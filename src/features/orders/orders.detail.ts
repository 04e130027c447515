import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import { describeLedgerEntry, type LedgerDescription } from "../wallet/wallet.entry-kind.js";
import { parseExtras } from "../checkout/checkout.service.js";
import { orderSurroundings } from "./orders.detail.queries.js";
import { REFUNDABLE, TERMINAL_STATUSES } from "./orders.lifecycle.js";
import { refundedSoFar } from "./orders.payments.queries.js";
import { findOrderById, listRefills } from "./orders.repository.js";
import type { OrderRow, OrderStatus } from "./orders.table.js";

/**
 * One order as an admin needs it: the order, who bought it, what is left to refund, what can be
 * done to it now, and a timeline built from what the database knows. The database keeps each
 * moment an order reached (paid, placed, last progress, finished) and every payment, ledger entry,
 * refill and audit entry, but not every intermediate supplier status: progress is the latest one.
 */
export type TimelineEvent =
  | { at: number; kind: "created"; quantity: number; amount: number }
  | { at: number; kind: "invoice"; rail: string; reference: string; amount: number; status: string }
  | { at: number; kind: "paid"; rail: string; reference: string | null; amount: number }
  | { at: number; kind: "placed"; supplier: string | null; providerOrderId: string | null }
  | { at: number; kind: "progress"; providerStatus: string | null; startCount: number | null; remains: number | null }
  | { at: number; kind: "stuck" }
  | { at: number; kind: "cancel_requested" }
  | { at: number; kind: "refill"; status: string; providerRefillId: string | null; error: string | null }
  | {
      at: number;
      kind: "ledger";
      amount: number;
      reason: string;
      reference: string;
      note: string | null;
      description: LedgerDescription;
    }
  /** When fulfilment ended; `status` is the order's status now (a later refund may have changed it). */
  | { at: number; kind: "finished"; status: OrderStatus; providerStatus: string | null; remains: number | null }
  | { at: number; kind: "audit"; action: string; actor: string; reason: string | null };

/** Same-moment events read in the order they happen. */
const RANK: Record<TimelineEvent["kind"], number> = {
  created: 0,
  invoice: 1,
  paid: 2,
  placed: 3,
  progress: 4,
  stuck: 5,
  cancel_requested: 6,
  refill: 7,
  finished: 8,
  ledger: 9,
  audit: 10,
};

export function createOrderDetail(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  return {
    async detail(orderId: number) {
      const order = await findOrderById(db, orderId);
      if (!order) throw new AppError("orders.not_found", `no order #${orderId}`);
      const [{ customer, service, supplier, payments, ledger }, refills, entries, soFar] = await Promise.all([
        orderSurroundings(db, order),
        listRefills(db, orderId, "asc"),
        audit.recent({ subject: `order:${orderId}` }, 200),
        refundedSoFar(db, orderId),
      ]);
      const paid = order.paid_at !== null;
      // A Stars refund counts as everything (refundedSoFar says so with a huge number).
      const refunded = paid ? Math.min(order.amount, soFar) : 0;
      const left = paid ? order.amount - refunded : 0;

      const timeline: TimelineEvent[] = [
        { at: order.created_at, kind: "created", quantity: order.quantity, amount: order.amount },
      ];
      for (const p of payments) {
        if (p.status === "paid" && p.paid_at !== null)
          timeline.push({ at: p.paid_at, kind: "paid", rail: p.gateway, reference: p.reference, amount: p.amount });
        else
          timeline.push({
            at: p.created_at,
            kind: "invoice",
            rail: p.gateway,
            reference: p.reference,
            amount: p.amount,
            status: p.status,
          });
      }
      // Manual orders are paid without a payment row: from the wallet (a purchase entry) or outside the bot.
      if (paid && !payments.some((p) => p.status === "paid")) {
        // The rail says it in words ("from the balance", "outside the bot"); a ledger reference means nothing to a reader.
        timeline.push({
          at: order.paid_at!,
          kind: "paid",
          rail: order.paid_with ?? "unknown",
          reference: null,
          amount: order.amount,
        });
      }
      if (order.placed_at !== null)
        timeline.push({
          at: order.placed_at,
          kind: "placed",
          supplier: supplier?.name ?? null,
          providerOrderId: order.provider_order_id,
        });
      if (order.last_progress_at !== null)
        timeline.push({
          at: order.last_progress_at,
          kind: "progress",
          providerStatus: order.provider_status,
          startCount: order.start_count,
          remains: order.remains,
        });
      if (order.stuck_flagged_at !== null) timeline.push({ at: order.stuck_flagged_at, kind: "stuck" });
      if (order.cancel_requested_at !== null)
        timeline.push({ at: order.cancel_requested_at, kind: "cancel_requested" });
      for (const r of refills)
        timeline.push({
          at: r.created_at,
          kind: "refill",
          status: r.status,
          providerRefillId: r.provider_refill_id,
          error: r.last_error,
        });
      // The purchase debit is the payment above; every other entry (refunds, credits of a second payment) shows.
      for (const e of ledger)
        if (e.reason !== "purchase")
          timeline.push({
            at: e.created_at,
            kind: "ledger",
            amount: e.amount,
            reason: e.reason,
            reference: e.reference,
            note: e.note,
            description: describeLedgerEntry(e),
          });
      if (order.finished_at !== null && TERMINAL_STATUSES.includes(order.status))
        timeline.push({
          at: order.finished_at,
          kind: "finished",
          status: order.status,
          providerStatus: order.provider_status,
          remains: order.remains,
        });
      for (const a of entries)
        timeline.push({ at: a.created_at, kind: "audit", action: a.action, actor: a.actor, reason: a.reason });
      // Creation comes first whatever the stamps say: a manual order is stamped paid a moment before its row is written.
      const first = (e: TimelineEvent) => (e.kind === "created" ? 0 : 1);
      timeline.sort((x, y) => first(x) - first(y) || x.at - y.at || RANK[x.kind] - RANK[y.kind]);

      return {
        order: view(order),
        customer: {
          id: customer.id,
          telegramId: customer.telegram_id,
          username: customer.username,
          firstName: customer.first_name,
        },
        service: service ? { id: service.id, mid: service.mid, name: service.name, mode: service.mode } : null,
        supplier: supplier ? { id: supplier.id, name: supplier.name } : null,
        money: { paid: paid ? order.amount : 0, refunded, leftToRefund: left },
        actions: {
          sync: order.status === "processing" && order.provider_order_id !== null,
          outcome: order.status === "manual" || order.status === "processing" || order.status === "unknown",
          resolve: order.status === "unknown",
          progress: order.is_manual === 1 && (order.status === "manual" || order.status === "processing"),
          retry: order.status === "waiting_funds",
          notes: true,
          refund: REFUNDABLE.includes(order.status) && left > 0,
        },
        timeline,
      };
    },
  };
}

export type OrderDetail = ReturnType<typeof createOrderDetail>;
export type OrderDetailView = Awaited<ReturnType<OrderDetail["detail"]>>;

function view(o: OrderRow) {
  return {
    id: o.id,
    status: o.status,
    isManual: o.is_manual === 1,
    target: o.target,
    zone: o.zone,
    nickname: o.nickname,
    /** What the service type needed beyond target and quantity (comments, usernames, subscription, drip-feed). */
    extras: parseExtras(o.extras),
    quantity: o.quantity,
    amount: o.amount,
    costAmount: o.cost_amount,
    paidWith: o.paid_with,
    providerOrderId: o.provider_order_id,
    providerStatus: o.provider_status,
    startCount: o.start_count,
    remains: o.remains,
    adminNotes: o.admin_notes,
    fundsWaitingSince: o.funds_waiting_since,
    supplierNote: o.supplier_note,
    lastError: o.last_error,
    attempts: o.attempts,
    failovers: o.failovers,
    createdAt: o.created_at,
    paidAt: o.paid_at,
    placedAt: o.placed_at,
    finishedAt: o.finished_at,
    lastStatusCheckAt: o.last_status_check_at,
  };
}
