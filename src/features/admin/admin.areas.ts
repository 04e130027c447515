import type { Container } from "../../container.js";
import type { AdminRouter } from "./admin.api.js";
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
 * An admin API area (admin.<area>.api.ts) adds its routes to the shared router, given only the
 * services it names in its deps type: never the database, the configuration or a repository.
 */
export type AdminArea<Deps> = (api: AdminRouter, deps: Deps) => void;

/** The services an area may be given: the container's, without the database and what only wiring touches. */
export type AdminServices = Omit<
  Container,
  "db" | "database" | "config" | "logger" | "http" | "masterKey" | "telegram" | "worker" | "close"
>;

type Registration = (api: AdminRouter, services: AdminServices) => void;

/** Gives an area exactly the services listed (a name its deps type needs but the list lacks does not compile). */
function area<K extends keyof AdminServices>(
  register: AdminArea<Pick<AdminServices, K>>,
  needs: readonly K[],
): Registration {
  return (api, services) =>
    register(api, Object.fromEntries(needs.map((name) => [name, services[name]])) as Pick<AdminServices, K>);
}

/** Every area with the services it is given: the one place they are chosen. */
export const ADMIN_AREAS: Registration[] = [
  area(ordersArea, ["orderQueries", "orderDetail", "manualOrders", "orderAdmin", "supplierFunds", "admins", "audit"]),
  area(customersArea, ["customerDirectory", "walletAdmin"]),
  area(auditArea, ["audit", "admins"]),
  area(dashboardArea, ["adminStats", "providers"]),
  area(suppliersArea, ["providers", "catalog"]),
  area(importArea, ["importTasks", "catalog"]),
  area(servicesArea, ["catalog", "catalogManagement", "providers"]),
  area(pricingArea, ["catalog", "catalogManagement", "providers"]),
  area(settingsArea, ["settingsAdmin", "gateways", "gatewaySettings"]),
  area(textsArea, ["botTexts", "faqAdmin"]),
  area(handoffsArea, ["handoff", "customers", "transcripts", "admins"]),
  area(broadcastsArea, ["broadcasts", "admins"]),
  area(staffArea, ["admins"]),
];
