import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateToLatest } from "./migrations.js";
import { openSqlite, type SqliteDatabase } from "./open-sqlite.js";

/**
 * The `payments` and `gateway_keys` rebuild (20261207T1200, gateways by id instead of a list that
 * names Midtrans) on a database that already holds payments of every rail, an order pointing at
 * its payment and saved gateway keys: every row and reference survives, a new gateway id is
 * accepted, a malformed one is not, and foreign keys are enforced again afterwards.
 */
const REBUILD = "20261207T1200_generic_payment_gateways";

let dir: string;
let opened: SqliteDatabase;

const PAYMENT_COLUMNS =
  "id, purpose, order_id, customer_id, gateway, reference, gateway_transaction_id, amount, stars_amount, status, gateway_status, qr_string, qr_url, expires_at, paid_at, flagged_reason, last_checked_at, created_at, updated_at, invoice_message_id";
const payments = () => opened.sqlite.prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments ORDER BY id`).all();
const keys = () => opened.sqlite.prepare("SELECT * FROM gateway_keys").all();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "payments-rebuild-"));
  const before = join(dir, "before");
  mkdirSync(before);
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql") && f < REBUILD))
    cpSync(join(MIGRATIONS_DIR, file), join(before, file));
  opened = openSqlite(join(dir, "shop.db"));
  await migrateToLatest(opened, before);
  opened.sqlite.exec(`
    INSERT INTO customers (id, telegram_id, chat_id, created_at, updated_at) VALUES (1, 100001, 100001, 1, 1);
    INSERT INTO providers (id, name, kind, api_url, credentials, created_at, updated_at) VALUES (1, 'panel', 'smm-v2', 'http://x', 'sealed', 1, 1);
    INSERT INTO services (id, mid, provider_id, provider_service_id, name, min_quantity, max_quantity, cost_rate, unit_cost, unit_price, created_at, updated_at)
      VALUES (1, 1, 1, '1', 'Followers', 10, 1000, '10', 10, 20, 1, 1);
    INSERT INTO quotes (id, customer_id, service_id, target, quantity, unit_price, amount, cost_amount, expires_at, created_at)
      VALUES ('q1', 1, 1, 'https://instagram.com/a', 100, 20, 2000, 1000, 9, 1), ('q2', 1, 1, 'https://instagram.com/b', 100, 20, 2000, 1000, 9, 1);
    INSERT INTO orders (id, quote_id, customer_id, service_id, provider_id, target, quantity, amount, cost_amount, status, paid_with, created_at, updated_at)
      VALUES (7, 'q1', 1, 1, 1, 'https://instagram.com/a', 100, 2000, 1000, 'processing', 'midtrans', 1, 1),
             (8, 'q2', 1, 1, 1, 'https://instagram.com/b', 100, 2000, 1000, 'paid', 'stars', 1, 1);
    INSERT INTO payments (id, purpose, order_id, customer_id, gateway, reference, gateway_transaction_id, amount, stars_amount, status, gateway_status, qr_string, qr_url, expires_at, paid_at, flagged_reason, last_checked_at, created_at, updated_at, invoice_message_id)
      VALUES (3, 'order', 7, 1, 'midtrans', 'TB-7', 'trx-1', 2000, NULL, 'paid', 'settlement', '000201', 'http://qr', 9, 5, NULL, 6, 1, 2, 42),
             (4, 'order', 8, 1, 'stars', 'ST-8', 'charge-1', 2000, 15, 'paid', NULL, NULL, NULL, 9, 5, NULL, NULL, 1, 2, NULL),
             (5, 'topup', NULL, 1, 'midtrans', 'TU-1', NULL, 50000, NULL, 'expired', 'expire', NULL, NULL, 9, NULL, 'flag', 7, 1, 2, NULL),
             (6, 'order', 7, 1, 'wallet', 'WL-7', NULL, 2000, NULL, 'canceled', NULL, NULL, NULL, 9, NULL, NULL, NULL, 1, 2, NULL);
    UPDATE orders SET paid_payment_id = 3 WHERE id = 7;
    UPDATE orders SET paid_payment_id = 4 WHERE id = 8;
    INSERT INTO gateway_keys (gateway, environment, server_key, client_key, updated_by, updated_at) VALUES ('midtrans', 'sandbox', 'sealed-server', 'sealed-client', 'telegram:1', 3);
  `);
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("payments and gateway_keys rebuild for gateways by id", () => {
  it("keeps every payment, column, saved key and reference of a populated database", async () => {
    const paymentsBefore = payments();
    const keysBefore = keys();
    const { applied } = await migrateToLatest(opened);
    expect(applied).toContain(REBUILD);
    expect(payments()).toEqual(paymentsBefore);
    expect(payments()).toHaveLength(4);
    expect(keys()).toEqual(keysBefore);
    expect(opened.sqlite.prepare("SELECT id, paid_payment_id FROM orders ORDER BY id").all()).toEqual([
      { id: 7, paid_payment_id: 3 },
      { id: 8, paid_payment_id: 4 },
    ]);
    expect(opened.sqlite.pragma("foreign_key_check")).toEqual([]);
    // `orders` still points at `payments` (not at a dropped or renamed table).
    const targets = (
      opened.sqlite.prepare(`SELECT "table" FROM pragma_foreign_key_list('orders')`).all() as Array<{ table: string }>
    ).map((r) => r.table);
    expect(targets).toContain("payments");
    const indexes = (
      opened.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payments' AND name NOT LIKE 'sqlite_%'",
        )
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        "payments_one_open_per_order",
        "payments_open",
        "payments_customer",
        "payments_stars_charge",
        "payments_recently_closed",
      ]),
    );
  });

  it("accepts a new gateway id, refuses a malformed one, and enforces foreign keys again", async () => {
    await migrateToLatest(opened);
    opened.sqlite
      .prepare(
        "INSERT INTO payments (order_id, customer_id, gateway, reference, amount, status, expires_at, created_at, updated_at) VALUES (8, 1, 'xendit', 'XN-8', 2000, 'pending', 9, 1, 1)",
      )
      .run();
    opened.sqlite
      .prepare(
        "INSERT INTO gateway_keys (gateway, environment, server_key, updated_by, updated_at) VALUES ('xendit', 'sandbox', 'sealed', 'telegram:1', 4)",
      )
      .run();
    expect(() =>
      opened.sqlite
        .prepare(
          "INSERT INTO payments (order_id, customer_id, gateway, reference, amount, status, expires_at, created_at, updated_at) VALUES (8, 1, 'Bad Gateway!', 'XN-9', 2000, 'failed', 9, 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      opened.sqlite
        .prepare(
          "INSERT INTO gateway_keys (gateway, environment, server_key, updated_by, updated_at) VALUES ('', 'sandbox', 'sealed', 'telegram:1', 4)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(opened.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() => opened.sqlite.prepare("DELETE FROM payments WHERE id = 3").run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      opened.sqlite
        .prepare(
          "INSERT INTO payments (order_id, customer_id, gateway, reference, amount, status, expires_at, created_at, updated_at) VALUES (99, 1, 'midtrans', 'TB-99', 2000, 'failed', 9, 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
