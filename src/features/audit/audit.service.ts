import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { AuditLogRow } from "./audit.table.js";

/** Append-only record of who changed what, with the state before and after. */
export interface AuditEntry {
  /** "cli", "telegram:<id>", "system" */
  actor: string;
  action: string;
  /** "order:12", "customer:3", "service:45" */
  subject: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null | undefined;
}

export function createAuditService(deps: { db: Db; clock: Clock }) {
  return {
    /** Written inside the caller's transaction, so the change and its record land together. */
    async record(trx: Db, entry: AuditEntry): Promise<void> {
      await trx
        .insertInto("audit_log")
        .values({
          actor: entry.actor,
          action: entry.action,
          subject: entry.subject,
          before: entry.before == null ? null : JSON.stringify(entry.before),
          after: entry.after == null ? null : JSON.stringify(entry.after),
          reason: entry.reason ?? null,
          created_at: deps.clock.now(),
        })
        .execute();
    },

    async recent(filter: { subject?: string } = {}, limit = 50): Promise<AuditLogRow[]> {
      let query = deps.db.selectFrom("audit_log").selectAll();
      if (filter.subject) query = query.where("subject", "=", filter.subject);
      return query.orderBy("id", "desc").limit(limit).execute();
    },

    /**
     * A page of the log, newest first, with the total. `subject` is exact ("order:12") or, ending
     * in ":" or naming only a kind ("order"), every subject of that kind; `actor` is exact.
     */
    async page(filter: { subject?: string | undefined; actor?: string | undefined }, page: number, pageSize: number): Promise<{ entries: AuditLogRow[]; total: number }> {
      let query = deps.db.selectFrom("audit_log");
      const subject = filter.subject?.trim();
      if (subject) {
        const kindOnly = /^[a-z-]+:?$/i.test(subject); // no LIKE wildcards can get in
        query = kindOnly ? query.where("subject", "like", `${subject.replace(/:$/, "")}:%`) : query.where("subject", "=", subject);
      }
      if (filter.actor?.trim()) query = query.where("actor", "=", filter.actor.trim());
      const total = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const entries = await query.selectAll().orderBy("id", "desc").limit(pageSize).offset(page * pageSize).execute();
      return { entries, total: Number(total.n) };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
