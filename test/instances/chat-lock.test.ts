import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatLocks } from "../../src/bot/chat-lock.middleware.js";
import { systemClock } from "../../src/infra/clock/clock.js";
import { createCluster } from "../../src/infra/db/cluster.js";
import { openDatabase, type OpenedDatabase } from "../../src/infra/db/open-database.js";
import { captureLogs } from "../kit/log-capture.js";
import { createPostgresTestDatabase, ignoreDropOfClosedPool, type TestPostgresDatabase } from "../kit/test-database.js";

/**
 * Updates of one chat reaching two instances at once are handled one after the other, as within
 * one process: the session one writes is the one the next reads. Two pools on one PostgreSQL
 * database stand for the two instances.
 */
let database: TestPostgresDatabase;
let pools: OpenedDatabase[];

beforeEach(async () => {
  database = await createPostgresTestDatabase();
  pools = [0, 1].map(() =>
    openDatabase(database.url, {
      poolSize: 3,
      onPoolError: ignoreDropOfClosedPool,
    }),
  );
});
afterEach(async () => {
  for (const pool of pools) await pool.close();
  await database.drop();
});

describe("per-chat locks across instances", () => {
  it("never lets two instances work on the same chat at once, and frees the chat afterwards", async () => {
    const logger = captureLogs().logger;
    const instances = pools.map((pool, i) =>
      createChatLocks(
        createCluster({
          db: pool.db,
          clock: systemClock(),
          dialect: "postgres",
          instanceId: `instance-${i}`,
        }),
        logger,
      ),
    );
    const events: string[] = [];
    const work = (i: number) => async () => {
      events.push(`enter ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 15));
      events.push(`exit ${i}`);
    };
    await Promise.all(Array.from({ length: 6 }, (_, i) => instances[i % 2]!.run("100001", work(i))));

    expect(events).toHaveLength(12);
    // Every "enter" is followed by its own "exit" before anyone else enters.
    for (let k = 0; k < events.length; k += 2) {
      expect(events[k + 1]).toBe(events[k]!.replace("enter", "exit"));
    }
    expect(await pools[0]!.db.selectFrom("leases").selectAll().execute()).toEqual([]);
  });
});
