import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/kit/test-database.js";
import { createCommits } from "./group-commit.js";
import { dialectOf, dialectOfUrl } from "./dialect.js";
import { openDatabase, sqliteHandle } from "./open-database.js";
import { parseNumeric, parseSafeInteger } from "./pg-types.js";

let opened: TestDatabase | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe("openDatabase picks the dialect from DATABASE_URL", () => {
  it("opens SQLite for a path, file: or :memory:, and PostgreSQL for postgres:// and postgresql://", async () => {
    expect(["./data/shop.db", "file:./x.db", ":memory:", "sqlite:./y.db"].map(dialectOfUrl)).toEqual([
      "sqlite",
      "sqlite",
      "sqlite",
      "sqlite",
    ]);
    expect(["postgres://u:p@db/shop", "postgresql://db/shop", " POSTGRES://db/x"].map(dialectOfUrl)).toEqual([
      "postgres",
      "postgres",
      "postgres",
    ]);
    const sqlite = openDatabase(":memory:");
    expect(sqlite.dialect).toBe("sqlite");
    expect(dialectOf(sqlite.db)).toBe("sqlite");
    expect(sqliteHandle(sqlite).pragma("foreign_keys", { simple: true })).toBe(1);
    await sqlite.close();
  });

  it("opens a pool of DATABASE_POOL_SIZE connections on PostgreSQL, and refuses SQLite-only handles there", async () => {
    const { url } = (opened = await openTestDatabase("postgres"));
    const database = openDatabase(url, { poolSize: 3 });
    try {
      expect(database.dialect).toBe("postgres");
      if (database.dialect !== "postgres") return;
      expect(database.pool.options.max).toBe(3);
      expect(dialectOf(database.db)).toBe("postgres");
      await database.db.transaction().execute(async (trx) => expect(dialectOf(trx)).toBe("postgres"));
      expect(() => sqliteHandle(database)).toThrow(/needs the SQLite database/);
      // Four queries at once on three connections: the fourth waits for a free one, none fails.
      const sleeps = await Promise.all(
        [1, 2, 3, 4].map((n) => sql<{ n: number }>`select ${n}::int as n, pg_sleep(0.05)`.execute(database.db)),
      );
      expect(sleeps.map((r) => r.rows[0]!.n)).toEqual([1, 2, 3, 4]);
    } finally {
      await database.close();
    }
  });
});

describe("PostgreSQL numbers come back exact", () => {
  it("reads bigint columns, count(*) and sums of money as numbers, as SQLite does", async () => {
    opened = await openTestDatabase("postgres");
    const { db } = opened.database;
    await db
      .insertInto("customers")
      .values({
        telegram_id: 8_000_000_001,
        chat_id: 8_000_000_001,
        first_name: "",
        language: "id",
        created_at: 1_796_671_139_497,
        updated_at: 1,
      })
      .execute();
    const customer = await db.selectFrom("customers").selectAll().executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ telegram_id: 8_000_000_001, created_at: 1_796_671_139_497, language_locked: 0 });
    expect(typeof customer.id).toBe("number");
    for (const [i, amount] of [2_500_000_000_000, 3, -1].entries()) {
      await db
        .insertInto("ledger_entries")
        .values({ customer_id: customer.id, amount, reason: "adjustment", reference: `r${i}`, created_at: 1 })
        .execute();
    }
    const totals = await db
      .selectFrom("ledger_entries")
      .select((eb) => [
        eb.fn.countAll<number>().as("n"),
        eb.fn.sum<number>("amount").as("total"),
        eb.fn.avg<number>("amount").as("mean"),
      ])
      .executeTakeFirstOrThrow();
    expect(totals).toEqual({ n: 3, total: 2_500_000_000_002, mean: 2_500_000_000_002 / 3 });
  });

  it("refuses an integer beyond Number.MAX_SAFE_INTEGER instead of rounding it", async () => {
    opened = await openTestDatabase("postgres");
    const { db } = opened.database;
    await expect(sql`select 9007199254740993::bigint as n`.execute(db)).rejects.toThrow(
      /9007199254740993.*MAX_SAFE_INTEGER/,
    );
    await expect(
      sql`select sum(x) as n from (values (9007199254740991::bigint), (2::bigint)) v(x)`.execute(db),
    ).rejects.toThrow(/MAX_SAFE_INTEGER/);
    // The pool is still usable after a refused row.
    expect((await sql<{ n: number }>`select 9007199254740991::bigint as n`.execute(db)).rows).toEqual([
      { n: Number.MAX_SAFE_INTEGER },
    ]);
    expect(parseSafeInteger("-42")).toBe(-42);
    expect(parseNumeric("12.5")).toBe(12.5);
    expect(() => parseNumeric("-9007199254740992")).toThrow(RangeError);
  });
});

describe("the webhook path's commits", () => {
  it.each(["sqlite", "postgres"] as const)(
    "on %s: each piece of work commits, and one that throws is rolled back alone",
    async (dialect) => {
      opened = await openTestDatabase(dialect);
      const { db } = opened.database;
      const commits = createCommits(opened.database);
      const put = (key: string) =>
        commits.run((trx) => trx.insertInto("kv").values({ key, value: "1", updated_at: 1 }).execute());
      const results = await Promise.allSettled([
        put("a"),
        commits.run(async (trx) => {
          await trx.insertInto("kv").values({ key: "b", value: "1", updated_at: 1 }).execute();
          throw new Error("boom");
        }),
        put("c"),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect((await db.selectFrom("kv").select("key").orderBy("key").execute()).map((r) => r.key)).toEqual(["a", "c"]);
    },
  );
});
