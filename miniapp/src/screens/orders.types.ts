/** What the orders, customers and audit areas of the admin API answer: the server's contract (type-only, erased from the bundle). */
export type { Page, StaffRole } from "../../../src/features/admin/contracts/common.contract";
export type {
  LedgerDescription,
  ManualForm,
  ManualQuote,
  MoveTarget,
  OrderDetail,
  OrderExtras,
  OrderInputName,
  OrderListItem,
  OrderStatus,
  OrderSynced,
  OrdersSynced,
  SyncReport,
  TimelineEvent,
} from "../../../src/features/admin/contracts/orders.contract";
export type {
  CustomerDetail,
  CustomerListItem,
  LedgerEntry,
  LedgerPage,
} from "../../../src/features/admin/contracts/customers.contract";
export type { AuditEntry } from "../../../src/features/admin/contracts/audit.contract";
import type { StaffRole } from "../../../src/features/admin/contracts/common.contract";
export { ORDER_STATUSES } from "./order-statuses.generated";

/** "Budi (@budi_sandbox)", or the Telegram id when there is nothing else. */
export function customerName(c: { firstName: string; username: string | null; telegramId: number }): string {
  const name = c.firstName || String(c.telegramId);
  return c.username ? `${name} (@${c.username})` : name;
}

/** "Ayu (telegram:123)", "Owner (telegram:900001)", or the actor as recorded ("cli", "system"). */
export function actorLabel(
  t: (key: string) => string,
  e: { actor: string; actorName: string | null; actorRole: StaffRole | null },
): string {
  const who = e.actorName ?? (e.actorRole ? t(`role.${e.actorRole}`) : null);
  return who ? `${who} (${e.actor})` : e.actor;
}
