import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ChatMessage } from "./bot-api-emulator.js";

/** The emulator's chats as saved between runs: messages, the photos they show, Stars charges. */
export interface SavedChats {
  version: 1;
  messageSeq: number;
  rev: number;
  messages: ChatMessage[];
  files: Array<{ id: string; type: string; base64: string }>;
  charges: Array<[string, { userId: number; amount: number; refunded: boolean }]>;
}

export interface ChatStore {
  load(): SavedChats | undefined;
  save(state: SavedChats): void;
}

/**
 * Chats in one JSON file (the sandbox's data directory). A missing, unreadable or older-format
 * file starts empty chats rather than stopping the sandbox: it is a convenience, not a ledger.
 * Writes go to a temporary file first, so a crash mid-write keeps the previous chats.
 */
export function createChatFileStore(path: string): ChatStore {
  return {
    load() {
      try {
        const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<SavedChats>;
        return parsed.version === 1 &&
          Array.isArray(parsed.messages) &&
          Array.isArray(parsed.files) &&
          Array.isArray(parsed.charges)
          ? (parsed as SavedChats)
          : undefined;
      } catch {
        return undefined;
      }
    },
    save(state) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    },
  };
}
