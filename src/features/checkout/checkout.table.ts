import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type QuoteStatus = "open" | "ordered" | "expired" | "canceled";

export interface QuoteTable {
  id: string;
  customer_id: number;
  service_id: number;
  target: string;
  quantity: number;
  unit_price: number;
  unit_size: Generated<number>;
  zone: string | null;
  nickname: string | null;
  /** JSON OrderExtras: what the service type needs beyond target and quantity (null for plain orders). */
  extras: string | null;
  amount: number;
  cost_amount: number;
  status: Generated<QuoteStatus>;
  expires_at: number;
  created_at: number;
}

export type QuoteRow = Selectable<QuoteTable>;
export type NewQuoteRow = Insertable<QuoteTable>;
export type QuoteUpdate = Updateable<QuoteTable>;
