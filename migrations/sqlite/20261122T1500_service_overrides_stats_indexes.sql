-- An admin's own name and description for a service. `name` and `description` keep holding what
-- is shown everywhere (bot, search index, orders); these columns only tell a re-sync not to
-- overwrite them with the supplier's text. NULL: follow the supplier.
ALTER TABLE services ADD COLUMN name_override TEXT;
ALTER TABLE services ADD COLUMN description_override TEXT;

-- The admin dashboard reads orders by the day they were paid and by the day they were created
-- (today / 7 / 30 days): without these, every dashboard load scans the whole orders table.
CREATE INDEX orders_paid_at ON orders (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX orders_created_at ON orders (created_at);
