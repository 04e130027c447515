import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { TargetKind } from "./catalog.games.js";

export interface ServiceTable {
  id: Generated<number>;
  mid: number;
  provider_id: number;
  provider_service_id: string;
  name: string;
  category: string;
  platform: string;
  kind: string;
  type: string;
  description: string;
  min_quantity: number;
  max_quantity: number;
  cost_rate: string;
  /** Rupiah per `unit_size` units (1000 for SMM services, 1 for top-ups). */
  unit_cost: number;
  unit_price: number;
  unit_size: Generated<number>;
  target_kind: Generated<TargetKind>;
  zone_required: Generated<number>;
  brand: Generated<string>;
  refill_days: number | null;
  speed: string | null;
  price_override: number | null;
  /** An admin's own name/description: a re-sync keeps them instead of the supplier's text. */
  name_override: string | null;
  description_override: string | null;
  /**
   * Why it is not sold. "review": brought in by an import that asked an admin to look first;
   * "backup": kept off the shelf as another service's backup supplier (fulfilment may still use it).
   */
  disabled_reason: "admin" | "below_cost" | "unavailable" | "review" | "backup" | null;
  refill: number;
  cancel: number;
  dripfeed: number;
  mode: Generated<"auto" | "manual">;
  active: Generated<number>;
  removed_at: number | null;
  created_at: number;
  updated_at: number;
}

export type ServiceRow = Selectable<ServiceTable>;
export type NewServiceRow = Insertable<ServiceTable>;
export type ServiceUpdate = Updateable<ServiceTable>;

export interface PriceRuleTable {
  id: Generated<number>;
  scope: "provider" | "category" | "service";
  provider_id: number | null;
  category: string | null;
  service_id: number | null;
  margin_percent: string;
  created_at: number;
  updated_at: number;
}

export type PriceRuleRow = Selectable<PriceRuleTable>;

export interface ServiceBackupTable {
  id: Generated<number>;
  service_id: number;
  backup_service_id: number;
  priority: number;
  created_at: number;
}

export interface CatalogSyncTable {
  id: Generated<number>;
  provider_id: number;
  trigger: string;
  started_at: number;
  finished_at: number | null;
  received: Generated<number>;
  imported: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  removed: Generated<number>;
  repriced: Generated<number>;
  disabled_below_cost: Generated<number>;
  skipped: Generated<number>;
  error: string | null;
}
