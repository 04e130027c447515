import { GrammyError, HttpError, type BotError } from "grammy";
import type { BotContext } from "./context.js";

/**
 * The error boundary: logs what failed (never the request URL, which holds the token) and tells
 * the person something went wrong on our side, in their language.
 */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const cause = error.error;
  const log = ctx.log ?? ctx.deps?.logger;
  if (cause instanceof GrammyError)
    log?.error(
      { method: cause.method, code: cause.error_code, description: cause.description },
      "Telegram refused a call",
    );
  else if (cause instanceof HttpError) log?.error({ err: cause.error }, "cannot reach Telegram");
  else log?.error({ err: cause, updateId: ctx.update.update_id }, "update handling failed");
  if (!ctx.chat || cause instanceof HttpError) return;
  try {
    const text =
      typeof ctx.t === "function"
        ? ctx.t("error-generic")
        : "Maaf, ada kendala di sistem kami. Coba lagi sebentar lagi.";
    await ctx.reply(text);
  } catch {
    // Telegram itself is failing; the log above is all we can do.
  }
}
