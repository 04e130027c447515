import { createConversation, type Conversation, type ConversationFlavor } from "@grammyjs/conversations";
import { Composer, InlineKeyboard, type Context, type Filter } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { AppError } from "../../shared/errors.js";
import { formatRupiah } from "../../shared/money.js";
import type { Count } from "../../shared/text.js";
import { escapeHtml } from "../../shared/text.js";
import { customerLabel } from "../assistant/handoff.render.js";
import { actor, allowed, orderDetailOf, show, showOrder, wizardOpenedBy } from "./admin.menu.js";

/**
 * The /admin wizards, the linear parts of /admin in chat, as conversations
 * (@grammyjs/conversations v2): find an order by its number, and refund an order in full after a
 * reason and a confirmation. The conversations plugin (bot/conversations.ts) keeps their state in
 * the database, so a wizard waiting for an answer survives a restart.
 *
 * A conversation is replayed from the start on every update it receives, with the Bot API calls it
 * made answered from its log. So everything else that may differ between runs goes through
 * `conversation.external`, which runs once and stores its (JSON) result: database reads and
 * writes, service calls, and the texts, rendered on the outside context where the admin's
 * language, the bot's texts and the services are (the inside context has none of them).
 *
 * While a wizard waits, the rest of /admin keeps working: presses on the menus and anything but
 * text pass on to the middleware after it. A command ends the wizard (/batal and /cancel with a
 * word, any other runs as usual), as does a menu button that opens another wizard.
 */

/** Every update that reaches the staff middleware: the conversations plugin is installed for them. */
export type AdminChatContext = ConversationFlavor<BotContext>;
type AdminConversation = Conversation<AdminChatContext, Context>;
type TextContext = Filter<Context, "message:text">;
type Vars = Record<string, string | number | Count>;

const REASON_MAX = 500;
const CANCEL = /^\/(batal|cancel)(@\w+)?$/i;
const HTML = { parse_mode: "HTML" } as const;

/** The refund confirmation's buttons (plain callback data: the wizard itself waits for them). */
export const REFUND_PRESS = /^adm-refund:(yes|no):(\d+)$/;
const refundPress = (answer: "yes" | "no", orderId: number) => `adm-refund:${answer}:${orderId}`;

export function orderNumber(text: string): number | undefined {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** A text in the admin's language, as the outside context renders it (with texts the shop rewrote). */
function say(conversation: AdminConversation, key: string, vars?: Vars): Promise<string> {
  return conversation.external((ctx) => ctx.t(key, vars));
}

/**
 * The text an update brings to the wizard. Everything else passes on meanwhile; a command ends
 * the wizard, and only /batal or /cancel is answered here (any other runs as it does outside).
 */
async function typed(conversation: AdminConversation, ctx: TextContext): Promise<string> {
  const text = ctx.message.text.trim();
  if (!text.startsWith("/")) return text;
  if (!CANCEL.test(text)) return conversation.halt({ next: true });
  await ctx.reply(await say(conversation, "admin-step-dropped"));
  return conversation.halt();
}

async function nextText(conversation: AdminConversation): Promise<{ ctx: TextContext; text: string }> {
  const ctx = await conversation.waitFor("message:text", { next: true });
  return { ctx, text: await typed(conversation, ctx) };
}

/** 🔎 Find an order: its number, asked again until it is one. */
async function adminFindOrder(conversation: AdminConversation, ctx: Context): Promise<void> {
  await ctx.reply(await say(conversation, "admin-find-ask"), HTML);
  for (;;) {
    const answer = await nextText(conversation);
    const id = orderNumber(answer.text);
    // The last step: it replies on the outside context, whose client renders the order's menu.
    if (id !== undefined) return conversation.external((outer) => showOrder(outer, id));
    await answer.ctx.reply(await say(conversation, "admin-find-invalid"), HTML);
  }
}

/**
 * 💸 Refund in full: why, then yes or no. A text typed while the confirmation waits is a newer
 * reason and replaces the older; the money moves only on a press of this order's yes.
 */
async function adminRefund(conversation: AdminConversation, ctx: Context, orderId: number): Promise<void> {
  const left = await conversation.external(
    async (outer) => (await orderDetailOf(outer, orderId))?.money.leftToRefund ?? 0,
  );
  await ctx.reply(
    await say(conversation, "admin-refund-ask", { order: String(orderId), amount: formatRupiah(left) }),
    HTML,
  );
  let reason = (await nextText(conversation)).text.slice(0, REASON_MAX);
  for (;;) {
    const confirmation = await conversation.external(async (outer) => {
      const detail = await orderDetailOf(outer, orderId);
      if (!detail) return null;
      const vars = {
        amount: formatRupiah(detail.money.leftToRefund),
        order: String(orderId),
        customer: customerLabel(detail.customer),
        reason: escapeHtml(reason),
      };
      return {
        text: outer.t("admin-refund-confirm", vars),
        yes: outer.t("admin-button-refund-yes"),
        no: outer.t("admin-button-refund-no"),
      };
    });
    if (!confirmation) {
      await ctx.reply(await say(conversation, "admin-order-not-found", { order: String(orderId) }));
      return;
    }
    const buttons = new InlineKeyboard()
      .text(confirmation.yes, refundPress("yes", orderId))
      .text(confirmation.no, refundPress("no", orderId));
    await ctx.reply(confirmation.text, { ...HTML, reply_markup: buttons });

    for (;;) {
      const answer = await conversation.waitUntil(
        (c) => c.has("message:text") || REFUND_PRESS.exec(c.callbackQuery?.data ?? "")?.[2] === String(orderId),
        { next: true },
      );
      if (answer.has("message:text")) {
        reason = (await typed(conversation, answer)).slice(0, REASON_MAX);
        break; // a new confirmation, with the newer reason
      }
      if (!answer.has("callback_query:data")) continue;
      if (REFUND_PRESS.exec(answer.callbackQuery.data)?.[1] === "no") {
        await answer.answerCallbackQuery();
        return show(answer, await say(conversation, "admin-refund-dropped"));
      }
      // The role is asked at the press: it may have changed while the confirmation waited.
      if (!(await conversation.external((outer) => allowed(outer, "refund")))) {
        await answer.answerCallbackQuery({ text: await say(conversation, "admin-no-permission"), show_alert: true });
        continue;
      }
      await answer.answerCallbackQuery();
      const outcome = await conversation.external(async (outer) => {
        try {
          const { refunded } = await outer.deps.orderAdmin.refund(orderId, { reason }, actor(outer));
          return outer.t("admin-refund-done", { amount: formatRupiah(refunded), order: String(orderId) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          return outer.t("admin-refund-failed", { message: error.message });
        }
      });
      return show(answer, outcome);
    }
  }
}

/**
 * Registers the wizards, then starts the one a menu button asked for. Installed after the menus:
 * a button's handler runs first and hands over (`openWizard` in admin.menu.ts), and the replies a
 * wizard sends on the outside context get the menus rendered.
 */
export const adminWizards = new Composer<AdminChatContext>();
adminWizards.use(createConversation(adminFindOrder, "adminFindOrder"), createConversation(adminRefund, "adminRefund"));
adminWizards.use(async (ctx, next) => {
  const wizard = wizardOpenedBy(ctx);
  if (!wizard) return next();
  // Opening one drops the one that waited (only one answer can be awaited at a time).
  await ctx.conversation.exitAll();
  if (wizard.name === "refund") await ctx.conversation.enter("adminRefund", wizard.orderId);
  else await ctx.conversation.enter("adminFindOrder");
});
