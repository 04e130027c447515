/** What the orders and customers areas of the admin API answer (src/features/admin/admin.orders.api.ts, admin.customers.api.ts). */
// Shapes the server defines once and sends as they are: read from its source (type-only, erased from the bundle).
export type { OrderListItem } from "../../../src/features/orders/orders.queries";
export type { CustomerListItem } from "../../../src/features/customers/customers.admin";
export type { LedgerEntry } from "../../../src/features/wallet/wallet.service";
import type { LedgerDescription } from "../../../src/features/wallet/wallet.entry-kind";
export type { OrderStatus } from "../../../src/features/orders/orders.lifecycle";
import type { OrderStatus } from "../../../src/features/orders/orders.lifecycle";
export { ORDER_STATUSES } from "./order-statuses.generated";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}


export type TimelineEvent =
  | { at: number; kind: "created"; quantity: number; amount: number }
  | { at: number; kind: "invoice"; rail: string; reference: string; amount: number; status: string }
  | { at: number; kind: "paid"; rail: string; reference: string | null; amount: number }
  | { at: number; kind: "placed"; supplier: string | null; providerOrderId: string | null }
  | { at: number; kind: "progress"; providerStatus: string | null; startCount: number | null; remains: number | null }
  | { at: number; kind: "stuck" }
  | { at: number; kind: "cancel_requested" }
  | { at: number; kind: "refill"; status: string; providerRefillId: string | null; error: string | null }
  | { at: number; kind: "ledger"; amount: number; reason: string; reference: string; note: string | null; description: LedgerDescription }
  | { at: number; kind: "finished"; status: OrderStatus; providerStatus: string | null; remains: number | null }
  | { at: number; kind: "audit"; action: string; actor: string; actorName: string | null; actorRole: StaffRole | null; reason: string | null };

export type StaffRole = "owner" | "admin" | "operator";

export interface OrderDetail {
  order: {
    id: number;
    status: OrderStatus;
    isManual: boolean;
    target: string;
    zone: string | null;
    nickname: string | null;
    extras: OrderExtras | null;
    quantity: number;
    amount: number;
    costAmount: number;
    paidWith: string | null;
    providerOrderId: string | null;
    providerStatus: string | null;
    startCount: number | null;
    remains: number | null;
    adminNotes: string | null;
    supplierNote: string | null;
    lastError: string | null;
    createdAt: number;
    paidAt: number | null;
    lastStatusCheckAt: number | null;
    fundsWaitingSince: number | null;
  };
  customer: { id: number; telegramId: number; username: string | null; firstName: string };
  service: { id: number; mid: number; name: string; mode: string } | null;
  supplier: { id: number; name: string } | null;
  money: { paid: number; refunded: number; leftToRefund: number };
  actions: { sync: boolean; outcome: boolean; resolve: boolean; refund: boolean; progress: boolean; retry: boolean; notes: boolean };
  timeline: TimelineEvent[];
}


export interface CustomerDetail {
  customer: { id: number; telegramId: number; username: string | null; firstName: string; language: "id" | "en"; createdAt: number };
  balance: number;
  paidOrders: number;
  spent: number;
  recentOrders: Array<{ id: number; status: OrderStatus; target: string; quantity: number; amount: number; createdAt: number; isManual: boolean }>;
}


export interface ManualQuote {
  quoteId: string;
  customerId: number;
  service: { mid: number; name: string; mode: string };
  target: string;
  zone: string | null;
  nickname: string | null;
  extras: OrderExtras | null;
  quantity: number;
  amount: number;
  expiresAt: number;
  balance: number;
}

/** What a service type needs beyond target and quantity, as the server stores it (OrderExtras). */
export interface OrderExtras {
  comments?: string[];
  usernames?: string[];
  hashtags?: string[];
  hashtag?: string;
  username?: string;
  media?: string;
  keywords?: string[];
  answerNumber?: number;
  runs?: number;
  interval?: number;
  subscription?: { username: string; min: number; max: number; posts?: number; delay: number; expiry?: string };
}

export type OrderInputName = "comments" | "usernames" | "hashtags" | "hashtag" | "username" | "media" | "keywords" | "answerNumber" | "perPost" | "posts" | "delay" | "expiry";

/** The manual order form of one service: its type's inputs, and whether a quantity is asked. */
export interface ManualForm {
  mid: number;
  name: string;
  type: string;
  quantity: "asked" | "lines" | "package" | "subscription";
  inputs: OrderInputName[];
  dripfeed: boolean;
  min: number;
  max: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  actorName: string | null;
  actorRole: StaffRole | null;
  action: string;
  subject: string;
  reason: string | null;
  changes: Array<{ field: string; before: unknown; after: unknown; changed: boolean; hidden: boolean }>;
}

/** "Budi (@budi_sandbox)", or the Telegram id when there is nothing else. */
export function customerName(c: { firstName: string; username: string | null; telegramId: number }): string {
  const name = c.firstName || String(c.telegramId);
  return c.username ? `${name} (@${c.username})` : name;
}

/** "Ayu (telegram:123)", "Owner (telegram:900001)", or the actor as recorded ("cli", "system"). */
export function actorLabel(t: (key: string) => string, e: { actor: string; actorName: string | null; actorRole: StaffRole | null }): string {
  const who = e.actorName ?? (e.actorRole ? t(`role.${e.actorRole}`) : null);
  return who ? `${who} (${e.actor})` : e.actor;
}
