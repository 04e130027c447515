/**
 * What every area of the admin API (`/api/admin/*`) shares: pages, roles, the signed-in admin and
 * the error body. The contract files in this folder are the one description of the API's wire
 * shapes: the routes check their answers against them (`satisfies`) and the Mini App imports them
 * type-only, so nothing here may hold runtime code the app would have to bundle.
 */
import type { AdminRole } from "../admins.table.js";
import type { Permission } from "../admin.permissions.js";

export type StaffRole = AdminRole;
export type { Permission };

/** One page of a list the server pages (`page` counts from 0). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /me: who is signed in, and what they may do. */
export interface Me {
  telegramId: number;
  name: string;
  username: string | null;
  role: StaffRole;
  permissions: Permission[];
  sandbox: boolean;
}

/** Every refusal: the code, an English message, and (when the app can say it) a text key with values. */
export type { ErrorBody } from "../../../shared/errors.js";

/** A secret read back in full (owners, audited), never cached on the way. */
export interface RevealedKey {
  field: string;
  value: string;
}

/** A deletion that answers nothing more. */
export interface Removed {
  removed: true;
}
