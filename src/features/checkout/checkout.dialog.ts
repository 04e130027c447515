import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml, formatJakartaTime } from "../../shared/text.js";
import { describeService, showCategories } from "../catalog/catalog.bot.js";
import type { Service } from "../catalog/catalog.service.js";
import { payOptions } from "../payments/payments.bot.js";
import { accountLines, askText, problemText } from "./checkout.messages.js";
import type { Quote } from "./checkout.service.js";

/**
 * The slot-filling steps of a purchase: pick a service, gather what it needs (a link and quantity,
 * or an account), explain problems, and quote once everything is valid. Slots given early are kept.
 */

export interface Given {
  target?: string | undefined;
  zone?: string | undefined;
  quantity?: number | undefined;
  /** What the same message says if the service needs an account rather than a link and quantity. */
  account?: { target: string; zone: string | undefined } | undefined;
}

export async function selectService(ctx: BotContext, mid: number, given: Given): Promise<void> {
  const selected = await ctx.deps.checkout.selectService(mid);
  if (!selected.ok) {
    await ctx.reply(problemText(ctx, selected.error), { parse_mode: "HTML" });
    return;
  }
  const service = selected.value;
  const previous = ctx.session.checkout;
  // Slots that came with the request ("followers IG 1000") carry over to the first pick, not to a switch.
  const carried: Given = previous.mid === undefined ? previous : {};
  const slots = service.targetKind === "link" || !given.account ? given : { ...given.account, quantity: undefined };
  ctx.session.checkout = {
    stage: "details",
    mid,
    targetKind: service.targetKind,
    target: slots.target ?? carried.target,
    zone: slots.zone ?? carried.zone,
    quantity: service.targetKind === "link" ? (slots.quantity ?? carried.quantity) : undefined,
  };
  await ctx.reply(describeService(ctx, service), { parse_mode: "HTML" });
  await continueDetails(ctx, service);
}

export async function mergeDetails(ctx: BotContext, given: Given): Promise<void> {
  const draft = ctx.session.checkout;
  ctx.session.checkout = {
    ...draft,
    stage: "details",
    quoteId: undefined,
    duplicateOk: given.target === undefined || given.target === draft.target ? draft.duplicateOk : undefined,
    target: given.target ?? draft.target,
    zone: given.target !== undefined ? given.zone : draft.zone,
    quantity: given.quantity ?? draft.quantity,
  };
  await continueDetails(ctx);
}

/** Validates what the draft holds, explains problems, asks for what is missing, or quotes. */
export async function continueDetails(ctx: BotContext, known?: Service): Promise<void> {
  const draft = ctx.session.checkout;
  if (draft.mid === undefined) return showCategories(ctx);
  let service = known;
  if (!service) {
    const selected = await ctx.deps.checkout.selectService(draft.mid);
    if (!selected.ok) {
      ctx.session.checkout = { stage: "idle" };
      return void (await ctx.reply(problemText(ctx, selected.error), { parse_mode: "HTML" }));
    }
    service = selected.value;
  }
  draft.quantity ??= ctx.deps.checkout.defaultQuantity(service);
  const problems: string[] = [];
  if (draft.quantity !== undefined) {
    const quantity = ctx.deps.checkout.checkQuantity(service, draft.quantity);
    if (!quantity.ok) {
      problems.push(problemText(ctx, quantity.error));
      draft.quantity = undefined;
    }
  }
  if (draft.target !== undefined) {
    const target = ctx.deps.checkout.checkTarget(service, { target: draft.target, zone: draft.zone });
    if (target.ok) Object.assign(draft, target.value);
    else {
      problems.push(problemText(ctx, target.error));
      if (target.error.code !== "zone_missing") draft.target = undefined;
    }
  }
  if (draft.target !== undefined && draft.quantity !== undefined && problems.length === 0) {
    const running = service.targetKind === "link" && !draft.duplicateOk ? await ctx.deps.checkout.activeOrderFor(service.id, draft.target) : undefined;
    if (running) {
      const keyboard = new InlineKeyboard().text(ctx.t("button-order-anyway"), "dupok").text(ctx.t("button-cancel"), "draft:cancel");
      // Another customer's order number is theirs alone: say only that the link is busy.
      const text = running.customerId === ctx.customer.id ? ctx.t("duplicate-active-order", { order: running.id }) : ctx.t("duplicate-active-link");
      return void (await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard }));
    }
    return quote(ctx, service, draft.target, draft.zone, draft.quantity);
  }
  problems.push(askText(ctx, service, { target: draft.target === undefined || problems.length > 0, quantity: draft.quantity === undefined }));
  await ctx.reply(problems.join("\n\n"), { parse_mode: "HTML" });
}

async function quote(ctx: BotContext, service: Service, target: string, zone: string | undefined, quantity: number): Promise<void> {
  const result = await ctx.deps.checkout.quote({ customerId: ctx.customer.id, mid: service.mid, target, zone, quantity });
  if (!result.ok) {
    if (result.error.code === "account_not_found") Object.assign(ctx.session.checkout, { target: undefined, zone: undefined });
    // Nothing the customer typed is wrong: say so, without asking for the details again.
    if (result.error.code === "price_outdated") return void (await ctx.reply(problemText(ctx, result.error), { parse_mode: "HTML" }));
    await ctx.reply(`${problemText(ctx, result.error)}\n\n${askText(ctx, service, { target: true, quantity: false })}`, { parse_mode: "HTML" });
    return;
  }
  const q = result.value;
  ctx.session.checkout = { stage: "quoted", mid: service.mid, targetKind: service.targetKind, target: q.target, zone: q.zone ?? undefined, quantity: q.quantity, quoteId: q.id, duplicateOk: ctx.session.checkout.duplicateOk };
  const pay = await payOptions(ctx, q);
  const text = pay.walletNote ? `${renderQuote(ctx, q)}\n\n${pay.walletNote}` : renderQuote(ctx, q);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: pay.keyboard, link_preview_options: { is_disabled: true } });
}

export function renderQuote(ctx: BotContext, q: Quote): string {
  const common = { mid: q.service.mid, name: escapeHtml(q.service.name), total: formatRupiah(q.amount), until: formatJakartaTime(q.expiresAt) };
  if (q.service.targetKind === "link") {
    return ctx.t("quote", { ...common, target: escapeHtml(q.target), quantity: asCount(q.quantity), price: formatRupiah(q.unitPrice), unit: asCount(q.unitSize) });
  }
  const account = accountLines(ctx, { kind: q.service.targetKind, target: q.target, zone: q.zone, nickname: q.nickname });
  return ctx.t("quote-topup", { ...common, account, quantity: asCount(q.quantity) });
}

export async function cancelDraft(ctx: BotContext): Promise<void> {
  ctx.session.checkout = { stage: "idle" };
  await ctx.reply(ctx.t("checkout-canceled"));
}
