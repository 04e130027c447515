/** The broadcast area of the admin API (admin.broadcasts.api.ts): preview, send, progress, cancel. */
import type { BroadcastView } from "../../notifications/broadcast.service.js";
import type { Audience } from "../../notifications/broadcast.repository.js";
import type { RecipientStatus } from "../../notifications/broadcast.table.js";
import type { HtmlNode } from "../../../shared/telegram-html.js";

export type { Audience, RecipientStatus, HtmlNode };

/** POST /broadcasts/preview: the message as Telegram shows it, or what is wrong with its HTML, and how many receive it. */
export interface BroadcastPreview {
  problem: string | null;
  tree: HtmlNode | null;
  recipients: number;
}

/** A broadcast as POST /broadcasts (201) and POST /broadcasts/:id/cancel answer it. */
export type BroadcastAnswer = BroadcastView;

/** A broadcast as the list and GET /broadcasts/:id show it: who started or stopped it, by name when known. */
export type Broadcast = BroadcastView & { createdByName: string | null; canceledByName: string | null };

/** GET /broadcasts */
export interface BroadcastList {
  items: Broadcast[];
}
