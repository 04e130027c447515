import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { createJobQueue, type JobQueue } from "../../src/features/jobs/job-queue.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

/** The outbox on both databases: dedupe, due times, leases, and claims by several workers at once. */
describe.each(DIALECTS)("the job outbox on %s", (dialect) => {
  let opened: TestDatabase;
  let clock: ManualClock;
  let queue: JobQueue;

  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
    clock = createManualClock();
    queue = createJobQueue({ db: opened.database.db, clock });
  });
  afterEach(() => opened.close());

  const db = () => opened.database.db;

  it("enqueues a dedupe key once and claims only due jobs of the asked kinds", async () => {
    expect(await queue.enqueue(db(), { kind: "notify", payload: { chat: 1 }, dedupeKey: "n:1" })).toBe(true);
    expect(await queue.enqueue(db(), { kind: "notify", payload: { chat: 1 }, dedupeKey: "n:1" })).toBe(false);
    await queue.enqueue(db(), { kind: "notify", payload: { chat: 2 }, delayMs: 60_000 });
    await queue.enqueue(db(), { kind: "place_order", payload: { order: 7 } });

    const job = await queue.claim(["notify"]);
    expect(job).toMatchObject({
      kind: "notify",
      payload: JSON.stringify({ chat: 1 }),
      status: "running",
      attempts: 1,
      lease_until: clock.now() + 120_000,
    });
    expect(await queue.claim(["notify"])).toBeUndefined();
    expect(await queue.nextDueTime(["notify"])).toBe(clock.now() + 60_000);

    clock.advance(60_000);
    expect(await queue.claim(["notify"])).toMatchObject({ payload: JSON.stringify({ chat: 2 }) });
    await queue.complete(job!.id);
    expect(await db().selectFrom("jobs").select(["kind", "status"]).orderBy("id").execute()).toEqual([
      { kind: "notify", status: "done" },
      { kind: "notify", status: "running" },
      { kind: "place_order", status: "pending" },
    ]);
  });

  it("takes a job again once its worker's lease ran out (the worker died)", async () => {
    await queue.enqueue(db(), { kind: "notify", payload: null });
    const first = await queue.claim(["notify"]);
    clock.advance(119_000);
    expect(await queue.claim(["notify"])).toBeUndefined();
    clock.advance(2_000);
    expect(await queue.claim(["notify"])).toMatchObject({ id: first!.id, attempts: 2 });
  });

  it("gives each of 60 jobs to exactly one of 6 workers claiming at the same time", async () => {
    for (let i = 0; i < 60; i++) await queue.enqueue(db(), { kind: "notify", payload: i });
    const claimed: number[] = [];
    const worker = async () => {
      for (;;) {
        const job = await queue.claim(["notify"]);
        if (!job) return;
        claimed.push(job.id);
        await queue.complete(job.id);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(claimed).toHaveLength(60);
    expect(new Set(claimed).size).toBe(60);
    const attempts = await db().selectFrom("jobs").select("attempts").distinct().execute();
    expect(attempts).toEqual([{ attempts: 1 }]);
  });

  it(
    dialect === "sqlite"
      ? "frees running jobs at start-up (one process owns the queue)"
      : "leaves running jobs alone at start-up (other instances may be running them)",
    async () => {
      await queue.enqueue(db(), { kind: "notify", payload: null });
      await queue.claim(["notify"]);
      const released = await queue.releaseAfterRestart();
      const { status } = await db().selectFrom("jobs").select("status").executeTakeFirstOrThrow();
      if (dialect === "sqlite") {
        expect([released, status]).toEqual([1, "pending"]);
      } else {
        expect([released, status]).toEqual([0, "running"]);
      }
    },
  );
});
