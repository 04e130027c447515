import type { Pacer } from "../../infra/clock/pacer.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import type { CustomersService } from "../customers/customers.service.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Count } from "../../shared/text.js";

/**
 * Messages people receive outside a reply: payment received, order processing, refunds, admin
 * alerts. They are queued in the same transaction as the state change that causes them, so a
 * crash can delay a message but never lose it.
 */
/** Counts go as `asCount(n)`, grouped in the recipient's language when the message is rendered. */
export type NoticeVars = Record<string, string | number | Count>;
export type Translate = (locale: string, key: string, vars?: NoticeVars) => string;

export interface Notice {
  /** A key in src/locales/*.ftl */
  key: string;
  vars?: NoticeVars;
  /** Inline buttons under the message; each label is a key rendered in the recipient's language. */
  buttons?: NoticeButton[][];
  /**
   * Earlier messages of the same chat whose buttons are replaced before this one is sent (an
   * invoice once paid or closed); an empty list of rows removes them. Best effort.
   */
  replaceButtons?: Array<{ messageId: number; buttons: NoticeButton[][] }>;
  /** Given to delivery listeners with the sent message's id, e.g. "handoff:12" (see `onDelivered`). */
  tag?: string;
}

export interface NoticeButton {
  key: string;
  vars?: NoticeVars;
  /** callback_data, at most 64 bytes */
  data: string;
}

export interface SentMessage {
  chatId: number;
  messageId: number;
}

export interface MessageSender {
  /**
   * Rejects with `RecipientUnreachable` when the person blocked the bot or deleted the chat, and
   * with `RateLimited` when Telegram asks to wait longer than the sender retries by itself.
   */
  sendText(chatId: number, html: string, buttons?: Array<Array<{ text: string; data: string }>>): Promise<SentMessage>;
  /** Replaces (or, with no rows, removes) the buttons of a message the bot sent; never throws. */
  setButtons?(chatId: number, messageId: number, buttons: Array<Array<{ text: string; data: string }>>): Promise<void>;
}

/** Told after Telegram accepted a tagged notice; a failure here is logged, never re-sent. */
export type DeliveryListener = (sent: SentMessage & { tag: string }) => Promise<void>;

export class RecipientUnreachable extends Error {
  override readonly name = "RecipientUnreachable";
}

/** Telegram said "too many requests" for longer than the sender waits by itself (auto-retry). */
export class RateLimited extends Error {
  override readonly name = "RateLimited";
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

export const NOTIFY_JOB = "notify";

interface NotifyPayload extends Notice {
  customerId?: number;
  chatId?: number;
  language?: string;
}

export function createNotificationsService(deps: {
  queue: JobQueue;
  customers: CustomersService;
  translate: Translate;
  /** How a message reaches its chat (Telegram through the shop's bot API). */
  sender: MessageSender;
  /**
   * Who gets admin alerts: a fixed list, or the staff list read at the moment of the alert, through
   * the alert's own transaction (staff change while the shop runs).
   */
  adminChatIds: readonly number[] | ((executor: Db) => Promise<readonly number[]>);
  logger: Logger;
  /**
   * Telegram's limit on what a bot sends on its own (~30 messages a second, all chats together).
   * Every message sent here (notices, broadcasts, hand-off answers) waits for it, so a broadcast
   * and a burst of order notices together stay under it; replies to a chat update do not.
   */
  pacer?: Pacer;
}) {
  const { queue, customers, translate, logger, sender } = deps;
  const listeners: DeliveryListener[] = [];

  const send = async (chatId: number, language: string, notice: Notice): Promise<SentMessage> => {
    const render = (rows: NoticeButton[][]) => rows.map((row) => row.map((b) => ({ text: translate(language, b.key, b.vars), data: b.data })));
    for (const earlier of notice.replaceButtons ?? []) await sender.setButtons?.(chatId, earlier.messageId, render(earlier.buttons));
    const buttons = notice.buttons && render(notice.buttons);
    const text = translate(language, notice.key, notice.vars);
    await deps.pacer?.wait();
    return sender.sendText(chatId, text, buttons);
  };

  const recipient = async (target: { customerId: number } | { chatId: number; language?: string }) => {
    if (!("customerId" in target)) return { chatId: target.chatId, language: target.language ?? "id" };
    const customer = await customers.findById(target.customerId);
    return customer ? { chatId: customer.chatId, language: customer.language } : undefined;
  };

  return {
    /** Features that need the Telegram message id of what they queued (to map replies) listen here. */
    onDelivered(listener: DeliveryListener): void {
      listeners.push(listener);
    },

    /**
     * Sends at once, outside the outbox, for a caller that must know the outcome now (an admin's
     * answer in a hand-off). Rejects with `RecipientUnreachable` like the sender.
     */
    async sendNow(target: { customerId: number } | { chatId: number; language?: string }, notice: Notice): Promise<SentMessage> {
      const to = await recipient(target);
      if (!to) throw new RecipientUnreachable("no such customer");
      return send(to.chatId, to.language, notice);
    },

    async toCustomer(trx: Db, customerId: number, notice: Notice): Promise<void> {
      await queue.enqueue(trx, { kind: NOTIFY_JOB, payload: { customerId, ...notice } satisfies NotifyPayload, maxAttempts: 8 });
    },

    async toAdmins(trx: Db, notice: Notice): Promise<void> {
      const chatIds = typeof deps.adminChatIds === "function" ? await deps.adminChatIds(trx) : deps.adminChatIds;
      for (const chatId of chatIds) {
        await queue.enqueue(trx, { kind: NOTIFY_JOB, payload: { chatId, language: "id", ...notice } satisfies NotifyPayload, maxAttempts: 8 });
      }
      if (chatIds.length === 0) logger.warn({ notice: notice.key }, "admin alert with no ADMIN_TELEGRAM_IDS configured");
    },

    /**
     * Sends a text written by a person (a broadcast), already checked as Telegram HTML, at once.
     * Rejects with `RecipientUnreachable` or `RateLimited` like the sender.
     */
    async sendHtml(chatId: number, html: string): Promise<SentMessage> {
        await deps.pacer?.wait();
      return sender.sendText(chatId, html);
    },

    /** The `notify` job: renders in the recipient's language and sends. */
    async deliver(payload: unknown): Promise<void> {
      const notice = payload as NotifyPayload;
        const to = notice.customerId !== undefined ? await recipient({ customerId: notice.customerId }) : notice.chatId !== undefined ? { chatId: notice.chatId, language: notice.language ?? "id" } : undefined;
      if (!to) return;
      let sent: SentMessage;
      try {
        sent = await send(to.chatId, to.language, notice);
      } catch (error) {
        if (error instanceof RecipientUnreachable) {
          logger.info({ chatId: to.chatId, notice: notice.key }, "recipient unreachable; message dropped");
          return;
        }
        throw error;
      }
      // The message is out: a listener failing must not fail the job, or the retry would send it twice.
      if (notice.tag === undefined) return;
      for (const listener of listeners) {
        try {
          await listener({ ...sent, tag: notice.tag });
        } catch (error) {
          logger.error({ err: error, tag: notice.tag }, "delivery listener failed");
        }
      }
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
