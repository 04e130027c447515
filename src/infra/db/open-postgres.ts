import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import type { Db } from "./open-database.js";
import { shopTypeParsers } from "./pg-types.js";

export interface PostgresDatabase {
  dialect: "postgres";
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Connections this process may hold (`DATABASE_POOL_SIZE`); all instances together stay under the server's max_connections. */
  poolSize?: number;
  /** An idle connection the server dropped (restart, network): the pool replaces it, this reports it. */
  onPoolError?: (error: Error) => void;
}

/**
 * Opens a pool on a PostgreSQL server. Durability is the server's (`synchronous_commit=on` by
 * default), so nothing is set per connection; int8 and sums are read as exact numbers (pg-types.ts).
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: "tokobot",
    types: shopTypeParsers,
  });
  // Without a listener, an idle client's error (the server restarted) would crash the process.
  const onPoolError =
    options.onPoolError ?? ((error: Error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  pool.on("error", onPoolError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    dialect: "postgres",
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
    },
  };
}
