import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import type { Db, RawSqlite } from "./open-database.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

/**
 * Feeds `migrations/*.sql` to Kysely's Migrator. Each file runs through better-sqlite3's `exec`,
 * because a file holds several statements (Kysely's `prepare` takes one), inside its own
 * transaction on this same connection.
 */
class SqlFileMigrationProvider implements MigrationProvider {
  constructor(
    private readonly sqlite: RawSqlite,
    private readonly directory: string,
  ) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(this.directory).filter((f) => f.endsWith(".sql")).sort()) {
      const text = readFileSync(join(this.directory, file), "utf8");
      migrations[file.replace(/\.sql$/, "")] = {
        // One transaction per file (a savepoint if one is already open): foreign keys are off while
        // migrating (a table rebuild drops a parent), so they are checked here, before the file
        // commits, and a broken reference rolls the whole file back.
        up: async () => {
          this.sqlite.transaction(() => {
            this.sqlite.exec(text);
            const broken = this.sqlite.pragma("foreign_key_check") as unknown[];
            if (broken.length > 0) throw new Error(`${file}: ${broken.length} rows break a foreign key, first ${JSON.stringify(broken[0])}`);
          })();
        },
      };
    }
    return migrations;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db, sqlite: RawSqlite, directory = MIGRATIONS_DIR): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(sqlite, directory) });
  // SQLite's table-rebuild procedure: foreign keys off (only possible outside a transaction),
  // each migration checks them itself before it commits, then back on.
  const foreignKeys = sqlite.pragma("foreign_keys", { simple: true }) as number;
  sqlite.pragma("foreign_keys = OFF");
  let result: MigrationResultSet;
  try {
    result = await migrator.migrateToLatest();
  } finally {
    sqlite.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${(result.error as Error).message ?? String(result.error)}`, { cause: result.error });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
