import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import type { CustomersService } from "../customers/customers.service.js";
import type { JobQueue } from "../jobs/job-queue.js";

/**
 * Messages people receive outside a reply: payment received, order processing, refunds, admin
 * alerts. They are queued in the same transaction as the state change that causes them, so a
 * crash can delay a message but never lose it.
 */
export type Translate = (locale: string, key: string, vars?: Record<string, string | number>) => string;

export interface Notice {
  /** A key in src/locales/*.ftl */
  key: string;
  vars?: Record<string, string | number>;
}

export interface MessageSender {
  /** Rejects with `RecipientUnreachable` when the person blocked the bot or deleted the chat. */
  sendText(chatId: number, html: string): Promise<void>;
}

export class RecipientUnreachable extends Error {
  override readonly name = "RecipientUnreachable";
}

export const NOTIFY_JOB = "notify";

interface NotifyPayload extends Notice {
  customerId?: number;
  chatId?: number;
  language?: string;
}

export function createNotificationsService(deps: { queue: JobQueue; customers: CustomersService; translate: Translate; adminChatIds: readonly number[]; logger: Logger }) {
  const { queue, customers, translate, logger } = deps;
  let sender: MessageSender | undefined;

  return {
    /** The bot is built after the services; it hands its sender over once it exists. */
    bindSender(messageSender: MessageSender): void {
      sender = messageSender;
    },

    async toCustomer(trx: Db, customerId: number, notice: Notice): Promise<void> {
      await queue.enqueue(trx, { kind: NOTIFY_JOB, payload: { customerId, ...notice } satisfies NotifyPayload, maxAttempts: 8 });
    },

    async toAdmins(trx: Db, notice: Notice): Promise<void> {
      for (const chatId of deps.adminChatIds) {
        await queue.enqueue(trx, { kind: NOTIFY_JOB, payload: { chatId, language: "id", ...notice } satisfies NotifyPayload, maxAttempts: 8 });
      }
      if (deps.adminChatIds.length === 0) logger.warn({ notice: notice.key }, "admin alert with no ADMIN_TELEGRAM_IDS configured");
    },

    /** The `notify` job: renders in the recipient's language and sends. */
    async deliver(payload: unknown): Promise<void> {
      const notice = payload as NotifyPayload;
      if (!sender) throw new Error("no message sender bound yet");
      let chatId = notice.chatId;
      let language = notice.language ?? "id";
      if (notice.customerId !== undefined) {
        const customer = await customers.findById(notice.customerId);
        if (!customer) return;
        chatId = customer.chatId;
        language = customer.language;
      }
      if (chatId === undefined) return;
      try {
        await sender.sendText(chatId, translate(language, notice.key, notice.vars));
      } catch (error) {
        if (error instanceof RecipientUnreachable) {
          logger.info({ chatId, notice: notice.key }, "recipient unreachable; message dropped");
          return;
        }
        throw error;
      }
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
