import type { Generated, Insertable, Selectable, Updateable } from "kysely";

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
  cost_per_1000: number;
  price_per_1000: number;
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
