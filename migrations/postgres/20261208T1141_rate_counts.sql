-- Fixed-window counters shared by every instance (the SQLite file of the same name says why).
CREATE TABLE rate_counts (
  key        TEXT PRIMARY KEY,
  count      BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
