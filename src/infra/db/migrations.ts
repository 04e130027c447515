import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { Dialect } from "./dialect.js";
import type { OpenedDatabase, RawSqlite } from "./open-database.js";

/** One SQL tree per dialect (`migrations/sqlite/`, `migrations/postgres/`), with the same file names in the same order. */
export const MIGRATIONS_ROOT = fileURLToPath(new URL("../../../migrations", import.meta.url));

export function migrationsDir(dialect: Dialect): string {
  return join(MIGRATIONS_ROOT, dialect);
}

/** The SQLite tree (the default shop's), where the files of before the split now live under the same names. */
export const MIGRATIONS_DIR = migrationsDir("sqlite");

/** File names without `.sql`, in the order they run: the names `kysely_migration` records. */
export function migrationNames(directory: string): string[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => f.replace(/\.sql$/, ""));
}

type RunFile = (name: string, text: string, db: Parameters<Migration["up"]>[0]) => Promise<void>;

/** Feeds a tree of `.sql` files to Kysely's Migrator; `run` executes one file's several statements. */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(
    private readonly directory: string,
    private readonly run: RunFile,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const name of migrationNames(this.directory)) {
      const text = readFileSync(join(this.directory, `${name}.sql`), "utf8");
      migrations[name] = { up: (db) => this.run(name, text, db) };
    }
    return migrations;
  }
}

/**
 * SQLite: each file runs through better-sqlite3's `exec`, because a file holds several statements
 * (Kysely's `prepare` takes one), inside its own transaction on this same connection (a savepoint
 * if one is already open). Foreign keys are off while migrating (a table rebuild drops a parent), so
 * they are checked here, before the file commits, and a broken reference rolls the whole file back.
 */
const runSqliteFile =
  (sqlite: RawSqlite): RunFile =>
  async (name, text) => {
    sqlite.transaction(() => {
      sqlite.exec(text);
      const broken = sqlite.pragma("foreign_key_check") as unknown[];
      if (broken.length > 0)
        throw new Error(`${name}.sql: ${broken.length} rows break a foreign key, first ${JSON.stringify(broken[0])}`);
    })();
  };

/**
 * PostgreSQL: the Migrator runs each file in its own transaction (DDL is transactional there) under
 * its advisory lock, so instances starting together migrate once. A query without parameters goes
 * over the simple query protocol, which accepts a whole file of statements.
 */
const runPostgresFile: RunFile = async (_name, text, db) => {
  await sql.raw(text).execute(db);
};

export interface MigrationReport {
  applied: string[];
}

/**
 * A `.sql` straight in `migrations/` (the layout before the split, e.g. from a branch made before
 * it) would run on neither database: refused by name, so it is moved and ported instead of lost.
 */
export function refuseStrayMigrations(root = MIGRATIONS_ROOT): void {
  const stray = readdirSync(root).filter((f) => f.endsWith(".sql"));
  if (stray.length > 0) {
    throw new Error(
      `${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} outside the dialect folders: move ${stray.length === 1 ? "it" : "them"} to migrations/sqlite/ and write the PostgreSQL version under the same name in migrations/postgres/`,
    );
  }
}

export async function migrateToLatest(
  database: OpenedDatabase,
  directory = migrationsDir(database.dialect),
): Promise<MigrationReport> {
  refuseStrayMigrations();
  let result: MigrationResultSet;
  if (database.dialect === "postgres") {
    result = await new Migrator({
      db: database.db,
      provider: new SqlFileMigrationProvider(directory, runPostgresFile),
    }).migrateToLatest();
  } else {
    const { sqlite } = database;
    const migrator = new Migrator({
      db: database.db,
      provider: new SqlFileMigrationProvider(directory, runSqliteFile(sqlite)),
    });
    // SQLite's table-rebuild procedure: foreign keys off (only possible outside a transaction),
    // each migration checks them itself before it commits, then back on.
    const foreignKeys = sqlite.pragma("foreign_keys", { simple: true }) as number;
    sqlite.pragma("foreign_keys = OFF");
    try {
      result = await migrator.migrateToLatest();
    } finally {
      sqlite.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
    }
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`, {
      cause: result.error,
    });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
