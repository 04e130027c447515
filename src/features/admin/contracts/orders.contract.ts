/** The orders area of the admin API (admin.orders.api.ts): the list, one order, its operations, manual orders. */
import type { MoveTarget, OrderStatus } from "../../orders/orders.lifecycle.js";
import type { OrderDetailView, TimelineEvent as OrderEvent } from "../../orders/orders.detail.js";
import type { OrderListItem } from "../../orders/orders.queries.js";
import type { ManualOrders } from "../../orders/orders.manual.js";
import type { OrderInput } from "../../catalog/catalog.order-forms.js";
import type { OrderExtras } from "../../providers/provider.types.js";
import type { StatusSyncReport } from "../../fulfilment/fulfilment.status-sync.js";
import type { LedgerDescription } from "../../wallet/wallet.entry-kind.js";
import type { Page, StaffRole } from "./common.contract.js";

export type { MoveTarget, OrderStatus, OrderListItem, OrderExtras, LedgerDescription };

/** GET /orders */
export type OrderPage = Page<OrderListItem>;

/** A timeline event; audit entries also name the staff member who acted, when known. */
export type TimelineEvent =
  | Exclude<OrderEvent, { kind: "audit" }>
  | (Extract<OrderEvent, { kind: "audit" }> & { actorName: string | null; actorRole: StaffRole | null });

/** GET /orders/:id, and the answer of every operation on one order. */
export type OrderDetail = Omit<OrderDetailView, "timeline"> & { timeline: TimelineEvent[] };

/** What a status sync found (one order or all in progress). */
export type SyncReport = StatusSyncReport;

/** POST /orders/:id/sync */
export interface OrderSynced {
  report: SyncReport;
  detail: OrderDetail;
}

/** POST /orders/sync-all */
export interface OrdersSynced {
  report: SyncReport;
}

/** POST /orders/:id/refund */
export interface OrderRefunded {
  refunded: number;
  detail: OrderDetail;
}

/** An input a service type asks for beyond target and quantity (the manual order form's fields). */
export type OrderInputName = OrderInput;

/** GET /orders/manual/form/:mid: the form of one service, its type's inputs and whether a quantity is asked. */
export type ManualForm = Awaited<ReturnType<ManualOrders["form"]>>;

/** POST /orders/manual/quote: the stored quote and what the customer's wallet holds. */
export type ManualQuote = Awaited<ReturnType<ManualOrders["quote"]>>;
