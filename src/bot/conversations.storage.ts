import type { ConversationData, ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { Context } from "grammy";
import type { Clock } from "../infra/clock/clock.js";
import { createKvStorage } from "../infra/db/kv-storage.js";
import type { Db } from "../infra/db/open-database.js";

/**
 * Bump when a conversation's steps change shape (a new wait, a reordered external): state stored
 * under another version is dropped instead of being replayed against code it no longer matches.
 */
export const CONVERSATIONS_VERSION = 1;

/** Rows of the `kv` table that hold a chat's conversations, next to its `session:` row. */
export const CONVERSATION_KEY_PREFIX = "conversation:";

/**
 * Conversation state in the `kv` table (the sessions' store), keyed by chat, so a wizard waiting
 * for an answer survives a restart: the next update, received by whichever process runs then,
 * replays it from the stored log. The plugin deletes the row when the conversation ends.
 */
export function conversationStorage<C extends Context>(db: Db, clock: Clock): ConversationStorage<C, ConversationData> {
  return {
    type: "key",
    version: CONVERSATIONS_VERSION,
    adapter: createKvStorage<VersionedState<ConversationData>>(db, clock, CONVERSATION_KEY_PREFIX),
  };
}
