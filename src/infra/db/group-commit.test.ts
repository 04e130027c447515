import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.js";
import { migrateToLatest } from "./migrations.js";
import { openSqlite, type SqliteDatabase } from "./open-sqlite.js";

let dir: string;
let opened: SqliteDatabase;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "group-commit-"));
  opened = openSqlite(join(dir, "shop.db"));
  await migrateToLatest(opened);
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (key: string) => async (trx: SqliteDatabase["db"]) => {
  await trx.insertInto("kv").values({ key, value: key, updated_at: 0 }).execute();
  return key;
};
const keys = async () => (await opened.db.selectFrom("kv").select("key").orderBy("key").execute()).map((r) => r.key);

describe("group commit", () => {
  it("writes work that arrives together in one transaction, and each caller gets its own result", async () => {
    const commits = createGroupCommit(opened.db);
    // A second connection sees only committed rows: while the batch runs, nothing of it is visible.
    const reader = new BetterSqlite3(join(dir, "shop.db"), { readonly: true });
    const visibleToOthers: number[] = [];
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((key) =>
        commits.run(async (trx) => {
          await put(key)(trx);
          visibleToOthers.push((reader.prepare("SELECT count(*) AS n FROM kv").get() as { n: number }).n);
          return key.toUpperCase();
        }),
      ),
    );
    expect(results).toEqual(["A", "B", "C", "D"]);
    expect(visibleToOthers).toEqual([0, 0, 0, 0]);
    expect((reader.prepare("SELECT count(*) AS n FROM kv").get() as { n: number }).n).toBe(4);
    reader.close();
  });

  it("rolls back only the work that failed, and only its caller sees the error", async () => {
    const commits = createGroupCommit(opened.db);
    const outcomes = await Promise.allSettled([
      commits.run(put("kept-1")),
      commits.run(async (trx) => {
        await put("rolled-back")(trx);
        throw new Error("this one fails");
      }),
      commits.run(put("kept-1")), // a unique-key clash: fails on its own
      commits.run(put("kept-2")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: "this one fails" });
    expect(await keys()).toEqual(["kept-1", "kept-2"]);
  });

  it("batches what arrives while a batch commits, and caps a batch's size", async () => {
    const commits = createGroupCommit(opened.db, { maxBatch: 3 });
    const reader = new BetterSqlite3(join(dir, "shop.db"), { readonly: true });
    const committedWhenRun: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        commits.run(async (trx) => {
          committedWhenRun.push((reader.prepare("SELECT count(*) AS n FROM kv").get() as { n: number }).n);
          await put(`k${i}`)(trx);
        }),
      ),
    );
    reader.close();
    expect(await keys()).toHaveLength(8);
    // Three batches of at most three: each sees what the batches before it committed.
    expect(committedWhenRun).toEqual([0, 0, 0, 3, 3, 3, 6, 6]);
  });

  it("rejects every caller of a batch whose commit fails, and writes none of it", async () => {
    const commits = createGroupCommit(opened.db);
    // A deferred foreign key fails only at COMMIT.
    opened.sqlite.exec(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);",
    );
    const outcomes = await Promise.allSettled([
      commits.run(put("lost")),
      commits.run(async (trx) => {
        await sql`INSERT INTO child (parent_id) VALUES (42)`.execute(trx);
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect(await keys()).toEqual([]);
    // The next batch works again.
    await commits.run(put("after"));
    expect(await keys()).toEqual(["after"]);
  });
});
