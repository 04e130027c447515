import type { Db } from "../../infra/db/open-database.js";
import type { AdminRole, AdminRow, NewAdminRow } from "./admins.table.js";
import type { StaffProfileTable } from "./staff-profiles.table.js";

/** The `admins` and `staff_profiles` tables. Each function takes the executor, so a transaction can pass itself. */

export async function readRoles(db: Db): Promise<Map<number, AdminRole>> {
  return new Map(
    (await db.selectFrom("admins").select(["telegram_id", "role"]).execute()).map((r) => [r.telegram_id, r.role]),
  );
}

export async function listAdmins(db: Db): Promise<AdminRow[]> {
  return db.selectFrom("admins").selectAll().orderBy("created_at").execute();
}

export async function findAdmin(db: Db, telegramId: number): Promise<AdminRow | undefined> {
  return db.selectFrom("admins").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();
}

/** Adds a staff member, or changes the role and name of one already there. */
export async function upsertAdmin(db: Db, row: NewAdminRow & { updated_at: number }): Promise<void> {
  await db
    .insertInto("admins")
    .values(row)
    .onConflict((oc) =>
      oc.column("telegram_id").doUpdateSet({ role: row.role, name: row.name, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteAdmin(db: Db, telegramId: number): Promise<void> {
  await db.deleteFrom("admins").where("telegram_id", "=", telegramId).execute();
}

export async function listStaffProfiles(db: Db): Promise<StaffProfileTable[]> {
  return db.selectFrom("staff_profiles").selectAll().execute();
}

export async function upsertStaffProfile(db: Db, profile: StaffProfileTable): Promise<void> {
  const { name, username, updated_at } = profile;
  await db
    .insertInto("staff_profiles")
    .values(profile)
    .onConflict((oc) => oc.column("telegram_id").doUpdateSet({ name, username, updated_at }))
    .execute();
}
