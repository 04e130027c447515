import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import * as sqliteVec from "sqlite-vec";
import type { Database } from "./database.js";
import type { Db } from "./open-database.js";
import { withStatementCache } from "./statement-cache.js";

export type RawSqlite = BetterSqlite3.Database;

export interface SqliteDatabase {
  dialect: "sqlite";
  db: Db;
  /** The raw handle, for migrations (multi-statement files) and hot prepared statements. */
  sqlite: RawSqlite;
  close(): Promise<void>;
}

/**
 * Opens SQLite with the settings money needs: WAL so readers never block the writer, FULL sync so a
 * committed payment survives a power cut, foreign keys on, and a busy timeout so the CLI and the
 * running bot can share the file. The SQLite-only pieces live here: sqlite-vec and the statement cache.
 */
export function openSqlite(path: string): SqliteDatabase {
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(inMemory ? ":memory:" : path, { timeout: 5000 });
  sqliteVec.load(sqlite);
  if (!inMemory) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let closed = false;
  return {
    dialect: "sqlite",
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}
