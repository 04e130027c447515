import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml, formatJakartaTime } from "../../shared/text.js";
import { describeService, showCategories } from "../catalog/catalog.bot.js";
import type { Service } from "../catalog/catalog.service.js";
import { payOptions } from "../payments/payments.bot.js";
import { allowsDripFeed } from "../catalog/catalog.order-forms.js";
import { extrasLines } from "./checkout.extras-text.js";
import { accountLines, askInputText, askText, problemText } from "./checkout.messages.js";
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
  const asksQuantity = ctx.deps.checkout.asksQuantity(service);
  const problems: string[] = [];
  if (draft.quantity !== undefined && asksQuantity) {
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
  if (draft.target !== undefined && (draft.quantity !== undefined || !asksQuantity) && problems.length === 0) {
    if (!(await inputsReady(ctx, service, draft.target))) return;
    const running = service.targetKind === "link" && !draft.duplicateOk ? await ctx.deps.checkout.activeOrderFor(service.id, draft.target) : undefined;
    if (running) {
      const keyboard = new InlineKeyboard().text(ctx.t("button-order-anyway"), "dupok").text(ctx.t("button-cancel"), "draft:cancel");
      // Another customer's order number is theirs alone: say only that the link is busy.
      const text = running.customerId === ctx.customer.id ? ctx.t("duplicate-active-order", { order: running.id }) : ctx.t("duplicate-active-link");
      return void (await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard }));
    }
    return quote(ctx, service, draft.target, draft.zone, draft.quantity);
  }
  problems.push(askText(ctx, service, { target: draft.target === undefined || problems.length > 0, quantity: asksQuantity && draft.quantity === undefined }));
  await ctx.reply(problems.join("\n\n"), { parse_mode: "HTML" });
}

/**
 * The extra inputs of the service's type (comments, usernames, a poll answer, a subscription's
 * terms, drip-feed runs): checks what the draft holds, explains the first problem, and asks for the
 * next input; the customer's next message is read as its answer. True when all are there and valid.
 */
async function inputsReady(ctx: BotContext, service: Service, target: string): Promise<boolean> {
  const draft = ctx.session.checkout;
  const checked = ctx.deps.checkout.checkInputs(service, { target, inputs: draft.inputs, quantity: draft.quantity });
  if (checked.ok) {
    draft.awaiting = undefined;
    return true;
  }
  const problem = checked.error;
  const inputs = { ...draft.inputs };
  if (problem.code === "dripfeed_not_offered" || (problem.code === "input_invalid" && (problem.input === "runs" || problem.input === "interval"))) {
    delete inputs.runs;
    delete inputs.interval;
    draft.inputs = inputs;
    draft.awaiting = problem.code === "dripfeed_not_offered" ? undefined : "dripfeed";
    const ask = problem.code === "dripfeed_not_offered" ? "" : `\n\n${askDripText(ctx, draft.quantity ?? service.min)}`;
    await ctx.reply(`${problemText(ctx, problem)}${ask}`, { parse_mode: "HTML" });
    return false;
  }
  if (problem.code !== "input_missing" && problem.code !== "input_invalid" && problem.code !== "lines_out_of_range") {
    await ctx.reply(problemText(ctx, problem), { parse_mode: "HTML" });
    return false;
  }
  delete inputs[problem.input as keyof typeof inputs];
  draft.inputs = inputs;
  draft.awaiting = problem.input as typeof draft.awaiting;
  const explain = problem.code === "input_missing" ? "" : `${problemText(ctx, problem)}\n\n`;
  await ctx.reply(`${explain}${askInputText(ctx, service, problem.input as Parameters<typeof askInputText>[2])}`, { parse_mode: "HTML" });
  return false;
}

export function askDripText(ctx: BotContext, quantity: number): string {
  return ctx.t("ask-dripfeed", { quantity: asCount(quantity) });
}

async function quote(ctx: BotContext, service: Service, target: string, zone: string | undefined, quantity: number | undefined): Promise<void> {
  const inputs = ctx.session.checkout.inputs;
  const result = await ctx.deps.checkout.quote({ customerId: ctx.customer.id, mid: service.mid, target, zone, quantity, inputs });
  if (!result.ok) {
    if (result.error.code === "account_not_found") Object.assign(ctx.session.checkout, { target: undefined, zone: undefined });
    // Nothing the customer typed is wrong: say so, without asking for the details again.
    if (result.error.code === "price_outdated") return void (await ctx.reply(problemText(ctx, result.error), { parse_mode: "HTML" }));
    await ctx.reply(`${problemText(ctx, result.error)}\n\n${askText(ctx, service, { target: true, quantity: false })}`, { parse_mode: "HTML" });
    return;
  }
  const q = result.value;
  // The asked quantity stays as asked (a drip-feed quote bills it × runs).
  ctx.session.checkout = { stage: "quoted", mid: service.mid, targetKind: service.targetKind, target: q.target, zone: q.zone ?? undefined, quantity: quantity ?? q.quantity, inputs, quoteId: q.id, duplicateOk: ctx.session.checkout.duplicateOk };
  const pay = await payOptions(ctx, q);
  if (allowsDripFeed(service)) pay.keyboard.row().text(ctx.t(inputs?.runs ? "button-dripfeed-off" : "button-dripfeed"), inputs?.runs ? "drip:off" : "drip");
  const text = pay.walletNote ? `${renderQuote(ctx, q)}\n\n${pay.walletNote}` : renderQuote(ctx, q);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: pay.keyboard, link_preview_options: { is_disabled: true } });
}

export function renderQuote(ctx: BotContext, q: Quote): string {
  const common = { mid: q.service.mid, name: escapeHtml(q.service.name), total: formatRupiah(q.amount), until: formatJakartaTime(q.expiresAt) };
  if (q.service.targetKind === "link") {
    const text = ctx.t("quote", { ...common, target: escapeHtml(q.target), quantity: asCount(q.quantity), price: formatRupiah(q.unitPrice), unit: asCount(q.unitSize) });
    return [text, ...extrasLines(ctx, q.extras, q.quantity)].join("\n");
  }
  const account = accountLines(ctx, { kind: q.service.targetKind, target: q.target, zone: q.zone, nickname: q.nickname });
  return ctx.t("quote-topup", { ...common, account, quantity: asCount(q.quantity) });
}

export async function cancelDraft(ctx: BotContext): Promise<void> {
  ctx.session.checkout = { stage: "idle" };
  await ctx.reply(ctx.t("checkout-canceled"));
}
