import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import type { CustomersService } from "../customers/customers.service.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Count } from "../../shared/text.js";
import type { ChannelRegistry } from "../channels/channel-registry.js";
import {
  RateLimited,
  RecipientUnreachable,
  TELEGRAM,
  type ChannelId,
  type ChannelMessage,
  type Recipient,
} from "../channels/channel.types.js";

/**
 * Messages people receive outside a reply: payment received, order processing, refunds, admin
 * alerts, broadcasts. They are queued in the same transaction as the state change that causes
 * them, so a crash can delay a message but never lose it, and they leave through the
 * `MessageChannel` port (`features/channels/`): each on its recipient's channel, rendered for it,
 * on that channel's own outbox kind and worker lane. Customers and admins are on Telegram today.
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

/** A message Telegram accepted: its chat and message id (to map a later reply back to it). */
export interface SentMessage {
  chatId: number;
  messageId: number;
}

/** Told after Telegram accepted a tagged notice; a failure here is logged, never re-sent. */
export type DeliveryListener = (sent: SentMessage & { tag: string }) => Promise<void>;

// The port's refusals, under the names the callers of notifications have always caught.
export { RateLimited, RecipientUnreachable };

/** The outbox kind of a Telegram notice (the Telegram channel's `lane.jobKind`; jobs queued before the port keep running). */
export const NOTIFY_JOB = "notify";

interface NotifyPayload extends Notice {
  customerId?: number;
  /** A Telegram chat (admins); the payload of jobs queued before the port. */
  chatId?: number;
  /** Any channel's recipient. */
  to?: Recipient;
  language?: string;
}

const onTelegram = (chatId: number): Recipient => ({ channel: TELEGRAM, address: String(chatId) });

export function createNotificationsService(deps: {
  queue: JobQueue;
  customers: CustomersService;
  translate: Translate;
  /** How a message reaches its recipient: the channel named by the recipient (each paces itself). */
  channels: ChannelRegistry;
  /**
   * Who gets admin alerts: a fixed list, or the staff list read at the moment of the alert, through
   * the alert's own transaction (staff change while the shop runs).
   */
  adminChatIds: readonly number[] | ((executor: Db) => Promise<readonly number[]>);
  logger: Logger;
}) {
  const { queue, customers, translate, logger, channels } = deps;
  const listeners: DeliveryListener[] = [];

  const send = async (to: Recipient, language: string, notice: Notice): Promise<string> => {
    const channel = channels.require(to.channel);
    const render = (rows: NoticeButton[][]) =>
      rows.map((row) => row.map((b) => ({ text: translate(language, b.key, b.vars), data: b.data })));
    if (channel.capabilities.editButtons) {
      for (const earlier of notice.replaceButtons ?? [])
        await channel.setButtons?.(to.address, String(earlier.messageId), render(earlier.buttons));
    }
    const message: ChannelMessage = {
      html: translate(language, notice.key, notice.vars),
      ...(notice.buttons ? { buttons: render(notice.buttons) } : {}),
    };
    return (await channel.send(to.address, message)).messageId;
  };

  /** Telegram's ids as numbers, as the features that map replies (hand-offs) store them. */
  const telegramSent = (to: Recipient, messageId: string): SentMessage => ({
    chatId: Number(to.address),
    messageId: Number(messageId),
  });

  const recipient = async (
    target: { customerId: number } | { chatId: number; language?: string },
  ): Promise<{ to: Recipient; language: string } | undefined> => {
    if (!("customerId" in target)) return { to: onTelegram(target.chatId), language: target.language ?? "id" };
    const customer = await customers.findById(target.customerId);
    // Every customer came through the bot, so Telegram reaches them (issue 15 adds their other contacts).
    return customer ? { to: onTelegram(customer.chatId), language: customer.language } : undefined;
  };

  /** On the channel's own outbox kind, so its worker lane sends it. */
  const enqueue = (trx: Db, channel: ChannelId, payload: NotifyPayload) =>
    queue.enqueue(trx, { kind: channels.require(channel).lane.jobKind, payload, maxAttempts: 8 });

  return {
    /** Features that need the Telegram message id of what they queued (to map replies) listen here. */
    onDelivered(listener: DeliveryListener): void {
      listeners.push(listener);
    },

    /**
     * Sends at once, outside the outbox, for a caller that must know the outcome now (an admin's
     * answer in a hand-off), on Telegram. Rejects with `RecipientUnreachable` like the channel.
     */
    async sendNow(
      target: { customerId: number } | { chatId: number; language?: string },
      notice: Notice,
    ): Promise<SentMessage> {
      const found = await recipient(target);
      if (!found) throw new RecipientUnreachable("no such customer");
      return telegramSent(found.to, await send(found.to, found.language, notice));
    },

    async toCustomer(trx: Db, customerId: number, notice: Notice): Promise<void> {
      await enqueue(trx, TELEGRAM, { customerId, ...notice });
    },

    /** A notice to anyone on any registered channel, in their language, queued with the caller's change. */
    async toRecipient(trx: Db, to: Recipient, language: string, notice: Notice): Promise<void> {
      await enqueue(trx, to.channel, { to, language, ...notice });
    },

    async toAdmins(trx: Db, notice: Notice): Promise<void> {
      const chatIds = typeof deps.adminChatIds === "function" ? await deps.adminChatIds(trx) : deps.adminChatIds;
      for (const chatId of chatIds) {
        await enqueue(trx, TELEGRAM, { chatId, language: "id", ...notice });
      }
      if (chatIds.length === 0)
        logger.warn({ notice: notice.key }, "admin alert with no ADMIN_TELEGRAM_IDS configured");
    },

    /**
     * Sends a text written by a person (a broadcast), already checked as Telegram HTML, at once,
     * through the recipient's channel. Rejects with `RecipientUnreachable` or `RateLimited` like the channel.
     */
    async sendHtml(to: Recipient, html: string): Promise<void> {
      await channels.require(to.channel).send(to.address, { html });
    },

    /** The job of every channel's notice kind (`notify` for Telegram): renders in the recipient's language and sends. */
    async deliver(payload: unknown): Promise<void> {
      const notice = payload as NotifyPayload;
      const found = notice.to
        ? { to: notice.to, language: notice.language ?? "id" }
        : notice.customerId !== undefined
          ? await recipient({ customerId: notice.customerId })
          : notice.chatId !== undefined
            ? await recipient({ chatId: notice.chatId, language: notice.language })
            : undefined;
      if (!found) return;
      let messageId: string;
      try {
        messageId = await send(found.to, found.language, notice);
      } catch (error) {
        if (error instanceof RecipientUnreachable) {
          logger.info({ channel: found.to.channel, notice: notice.key }, "recipient unreachable; message dropped");
          return;
        }
        throw error;
      }
      // The message is out: a listener failing must not fail the job, or the retry would send it twice.
      // Tags map Telegram replies back to what was sent (hand-offs).
      if (notice.tag === undefined || found.to.channel !== TELEGRAM) return;
      const sent = telegramSent(found.to, messageId);
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
