import type { Generated, Insertable, Selectable } from "kysely";

export type JobStatus = "pending" | "running" | "done" | "failed";

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  status: Generated<JobStatus>;
  run_at: number;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lease_until: number | null;
  /** The instance whose worker holds the lease (see `instanceId`); null when none does. */
  leased_by: Generated<string | null>;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
