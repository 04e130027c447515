-- Fixed-window counters shared by every instance (the per-customer message limit): with several
-- instances an in-memory count would let a customer send N times the limit.
CREATE TABLE rate_counts (
  key        TEXT PRIMARY KEY,
  count      INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
