import { sql, type Transaction } from "kysely";
import type { Database } from "./database.js";
import type { Db, OpenedDatabase } from "./open-database.js";

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Pending {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit: many small write transactions that arrive together share one SQLite transaction,
 * so a burst of webhook deliveries costs one disk flush (synchronous=FULL) instead of one each.
 * Each piece of work runs in its own savepoint, so one that throws is rolled back alone and only
 * its caller sees the error; every caller's promise settles only after the shared commit is on
 * disk, so nobody acknowledges work that could still be lost.
 *
 * The work must use only the `trx` it is given: the database has one connection, and a query on
 * `db` from inside a batch would wait for the batch forever.
 */
export function createGroupCommit(db: Db, options: { maxBatch?: number } = {}) {
  const maxBatch = options.maxBatch ?? 200;
  const queue: Pending[] = [];
  // One batch at a time: whatever arrives while a batch commits waits for the next one, which is
  // what makes batches grow under load.
  let busy = false;

  const schedule = () => {
    if (busy || queue.length === 0) return;
    busy = true;
    setImmediate(() => {
      void flush(queue.splice(0, maxBatch)).finally(() => {
        busy = false;
        schedule();
      });
    });
  };

  const flush = async (batch: Pending[]): Promise<void> => {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const [i, item] of batch.entries()) {
          const savepoint = sql.raw(`gc_${i}`);
          await sql`savepoint ${savepoint}`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await item.work(trx) });
            await sql`release ${savepoint}`.execute(trx);
          } catch (error) {
            await sql`rollback to ${savepoint}`.execute(trx);
            await sql`release ${savepoint}`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing in this batch was written.
      for (const item of batch) item.reject(error);
      return;
    }
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    }
  };

  return {
    /** Runs `work` in a transaction shared with whatever else arrived in the same turn of the event loop. */
    run<T>(work: Work<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

/**
 * How the webhook path commits: SQLite shares one disk flush among a burst (group commit above);
 * PostgreSQL already groups WAL flushes across its connections, and a shared batch would hold one
 * pooled connection for everyone, so there each call is its own transaction.
 */
export function createCommits(database: OpenedDatabase): GroupCommit {
  if (database.dialect === "sqlite") return createGroupCommit(database.db);
  const { db } = database;
  return { run: (work) => db.transaction().execute(work) };
}
