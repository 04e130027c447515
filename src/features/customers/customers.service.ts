import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import {
  findCustomerById,
  findCustomerByTelegramId,
  insertCustomerIfAbsent,
  updateCustomer,
} from "./customers.repository.js";
import type { CustomerRow } from "./customers.table.js";

export type Language = "id" | "en";

export interface Customer {
  id: number;
  telegramId: number;
  chatId: number;
  username: string | null;
  firstName: string;
  language: Language;
  languageLocked: boolean;
}

export interface TelegramPerson {
  telegramId: number;
  chatId: number;
  username: string | undefined;
  firstName: string;
  languageCode: string | undefined;
}

/** Indonesian unless Telegram says the person uses English. */
export function languageFromTelegram(code: string | undefined): Language {
  return code?.toLowerCase().startsWith("en") ? "en" : "id";
}

export function createCustomersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Finds or creates the customer behind a Telegram update, refreshing names that changed. */
    async touch(person: TelegramPerson): Promise<Customer> {
      const now = clock.now();
      const current = await findCustomerByTelegramId(db, person.telegramId);
      if (!current) {
        await insertCustomerIfAbsent(db, {
          telegram_id: person.telegramId,
          chat_id: person.chatId,
          username: person.username ?? null,
          first_name: person.firstName,
          language: languageFromTelegram(person.languageCode),
          created_at: now,
          updated_at: now,
        });
        return toCustomer((await findCustomerByTelegramId(db, person.telegramId))!);
      }
      if (
        current.chat_id !== person.chatId ||
        current.username !== (person.username ?? null) ||
        current.first_name !== person.firstName
      ) {
        await updateCustomer(db, current.id, {
          chat_id: person.chatId,
          username: person.username ?? null,
          first_name: person.firstName,
          updated_at: now,
        });
        return toCustomer({
          ...current,
          chat_id: person.chatId,
          username: person.username ?? null,
          first_name: person.firstName,
        });
      }
      return toCustomer(current);
    },

    /** `locked` records an explicit choice (/language), which automatic detection then respects. */
    async setLanguage(customerId: number, language: Language, locked: boolean): Promise<void> {
      await updateCustomer(db, customerId, {
        language,
        ...(locked ? { language_locked: 1 } : {}),
        updated_at: clock.now(),
      });
    },

    async findById(id: number): Promise<Customer | undefined> {
      const row = await findCustomerById(db, id);
      return row ? toCustomer(row) : undefined;
    },

    /** A private chat's id is the person's Telegram id, so this also finds the customer behind a chat. */
    async findByTelegramId(telegramId: number): Promise<Customer | undefined> {
      const row = await findCustomerByTelegramId(db, telegramId);
      return row ? toCustomer(row) : undefined;
    },
  };
}

export type CustomersService = ReturnType<typeof createCustomersService>;

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    telegramId: row.telegram_id,
    chatId: row.chat_id,
    username: row.username,
    firstName: row.first_name,
    language: row.language,
    languageLocked: row.language_locked === 1,
  };
}
