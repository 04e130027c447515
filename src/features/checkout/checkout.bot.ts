import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { escapeHtml, formatJakartaTime } from "../../shared/text.js";
import { understand, type Understanding } from "../assistant/rules-extractor.js";
import { askPlatformForKind, kindLabel, platformLabel, showCategories, showKinds, showServiceList } from "../catalog/catalog.bot.js";
import type { Service } from "../catalog/catalog.service.js";
import { startPayment } from "../payments/payments.bot.js";
import { showBalance } from "../wallet/wallet.bot.js";
import { showOrders } from "../orders/orders.bot.js";
import type { QuoteProblem } from "./checkout.service.js";

/**
 * The purchase dialog. Each message is read for intent and slots; slots fill a draft kept in the
 * session; the bot asks only for what is still missing, explains any problem with what was given,
 * and quotes once the service, target and quantity are all valid. Prices come from the database.
 */
export const checkoutFeature = new Composer<BotContext>();

const count = new Intl.NumberFormat("id-ID");

checkoutFeature.callbackQuery(/^pick:(\d{1,7})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await selectService(ctx, Number(ctx.match[1]), {});
});

checkoutFeature.callbackQuery("draft:cancel", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await cancelDraft(ctx);
});

checkoutFeature.command(["batal", "cancel"], (ctx) => cancelDraft(ctx));

checkoutFeature.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  await handleMessage(ctx, understand(ctx.message.text), ctx.message.text);
});

async function handleMessage(ctx: BotContext, u: Understanding, text: string): Promise<void> {
  const draft = ctx.session.checkout;
  const selecting = draft.stage === "details" || draft.stage === "quoted";
  switch (u.intent) {
    case "cancel":
      return cancelDraft(ctx);
    case "balance":
      return showBalance(ctx);
    case "orders":
      return showOrders(ctx);
    case "select":
      return selectService(ctx, u.mid!, { target: u.target, quantity: u.quantity });
    case "confirm":
      if (draft.stage === "quoted" && draft.quoteId) return startPayment(ctx, draft.quoteId);
      if (draft.stage === "details" && draft.mid !== undefined) return continueDetails(ctx);
      return showCategories(ctx);
    case "details":
      if (u.bareNumber !== undefined && !selecting) return selectService(ctx, u.bareNumber, {});
      if (selecting) return mergeDetails(ctx, { target: u.target, quantity: u.quantity ?? u.bareNumber });
      ctx.session.checkout = { stage: draft.stage === "choosing" ? "choosing" : "idle", target: u.target ?? draft.target, quantity: u.quantity ?? draft.quantity };
      await ctx.reply(ctx.t("pick-product-first"));
      if (draft.stage !== "choosing") await showCategories(ctx);
      return;
    case "browse":
      if (selecting && (u.target || u.quantity) && (await fitsSelected(ctx, u))) return mergeDetails(ctx, { target: u.target, quantity: u.quantity });
      return search(ctx, u, text);
    case "greeting":
      await ctx.reply(ctx.t("greeting", { name: escapeHtml(ctx.customer.firstName) }), { parse_mode: "HTML" });
      return showCategories(ctx);
    case "help":
      return void (await ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));
    case "unknown":
      if (selecting) return continueDetails(ctx);
      await ctx.reply(ctx.t("not-understood"));
      return showCategories(ctx);
  }
}

/** "1000 followers" while an Instagram followers service is selected is a detail, not a new search. */
async function fitsSelected(ctx: BotContext, u: Understanding): Promise<boolean> {
  const mid = ctx.session.checkout.mid;
  if (mid === undefined) return false;
  const selected = await ctx.deps.checkout.selectService(mid);
  if (!selected.ok) return false;
  return (!u.kind || u.kind === selected.value.kind) && (!u.platform || u.platform === selected.value.platform);
}

async function search(ctx: BotContext, u: Understanding, text: string): Promise<void> {
  // Slots given with the request ("followers IG 1000") are kept for after the pick.
  ctx.session.checkout = { stage: "choosing", target: u.target, quantity: u.quantity };
  const result = await ctx.deps.catalog.search(text);
  if (result.query.keywords.length === 0) {
    if (u.platform && !u.kind) return showKinds(ctx, u.platform);
    if (u.kind && !u.platform) return askPlatformForKind(ctx, u.kind);
  }
  if (result.services.length === 0) return showCategories(ctx, "search-nothing");
  const both = result.query.platform && result.query.kind;
  await showServiceList(ctx, result.services, {
    title: both ? ctx.t("list-title", { platform: platformLabel(result.query.platform!), kind: kindLabel(ctx, result.query.kind!) }) : ctx.t("search-title"),
    total: result.total,
    nextPage: both && result.total > result.services.length ? `list:${result.query.platform}:${result.query.kind}:1` : undefined,
  });
}

async function selectService(ctx: BotContext, mid: number, given: { target?: string | undefined; quantity?: number | undefined }): Promise<void> {
  const selected = await ctx.deps.checkout.selectService(mid);
  if (!selected.ok) {
    await ctx.reply(problemText(ctx, selected.error), { parse_mode: "HTML" });
    return;
  }
  const service = selected.value;
  const previous = ctx.session.checkout;
  ctx.session.checkout = {
    stage: "details",
    mid,
    target: given.target ?? (previous.mid === undefined ? previous.target : undefined),
    quantity: given.quantity ?? (previous.mid === undefined ? previous.quantity : undefined),
  };
  await ctx.reply(
    ctx.t("service-selected", {
      mid: service.mid,
      name: escapeHtml(service.name),
      price: formatRupiah(service.pricePer1000),
      min: count.format(service.min),
      max: count.format(service.max),
      refill: service.refill ? ctx.t("refill-yes") : ctx.t("refill-no"),
    }) + (service.description ? `\n\n<i>${escapeHtml(service.description.slice(0, 400))}</i>` : ""),
    { parse_mode: "HTML" },
  );
  await continueDetails(ctx, service);
}

async function mergeDetails(ctx: BotContext, given: { target?: string | undefined; quantity?: number | undefined }): Promise<void> {
  const draft = ctx.session.checkout;
  ctx.session.checkout = { ...draft, stage: "details", quoteId: undefined, target: given.target ?? draft.target, quantity: given.quantity ?? draft.quantity };
  await continueDetails(ctx);
}

/** Validates what the draft holds, explains problems, asks for what is missing, or quotes. */
async function continueDetails(ctx: BotContext, known?: Service): Promise<void> {
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
  const problems: string[] = [];
  if (draft.quantity !== undefined) {
    const quantity = ctx.deps.checkout.checkQuantity(service, draft.quantity);
    if (!quantity.ok) {
      problems.push(problemText(ctx, quantity.error));
      draft.quantity = undefined;
    }
  }
  if (draft.target !== undefined) {
    const target = ctx.deps.checkout.checkTarget(service, draft.target);
    if (target.ok) draft.target = target.value;
    else {
      problems.push(problemText(ctx, target.error));
      draft.target = undefined;
    }
  }
  if (draft.target !== undefined && draft.quantity !== undefined) return quote(ctx, draft.mid, draft.target, draft.quantity);

  const ask = draft.target === undefined && draft.quantity === undefined ? "ask-target-and-quantity" : draft.target === undefined ? "ask-target" : "ask-quantity";
  const example = `https://${hostExample(service.platform)}`;
  problems.push(ctx.t(ask, { min: count.format(service.min), max: count.format(service.max), example }));
  await ctx.reply(problems.join("\n\n"), { parse_mode: "HTML" });
}

async function quote(ctx: BotContext, mid: number, target: string, quantity: number): Promise<void> {
  const result = await ctx.deps.checkout.quote({ customerId: ctx.customer.id, mid, target, quantity });
  if (!result.ok) {
    await ctx.reply(problemText(ctx, result.error), { parse_mode: "HTML" });
    return;
  }
  const q = result.value;
  ctx.session.checkout = { stage: "quoted", mid, target: q.target, quantity: q.quantity, quoteId: q.id };
  const keyboard = new InlineKeyboard().text(ctx.t("button-pay-qris"), `pay:${q.id}`).row().text(ctx.t("button-cancel"), "draft:cancel");
  await ctx.reply(
    ctx.t("quote", {
      mid: q.service.mid,
      name: escapeHtml(q.service.name),
      target: escapeHtml(q.target),
      quantity: count.format(q.quantity),
      price: formatRupiah(q.pricePer1000),
      total: formatRupiah(q.amount),
      until: formatJakartaTime(q.expiresAt),
    }),
    { parse_mode: "HTML", reply_markup: keyboard, link_preview_options: { is_disabled: true } },
  );
}

async function cancelDraft(ctx: BotContext): Promise<void> {
  ctx.session.checkout = { stage: "idle" };
  await ctx.reply(ctx.t("checkout-canceled"));
}

export function problemText(ctx: BotContext, problem: QuoteProblem): string {
  switch (problem.code) {
    case "unknown_mid":
      return ctx.t("problem-unknown-mid", { mid: problem.mid });
    case "not_sellable":
      return ctx.t("problem-not-sellable", { mid: problem.mid });
    case "quantity_out_of_range":
      return ctx.t("problem-quantity", { quantity: count.format(problem.quantity), min: count.format(problem.min), max: count.format(problem.max) });
    case "target_missing":
    case "target_invalid":
      return ctx.t("problem-target-invalid");
    case "target_wrong_platform":
      return ctx.t("problem-target-platform", { platform: platformLabel(problem.platform) });
  }
}

function hostExample(platform: string): string {
  const hosts: Record<string, string> = { instagram: "instagram.com/username", tiktok: "tiktok.com/@username", youtube: "youtube.com/@channel", facebook: "facebook.com/page", twitter: "x.com/username", telegram: "t.me/channel", spotify: "open.spotify.com/track", shopee: "shopee.co.id/shop" };
  return hosts[platform] ?? "example.com/page";
}
