import type { Generated, Selectable } from "kysely";

export type RefillState = "requested" | "pending" | "in_progress" | "completed" | "rejected";

export interface RefillTable {
  id: Generated<number>;
  order_id: number;
  provider_refill_id: string | null;
  status: RefillState;
  raw_status: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export type RefillRow = Selectable<RefillTable>;
