import { GrammyError, InputFile, type Api } from "grammy";
import type { Pacer } from "../infra/clock/pacer.js";
import { renderForChannel } from "../features/channels/channel-render.js";
import { NOTIFY_JOB } from "../features/notifications/notifications.service.js";
import {
  RateLimited,
  RecipientUnreachable,
  TELEGRAM,
  type ChannelMessage,
  type MessageChannel,
  type ReplyButton,
} from "../features/channels/channel.types.js";

const keyboardOf = (buttons: ReplyButton[][] | undefined) =>
  buttons && buttons.length > 0
    ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) }
    : undefined;

/** A chat id is a number; an address may also be a public @channel name. */
const chatIdOf = (address: string): number | string => (/^-?\d+$/.test(address) ? Number(address) : address);

/** Telegram's answers that mean "not now" or "never" in the port's words; anything else is thrown as is. */
function translated(error: unknown): unknown {
  // 403: the person blocked the bot; 400 "chat not found": they never started it.
  if (
    error instanceof GrammyError &&
    (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)))
  )
    return new RecipientUnreachable(error.description);
  // auto-retry already waited out short 429s; a longer one goes back to the caller's own schedule.
  if (error instanceof GrammyError && error.error_code === 429)
    return new RateLimited(error.parameters.retry_after ?? 30, error.description);
  return error;
}

/**
 * Telegram as a `MessageChannel`: proactive messages through the shop's Telegram client (its
 * auto-retry handles Telegram's short 429s), HTML as written, inline buttons, photos. The pacer is
 * Telegram's limit on what a bot sends on its own (~30 messages a second, all chats together):
 * every send here (notices, broadcasts, hand-off answers) waits for it; replies to an update do not.
 * Its notices keep the outbox kind `notify` and the lane `messages` they always had.
 */
export function createTelegramChannel(api: Api, options: { pacer?: Pacer } = {}): MessageChannel {
  const capabilities = { markup: "html", buttons: true, images: true, editButtons: true } as const;
  return {
    id: TELEGRAM,
    capabilities,
    // One at a time, in order.
    lane: { name: "messages", jobKind: NOTIFY_JOB, concurrency: 1 },

    async send(address: string, message: ChannelMessage) {
      const rendered = renderForChannel(capabilities, message);
      const keyboard = keyboardOf(rendered.buttons);
      const markup = keyboard ? { reply_markup: keyboard } : {};
      await options.pacer?.wait();
      try {
        const image = rendered.image;
        const sent = image
          ? await api.sendPhoto(chatIdOf(address), image.bytes ? new InputFile(image.bytes, "image.png") : image.url!, {
              caption: rendered.text,
              parse_mode: "HTML",
              ...markup,
            })
          : await api.sendMessage(chatIdOf(address), rendered.text, {
              parse_mode: "HTML",
              link_preview_options: { is_disabled: true },
              ...markup,
            });
        // The id lets features map a later reply (Telegram reply_to_message) back to what was sent.
        return { messageId: String(sent.message_id) };
      } catch (error) {
        throw translated(error);
      }
    },

    async setButtons(address: string, messageId: string, buttons: ReplyButton[][]) {
      const keyboard = keyboardOf(buttons);
      // Best effort: the message may be gone, too old to edit, or already show these buttons.
      await api
        .editMessageReplyMarkup(chatIdOf(address), Number(messageId), keyboard ? { reply_markup: keyboard } : {})
        .catch(() => undefined);
    },
  };
}
