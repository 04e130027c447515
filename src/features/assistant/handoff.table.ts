import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export type HandoffReason = "asked" | "misunderstood";
export type HandoffStatus = "open" | "closed";

export interface HandoffTable {
  id: Generated<number>;
  customer_id: number;
  reason: HandoffReason;
  status: Generated<HandoffStatus>;
  opened_at: number;
  closed_at: number | null;
  /** "customer" or "telegram:<admin id>" */
  closed_by: string | null;
}

export interface HandoffMessageTable {
  chat_id: number;
  message_id: number;
  handoff_id: number;
  created_at: number;
}

export type HandoffRow = Selectable<HandoffTable>;
export type NewHandoffRow = Insertable<HandoffTable>;
export type HandoffUpdate = Updateable<HandoffTable>;
export type NewHandoffMessageRow = Insertable<HandoffMessageTable>;
