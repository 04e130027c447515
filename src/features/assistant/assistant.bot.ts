import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { escapeHtml } from "../../shared/text.js";
import { handlePurchaseMessage } from "../checkout/checkout.bot.js";
import { isSelecting } from "../checkout/checkout.flow.js";
import { requestRefill, showOrder, showOrders } from "../orders/orders.bot.js";
import { startTopup } from "../payments/payments.bot.js";
import { showBalance } from "../wallet/wallet.bot.js";
import { answerQuestion } from "./assistant.answers.js";
import { answerRefund } from "./assistant.refunds.js";
import { dialogContextFor } from "./assistant.context.js";
import { countMisunderstanding, resetMisunderstanding, startHandoff } from "./handoff.bot.js";
import type { Understanding } from "../language/language.understanding.js";
import { readText, type Reading } from "../language/language.reading.js";

/**
 * What customers write, read by the assistant (the rules, or the LLM within its guard and budget)
 * and routed to the feature that answers it: the purchase dialog, orders, the wallet, the shop's
 * FAQ, or a person. Commands and buttons are handled by their features before this.
 */
export const assistantFeature = new Composer<BotContext>();

assistantFeature.on("message:text", async (ctx, next) => {
  const text = ctx.message.text;
  if (text.startsWith("/")) return next();
  const context = await dialogContextFor(ctx);
  // Read once: the intent rules, the product search and the FAQ search all take this reading.
  const reading = readText(text);
  const u = await ctx.deps.assistant.understand({ customerId: ctx.customer.id, text, reading, context });
  ctx.log.debug({ intent: u.intent, source: u.source }, "message read");
  if (u.intent !== "unknown") resetMisunderstanding(ctx);
  if (await handlePurchaseMessage(ctx, u, text, reading)) return;
  await answer(ctx, u, reading);
});

// "Talk to a person" offered under an answer the shop's documents did not have.
assistantFeature.callbackQuery("ask:human", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await startHandoff(ctx, "asked");
});

/** Everything that is not the purchase itself. */
async function answer(ctx: BotContext, u: Understanding, reading: Reading): Promise<void> {
  const selecting = isSelecting(ctx.session.checkout);
  // Mid-purchase, whatever else was said, the flow asks again for what it still needs.
  const carryOn = () => ctx.purchase({ type: "continue" });
  switch (u.intent) {
    case "order_status":
      return u.orderId === undefined ? showOrders(ctx) : showOrder(ctx, u.orderId);
    case "order_history":
      return showOrders(ctx);
    case "balance":
      return showBalance(ctx);
    case "topup":
      return startTopup(ctx, u.amount);
    case "refill":
      if (u.orderId !== undefined) return requestRefill(ctx, u.orderId);
      await ctx.reply(ctx.t("refill-which-order"), { parse_mode: "HTML" });
      return showOrders(ctx);
    case "refund":
      return answerRefund(ctx, u.orderId);
    case "question":
      return answerQuestion(ctx, reading);
    case "human":
      return void (await startHandoff(ctx, "asked"));
    case "greeting":
      // A hello gets a hello and a hint of what to type; the menu is one /start away.
      if (!selecting)
        return void (await ctx.reply(ctx.t("greeting-hint", { name: escapeHtml(ctx.customer.firstName) }), {
          parse_mode: "HTML",
        }));
      await ctx.reply(ctx.t("greeting", { name: escapeHtml(ctx.customer.firstName) }), { parse_mode: "HTML" });
      return carryOn();
    case "help":
      return void (await ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));
    case "smalltalk":
      await ctx.reply(ctx.t("smalltalk-reply"), { parse_mode: "HTML" });
      return selecting ? carryOn() : undefined;
    default:
      // Not understood: ask again, and after a few in a row hand the chat to a person.
      if (await countMisunderstanding(ctx)) return;
      if (selecting) return carryOn();
      // Gibberish or emoji alone: one short line with an example, not the whole platform keyboard.
      return void (await ctx.reply(ctx.t("not-understood-short"), { parse_mode: "HTML" }));
  }
}
