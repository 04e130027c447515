import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createPostgresTestDatabase } from "../../../test/kit/test-database.js";
import {
  MIGRATIONS_DIR,
  MIGRATIONS_ROOT,
  migrateToLatest,
  migrationNames,
  migrationsDir,
  refuseStrayMigrations,
} from "./migrations.js";
import { openDatabase } from "./open-database.js";
import { openSqlite } from "./open-sqlite.js";

/**
 * The migrations are two hand-written trees, one per dialect. They must describe the same steps
 * (same names, same order), so `kysely_migration` means the same thing on both, and the move of the
 * SQLite files into their folder must not look like new steps to a shop that already ran them.
 */
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the migration trees", () => {
  it("list the same migrations in the same order for SQLite and PostgreSQL", () => {
    const sqlite = migrationNames(migrationsDir("sqlite"));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames(migrationsDir("postgres"))).toEqual(sqlite);
  });

  it("leave no migration outside the dialect folders (a file there would run on neither)", () => {
    expect(readdirSync(MIGRATIONS_ROOT).filter((f) => f.endsWith(".sql"))).toEqual([]);
    expect(MIGRATIONS_DIR).toBe(migrationsDir("sqlite"));
  });

  it("refuse to migrate while a file sits in migrations/ itself, naming it and where it goes", () => {
    const root = mkdtempSync(join(tmpdir(), "stray-migration-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, "20261208T0905_new_column.sql"), "ALTER TABLE orders ADD COLUMN x TEXT;");
    expect(() => refuseStrayMigrations(root)).toThrow(
      /20261208T0905_new_column\.sql is outside the dialect folders: move it to migrations\/sqlite\/ .* migrations\/postgres\//,
    );
  });

  it("an existing SQLite shop, migrated from the flat migrations/ folder of before, has nothing pending", async () => {
    const dir = mkdtempSync(join(tmpdir(), "migrated-before-split-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // The layout before the split: every file straight in migrations/.
    const flat = join(dir, "migrations");
    cpSync(migrationsDir("sqlite"), flat, { recursive: true });
    const shop = openSqlite(join(dir, "shop.db"));
    cleanups.push(() => shop.close());
    const first = await migrateToLatest(shop, flat);
    expect(first.applied).toEqual(migrationNames(flat));

    expect(await migrateToLatest(shop)).toEqual({ applied: [] });
    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(shop.db);
    expect(recorded.rows.map((r) => r.name)).toEqual(migrationNames(migrationsDir("sqlite")));
  });

  it("migrate an empty PostgreSQL database to the whole schema, once", async () => {
    const target = await createPostgresTestDatabase({ empty: true });
    cleanups.push(() => target.drop());
    const database = openDatabase(target.url, { poolSize: 2 });
    cleanups.push(() => database.close());

    expect((await migrateToLatest(database)).applied).toEqual(migrationNames(migrationsDir("postgres")));
    expect(await migrateToLatest(database)).toEqual({ applied: [] });
    // Every table the application's types name exists (the knowledge search tables of SQLite are
    // replaced by a column, see 20261122T0900_knowledge.sql).
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(database.db);
    const sqliteTables = await sqliteTableNames();
    expect(tables.rows.map((r) => r.name).sort()).toEqual(
      sqliteTables.filter((t) => !t.startsWith("knowledge_fts")).sort(),
    );
  });
});

async function sqliteTableNames(): Promise<string[]> {
  const shop = openDatabase(":memory:");
  try {
    await migrateToLatest(shop);
    const rows = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'knowledge_fts_%'`.execute(
      shop.db,
    );
    return rows.rows.map((r) => r.name);
  } finally {
    await shop.close();
  }
}
