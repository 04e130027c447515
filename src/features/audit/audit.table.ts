import type { Generated, Selectable } from "kysely";

export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action: string;
  subject: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  created_at: number;
}

export type AuditLogRow = Selectable<AuditLogTable>;
