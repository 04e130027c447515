import type { Generated, Insertable, Selectable } from "kysely";

export interface LedgerEntryTable {
  id: Generated<number>;
  customer_id: number;
  amount: number;
  reason: string;
  reference: string;
  order_id: number | null;
  note: string | null;
  created_at: number;
}

export type LedgerEntryRow = Selectable<LedgerEntryTable>;
export type NewLedgerEntryRow = Insertable<LedgerEntryTable>;
