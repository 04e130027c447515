import { Composer, InlineKeyboard, type NextFunction } from "grammy";
import { isAdmin } from "../../bot/admins.js";
import type { BotContext } from "../../bot/context.js";
import { handoffAdminFeature } from "./handoff.admin.bot.js";
import type { HandoffReason } from "./handoff.service.js";

/**
 * Hand-off to a person, the customer's side: `/cs` (`/human`) asks for one, and while one is open
 * this sits in front of the purchase dialog and keeps the assistant quiet in that chat.
 */
export const handoffFeature = new Composer<BotContext>();

handoffFeature.use(handoffAdminFeature);

handoffFeature.command(["cs", "human"], async (ctx) => {
  if (isAdmin(ctx)) return void (await ctx.reply(ctx.t("handoff-not-for-admins")));
  await startHandoff(ctx, "asked");
});

handoffFeature.callbackQuery("ho:leave", async (ctx) => {
  const handoff = await ctx.deps.handoff.openFor(ctx.customer.id);
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (!handoff) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-stale") }));
  await ctx.answerCallbackQuery();
  await leaveHandoff(ctx, handoff.number);
});

handoffFeature.use(quietDuringHandoff);

/**
 * Opens a hand-off for the customer behind `ctx` (or finds the open one) and tells them so. For the
 * purchase dialog too. Returns true when a person now has the conversation: the caller then says
 * nothing more. A "misunderstood" hand-off with no admin configured is silent and returns false,
 * so the dialog answers as it would have.
 */
export async function startHandoff(ctx: BotContext, reason: HandoffReason): Promise<boolean> {
  const outcome = await ctx.deps.handoff.open(ctx.customer.id, reason);
  if (outcome.kind === "unavailable") {
    if (reason === "asked") await ctx.reply(ctx.t("handoff-unavailable"));
    return false;
  }
  const number = String(outcome.handoff.number);
  if (outcome.kind === "already_open") {
    await ctx.reply(ctx.t("handoff-already-open", { number }));
    return true;
  }
  ctx.session.misunderstood = 0;
  await ctx.reply(ctx.t(reason === "asked" ? "handoff-opened" : "handoff-opened-misunderstood", { number }), {
    reply_markup: new InlineKeyboard().text(ctx.t("handoff-button-leave"), "ho:leave"),
  });
  return true;
}

/**
 * For the dialog: call when a message was not understood. After
 * `assistant.handoff_after_misunderstandings` in a row the customer is handed to a person; true
 * means that happened and the dialog should not answer this message itself.
 */
export async function countMisunderstanding(ctx: BotContext): Promise<boolean> {
  const count = (ctx.session.misunderstood ?? 0) + 1;
  if (count < (await ctx.deps.handoff.misunderstandingLimit())) {
    ctx.session.misunderstood = count;
    return false;
  }
  ctx.session.misunderstood = 0;
  return startHandoff(ctx, "misunderstood");
}

/** For the dialog: call when a message was understood, so only misunderstandings in a row count. */
export function resetMisunderstanding(ctx: BotContext): void {
  if (ctx.session.misunderstood) ctx.session.misunderstood = 0;
}

/**
 * While a hand-off is open, the customer's texts go to the admins and nothing else answers them.
 * `/batal` (`/cancel`) ends the hand-off; other commands get a hint instead of the dialog. Button
 * presses still pass: they act on messages already sent (a quote's Pay button), which an admin
 * may be walking the customer through, and none of them reaches the assistant. Payment service
 * messages pass too: they settle money and must never be swallowed.
 */
async function quietDuringHandoff(ctx: BotContext, next: NextFunction): Promise<void> {
  const message = ctx.message;
  if (!message || isAdmin(ctx) || message.successful_payment || message.refunded_payment) return next();
  const handoff = await ctx.deps.handoff.openFor(ctx.customer.id);
  if (!handoff) return next();
  const number = String(handoff.number);
  const text = message.text;
  if (text?.startsWith("/")) {
    const command = text.slice(1).split(/[\s@]/, 1)[0]!.toLowerCase();
    if (command === "batal" || command === "cancel") return leaveHandoff(ctx, handoff.number);
    return void (await ctx.reply(ctx.t("handoff-command-while-open", { number })));
  }
  if (text) return ctx.deps.handoff.relay(handoff, text);
  await ctx.reply(ctx.t("handoff-text-only"));
}

async function leaveHandoff(ctx: BotContext, number: number): Promise<void> {
  const result = await ctx.deps.handoff.close(number, "customer");
  if (result.ok) await ctx.reply(ctx.t("handoff-left"));
}
