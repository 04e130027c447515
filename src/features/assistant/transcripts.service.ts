import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { CustomersService } from "../customers/customers.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { deleteTurnsBefore, insertTurn, latestTurns } from "./transcripts.repository.js";
import type { TranscriptRole } from "./transcripts.table.js";

export type { TranscriptRole } from "./transcripts.table.js";

export interface Turn {
  role: TranscriptRole;
  text: string;
  createdAt: number;
}

/** Telegram's own limit for one message; anything longer was not something a person read. */
const MAX_TEXT = 4096;
const DAY = 86_400_000;

/**
 * What was said in each customer's private chat, both ways: context for the assistant and for a
 * person taking over. Only texts the customer saw or wrote are stored (no button data, payloads or
 * keys), and only for `assistant.transcript_retention_days`.
 */
export function createTranscriptsService(deps: {
  db: Db;
  clock: Clock;
  customers: CustomersService;
  settings: SettingsService;
}) {
  const { db, clock, customers, settings } = deps;

  const record = async (entry: { customerId: number; role: TranscriptRole; text: string }): Promise<void> => {
    const text = entry.text.trim().slice(0, MAX_TEXT);
    if (text === "") return;
    await insertTurn(db, { customer_id: entry.customerId, role: entry.role, text, created_at: clock.now() });
  };

  return {
    record,

    /**
     * Records a message the bot sent to a chat, if that chat is a known customer's private chat.
     * Returns false when it is not (a group, someone who never wrote to the shop).
     */
    async recordForChat(chatId: number, role: TranscriptRole, text: string): Promise<boolean> {
      if (chatId <= 0) return false;
      const customer = await customers.findByTelegramId(chatId);
      if (!customer || customer.chatId !== chatId) return false;
      await record({ customerId: customer.id, role, text });
      return true;
    },

    /** The last `limit` turns, oldest first (the order a prompt or a person reads them in). */
    async recent(customerId: number, limit: number): Promise<Turn[]> {
      const rows = await latestTurns(db, customerId, Math.max(0, Math.floor(limit)));
      return rows.reverse().map((r) => ({ role: r.role, text: r.text, createdAt: r.created_at }));
    },

    /** The housekeeping job: drops turns older than the retention setting. Returns how many. */
    async prune(): Promise<number> {
      const days = await settings.get("assistant.transcript_retention_days");
      return deleteTurnsBefore(db, clock.now() - days * DAY);
    },
  };
}

export type TranscriptsService = ReturnType<typeof createTranscriptsService>;
