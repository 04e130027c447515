import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * What Kysely's SQLite driver calls `prepare` on, with the prepared statements kept (least recently
 * used out first). Kysely prepares every query anew, which cost an eighth of the webhook path's
 * time; SQLite statements are reusable and re-prepare themselves after a schema change. The driver
 * holds its one connection per query (and for a whole stream), so a cached statement is never in
 * use twice at once.
 */
export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Move to the back: Map keeps insertion order, so the front is the least recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}
