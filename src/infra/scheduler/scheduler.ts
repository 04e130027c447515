import { Cron } from "croner";
import type { Logger } from "../../logger.js";

/** Recurring work (reconciliation, status sync). Overlapping runs are skipped, errors are logged. */
export interface Scheduler {
  register(name: string, pattern: string, task: () => Promise<unknown>): void;
  /** Runs a registered task now (for "sync now" and tests), respecting the no-overlap rule. */
  trigger(name: string): Promise<void>;
  stopAll(): void;
}

export function createScheduler(logger: Logger, timezone = "Asia/Jakarta"): Scheduler {
  const jobs = new Map<string, Cron>();
  return {
    register(name, pattern, task) {
      jobs.get(name)?.stop();
      const job = new Cron(
        pattern,
        { name, timezone, protect: true, unref: true, catch: (error) => logger.error({ err: error, job: name }, "scheduled job failed") },
        async () => {
          await task();
        },
      );
      jobs.set(name, job);
    },
    async trigger(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no scheduled job named ${name}`);
      await job.trigger();
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
