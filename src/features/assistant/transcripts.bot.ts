import type { NextFunction, Transformer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { isAdmin } from "../../bot/admins.js";
import type { Logger } from "../../logger.js";
import type { TranscriptsService } from "./transcripts.service.js";
import { isUnrecorded } from "./transcripts.silence.js";

/** Bot API methods whose text a customer reads, and where that text is in the payload. */
const RECORDED: Record<string, "text" | "caption"> = {
  sendMessage: "text",
  sendPhoto: "caption",
  editMessageText: "text",
};

/** Incoming side: every text a customer writes in their private chat (admins are staff, not customers). */
export async function recordIncoming(ctx: BotContext, next: NextFunction): Promise<void> {
  const text = ctx.message?.text ?? ctx.message?.caption;
  if (text && !isAdmin(ctx)) {
    try {
      await ctx.deps.transcripts.record({ customerId: ctx.customer.id, role: "customer", text });
    } catch (error) {
      ctx.log.warn({ err: error }, "cannot record the customer's message in the transcript");
    }
  }
  await next();
}

/**
 * Outgoing side, as an API transformer so every path is covered (replies, notifications, edits).
 * It records only after Telegram accepted the message, never lets a recording failure fail the
 * send, and skips admin chats: what the bot tells an admin is not a turn of a customer conversation.
 */
export function recordOutgoing(deps: {
  transcripts: TranscriptsService;
  adminTelegramIds: readonly number[];
  logger: Logger;
}): Transformer {
  const admins = new Set(deps.adminTelegramIds);
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    const field = RECORDED[method];
    if (!result.ok || !field || isUnrecorded()) return result;
    const fields = payload as Record<string, unknown>;
    const chatId = Number(fields.chat_id);
    const text = fields[field];
    if (!Number.isSafeInteger(chatId) || admins.has(chatId) || typeof text !== "string") return result;
    try {
      await deps.transcripts.recordForChat(chatId, "bot", fields.parse_mode === "HTML" ? plainFromHtml(text) : text);
    } catch (error) {
      deps.logger.warn({ err: error, method }, "cannot record the bot's message in the transcript");
    }
    return result;
  };
}

/** The text as the customer read it: tags dropped, the entities Telegram's HTML allows decoded. */
export function plainFromHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d{1,7});/g, (entity, code: string) =>
      Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : entity,
    )
    .replace(/&amp;/g, "&");
}
