import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { Dialect } from "../../src/infra/db/dialect.js";
import { migrateToLatest } from "../../src/infra/db/migrations.js";
import { openDatabase, type OpenedDatabase } from "../../src/infra/db/open-database.js";
import { TEMPLATE_DATABASE } from "../setup/postgres-cluster.js";

/** Both dialects, for `describe.each(DIALECTS)` in repository tests. */
export const DIALECTS: readonly Dialect[] = ["sqlite", "postgres"];

/** The throwaway PostgreSQL server the global setup started (its maintenance database). */
export function testServerUrl(): string {
  const url = injected() ?? process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("No PostgreSQL test server: run the tests through vitest (test/global-setup.ts starts one).");
  return url;
}

/** What the global setup provided; nothing in a script run outside vitest (`eval:nlu --postgres`, benchmarks), where `inject` throws. */
function injected(): string | undefined {
  try {
    return inject("testDatabaseUrl");
  } catch {
    return undefined;
  }
}

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function onServer<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export interface TestPostgresDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty, migrated PostgreSQL database of its own (a copy of the template the global setup
 * migrated), so test files running in parallel never see each other's rows. `drop` deletes it.
 */
export async function createPostgresTestDatabase(options: { empty?: boolean } = {}): Promise<TestPostgresDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  // An empty database (no tables at all) copies template0 instead, e.g. a `db copy` target.
  await onServer((admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? "template0" : TEMPLATE_DATABASE}`),
  );
  let dropped = false;
  return {
    url: withDatabase(testServerUrl(), name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export interface TestDatabase {
  database: OpenedDatabase;
  /** The DATABASE_URL that opens the same database. */
  url: string;
  /** Closes the connection(s) and, on PostgreSQL, deletes the database. */
  close(): Promise<void>;
}

/**
 * pg's pool ends its connections without waiting for their sockets to close, so the database's
 * `DROP … WITH (FORCE)` right after may still terminate one (SQLSTATE 57P01): expected then.
 */
export function ignoreDropOfClosedPool(error: Error): void {
  if ((error as { code?: string }).code !== "57P01") throw error;
}

/** A migrated database of the given dialect: SQLite in memory, or a fresh PostgreSQL database. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const database = openDatabase(":memory:");
    await migrateToLatest(database);
    return { database, url: ":memory:", close: () => database.close() };
  }
  const created = await createPostgresTestDatabase();
  const database = openDatabase(created.url, { poolSize: 4, onPoolError: ignoreDropOfClosedPool });
  return {
    database,
    url: created.url,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
