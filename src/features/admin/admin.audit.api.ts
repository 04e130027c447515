import { z } from "zod";
import { toAuditView } from "../audit/audit.view.js";
import { actorNamer } from "./admin.actors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { parseInput } from "./admin.http.js";
import type { AuditPage } from "./contracts/audit.contract.js";

const AuditQuery = z.object({
  subject: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** "12345" means the Telegram user 12345, as audit entries name staff. */
const actorOf = (text: string | undefined) => (text && /^\d+$/.test(text) ? `telegram:${text}` : text);

/** The services this area is given (admin.areas.ts). */
export type AuditAreaDeps = Pick<AdminServices, "audit" | "admins">;

/**
 * The audit log (view: owners, admins and operators alike). Entries come out as field-by-field
 * changes with secrets removed for everyone (audit.view.ts), so the role does not matter here.
 */
export const auditArea: AdminArea<AuditAreaDeps> = (api, deps) => {
  api.get("/audit", requirePermission("view"), async (c) => {
    const { subject, actor, page, pageSize } = parseInput(AuditQuery, c.req.query());
    const [result, nameOf] = await Promise.all([
      deps.audit.page({ subject, actor: actorOf(actor) }, page, pageSize),
      actorNamer(deps.admins),
    ]);
    return c.json({
      items: result.entries.map((row) => ({
        ...toAuditView(row),
        actorName: nameOf(row.actor).name,
        actorRole: nameOf(row.actor).role,
      })),
      total: result.total,
      page,
      pageSize,
    } satisfies AuditPage);
  });
};
