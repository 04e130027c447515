import { sql, type Expression, type Kysely, type RawBuilder } from "kysely";
import { dialectOf } from "./dialect.js";

/**
 * The few SQL expressions SQLite and PostgreSQL spell differently, each built for the dialect of
 * the executor it is given (a database or a transaction). The SQLite spelling is the one the shop
 * used before PostgreSQL, unchanged; the PostgreSQL one means the same thing there.
 */

type Executor = Pick<Kysely<never>, "getExecutor">;

/**
 * `value = other` ignoring case. SQLite: the NOCASE collation (ASCII folding, as its columns
 * declare). PostgreSQL: lower() on both sides, the form its case-insensitive unique indexes use.
 */
export function equalsIgnoringCase(
  db: Executor,
  value: Expression<unknown>,
  other: Expression<unknown> | string,
): RawBuilder<boolean> {
  if (dialectOf(db) === "sqlite") return sql<boolean>`${value} = ${other} collate nocase`;
  return sql<boolean>`lower(${value}) = lower(${other})`;
}

/**
 * Whether `value` contains `lowerTerm` (already lower-cased), ignoring case. A plain substring
 * search, not LIKE: a `%` or `_` someone types is just a character. SQLite's instr() and
 * PostgreSQL's strpos() take the same arguments.
 */
export function containsIgnoringCase(db: Executor, value: Expression<unknown>, lowerTerm: string): RawBuilder<boolean> {
  const position = sql.raw(dialectOf(db) === "sqlite" ? "instr" : "strpos");
  return sql<boolean>`${position}(lower(${value}), ${lowerTerm}) > 0`;
}

/**
 * `value LIKE pattern` ignoring case; with `escaped`, `\` in the pattern escapes `%` and `_`.
 * SQLite's LIKE already ignores ASCII case; PostgreSQL's is case-sensitive, so it gets ILIKE.
 */
export function likeIgnoringCase(
  db: Executor,
  value: Expression<unknown>,
  pattern: string,
  options: { escaped?: boolean } = {},
): RawBuilder<boolean> {
  const like = sql.raw(dialectOf(db) === "sqlite" ? "like" : "ilike");
  return options.escaped
    ? sql<boolean>`${value} ${like} ${pattern} escape '\\'`
    : sql<boolean>`${value} ${like} ${pattern}`;
}

/** The smaller of two values: SQLite's two-argument min(), PostgreSQL's least(). */
export function smallerOf<T>(db: Executor, a: Expression<T>, b: Expression<T>): RawBuilder<T> {
  const least = sql.raw(dialectOf(db) === "sqlite" ? "min" : "least");
  return sql<T>`${least}(${a}, ${b})`;
}

/**
 * Whether a database error is a unique-constraint violation: better-sqlite3's
 * `SQLITE_CONSTRAINT_UNIQUE` / `SQLITE_CONSTRAINT_PRIMARYKEY`, PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * Serialises the writers of one named resource until the current transaction ends, as SQLite's one
 * writer does by itself: on PostgreSQL a transaction-scoped advisory lock on (`name`, `id`), a no-op
 * on SQLite. Take it first in the transaction, before reading what the write depends on; under
 * READ COMMITTED every statement after it sees what the previous holder committed.
 */
export async function lockForWrite<DB>(db: Kysely<DB>, name: string, id: number | string = 0): Promise<void> {
  if (dialectOf(db) === "sqlite") return;
  // The lock's second key is 32 bits: ids beyond that, and hashed text keys, may share a lock with another (more waiting, never less safety).
  const key = typeof id === "string" ? sql`hashtext(${id})` : sql`(${id}::bigint % 2147483647)::int`;
  await sql`select pg_advisory_xact_lock(hashtext(${name}), ${key})`.execute(db);
}
