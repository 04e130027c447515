/** The texts area of the admin API (admin.texts.api.ts): the bot's own texts and the FAQ. */
import type { BotTextView, TextLanguage } from "../../settings/bot-texts.service.js";
import type { FaqDocument } from "../../knowledge/knowledge.types.js";

export type { TextLanguage };

/** A text the shop may rewrite, per language: its own text (null: the default is used) beside the default. */
export type BotText = BotTextView;

/** GET, PUT, DELETE /texts… */
export interface BotTextList {
  texts: BotText[];
}

export type FaqItem = FaqDocument;

/** GET /faq */
export interface FaqList {
  items: FaqItem[];
}

/** PUT /faq */
export interface FaqSaved {
  item: FaqItem;
}
