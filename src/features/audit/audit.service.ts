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
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
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
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
