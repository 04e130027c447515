import { PostgresAdapter, type Kysely } from "kysely";

/** The two databases the shop runs on: SQLite (one machine, the default) and PostgreSQL (scale-out). */
export type Dialect = "sqlite" | "postgres";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** `DATABASE_URL` picks the dialect: a `postgres://`/`postgresql://` URL, or else a SQLite file. */
export function dialectOfUrl(url: string): Dialect {
  return POSTGRES_URL.test(url.trim()) ? "postgres" : "sqlite";
}

/** A SQLite `DATABASE_URL` as a file path: `file:./x.db`, `sqlite:./x.db` and plain paths alike. */
export function sqlitePathOf(url: string): string {
  const trimmed = url.trim();
  for (const scheme of ["sqlite:", "file:"]) {
    if (trimmed.startsWith(scheme)) return trimmed.slice(scheme.length).replace(/^\/\//, "");
  }
  return trimmed;
}

/**
 * The dialect a Kysely instance (or a transaction of it) speaks, for the few queries that differ
 * (a job claim's row lock). Read from the adapter, so repositories need no extra parameter and a
 * transaction answers like its database.
 */
export function dialectOf(db: Pick<Kysely<never>, "getExecutor">): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
