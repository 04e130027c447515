/** The audit area of the admin API (admin.audit.api.ts). */
import type { AuditChange, AuditEntryView } from "../../audit/audit.view.js";
import type { Page, StaffRole } from "./common.contract.js";

export type { AuditChange };

/** One entry with its field-by-field changes (secrets hidden) and the staff member who acted, when known. */
export type AuditEntry = AuditEntryView & { actorName: string | null; actorRole: StaffRole | null };

/** GET /audit */
export type AuditPage = Page<AuditEntry>;
