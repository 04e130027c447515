-- Shop staff beyond the owners named in ADMIN_TELEGRAM_IDS, with a role each:
-- owner (everything, reveals secrets, manages staff), admin (runs the shop, refunds, writes keys
-- without reading them back), operator (watches and handles orders; no keys, no refunds).
CREATE TABLE admins (
  telegram_id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'operator')),
  name TEXT NOT NULL DEFAULT '',
  added_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
