import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { dialectOfUrl, sqlitePathOf } from "./dialect.js";
import { openPostgres, type PostgresDatabase, type PostgresOptions } from "./open-postgres.js";
import { openSqlite, type RawSqlite, type SqliteDatabase } from "./open-sqlite.js";

export type Db = Kysely<Database>;
export type { PostgresDatabase, RawSqlite, SqliteDatabase };

/** The shop's database, either dialect; `dialect` tells which, and the SQLite flavour carries its raw handle. */
export type OpenedDatabase = SqliteDatabase | PostgresDatabase;

/**
 * Opens the database `DATABASE_URL` names: a `postgres://` URL opens a connection pool on that
 * server, anything else is a SQLite file (or `:memory:`). Everything above this takes `Db` and does
 * not care which.
 */
export function openDatabase(url: string, options: PostgresOptions = {}): OpenedDatabase {
  return dialectOfUrl(url) === "postgres" ? openPostgres(url, options) : openSqlite(sqlitePathOf(url));
}

/** The raw better-sqlite3 handle, for code that only makes sense on SQLite; refuses PostgreSQL. */
export function sqliteHandle(database: OpenedDatabase): RawSqlite {
  if (database.dialect !== "sqlite")
    throw new Error("this needs the SQLite database; DATABASE_URL points at PostgreSQL");
  return database.sqlite;
}
