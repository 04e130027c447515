import type { AdminsService } from "./admins.service.js";
import type { AdminRole } from "./admins.table.js";

export interface ActorInfo {
  name: string | null;
  role: AdminRole | null;
}

/**
 * Audit entries name their actor as "telegram:<id>", "cli" or "system"; people read names. Staff
 * added in the app have a name; owners from ADMIN_TELEGRAM_IDS may not, and are shown by role.
 * Someone no longer on the staff list keeps their id only.
 */
export async function actorNamer(admins: AdminsService): Promise<(actor: string) => ActorInfo> {
  const staff = new Map(
    (await admins.list()).map((s) => [`telegram:${s.telegramId}`, { name: s.name || null, role: s.role }]),
  );
  return (actor) => staff.get(actor) ?? { name: null, role: null };
}
