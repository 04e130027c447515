-- The name each staff member's Telegram account carries, as last seen when they opened the admin
-- app (signed initData), so the app shows "Sandbox Owner" rather than "telegram:7000001" for owners
-- from ADMIN_TELEGRAM_IDS and staff added without a name.
CREATE TABLE staff_profiles (
  telegram_id bigint PRIMARY KEY,
  name text NOT NULL,
  username text,
  updated_at bigint NOT NULL
);
