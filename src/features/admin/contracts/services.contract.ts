/** The services area of the admin API (admin.services.api.ts). Prices are whole rupiah per `unitSize` units. */
import type { Service } from "../../catalog/catalog.service.js";
import type { Page } from "./common.contract.js";

/** Where a service stands for customers, in one word: on sale, waiting for review, under cost, a backup, hidden. */
export type ServiceStatus = "sale" | "review" | "below_cost" | "backup" | "hidden";

/** Which rule decides a service's margin: its own, its category's, its supplier's or the shop's default. */
export interface MarginSource {
  percent: string;
  scope: "service" | "category" | "provider" | "default";
}

/** A list row: what the admin scans for, cost and margin beside the price. */
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
  margin: MarginSource;
  status: ServiceStatus;
  active: boolean;
  disabledReason: string | null;
  removed: boolean;
  mode: Service["mode"];
}

/** GET /services */
export type ServicePage = Page<ServiceListItem>;

/** GET /services/:mid, and the answer of every change to one service. */
export interface ServiceDetail {
  service: Service & { supplier: string | null; status: ServiceStatus };
  /** The supplier's own cost when it prices in another currency (unitCost is it in rupiah). */
  supplierCost: { amount: string; currency: string; rateToIdr: string } | null;
  margin: MarginSource;
  backups: ServiceListItem[];
  /** Look-alikes at other suppliers, offered when this service is not on sale: keep it as their backup. */
  twins: Array<ServiceListItem & { similarity: number }>;
}

/** GET /services/facets: platforms with their categories, and the suppliers, for the list's filters. */
export interface Facets {
  platforms: Array<{ platform: string; count: number; categories: Array<{ category: string; count: number }> }>;
  suppliers: Array<{ id: number; name: string }>;
}

/** POST /services/bulk: the services changed, and the ones refused with why. */
export interface BulkResult {
  changed: number[];
  refused: Array<{ mid: number; code: string; message: string }>;
}
