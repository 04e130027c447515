import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface ProviderTable {
  id: Generated<number>;
  name: string;
  kind: string;
  api_url: string;
  credentials: string;
  options: Generated<string>;
  currency: Generated<string>;
  rate_to_idr: Generated<string>;
  active: Generated<number>;
  is_sandbox: Generated<number>;
  last_test_at: number | null;
  last_test_ok: number | null;
  last_test_message: string | null;
  last_test_latency_ms: number | null;
  last_balance: string | null;
  /** Rupiah: admins are alerted when the supplier's balance falls below it (null: never). */
  low_balance_threshold: number | null;
  low_balance_alerted_at: number | null;
  out_of_funds_alerted_at: number | null;
  created_at: number;
  updated_at: number;
}

export type ProviderRow = Selectable<ProviderTable>;
export type NewProviderRow = Insertable<ProviderTable>;
export type ProviderUpdate = Updateable<ProviderTable>;
