import type { Selectable } from "kysely";

export interface BotTextTable {
  key: string;
  language: "id" | "en";
  /** Telegram HTML, checked before it is stored. */
  text: string;
  updated_by: string;
  updated_at: number;
}

export type BotTextRow = Selectable<BotTextTable>;
