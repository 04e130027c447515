/** The staff area of the admin API (admin.staff.api.ts): owners only. */
import type { StaffMember } from "../admins.service.js";
import type { Permission, StaffRole } from "./common.contract.js";

export type { StaffMember };

/** GET /staff: the staff, and what each role may do. */
export interface StaffList {
  staff: StaffMember[];
  roles: Array<{ role: StaffRole; permissions: Permission[] }>;
}

/** POST /staff (201), PUT /staff/:telegramId */
export interface StaffSaved {
  member: StaffMember;
}
