import type { Insertable } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import type { AuditLogRow, AuditLogTable } from "./audit.table.js";

/** The `audit_log` table: appended to, never changed. */

export async function insertAuditRow(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto("audit_log").values(row).execute();
}

/** Which entries a page of the log shows: an exact subject, or every subject of a kind; an exact actor. */
export interface AuditRowFilter {
  subject?: { exact: string } | { kind: string } | undefined;
  actor?: string | undefined;
}

const filtered = (db: Db, filter: AuditRowFilter) => {
  let query = db.selectFrom("audit_log");
  if (filter.subject && "exact" in filter.subject) query = query.where("subject", "=", filter.subject.exact);
  if (filter.subject && "kind" in filter.subject) query = query.where("subject", "like", `${filter.subject.kind}:%`);
  if (filter.actor) query = query.where("actor", "=", filter.actor);
  return query;
};

export async function countAuditRows(db: Db, filter: AuditRowFilter): Promise<number> {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(total.n);
}

/** Newest first. */
export async function pageAuditRows(
  db: Db,
  filter: AuditRowFilter,
  page: { offset: number; limit: number },
): Promise<AuditLogRow[]> {
  return filtered(db, filter).selectAll().orderBy("id", "desc").limit(page.limit).offset(page.offset).execute();
}
