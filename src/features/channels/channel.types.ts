/**
 * One interface for every way the shop reaches a person on its own (not as a reply to a chat
 * update): Telegram today, WhatsApp and email next (issue 15). A channel translates one message
 * model to its wire format and says what it cannot do; it stores nothing and decides nothing about
 * who hears what (that is `notifications`). Adding a channel is its adapter, its test and one entry
 * in the registry built in `container.ts`; its sends get a worker lane of their own from `lane`.
 */

/** A registered channel's id: "telegram", later "whatsapp", "email". */
export type ChannelId = string;

/** The channel every customer and admin has: they came through the bot. */
export const TELEGRAM: ChannelId = "telegram";

/** Someone a message can reach, addressed in the channel's own terms (Telegram chat id, `62…` number, email address). */
export interface Recipient {
  channel: ChannelId;
  address: string;
}

/** An inline button; `data` comes back to the bot when pressed (Telegram callback_data, at most 64 bytes). */
export interface ReplyButton {
  text: string;
  data: string;
}

/** A picture under the text (a QR code, a product image). */
export interface ReplyImage {
  url?: string;
  bytes?: Uint8Array;
  /** What a channel that shows no images writes instead. */
  alt: string;
}

/**
 * The message as the shop writes it, rendered per channel (`renderForChannel`): the text in the
 * shop's one markup (the Telegram HTML subset that the locales and broadcasts are written in),
 * buttons in rows, and an optional image.
 */
export interface ChannelMessage {
  html: string;
  buttons?: ReplyButton[][];
  image?: ReplyImage;
}

/** What a channel can show; anything it cannot is rendered as text instead of being lost. */
export interface ChannelCapabilities {
  /** html: Telegram's subset; markdown: WhatsApp's *bold* / _italic_; plain: text only. */
  markup: "html" | "markdown" | "plain";
  /** Buttons whose press comes back to the shop. */
  buttons: boolean;
  images: boolean;
  /** Buttons of a message already sent can be replaced (an invoice once paid). */
  editButtons: boolean;
}

/** Where a channel's sends run: its own outbox job kind and worker lane, so a slow channel never holds up another. */
export interface ChannelLane {
  /** The worker lane's name. */
  name: string;
  /** The outbox job kind of a notice to this channel. */
  jobKind: string;
  /** Sends at the same time; 1 keeps a person's messages in order. */
  concurrency: number;
}

export interface DeliveredMessage {
  /** The channel's id of the message, for a later edit or to map a reply back to it. */
  messageId: string;
}

export interface MessageChannel {
  readonly id: ChannelId;
  readonly capabilities: ChannelCapabilities;
  readonly lane: ChannelLane;
  /**
   * Sends one message, waiting for the channel's own pace. Rejects with `RecipientUnreachable`
   * when the address cannot be reached (blocked the bot, no such number) and with `RateLimited`
   * when the channel asks to wait longer than the adapter waits by itself.
   */
  send(address: string, message: ChannelMessage): Promise<DeliveredMessage>;
  /** Replaces (or, with no rows, removes) the buttons of a message sent before; never throws. Only with `capabilities.editButtons`. */
  setButtons?(address: string, messageId: string, buttons: ReplyButton[][]): Promise<void>;
}

/** The person cannot be reached on this channel (blocked the bot, deleted the chat, no such number). */
export class RecipientUnreachable extends Error {
  override readonly name = "RecipientUnreachable";
}

/** The channel said "too many requests" for longer than its adapter waits by itself. */
export class RateLimited extends Error {
  override readonly name = "RateLimited";
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}
