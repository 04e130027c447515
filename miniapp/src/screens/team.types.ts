/**
 * What the hand-off, broadcast and staff areas of the admin API answer
 * (src/features/admin/admin.{handoffs,broadcasts,staff}.api.ts).
 */
import type { HtmlNode } from "../../../src/shared/telegram-html";
import type { StaffRole } from "./orders.types";

export interface HandoffCustomer {
  id: number;
  telegramId: number;
  username: string | null;
  firstName: string;
  language: string;
}

export interface HandoffItem {
  number: number;
  reason: "asked" | "misunderstood";
  status: "open" | "closed";
  openedAt: number;
  closedAt: number | null;
  /** "customer" or "telegram:<id>" (recent ones only). */
  closedBy?: string | null;
  /** The staff member's name, when known. */
  closedByName?: string | null;
  customer: HandoffCustomer;
}

export interface Turn {
  role: "customer" | "bot" | "admin";
  text: string;
  createdAt: number;
}

export interface HandoffDetail {
  handoff: Omit<HandoffItem, "customer" | "closedBy">;
  customer: HandoffCustomer;
  /** Oldest first. */
  transcript: Turn[];
}

export type Audience = { kind: "all" } | { kind: "buyers"; days: number };


export interface BroadcastPreview {
  problem: string | null;
  tree: HtmlNode | null;
  recipients: number;
}

export type RecipientStatus = "pending" | "sent" | "failed" | "blocked" | "canceled";

export interface Broadcast {
  id: number;
  status: "sending" | "done" | "canceled";
  audience: Audience;
  html: string;
  /** The message as a reader sees it, shortened. */
  preview: string;
  total: number;
  counts: Record<RecipientStatus, number>;
  createdAt: number;
  createdBy: string;
  /** The staff member's name, when known; `createdBy` ("telegram:<id>") comes second. */
  createdByName: string | null;
  finishedAt: number | null;
  canceledBy: string | null;
  canceledByName: string | null;
}

/** "Sandbox Owner (telegram:7000001)", or the id alone when no name is known. */
export function personLabel(name: string | null | undefined, actor: string): string {
  return name ? `${name} (${actor})` : actor;
}

export interface StaffMember {
  telegramId: number;
  role: StaffRole;
  name: string;
  username?: string;
  /** An owner from ADMIN_TELEGRAM_IDS: shown, never changed here. */
  fromConfig: boolean;
}

export const STAFF_ROLES: readonly StaffRole[] = ["operator", "admin", "owner"];
