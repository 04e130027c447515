import { Cron } from "croner";
import type { Logger } from "../../logger.js";

/** Recurring work (reconciliation, status sync). Overlapping runs are skipped, errors are logged. */
export interface Scheduler {
  register(name: string, pattern: string, task: () => Promise<unknown>): void;
  /** Runs a registered task now (for "sync now" and tests), respecting the no-overlap rule. */
  trigger(name: string): Promise<void>;
  stopAll(): void;
}

export interface SchedulerOptions {
  /**
   * Several instances: every instance's scheduler fires each tick, and only the one whose claim of
   * (name, tick) lands runs it. Absent (one process on SQLite): every tick runs here.
   */
  claimTick?: (name: string, tick: Date) => Promise<boolean>;
}

/** A tick fires at its scheduled second, give or take the event loop: the latest due tick names it. */
const TICK_SLACK_MS = 500;

export function createScheduler(logger: Logger, timezone = "Asia/Jakarta", options: SchedulerOptions = {}): Scheduler {
  const jobs = new Map<string, Cron>();
  const { claimTick } = options;
  const manual = new Set<string>();
  return {
    register(name, pattern, task) {
      jobs.get(name)?.stop();
      const job = new Cron(
        pattern,
        // No croner `name`: croner keeps names unique per process, and two shops in one process
        // (tests of several instances) each have their own schedule of the same name.
        {
          timezone,
          protect: true,
          unref: true,
          catch: (error) => logger.error({ err: error, job: name }, "scheduled job failed"),
        },
        async (self: Cron) => {
          if (claimTick && !manual.has(name)) {
            const tick = self.previousRuns(1, new Date(Date.now() + TICK_SLACK_MS))[0];
            if (tick && !(await claimTick(name, tick))) return;
          }
          await task();
        },
      );
      jobs.set(name, job);
    },
    // A run asked for by hand ("sync now") is not a tick: it runs here, whoever ran the last tick.
    async trigger(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no scheduled job named ${name}`);
      manual.add(name);
      try {
        await job.trigger();
      } finally {
        manual.delete(name);
      }
    },
    stopAll() {
      for (const job of jobs.values()) job.stop();
      jobs.clear();
    },
  };
}

/** Whether croner accepts a pattern (checked before a schedule setting is stored, not at the next start). */
export function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true, timezone: "Asia/Jakarta" }).stop();
    return true;
  } catch {
    return false;
  }
}
