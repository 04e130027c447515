import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export interface CustomerTable {
  id: Generated<number>;
  telegram_id: number;
  chat_id: number;
  username: string | null;
  first_name: string;
  language: "id" | "en";
  language_locked: Generated<number>;
  created_at: number;
  updated_at: number;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
export type CustomerUpdate = Updateable<CustomerTable>;
