import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { escapeHtml } from "../../shared/text.js";
import type { Reading } from "../language/language.reading.js";

/**
 * Answers to questions about the shop, grounded in its FAQ: the knowledge base finds the documents,
 * the LLM (when configured and within budget) words a short answer from them only, checked for
 * invented numbers; otherwise the best document is shown as written. Nothing here names a price:
 * product prices are only ever shown from the catalog.
 */
export async function answerQuestion(ctx: BotContext, reading: Reading): Promise<void> {
  const language = ctx.customer.language === "en" ? "en" : "id";
  const question = reading.text;
  const hits = await ctx.deps.knowledge.searchFaq(reading, { language, limit: 3 });
  if (hits.length === 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("button-talk-to-admin"), "ask:human");
    return void (await ctx.reply(ctx.t("question-no-answer"), { parse_mode: "HTML", reply_markup: keyboard }));
  }
  const documents = hits.map((h) => ({ title: h.document.title, body: h.document.body }));
  const composed = await ctx.deps.assistant.composeAnswer({
    question,
    language,
    documents,
    customerId: ctx.customer.id,
  });
  const best = hits[0]!.document;
  const text = composed ? escapeHtml(composed) : `<b>${escapeHtml(best.title)}</b>\n${escapeHtml(best.body)}`;
  const related = hits.slice(1).map((h) => `• ${escapeHtml(h.document.title)}`);
  const more = related.length > 0 ? `\n\n${ctx.t("question-related")}\n${related.join("\n")}` : "";
  await ctx.reply(`${text}${more}`, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
}
