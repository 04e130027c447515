import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { errorMessage } from "../../shared/errors.js";
import {
  claimJob,
  failJob,
  finishJob,
  insertJob,
  nextDueTime,
  releaseJobsHeldBy,
  releaseRunningJobs,
  rescheduleJob,
} from "./jobs.repository.js";

/**
 * The outbox. A state change and the work it implies are written in one transaction (`enqueue` takes
 * the transaction); workers then run the work at least once, with leases so a crashed worker's job
 * is taken again. Handlers must therefore be idempotent, which each one is by checking state first.
 */
export interface NewJob {
  kind: string;
  payload: unknown;
  /** At most one job per key, ever: the second enqueue is a no-op. */
  dedupeKey?: string;
  delayMs?: number;
  maxAttempts?: number;
}

export interface JobContext {
  id: number;
  attempts: number;
  maxAttempts: number;
}

export type JobHandler = (payload: unknown, job: JobContext) => Promise<void>;

/** Thrown by a handler to run the job again later without counting it as an error. */
export class RetryJob extends Error {
  override readonly name = "RetryJob";
  constructor(
    readonly delayMs: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Lane {
  name: string;
  kinds: readonly string[];
  concurrency: number;
}

/** How long a claimed job is its worker's before another may take it (it must outlast the slowest handler). */
export const DEFAULT_LEASE_MS = 120_000;

export function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 10 * 60_000);
}

export function createJobQueue(deps: {
  db: Db;
  clock: Clock;
  /** This instance, written on the jobs it claims. */ holder?: string;
  leaseMs?: number;
}) {
  const { db, clock } = deps;
  const holder = deps.holder ?? null;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const listeners = new Set<() => void>();

  return {
    /** Adds a job inside the caller's transaction. Returns false when the dedupe key already exists. */
    async enqueue(trx: Db, job: NewJob): Promise<boolean> {
      const now = clock.now();
      const inserted = await insertJob(trx, {
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? null),
        dedupe_key: job.dedupeKey ?? null,
        run_at: now + (job.delayMs ?? 0),
        max_attempts: job.maxAttempts ?? 5,
        lease_until: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      });
      // Wake workers after the current tick; with one SQLite connection they see the job once committed.
      if (inserted) setImmediate(() => listeners.forEach((listener) => listener()));
      return inserted;
    },

    onEnqueue(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    claim: (kinds: readonly string[]) => claimJob(db, kinds, clock.now(), clock.now() + leaseMs, holder),
    complete: (id: number) => finishJob(db, id, clock.now(), holder),
    reschedule: (id: number, delayMs: number, error: string) =>
      rescheduleJob(db, id, clock.now() + delayMs, error, clock.now(), holder),
    fail: (id: number, error: string) => failJob(db, id, error, clock.now(), holder),
    nextDueTime: (kinds: readonly string[]) => nextDueTime(db, kinds),

    /**
     * A single worker process owns the queue (SQLite deployment): at its start, any job still marked
     * running belongs to a process that died mid-job, so it is taken again now instead of after its
     * lease runs out. Handlers are idempotent and detect a half-done supplier call themselves.
     */
    releaseAfterRestart: () => releaseRunningJobs(db, clock.now()),

    /** A clean stop: the jobs this instance still holds go back to the queue for the others (see releaseJobsHeldBy). */
    releaseHeld: async (): Promise<number> => (holder === null ? 0 : releaseJobsHeldBy(db, holder, clock.now())),
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;

export function createJobWorker(deps: {
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  lanes: Lane[];
  pollMs?: number;
}) {
  const { queue, clock, logger, handlers } = deps;
  const pollMs = deps.pollMs ?? 1_000;
  let running = false;
  let loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();
  const wakeAll = () => wakers.forEach((wake) => wake());

  /** Runs one claimed job; every outcome is recorded on the job row. */
  const runJob = async (job: NonNullable<Awaited<ReturnType<JobQueue["claim"]>>>): Promise<void> => {
    const handler = handlers[job.kind];
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    if (!handler) {
      await queue.fail(job.id, `no handler for job kind ${job.kind}`);
      log.error("job has no handler");
      return;
    }
    try {
      await handler(JSON.parse(job.payload) as unknown, {
        id: job.id,
        attempts: job.attempts,
        maxAttempts: job.max_attempts,
      });
      await queue.complete(job.id);
    } catch (error) {
      if (error instanceof RetryJob) {
        await queue.reschedule(job.id, error.delayMs, error.message);
        log.info({ delayMs: error.delayMs, reason: error.message }, "job rescheduled");
      } else if (job.attempts >= job.max_attempts) {
        await queue.fail(job.id, errorMessage(error));
        log.error({ err: error }, "job failed for good");
      } else {
        await queue.reschedule(job.id, backoffMs(job.attempts), errorMessage(error));
        log.warn({ err: error }, "job failed; will retry");
      }
    }
  };

  const loop = async (lane: Lane): Promise<void> => {
    while (running) {
      let job;
      try {
        job = await queue.claim(lane.kinds);
      } catch (error) {
        logger.error({ err: error, lane: lane.name }, "cannot claim jobs");
      }
      if (job) {
        await runJob(job);
        continue;
      }
      const next = await queue.nextDueTime(lane.kinds).catch(() => undefined);
      const waitMs = next === undefined ? pollMs : Math.max(10, Math.min(pollMs, next - clock.now()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        }
        wakers.add(done);
      });
    }
  };

  let unsubscribe: (() => void) | undefined;
  return {
    start(): void {
      if (running) return;
      running = true;
      unsubscribe = queue.onEnqueue(wakeAll);
      loops = deps.lanes.flatMap((lane) => Array.from({ length: lane.concurrency }, () => loop(lane)));
    },

    /**
     * Lets in-flight jobs finish; jobs not yet taken stay queued for the next start. With `graceMs`
     * it returns after that long even if a handler still runs (a stop bounded by the orchestrator's
     * grace period); the caller then hands those jobs back (`queue.releaseHeld`).
     */
    async stop(options: { graceMs?: number } = {}): Promise<void> {
      running = false;
      unsubscribe?.();
      wakeAll();
      const all = Promise.all(loops);
      if (options.graceMs === undefined) await all;
      else {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, options.graceMs)))]);
        clearTimeout(timer);
      }
      loops = [];
    },

    /** Runs every job that is due now, one at a time, until none is left (tests and the CLI). */
    async runDue(kinds: readonly string[] = Object.keys(handlers)): Promise<number> {
      let count = 0;
      for (let job = await queue.claim(kinds); job; job = await queue.claim(kinds)) {
        await runJob(job);
        count++;
      }
      return count;
    },
  };
}

export type JobWorker = ReturnType<typeof createJobWorker>;
