import type { Insertable, Selectable } from "kysely";

export type LlmPurpose = "understand" | "answer";

export interface LlmUsageTable {
  /** YYYY-MM-DD in Asia/Jakarta. */
  day: string;
  /** customers.id; 0 for calls made for no particular customer. */
  customer_id: number;
  purpose: LlmPurpose;
  calls: number;
  failures: number;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  updated_at: number;
}

export type LlmUsageRow = Selectable<LlmUsageTable>;
export type NewLlmUsageRow = Insertable<LlmUsageTable>;
