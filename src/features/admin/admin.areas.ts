import type { AdminApiDeps, AdminRouter } from "./admin.api.js";
import { auditArea } from "./admin.audit.api.js";
import { customersArea } from "./admin.customers.api.js";
import { dashboardArea } from "./admin.dashboard.api.js";
import { importArea } from "./admin.import.api.js";
import { ordersArea } from "./admin.orders.api.js";
import { pricingArea } from "./admin.pricing.api.js";
import { servicesArea } from "./admin.services.api.js";
import { suppliersArea } from "./admin.suppliers.api.js";
import { settingsArea } from "./admin.settings.api.js";
import { textsArea } from "./admin.texts.api.js";
import { handoffsArea } from "./admin.handoffs.api.js";
import { broadcastsArea } from "./admin.broadcasts.api.js";
import { staffArea } from "./admin.staff.api.js";

/**
 * The admin API's areas, each in its own file (admin.<area>.api.ts) adding its routes to the
 * shared router. One line per area here keeps the list in one place.
 */
export type AdminArea = (api: AdminRouter, deps: AdminApiDeps) => void;

export const ADMIN_AREAS: AdminArea[] = [
  ordersArea,
  customersArea,
  auditArea,
  dashboardArea,
  suppliersArea,
  importArea,
  servicesArea,
  pricingArea,
  settingsArea,
  textsArea,
  handoffsArea,
  broadcastsArea,
  staffArea,
];
