/** The dashboard area of the admin API (admin.dashboard.api.ts). Money is whole rupiah. */
import type { DashboardStats, TopService, WindowName } from "../admin.stats.service.js";
import type { BalanceCheck } from "../../providers/providers.service.js";

/** GET /dashboard */
export type { DashboardStats, TopService, WindowName, BalanceCheck };

/** GET /dashboard/balances */
export interface SupplierBalances {
  suppliers: BalanceCheck[];
}
