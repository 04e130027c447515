/** The import area of the admin API (admin.import.api.ts): background catalog imports the app polls. */
import type { ImportTask as Task } from "../../catalog/catalog.import-tasks.js";
import type { ImportProgress, ImportReport } from "../../catalog/catalog.import.js";
import type { SkippedRow } from "../../catalog/catalog.validate.js";
import type { CatalogSync } from "./suppliers.contract.js";

export type { ImportProgress, ImportReport, SkippedRow };

/** POST /imports (202), GET /imports/:id: one import with its progress, then its report. */
export type ImportTask = Task;

/** GET /imports: running and recent tasks (without their reports), the stored history, the form's default. */
export interface ImportOverview {
  tasks: Array<Omit<ImportTask, "report"> & { hasReport: boolean }>;
  history: CatalogSync[];
  reviewByDefault?: boolean;
}
