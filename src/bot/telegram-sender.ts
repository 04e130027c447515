import { GrammyError, type Api } from "grammy";
import { RecipientUnreachable, type MessageSender } from "../features/notifications/notifications.service.js";

/** Proactive messages through the bot's API (auto-retry on it handles Telegram's 429s). */
export function createTelegramSender(api: Api): MessageSender {
  return {
    async sendText(chatId, html) {
      try {
        await api.sendMessage(chatId, html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      } catch (error) {
        // 403: the person blocked the bot; 400 "chat not found": they never started it.
        if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)))) {
          throw new RecipientUnreachable(error.description);
        }
        throw error;
      }
    },
  };
}
