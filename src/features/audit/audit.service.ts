import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { countAuditRows, insertAuditRow, pageAuditRows, type AuditRowFilter } from "./audit.repository.js";
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
  /** Written inside the caller's transaction, so the change and its record land together. */
  const record = async (trx: Db, entry: AuditEntry): Promise<void> => {
    await insertAuditRow(trx, {
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      before: entry.before == null ? null : JSON.stringify(entry.before),
      after: entry.after == null ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      created_at: deps.clock.now(),
    });
  };

  return {
    record,

    /** An entry for something that wrote nothing else (a forced sync), in a transaction of its own. */
    async recordAlone(entry: AuditEntry): Promise<void> {
      await deps.db.transaction().execute((trx) => record(trx, entry));
    },

    async recent(filter: { subject?: string } = {}, limit = 50): Promise<AuditLogRow[]> {
      return pageAuditRows(
        deps.db,
        { subject: filter.subject ? { exact: filter.subject } : undefined },
        { offset: 0, limit },
      );
    },

    /**
     * A page of the log, newest first, with the total. `subject` is exact ("order:12") or, ending
     * in ":" or naming only a kind ("order"), every subject of that kind; `actor` is exact.
     */
    async page(
      filter: { subject?: string | undefined; actor?: string | undefined },
      page: number,
      pageSize: number,
    ): Promise<{ entries: AuditLogRow[]; total: number }> {
      const subject = filter.subject?.trim();
      const kindOnly = subject ? /^[a-z-]+:?$/i.test(subject) : false; // no LIKE wildcards can get in
      const rows: AuditRowFilter = {
        subject: subject ? (kindOnly ? { kind: subject.replace(/:$/, "") } : { exact: subject }) : undefined,
        actor: filter.actor?.trim() || undefined,
      };
      const total = await countAuditRows(deps.db, rows);
      const entries = await pageAuditRows(deps.db, rows, { offset: page * pageSize, limit: pageSize });
      return { entries, total };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
