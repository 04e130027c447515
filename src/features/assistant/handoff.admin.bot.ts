import { Composer } from "grammy";
import { isAdmin } from "../../bot/admins.js";
import type { BotContext } from "../../bot/context.js";
import { formatJakartaDateTime } from "../../shared/text.js";
import { customerLabel } from "./handoff.render.js";

/**
 * Hand-off to a person, the admins' side: answer by replying to the alert or to any relayed
 * message, or with `/balas <nomor> <teks>` (`/reply`); end with the button or `/selesai <nomor>`
 * (`/end`); `/handoffs` lists the open ones.
 */
export const handoffAdminFeature = new Composer<BotContext>();

const NUMBER = /^#?(\d{1,9})(?:\s+([\s\S]+))?$/;
const LIST_MAX = 25;

handoffAdminFeature.command(["balas", "reply"], async (ctx) => {
  if (!isAdmin(ctx)) return void (await ctx.reply(ctx.t("handoff-admins-only")));
  const parsed = NUMBER.exec(ctx.match.trim());
  if (!parsed?.[2]?.trim()) return void (await ctx.reply(ctx.t("handoff-usage-reply"), { parse_mode: "HTML" }));
  await answer(ctx, Number(parsed[1]), parsed[2].trim());
});

handoffAdminFeature.command(["selesai", "end"], async (ctx) => {
  if (!isAdmin(ctx)) return void (await ctx.reply(ctx.t("handoff-admins-only")));
  const parsed = NUMBER.exec(ctx.match.trim());
  // Sent as a reply to an alert or a relayed message, the number is the one replied to.
  const replied = !parsed && ctx.match.trim() === "" ? await repliedHandoff(ctx) : undefined;
  const number = parsed ? Number(parsed[1]) : replied;
  if (number === undefined) return void (await ctx.reply(ctx.t("handoff-usage-end"), { parse_mode: "HTML" }));
  const result = await ctx.deps.handoff.close(number, { admin: ctx.from!.id });
  if (!result.ok) return void (await ctx.reply(problemText(ctx, result.error, number), { parse_mode: "HTML" }));
  await ctx.reply(ctx.t("handoff-ended", { number: String(number), customer: customerLabel(result.value.customer) }), {
    parse_mode: "HTML",
  });
});

handoffAdminFeature.command("handoffs", async (ctx) => {
  if (!isAdmin(ctx)) return void (await ctx.reply(ctx.t("handoff-admins-only")));
  const open = await ctx.deps.handoff.listOpen();
  if (open.length === 0) return void (await ctx.reply(ctx.t("handoff-list-empty")));
  // The oldest first, as many as fit one message; the title still counts them all.
  const lines = open.slice(0, LIST_MAX).map(({ handoff, customer }) =>
    ctx.t("handoff-list-line", {
      number: String(handoff.number),
      customer: customerLabel(customer),
      reason: handoff.reason,
      since: formatJakartaDateTime(handoff.openedAt),
    }),
  );
  await ctx.reply([ctx.t("handoff-list-title", { count: String(open.length) }), ...lines].join("\n"), {
    parse_mode: "HTML",
  });
});

handoffAdminFeature.callbackQuery(/^ho:end:(\d{1,9})$/, async (ctx) => {
  if (!isAdmin(ctx))
    return void (await ctx.answerCallbackQuery({ text: ctx.t("handoff-admins-only"), show_alert: true }));
  const number = Number(ctx.match[1]);
  const result = await ctx.deps.handoff.close(number, { admin: ctx.from.id });
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.answerCallbackQuery({
    text: ctx.t(result.ok ? "handoff-ended-toast" : "handoff-already-closed-toast", { number: String(number) }),
  });
});

// An admin's reply (Telegram reply_to_message) to a hand-off message is an answer to that customer.
handoffAdminFeature.on("message:text", async (ctx, next) => {
  if (!isAdmin(ctx) || ctx.message.text.startsWith("/")) return next();
  const number = await repliedHandoff(ctx);
  if (number === undefined) return next();
  await answer(ctx, number, ctx.message.text);
});

async function repliedHandoff(ctx: BotContext): Promise<number | undefined> {
  const replyTo = ctx.message?.reply_to_message;
  if (!replyTo || !ctx.chat) return undefined;
  return (await ctx.deps.handoff.findByAdminMessage(ctx.chat.id, replyTo.message_id))?.number;
}

async function answer(ctx: BotContext, number: number, text: string): Promise<void> {
  const result = await ctx.deps.handoff.reply(number, text);
  if (!result.ok) return void (await ctx.reply(problemText(ctx, result.error, number), { parse_mode: "HTML" }));
  await ctx.reply(
    ctx.t("handoff-reply-sent", { number: String(number), customer: customerLabel(result.value.customer) }),
    { parse_mode: "HTML" },
  );
}

function problemText(ctx: BotContext, problem: "not_found" | "closed" | "unreachable", number: number): string {
  const key =
    problem === "not_found"
      ? "handoff-not-found"
      : problem === "closed"
        ? "handoff-already-closed"
        : "handoff-customer-unreachable";
  return ctx.t(key, { number: String(number) });
}
