import type { Generated, Insertable, Selectable } from "kysely";

export type TranscriptRole = "customer" | "bot" | "admin";

export interface TranscriptTable {
  id: Generated<number>;
  customer_id: number;
  role: TranscriptRole;
  text: string;
  created_at: number;
}

export type TranscriptRow = Selectable<TranscriptTable>;
export type NewTranscriptRow = Insertable<TranscriptTable>;
