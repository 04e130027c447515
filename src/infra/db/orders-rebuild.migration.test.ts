import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrateToLatest } from "./migrations.js";
import { openSqlite, type SqliteDatabase } from "./open-sqlite.js";

/**
 * The `orders` rebuild (20261207T0930, for the `waiting_funds` state) on a database that already
 * holds orders with payments, ledger entries and refills pointing at them: every row and reference
 * survives, the new state is accepted, and foreign keys are enforced again afterwards.
 */
const REBUILD = "20261207T0930_orders_waiting_funds";

let dir: string;
let opened: SqliteDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "orders-rebuild-"));
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
    INSERT INTO orders (id, quote_id, customer_id, service_id, provider_id, target, quantity, amount, cost_amount, status, provider_order_id, admin_notes, failovers, paid_with, created_at, updated_at)
      VALUES (7, 'q1', 1, 1, 1, 'https://instagram.com/a', 100, 2000, 1000, 'processing', '555', 'vip customer', 1, 'wallet', 1, 1),
             (8, 'q2', 1, 1, 1, 'https://instagram.com/b', 100, 2000, 1000, 'refunded', NULL, NULL, 0, 'midtrans', 1, 1);
    INSERT INTO payments (id, order_id, customer_id, gateway, reference, amount, status, expires_at, created_at, updated_at)
      VALUES (3, 8, 1, 'midtrans', 'TB-8', 2000, 'paid', 9, 1, 1);
    UPDATE orders SET paid_payment_id = 3 WHERE id = 8;
    INSERT INTO ledger_entries (customer_id, amount, reason, reference, order_id, created_at) VALUES (1, 2000, 'refund', 'refund:order:8', 8, 1);
    INSERT INTO refills (order_id, status, created_at, updated_at) VALUES (7, 'pending', 1, 1);
  `);
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("orders rebuild for the waiting_funds state", () => {
  it("keeps every order, column and reference of a populated database", async () => {
    const { applied } = await migrateToLatest(opened);
    expect(applied).toContain(REBUILD);

    const orders = opened.sqlite
      .prepare(
        "SELECT id, status, provider_order_id, admin_notes, failovers, paid_with, paid_payment_id, funds_waiting_since FROM orders ORDER BY id",
      )
      .all();
    expect(orders).toEqual([
      {
        id: 7,
        status: "processing",
        provider_order_id: "555",
        admin_notes: "vip customer",
        failovers: 1,
        paid_with: "wallet",
        paid_payment_id: null,
        funds_waiting_since: null,
      },
      {
        id: 8,
        status: "refunded",
        provider_order_id: null,
        admin_notes: null,
        failovers: 0,
        paid_with: "midtrans",
        paid_payment_id: 3,
        funds_waiting_since: null,
      },
    ]);
    expect(opened.sqlite.pragma("foreign_key_check")).toEqual([]);
    // The children still point at `orders` (not at a dropped or renamed table).
    for (const table of ["payments", "ledger_entries", "refills"]) {
      const targets = (
        opened.sqlite.prepare(`SELECT "table" FROM pragma_foreign_key_list('${table}')`).all() as Array<{
          table: string;
        }>
      ).map((r) => r.table);
      expect(targets).toContain("orders");
    }
    const indexes = (
      opened.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND name NOT LIKE 'sqlite_%'",
        )
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        "orders_customer",
        "orders_status",
        "orders_sync",
        "orders_paid_at",
        "orders_created_at",
        "orders_waiting_funds",
      ]),
    );
  });

  it("accepts the new state, still refuses unknown ones, and enforces foreign keys again", async () => {
    await migrateToLatest(opened);
    opened.sqlite.prepare("UPDATE orders SET status = 'waiting_funds', funds_waiting_since = 5 WHERE id = 7").run();
    expect(() => opened.sqlite.prepare("UPDATE orders SET status = 'lost' WHERE id = 7").run()).toThrow(/CHECK/);
    expect(opened.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() =>
      opened.sqlite
        .prepare("INSERT INTO refills (order_id, status, created_at, updated_at) VALUES (99, 'pending', 1, 1)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => opened.sqlite.prepare("DELETE FROM orders WHERE id = 8").run()).toThrow(/FOREIGN KEY/);
  });

  it("rolls a migration back when it leaves a broken reference", async () => {
    const broken = join(dir, "broken");
    mkdirSync(broken);
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")))
      cpSync(join(MIGRATIONS_DIR, file), join(broken, file));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(broken, "20991231T0000_breaks_a_reference.sql"), "DELETE FROM orders WHERE id = 7;");
    await expect(migrateToLatest(opened, broken)).rejects.toThrow(/breaks_a_reference.*foreign key/);
    expect(opened.sqlite.prepare("SELECT count(*) AS n FROM orders").get()).toEqual({ n: 2 });
  });
});
