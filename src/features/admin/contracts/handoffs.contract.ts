/** The hand-off area of the admin API (admin.handoffs.api.ts): the inbox, one conversation, answering, ending. */
import type { Handoff } from "../../assistant/handoff.service.js";
import type { Turn } from "../../assistant/transcripts.service.js";

export type { Turn };

/** The customer beside a hand-off. */
export interface HandoffCustomer {
  id: number;
  telegramId: number;
  username: string | null;
  firstName: string;
  language: string;
}

/** A hand-off as the app shows it. */
export type HandoffView = Omit<Handoff, "customerId">;

/** One row of the inbox; ended ones say who ended them ("customer" or "telegram:<id>") and, when known, the name. */
export interface HandoffItem extends HandoffView {
  closedBy?: string | null;
  closedByName?: string | null;
  customer: HandoffCustomer;
}

/** GET /handoffs */
export interface HandoffInbox {
  open: HandoffItem[];
  recent: HandoffItem[];
}

/** GET /handoffs/:number: the hand-off, the customer and the conversation (oldest first). */
export interface HandoffDetail {
  handoff: HandoffView;
  customer: HandoffCustomer;
  transcript: Turn[];
}

/** POST /handoffs/:number/reply */
export interface HandoffReplied {
  sent: true;
}

/** POST /handoffs/:number/end */
export interface HandoffEnded {
  handoff: HandoffView;
}
