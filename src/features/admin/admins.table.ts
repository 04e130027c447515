import type { Insertable, Selectable } from "kysely";

export type AdminRole = "owner" | "admin" | "operator";

export interface AdminTable {
  telegram_id: number;
  role: AdminRole;
  name: string;
  added_by: string;
  created_at: number;
  updated_at: number;
}

export type AdminRow = Selectable<AdminTable>;
export type NewAdminRow = Insertable<AdminTable>;
