import { GrammyError, type Api } from "grammy";
import { RateLimited, RecipientUnreachable, type MessageSender } from "../features/notifications/notifications.service.js";

/** Proactive messages through the shop's Telegram client (its auto-retry handles Telegram's 429s). */
export function createTelegramSender(api: Api): MessageSender {
  return {
    async sendText(chatId, html, buttons) {
      try {
        const keyboard = buttons && buttons.length > 0 ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } : undefined;
        const sent = await api.sendMessage(chatId, html, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
        // The id lets features map a later reply (Telegram reply_to_message) back to what was sent.
        return { chatId, messageId: sent.message_id };
      } catch (error) {
        // 403: the person blocked the bot; 400 "chat not found": they never started it.
        if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)))) {
          throw new RecipientUnreachable(error.description);
        }
        // auto-retry already waited out short 429s; a longer one goes back to the caller's own schedule.
        if (error instanceof GrammyError && error.error_code === 429) throw new RateLimited(error.parameters.retry_after ?? 30, error.description);
        throw error;
      }
    },

    async setButtons(chatId, messageId, buttons) {
      const keyboard = buttons.length > 0 ? { inline_keyboard: buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) } : undefined;
      // Best effort: the message may be gone, too old to edit, or already show these buttons.
      await api.editMessageReplyMarkup(chatId, messageId, keyboard ? { reply_markup: keyboard } : {}).catch(() => undefined);
    },
  };
}
