import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.js";

describe("statement cache", () => {
  it("reuses a prepared statement per SQL text and forgets the least recently used beyond its capacity", () => {
    const sqlite = new BetterSqlite3(":memory:");
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare("SELECT 1 AS n");
    const b = cached.prepare("SELECT 2 AS n");
    expect(cached.prepare("SELECT 1 AS n")).toBe(a); // a is now the most recently used
    cached.prepare("SELECT 3 AS n"); // evicts b
    expect(cached.prepare("SELECT 1 AS n")).toBe(a);
    expect(cached.prepare("SELECT 2 AS n")).not.toBe(b);
    expect(cached.prepare("SELECT 2 AS n").all([])).toEqual([{ n: 2 }]);
    sqlite.close();
  });

  it("a cached statement follows schema changes made after it was prepared", () => {
    const sqlite = new BetterSqlite3(":memory:");
    const cached = withStatementCache(sqlite);
    sqlite.exec("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)");
    expect(cached.prepare("SELECT * FROM t").all([])).toEqual([{ a: 1 }]);
    sqlite.exec("ALTER TABLE t ADD COLUMN b INTEGER DEFAULT 7");
    expect(cached.prepare("SELECT * FROM t").all([])).toEqual([{ a: 1, b: 7 }]);
    sqlite.close();
  });
});
