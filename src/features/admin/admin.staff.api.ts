import { z } from "zod";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody } from "./admin.http.js";
import { permissionsOf } from "./admin.permissions.js";
import type { Removed } from "./contracts/common.contract.js";
import type { StaffList, StaffSaved } from "./contracts/staff.contract.js";

const ROLES = ["owner", "admin", "operator"] as const;
const AddBody = z.object({
  telegramId: z.number({ message: "telegramId is the person's numeric Telegram id" }).int().positive(),
  role: z.enum(ROLES, { message: "role is owner, admin or operator" }),
  name: z.string({ message: "name is text" }).trim().max(64, "at most 64 characters").default(""),
});
const ChangeBody = z.object({
  role: z.enum(ROLES, { message: "role is owner, admin or operator" }),
  name: z.string({ message: "name is text" }).trim().max(64, "at most 64 characters").optional(),
});

const yourself = () =>
  new AppError("admin.invalid_input", "you cannot change or remove your own access; ask another owner");

/** The services this area is given (admin.areas.ts). */
export type StaffAreaDeps = Pick<AdminServices, "admins">;

/**
 * Staff (owners only): who may open the admin app and use /admin, with a role each. Owners named
 * in ADMIN_TELEGRAM_IDS are listed but fixed (changed in the environment, so a shop can never
 * lock itself out); nobody changes their own access. The admins service audits every change, and
 * the bot's menu buttons and hand-off alerts follow the list at once.
 */
export const staffArea: AdminArea<StaffAreaDeps> = (api, deps) => {
  api.get("/staff", requirePermission("staff"), async (c) =>
    c.json({
      staff: await deps.admins.list(),
      roles: ROLES.map((role) => ({ role, permissions: permissionsOf(role) })),
    } satisfies StaffList),
  );

  api.post("/staff", requirePermission("staff"), async (c) => {
    const body = await jsonBody(c, AddBody);
    if (body.telegramId === c.get("admin").telegramId) throw yourself();
    const existing = (await deps.admins.list()).find((s) => s.telegramId === body.telegramId);
    if (existing)
      throw new AppError("admin.conflict", `${body.telegramId} is already on the staff as ${existing.role}`);
    return c.json({ member: await deps.admins.grant(body, c.get("admin").actor) } satisfies StaffSaved, 201);
  });

  api.put("/staff/:telegramId", requirePermission("staff"), async (c) => {
    const telegramId = idParam(c, "telegramId");
    const body = await jsonBody(c, ChangeBody);
    if (telegramId === c.get("admin").telegramId) throw yourself();
    const existing = (await deps.admins.list()).find((s) => s.telegramId === telegramId);
    if (!existing) throw new AppError("admin.not_found", `no staff member with Telegram id ${telegramId}`);
    return c.json({
      member: await deps.admins.grant(
        { telegramId, role: body.role, name: body.name ?? existing.name },
        c.get("admin").actor,
      ),
    } satisfies StaffSaved);
  });

  api.delete("/staff/:telegramId", requirePermission("staff"), async (c) => {
    const telegramId = idParam(c, "telegramId");
    if (telegramId === c.get("admin").telegramId) throw yourself();
    await deps.admins.revoke(telegramId, c.get("admin").actor);
    return c.json({ removed: true } satisfies Removed);
  });
};
