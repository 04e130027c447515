import type { AdminRole } from "./admins.table.js";

/**
 * What each role may do. Operators watch and handle orders but never see keys or move money back;
 * admins run the shop and may write keys without reading them back; owners also reveal secrets and
 * manage staff. Every admin route and command names the permission it needs.
 */
export type Permission =
  /** Read the shop: dashboard, orders, customers, services, audit. */
  | "view"
  /** Handle orders: sync, manual outcome, notes, hand-offs. */
  | "operate"
  /** Change the shop: suppliers, imports, services, prices, settings, broadcasts. */
  | "manage"
  /** Move money back to customers: refunds, wallet adjustments. */
  | "refund"
  /** See which keys are set (masked) and write new ones. */
  | "keys"
  /** Read a secret back in full. */
  | "reveal"
  /** Add and remove staff. */
  | "staff";

const GRANTS: Record<AdminRole, ReadonlySet<Permission>> = {
  operator: new Set(["view", "operate"]),
  admin: new Set(["view", "operate", "manage", "refund", "keys"]),
  owner: new Set(["view", "operate", "manage", "refund", "keys", "reveal", "staff"]),
};

export function can(role: AdminRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: AdminRole): Permission[] {
  return [...GRANTS[role]];
}
