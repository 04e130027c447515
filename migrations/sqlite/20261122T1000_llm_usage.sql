-- LLM calls and tokens per day (Asia/Jakarta), customer and purpose, for the daily budgets
-- (`assistant.llm_daily_token_budget`, `assistant.llm_customer_daily_calls`) and for measuring
-- cost. One row per (day, customer, purpose), incremented per call; customer 0 is the shop itself
-- (calls made for no particular customer).
CREATE TABLE llm_usage (
  day               TEXT NOT NULL,                 -- YYYY-MM-DD in Asia/Jakarta
  customer_id       INTEGER NOT NULL,
  purpose           TEXT NOT NULL CHECK (purpose IN ('understand', 'answer')),
  calls             INTEGER NOT NULL DEFAULT 0,
  failures          INTEGER NOT NULL DEFAULT 0,
  prompt_tokens     INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens     INTEGER NOT NULL DEFAULT 0,
  updated_at        INTEGER NOT NULL,
  PRIMARY KEY (day, customer_id, purpose)
) STRICT, WITHOUT ROWID;
