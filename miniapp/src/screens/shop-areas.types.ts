/**
 * What the dashboard, suppliers, import, services and pricing areas of the admin API answer: the
 * server's contract (type-only, erased from the bundle). Money is whole rupiah.
 */
export type { Page as Paged } from "../../../src/features/admin/contracts/common.contract";
export type {
  BalanceCheck,
  DashboardStats,
  SupplierBalances,
  TopService,
  WindowName,
} from "../../../src/features/admin/contracts/dashboard.contract";
export type {
  CatalogSync,
  KindInfo,
  Supplier,
  SupplierKey,
  SupplierKeys,
  SupplierKind,
  SupplierKinds,
  SupplierList,
  SupplierOverview,
  SupplierSaved,
  SupplierTest,
  SupplierTested,
} from "../../../src/features/admin/contracts/suppliers.contract";
export type {
  ImportOverview,
  ImportProgress,
  ImportReport,
  ImportTask,
  SkippedRow,
} from "../../../src/features/admin/contracts/imports.contract";
export type {
  BulkResult,
  Facets,
  ServiceDetail,
  ServiceListItem,
  ServiceStatus,
} from "../../../src/features/admin/contracts/services.contract";
export type {
  MarginPreview,
  Margins,
  MarginsSaved,
  MarginTarget,
} from "../../../src/features/admin/contracts/pricing.contract";

/** Why a service is not sold, as an i18n key (null when it is sold). */
export function offReasonKey(s: { active: boolean; removed: boolean; disabledReason: string | null }): string | null {
  if (s.active) return null;
  if (s.removed) return "service.off.removed";
  if (
    s.disabledReason === "admin" ||
    s.disabledReason === "below_cost" ||
    s.disabledReason === "unavailable" ||
    s.disabledReason === "supplier_currency" ||
    s.disabledReason === "review" ||
    s.disabledReason === "backup"
  )
    return `service.off.${s.disabledReason}`;
  return "service.off.supplier";
}

/** A supplier's balance as it sent it (a decimal string): rupiah shown whole, other currencies as sent. */
export function balanceText(
  balance: { balance: string; currency: string },
  rupiah: (amount: number) => string,
): string {
  const whole = /^-?\d+/.exec(balance.balance.trim())?.[0];
  if (balance.currency === "IDR" && whole !== undefined && whole.length <= 15) return rupiah(Number(whole));
  return `${balance.balance} ${balance.currency}`.trim();
}
