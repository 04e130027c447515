import type { Db } from "../db/open-database.js";
import { takeToken } from "../db/cluster.repository.js";
import type { Pacer } from "./pacer.js";

/**
 * A pacer shared by every instance on one database: each pass takes a token from the bucket row
 * `name` (refilled at `perSecond`), so N instances together still send at most `perSecond`, as
 * Telegram counts per bot, not per process. The local pacer in front keeps this process's callers
 * in line and spaced, so the row is asked about once per send, not by every waiting caller.
 * Wall-clock time, like the local pacer: the limit counts real seconds.
 */
export function createSharedPacer(deps: { db: Db; name: string; perSecond: number; local: Pacer }): Pacer {
  const { db, name, perSecond, local } = deps;
  const gapMs = 1_000 / perSecond;
  return {
    async wait() {
      await local.wait();
      // Burst 1: the instances' sends are spaced like one process's, never bunched.
      while (!(await takeToken(db, name, perSecond, 1, Date.now()))) {
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(gapMs)));
      }
    },
  };
}
