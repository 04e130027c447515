-- LLM calls and tokens per day (Asia/Jakarta), customer and purpose, for the daily budgets
-- (`assistant.llm_daily_token_budget`, `assistant.llm_customer_daily_calls`) and for measuring
-- cost. One row per (day, customer, purpose), incremented per call; customer 0 is the shop itself
-- (calls made for no particular customer).
CREATE TABLE llm_usage (
  day               text NOT NULL,                 -- YYYY-MM-DD in Asia/Jakarta
  customer_id       bigint NOT NULL,
  purpose           text NOT NULL CHECK (purpose IN ('understand', 'answer')),
  calls             bigint NOT NULL DEFAULT 0,
  failures          bigint NOT NULL DEFAULT 0,
  prompt_tokens     bigint NOT NULL DEFAULT 0,
  completion_tokens bigint NOT NULL DEFAULT 0,
  cached_tokens     bigint NOT NULL DEFAULT 0,
  updated_at        bigint NOT NULL,
  PRIMARY KEY (day, customer_id, purpose)
);
