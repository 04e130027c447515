/**
 * What the dashboard, suppliers, import and services areas of the admin API answer
 * (src/features/admin/admin.{dashboard,suppliers,import,services}.api.ts). Money is whole rupiah.
 */
// Shapes the server defines once and sends as they are: read from its source (type-only, erased from the bundle).
import type { TopService, WindowName } from "../../../src/features/admin/admin.stats.service";
export type { TopService, WindowName };
/** One page of a list the server pages (`page` counts from 0). */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}


export interface DashboardStats {
  generatedAt: number;
  windows: Record<WindowName, { from: number; revenue: number; profit: number; paidOrders: number; byStatus: Record<string, number>; topByRevenue: TopService[]; topByCount: TopService[] }>;
  daily: Array<{ day: string; revenue: number; profit: number; orders: number }>;
}

export interface BalanceCheck {
  id: number;
  name: string;
  ok: boolean;
  balance: { balance: string; currency: string } | null;
  latencyMs: number;
  message: string;
}

export type SupplierKind = "smm-v2" | "indo-panel" | "vip-reseller" | "digiflazz";

export interface Supplier {
  id: number;
  name: string;
  kind: SupplierKind;
  apiUrl: string;
  currency: string;
  rateToIdr: string;
  options: { panel?: string; priceTier?: string; idempotencyParam?: string; testing?: boolean };
  active: boolean;
  isSandbox: boolean;
  /** Rupiah: admins are alerted when the supplier's balance falls below it (null: no alert). */
  lowBalanceThreshold: number | null;
  lastTest: { at: number; ok: boolean; message: string; latencyMs: number | null; balance: string | null } | null;
  /** Why the supplier is held off sale because of its currency (null problem: it is not). */
  currencyCheck?: { problem: "mismatch" | "no_rate" | "unverified" | "needs_import" | null; reported: string | null; checkedAt: number | null; message: string | null };
}

export interface CatalogSync {
  id: number;
  provider_id: number;
  trigger: string;
  started_at: number;
  finished_at: number | null;
  received: number;
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
  repriced: number;
  disabled_below_cost: number;
  skipped: number;
  error: string | null;
}

export interface SupplierKey {
  field: string;
  required: boolean;
  set: boolean;
  masked: string | null;
}

export interface KindInfo {
  kind: SupplierKind;
  required: string[];
  fields: string[];
}

export interface ImportProgress {
  phase: "fetching" | "validating" | "writing" | "done";
  fetched: number;
  validated: number;
  skipped: number;
  written: number;
  total: number;
}

export interface SkippedRow {
  row: number;
  providerServiceId?: string;
  code: string;
  reason: string;
}

export interface ImportReport {
  provider: string;
  received: number;
  imported: number;
  updated: number;
  unchanged: number;
  removed: number;
  repriced: number;
  disabledBelowCost: number;
  skipped: SkippedRow[];
  newServices: "sale" | "review";
  underReview: number;
}

export interface ImportTask {
  id: string;
  providerId: number;
  provider: string;
  state: "running" | "done" | "failed";
  progress: ImportProgress;
  percent: number;
  startedAt: number;
  finishedAt: number | null;
  report: ImportReport | null;
  error: string | null;
  newServices: "sale" | "review";
  newServicesChosen: boolean;
}

export interface ServiceListItem {
  mid: number;
  name: string;
  platform: string;
  category: string;
  supplier: string | null;
  unitPrice: number;
  unitCost: number;
  unitSize: number;
  fixedPrice: number | null;
  margin: { percent: string; scope: "service" | "category" | "provider" | "default" };
  status: ServiceStatus;
  active: boolean;
  disabledReason: string | null;
  removed: boolean;
  mode: "auto" | "manual";
}

/** Where a service stands for customers (the list's per-row status). */
export type ServiceStatus = "sale" | "review" | "below_cost" | "backup" | "hidden";

/** GET /pricing/margins: the default, each supplier's and each category's margin (null: none of its own). */
export interface Margins {
  default: string;
  suppliers: Array<{ id: number; name: string; margin: string | null }>;
  categories: Array<{ category: string; platforms: string[]; count: number; margin: string | null }>;
}

export interface ServiceDetail {
  service: {
    id: number;
    mid: number;
    name: string;
    description: string;
    category: string;
    platform: string;
    providerServiceId: string;
    supplier: string | null;
    min: number;
    max: number;
    unitPrice: number;
    unitCost: number;
    unitSize: number;
    priceOverride: number | null;
    nameOverridden: boolean;
    descriptionOverridden: boolean;
    disabledReason: string | null;
    removed: boolean;
    mode: "auto" | "manual";
    active: boolean;
    status: ServiceStatus;
  };
  margin: { percent: string; scope: "service" | "category" | "provider" | "default" };
  backups: ServiceListItem[];
  /** The supplier's own cost when it prices in another currency (unitCost is it in rupiah). */
  supplierCost: { amount: string; currency: string; rateToIdr: string } | null;
  /** Look-alikes at other suppliers, offered when this service is not on sale: keep it as their backup. */
  twins: Array<ServiceListItem & { similarity: number }>;
}

export interface Facets {
  platforms: Array<{ platform: string; count: number; categories: Array<{ category: string; count: number }> }>;
  suppliers: Array<{ id: number; name: string }>;
}

/** Why a service is not sold, as an i18n key (null when it is sold). */
export function offReasonKey(s: { active: boolean; removed: boolean; disabledReason: string | null }): string | null {
  if (s.active) return null;
  if (s.removed) return "service.off.removed";
  if (s.disabledReason === "admin" || s.disabledReason === "below_cost" || s.disabledReason === "unavailable" || s.disabledReason === "supplier_currency" || s.disabledReason === "review" || s.disabledReason === "backup") return `service.off.${s.disabledReason}`;
  return "service.off.supplier";
}

/** A supplier's balance as it sent it (a decimal string): rupiah shown whole, other currencies as sent. */
export function balanceText(balance: { balance: string; currency: string }, rupiah: (amount: number) => string): string {
  const whole = /^-?\d+/.exec(balance.balance.trim())?.[0];
  if (balance.currency === "IDR" && whole !== undefined && whole.length <= 15) return rupiah(Number(whole));
  return `${balance.balance} ${balance.currency}`.trim();
}
