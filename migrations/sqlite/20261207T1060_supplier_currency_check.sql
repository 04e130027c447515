-- The supplier's own answer decides its currency (issue 11). What the supplier last reported
-- (SMM v2 `balance` → `currency`; families that never report one price in rupiah), when it was
-- checked, and why its services are held off sale until an admin fixes the configuration:
-- 'mismatch' (reported ≠ configured), 'no_rate' (a foreign currency with no rate to rupiah),
-- 'unverified' (the currency could not be asked yet), 'needs_import' (fixed, but its stored prices
-- were taken under the wrong setting: the next import prices them anew). NULL: nothing holds it.
ALTER TABLE providers ADD COLUMN reported_currency TEXT;
ALTER TABLE providers ADD COLUMN currency_checked_at INTEGER;
ALTER TABLE providers ADD COLUMN currency_problem TEXT CHECK (currency_problem IN ('mismatch', 'no_rate', 'unverified', 'needs_import'));
