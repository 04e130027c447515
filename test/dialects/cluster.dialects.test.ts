import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { createCluster } from "../../src/infra/db/cluster.js";
import { takeToken } from "../../src/infra/db/cluster.repository.js";
import { openDatabase } from "../../src/infra/db/open-database.js";
import { createJobQueue, createJobWorker } from "../../src/features/jobs/job-queue.js";
import { captureLogs } from "../kit/log-capture.js";
import { DIALECTS, ignoreDropOfClosedPool, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

/**
 * What instances sharing one database agree through (issue 13 point 3), on both dialects: "once"
 * claims, leases, the shared token bucket and jobs handed back by their holder. On PostgreSQL the
 * second "instance" is a second connection pool on the same database, as a second process has.
 */
describe.each(DIALECTS)("cluster coordination on %s", (dialect) => {
  let opened: TestDatabase;
  let clock: ManualClock;
  let other: ReturnType<typeof openDatabase> | undefined;

  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
    clock = createManualClock();
  });
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await opened.close();
  });

  /** A second instance's view of the database: its own pool on PostgreSQL, the same handle on SQLite (one process). */
  const secondDb = () => {
    if (dialect === "sqlite") return opened.database.db;
    other = openDatabase(opened.url, {
      poolSize: 4,
      onPoolError: ignoreDropOfClosedPool,
    });
    return other.db;
  };
  const instance = (db = opened.database.db, id?: string) =>
    createCluster({ db, clock, dialect, ...(id ? { instanceId: id } : {}) });

  it("lets exactly one of 20 instances claiming the same tick at once run it", async () => {
    const db2 = secondDb();
    const instances = Array.from({ length: 20 }, (_, i) => instance(i % 2 === 0 ? opened.database.db : db2, `i${i}`));
    const won = await Promise.all(
      instances.map((c) => c.claimOnce("schedule:status-sync", "2026-12-08T01:00:00.000Z")),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
    // The next tick is a new claim; a forgotten claim may be claimed again.
    expect(await instances[3]!.claimOnce("schedule:status-sync", "2026-12-08T01:05:00.000Z")).toBe(true);
    await instances[3]!.forgetClaim("schedule:status-sync", "2026-12-08T01:05:00.000Z");
    expect(await instances[4]!.claimOnce("schedule:status-sync", "2026-12-08T01:05:00.000Z")).toBe(true);
    // Housekeeping forgets claims older than three days.
    clock.advance(3 * 86_400_000 + 1);
    expect(await instances[0]!.pruneClaims()).toBe(2);
    expect(await instances[5]!.claimOnce("schedule:status-sync", "2026-12-08T01:00:00.000Z")).toBe(true);
  });

  it("keeps a lease with its holder until it runs out or is handed back", async () => {
    const a = instance(opened.database.db, "a");
    const b = instance(secondDb(), "b");
    expect(await a.takeLease("telegram-polling", 30_000)).toBe(true);
    expect(await b.takeLease("telegram-polling", 30_000)).toBe(false);
    expect(await b.leaseHolder("telegram-polling")).toBe("a");
    // The holder renews; the other still cannot take it.
    clock.advance(20_000);
    expect(await a.takeLease("telegram-polling", 30_000)).toBe(true);
    clock.advance(20_000);
    expect(await b.takeLease("telegram-polling", 30_000)).toBe(false);
    // The holder died: once its lease ran out, the other takes it.
    clock.advance(10_001);
    expect(await b.leaseHolder("telegram-polling")).toBeUndefined();
    expect(await b.takeLease("telegram-polling", 30_000)).toBe(true);
    // Handed back on a clean stop: free at once. A non-holder's release changes nothing.
    await a.releaseLease("telegram-polling");
    expect(await a.takeLease("telegram-polling", 30_000)).toBe(false);
    await b.releaseLease("telegram-polling");
    expect(await a.takeLease("telegram-polling", 30_000)).toBe(true);
    // Housekeeping forgets a lease a dead holder left a day ago, not a live one.
    expect(await b.takeLease("chat:1", 30_000)).toBe(true);
    clock.advance(86_400_000 + 30_001);
    expect(await a.takeLease("telegram-polling", 30_000)).toBe(true);
    expect(await a.pruneLeases()).toBe(1);
    expect(await a.leaseHolder("telegram-polling")).toBe("a");
  });

  it("gives out one token per 1/30 s from a bucket shared by every instance", async () => {
    const db2 = secondDb();
    const t = 1_000_000;
    const tries = (now: number) =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) => takeToken(i % 2 === 0 ? opened.database.db : db2, "telegram", 30, 1, now)),
      );
    // A full bucket (burst 1): one of ten callers at once gets through.
    expect((await tries(t)).filter(Boolean)).toHaveLength(1);
    // 20 ms later no new token yet; at 1/30 s one more; after a long pause still only the burst.
    expect((await tries(t + 20)).filter(Boolean)).toHaveLength(0);
    expect((await tries(t + 34)).filter(Boolean)).toHaveLength(1);
    expect((await tries(t + 60_000)).filter(Boolean)).toHaveLength(1);
    // A caller whose clock is behind the last taker's earns nothing from the difference.
    expect((await tries(t + 59_990)).filter(Boolean)).toHaveLength(0);
  });

  it("hands back on stop only the jobs this instance holds", async () => {
    const db2 = secondDb();
    const mine = createJobQueue({ db: opened.database.db, clock, holder: "a" });
    const theirs = createJobQueue({ db: db2, clock, holder: "b" });
    await mine.enqueue(opened.database.db, { kind: "notify", payload: 1 });
    await mine.enqueue(opened.database.db, { kind: "notify", payload: 2 });
    const held = await mine.claim(["notify"]);
    const taken = await theirs.claim(["notify"]);
    expect([held?.leased_by, taken?.leased_by]).toEqual(["a", "b"]);

    expect(await mine.releaseHeld()).toBe(1);
    const rows = await opened.database.db
      .selectFrom("jobs")
      .select(["id", "status", "leased_by", "lease_until"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { id: held!.id, status: "pending", leased_by: null, lease_until: null },
      {
        id: taken!.id,
        status: "running",
        leased_by: "b",
        lease_until: clock.now() + 120_000,
      },
    ]);
    // The other instance takes the handed-back job at once, without waiting for the lease.
    expect(await theirs.claim(["notify"])).toMatchObject({
      id: held!.id,
      attempts: 2,
      leased_by: "b",
    });
    await theirs.complete(held!.id);
    expect(
      await opened.database.db
        .selectFrom("jobs")
        .select(["status", "leased_by"])
        .where("id", "=", held!.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "done", leased_by: null });
  });

  it("stops within its grace period while a job still runs, and hands that job back", async () => {
    const queue = createJobQueue({
      db: opened.database.db,
      clock,
      holder: "a",
    });
    await queue.enqueue(opened.database.db, {
      kind: "place_order",
      payload: 1,
    });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finish!: () => void;
    const stuck = new Promise<void>((resolve) => (finish = resolve));
    const worker = createJobWorker({
      queue,
      clock,
      logger: captureLogs().logger,
      handlers: { place_order: async () => (started(), stuck) },
      lanes: [{ name: "supplier", kinds: ["place_order"], concurrency: 1 }],
      pollMs: 20,
    });
    worker.start();
    await running;
    await worker.stop({ graceMs: 50 });
    expect(await queue.releaseHeld()).toBe(1);
    const jobRow = () =>
      opened.database.db.selectFrom("jobs").select(["id", "status", "leased_by"]).executeTakeFirstOrThrow();
    expect(await jobRow()).toMatchObject({
      status: "pending",
      leased_by: null,
    });
    // The late handler's outcome no longer counts: the job is the next holder's.
    await queue.complete((await jobRow()).id);
    expect(await jobRow()).toMatchObject({
      status: "pending",
      leased_by: null,
    });
    finish();
  });

  it("counts hits in a window shared by every instance, and starts a new window after it ends", async () => {
    const db2 = secondDb();
    const counters = [instance(opened.database.db, "a").counters(60_000), instance(db2, "b").counters(60_000)];
    const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => counters[i % 2]!.incr("customer:7")));
    expect([...counts].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await counters[0]!.incr("customer:8")).toBe(1);
    clock.advance(60_000);
    expect(await counters[1]!.incr("customer:7")).toBe(1);
    // pexpire moves the window's end (what the rate limiter calls after a first hit).
    expect(await counters[0]!.pexpire("customer:7", 5_000)).toBe(1);
    clock.advance(5_000);
    expect(await counters[0]!.incr("customer:7")).toBe(1);
    clock.advance(86_400_000 + 60_001);
    expect(await instance().pruneCounters()).toBe(2);
  });
});
