import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/infra/clock/clock.js";
import { createKvStorage } from "../../src/infra/db/kv-storage.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

/** Sessions and conversation state (the `kv` table) on both databases. */
describe.each(DIALECTS)("the key-value storage on %s", (dialect) => {
  let opened: TestDatabase;
  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
  });
  afterEach(() => opened.close());

  it("reads back what was written, overwrites in place, keeps prefixes apart and deletes", async () => {
    const clock = createManualClock();
    const sessions = createKvStorage<{ step: string; cart: number[] }>(opened.database.db, clock, "session:");
    const other = createKvStorage<string>(opened.database.db, clock, "conv:");
    expect(await sessions.read("42")).toBeUndefined();
    await sessions.write("42", { step: "target", cart: [1] });
    await other.write("42", "hai 👋");
    clock.advance(1_000);
    await sessions.write("42", { step: "pay", cart: [1, 2] });
    expect(await sessions.read("42")).toEqual({ step: "pay", cart: [1, 2] });
    expect(await other.read("42")).toBe("hai 👋");
    expect(await opened.database.db.selectFrom("kv").select(["key", "updated_at"]).orderBy("key").execute()).toEqual([
      { key: "conv:42", updated_at: clock.now() - 1_000 },
      { key: "session:42", updated_at: clock.now() },
    ]);
    await sessions.delete("42");
    expect(await sessions.read("42")).toBeUndefined();
  });

  it("takes many writes of one key at once without a conflict error, the last one kept whole", async () => {
    const sessions = createKvStorage<{ n: number }>(opened.database.db, createManualClock(), "session:");
    await Promise.all(Array.from({ length: 12 }, (_, n) => sessions.write("7", { n })));
    const value = await sessions.read("7");
    expect(value?.n).toBeGreaterThanOrEqual(0);
    expect(await opened.database.db.selectFrom("kv").select("key").execute()).toHaveLength(1);
  });
});
