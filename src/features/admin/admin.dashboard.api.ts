import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import type { DashboardStats, SupplierBalances } from "./contracts/dashboard.contract.js";

/** Each supplier gets this long to say its balance; a slow one shows as such, the rest still show. */
const BALANCE_TIMEOUT_MS = 4_000;

/** The services this area is given (admin.areas.ts). */
export type DashboardAreaDeps = Pick<AdminServices, "adminStats" | "providers">;

/**
 * The dashboard (view): revenue, profit and orders for today / 7 / 30 days with the daily series
 * and top services (definitions in admin.stats.service.ts), and supplier balances on their own
 * route, so the numbers show at once while suppliers answer.
 */
export const dashboardArea: AdminArea<DashboardAreaDeps> = (api, deps) => {
  api.get("/dashboard", requirePermission("view"), async (c) =>
    c.json((await deps.adminStats.dashboard()) satisfies DashboardStats),
  );

  api.get("/dashboard/balances", requirePermission("view"), async (c) =>
    c.json({ suppliers: await deps.providers.checkBalances(BALANCE_TIMEOUT_MS) } satisfies SupplierBalances),
  );
};
