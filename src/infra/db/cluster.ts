import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "../clock/clock.js";
import {
  claimOnce,
  countHit,
  deleteClaimsBefore,
  deleteCountsExpiredBefore,
  deleteLeasesExpiredBefore,
  expireCount,
  forgetClaim,
  forgetClaimsOf,
  leaseHolder,
  releaseLease,
  takeLease,
} from "./cluster.repository.js";
import type { Dialect } from "./dialect.js";
import type { Db } from "./open-database.js";

/** Names this process among the instances sharing a database: host, pid and a random tail (a restart is a new instance). */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * How this instance agrees with the others on one database: whether it is one of several (on
 * PostgreSQL; SQLite is one process), "once" claims and named leases. Every decision is a row the
 * database arbitrates, so instances need no other channel between them.
 */
export function createCluster(deps: { db: Db; clock: Clock; dialect: Dialect; instanceId?: string }) {
  const { db, clock } = deps;
  const instanceId = deps.instanceId ?? newInstanceId();
  return {
    instanceId,
    /** PostgreSQL: any number of instances may share the database, so cluster-wide "once" rules apply. */
    shared: deps.dialect === "postgres",
    /** True for exactly one instance per (name, slot). */
    claimOnce: (name: string, slot: string) => claimOnce(db, name, slot, instanceId, clock.now()),
    forgetClaim: (name: string, slot: string) => forgetClaim(db, name, slot),
    forgetClaimsOf: (name: string) => forgetClaimsOf(db, name),
    /** Housekeeping: claims older than three days (no tick or registration looks that far back). */
    pruneClaims: () => deleteClaimsBefore(db, clock.now() - 3 * 86_400_000),
    /** Housekeeping: leases that ran out a day ago (live ones are renewed or handed back long before). */
    pruneLeases: () => deleteLeasesExpiredBefore(db, clock.now() - 86_400_000),
    /** `holder` defaults to this instance; a finer one (one update) keeps two holders of one instance apart. */
    takeLease: (name: string, ttlMs: number, holder = instanceId) =>
      takeLease(db, name, holder, clock.now(), clock.now() + ttlMs),
    releaseLease: (name: string, holder = instanceId) => releaseLease(db, name, holder),
    leaseHolder: (name: string) => leaseHolder(db, name, clock.now()),
    /**
     * Fixed-window counters every instance shares, in the shape of the Redis client grammY's rate
     * limiter takes (`incr`, `pexpire`): a new window lasts `windowMs` from its first hit.
     */
    counters: (windowMs: number): SharedCounters => ({
      incr: (key) => countHit(db, key, clock.now(), windowMs),
      pexpire: (key, ms) => expireCount(db, key, clock.now() + ms),
    }),
    /** Housekeeping: counters whose window ended a day ago. */
    pruneCounters: () => deleteCountsExpiredBefore(db, clock.now() - 86_400_000),
  };
}

export type Cluster = ReturnType<typeof createCluster>;

export interface SharedCounters {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}
