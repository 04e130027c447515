import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml, formatJakartaTime } from "../../shared/text.js";
import { describeService, showCategories } from "../catalog/catalog.bot.js";
import { payOptions } from "../payments/payments.bot.js";
import { extrasLines } from "./checkout.extras-text.js";
import type { CheckoutReply, ReplyPart } from "./checkout.flow.types.js";
import { accountLines, askInputText, askText, problemText } from "./checkout.messages.js";
import type { Quote } from "./checkout.service.js";

/**
 * The purchase flow's replies in Telegram: words from the locale files in the customer's language,
 * and the buttons (pay, cancel, drip-feed, order anyway). What to say is the flow's decision.
 */
export async function renderReply(ctx: BotContext, reply: CheckoutReply): Promise<void> {
  switch (reply.kind) {
    case "message":
      return void (await ctx.reply(
        reply.parts
          .map((part) => partText(ctx, part))
          .filter((text) => text !== "")
          .join("\n\n"),
        { parse_mode: "HTML" },
      ));
    case "text":
      return void (await (reply.plain
        ? ctx.reply(ctx.t(reply.key))
        : ctx.reply(ctx.t(reply.key), { parse_mode: "HTML" })));
    case "service":
      return void (await ctx.reply(describeService(ctx, reply.service), { parse_mode: "HTML" }));
    case "categories":
      return showCategories(ctx);
    case "quote":
      return renderQuoteReply(ctx, reply.quote, reply.dripfeed);
    case "duplicate": {
      const keyboard = new InlineKeyboard()
        .text(ctx.t("button-order-anyway"), "dupok")
        .text(ctx.t("button-cancel"), "draft:cancel");
      const text =
        reply.order !== undefined
          ? ctx.t("duplicate-active-order", { order: reply.order })
          : ctx.t("duplicate-active-link");
      return void (await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard }));
    }
    case "clear-buttons":
      return void (await ctx.editMessageReplyMarkup().catch(() => undefined));
  }
}

function partText(ctx: BotContext, part: ReplyPart): string {
  switch (part.kind) {
    case "problem":
      return problemText(ctx, part.problem);
    case "ask":
      return askText(ctx, part.service, part.missing);
    case "ask-input":
      return askInputText(ctx, part.service, part.input);
    case "ask-dripfeed":
      return ctx.t("ask-dripfeed", { quantity: asCount(part.quantity) });
  }
}

async function renderQuoteReply(ctx: BotContext, q: Quote, dripfeed: "on" | "off" | undefined): Promise<void> {
  const pay = await payOptions(ctx, q);
  if (dripfeed)
    pay.keyboard
      .row()
      .text(
        ctx.t(dripfeed === "off" ? "button-dripfeed-off" : "button-dripfeed"),
        dripfeed === "off" ? "drip:off" : "drip",
      );
  const text = pay.walletNote ? `${renderQuote(ctx, q)}\n\n${pay.walletNote}` : renderQuote(ctx, q);
  await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: pay.keyboard,
    link_preview_options: { is_disabled: true },
  });
}

export function renderQuote(ctx: BotContext, q: Quote): string {
  const common = {
    mid: q.service.mid,
    name: escapeHtml(q.service.name),
    total: formatRupiah(q.amount),
    until: formatJakartaTime(q.expiresAt),
  };
  if (q.service.targetKind === "link") {
    const text = ctx.t("quote", {
      ...common,
      target: escapeHtml(q.target),
      quantity: asCount(q.quantity),
      price: formatRupiah(q.unitPrice),
      unit: asCount(q.unitSize),
    });
    return [text, ...extrasLines(ctx, q.extras, q.quantity)].join("\n");
  }
  const account = accountLines(ctx, {
    kind: q.service.targetKind,
    target: q.target,
    zone: q.zone,
    nickname: q.nickname,
  });
  return ctx.t("quote-topup", { ...common, account, quantity: asCount(q.quantity) });
}
