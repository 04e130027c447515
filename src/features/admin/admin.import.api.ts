import { z } from "zod";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody, parseInput } from "./admin.http.js";
import type { ImportOverview, ImportTask } from "./contracts/imports.contract.js";

const StartBody = z.object({
  supplierId: z.number({ message: "supplierId is the supplier's id" }).int().positive(),
  /** true: new services come in hidden for review; false: on sale at once; absent: the default. */
  review: z.boolean().optional(),
});
const ListQuery = z.object({ supplierId: z.coerce.number().int().positive().optional() });

/** The services this area is given (admin.areas.ts). */
export type ImportAreaDeps = Pick<AdminServices, "importTasks" | "catalog">;

/**
 * Catalog imports and re-syncs (manage), run in the background: POST answers at once with the task
 * (202), the app polls GET /imports/:id for the progress and then the report (counts, and every
 * skipped row with its reason). A second import of the same supplier while one runs is a 409.
 */
export const importArea: AdminArea<ImportAreaDeps> = (api, deps) => {
  api.post("/imports", requirePermission("manage"), async (c) => {
    const { supplierId, review } = await jsonBody(c, StartBody);
    const task = await deps.importTasks.start(supplierId, c.get("admin").actor, { review });
    return c.json(task satisfies ImportTask, 202);
  });

  api.get("/imports", requirePermission("manage"), async (c) => {
    const { supplierId } = parseInput(ListQuery, c.req.query());
    // Running and recent tasks of this process (with their reports), then the stored history (counts).
    const tasks = deps.importTasks
      .list(supplierId)
      .map(({ report, ...task }) => ({ ...task, hasReport: report !== null }));
    const history = supplierId ? await deps.catalog.recentSyncsOf(supplierId, 10) : await deps.catalog.recentSyncs(10);
    // What the import form preselects for this supplier's new services.
    const reviewByDefault = supplierId ? await deps.catalog.reviewByDefault(supplierId) : undefined;
    return c.json({
      tasks,
      history,
      ...(reviewByDefault !== undefined ? { reviewByDefault } : {}),
    } satisfies ImportOverview);
  });

  api.get("/imports/:id", requirePermission("manage"), (c) => {
    const task = deps.importTasks.get(c.req.param("id"));
    if (!task)
      throw new AppError(
        "admin.not_found",
        "no such import: it finished long ago or the shop restarted since; see the supplier's history",
      );
    return c.json(task satisfies ImportTask);
  });
};
