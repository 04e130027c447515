import type { Generated, Insertable, Selectable } from "kysely";

export type BroadcastAnswer = "sending" | "done" | "canceled";
export type RecipientStatus = "pending" | "sent" | "failed" | "blocked" | "canceled";

export interface BroadcastTable {
  id: Generated<number>;
  /** Telegram HTML, checked before it is stored. */
  html: string;
  /** JSON: {"kind":"all"} or {"kind":"buyers","days":N} */
  audience: string;
  status: BroadcastAnswer;
  total: number;
  created_by: string;
  created_at: number;
  finished_at: number | null;
  canceled_by: string | null;
}

export interface BroadcastRecipientTable {
  broadcast_id: number;
  customer_id: number;
  chat_id: number;
  status: Generated<RecipientStatus>;
  error: string | null;
  updated_at: number;
}

export type BroadcastRow = Selectable<BroadcastTable>;
export type NewBroadcastRow = Insertable<BroadcastTable>;
export type NewBroadcastRecipientRow = Insertable<BroadcastRecipientTable>;
