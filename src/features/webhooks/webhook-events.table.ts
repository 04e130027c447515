import type { Generated, Selectable } from "kysely";

export interface WebhookEventTable {
  id: Generated<number>;
  source: string;
  dedupe_key: string;
  payload: string;
  outcome: string | null;
  received_at: number;
}

export type WebhookEventRow = Selectable<WebhookEventTable>;
