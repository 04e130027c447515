/**
 * What the hand-off, broadcast and staff areas of the admin API answer: the server's contract
 * (type-only, erased from the bundle).
 */
import type { StaffRole } from "../../../src/features/admin/contracts/common.contract";
export type {
  HandoffCustomer,
  HandoffDetail,
  HandoffInbox,
  HandoffItem,
  Turn,
} from "../../../src/features/admin/contracts/handoffs.contract";
export type {
  Audience,
  Broadcast,
  BroadcastList,
  BroadcastPreview,
  BroadcastAnswer,
  RecipientStatus,
} from "../../../src/features/admin/contracts/broadcasts.contract";
export type { StaffList, StaffMember } from "../../../src/features/admin/contracts/staff.contract";

/** "Sandbox Owner (telegram:7000001)", or the id alone when no name is known. */
export function personLabel(name: string | null | undefined, actor: string): string {
  return name ? `${name} (${actor})` : actor;
}

export const STAFF_ROLES: readonly StaffRole[] = ["operator", "admin", "owner"];
