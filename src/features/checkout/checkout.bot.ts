import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { escapeHtml } from "../../shared/text.js";
import { understand, type Understanding } from "../assistant/rules-extractor.js";
import { askPlatformForKind, kindLabel, platformLabel, showCategories, showKinds, showServiceList } from "../catalog/catalog.bot.js";
import { showOrders } from "../orders/orders.bot.js";
import { startPayment } from "../payments/payments.bot.js";
import { showBalance } from "../wallet/wallet.bot.js";
import { cancelDraft, continueDetails, mergeDetails, selectService } from "./checkout.dialog.js";
import { parseAccount } from "./checkout.target.js";

/**
 * The purchase dialog's entry points. Each message is read for intent and slots; the dialog fills a
 * draft kept in the session and asks only for what is still missing. Prices come from the database.
 */
export const checkoutFeature = new Composer<BotContext>();

checkoutFeature.callbackQuery(/^pick:(\d{1,7})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await selectService(ctx, Number(ctx.match[1]), {});
});

checkoutFeature.callbackQuery("draft:cancel", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await cancelDraft(ctx);
});

checkoutFeature.callbackQuery("dupok", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  ctx.session.checkout.duplicateOk = true;
  await continueDetails(ctx);
});

checkoutFeature.command(["batal", "cancel"], (ctx) => cancelDraft(ctx));

checkoutFeature.on("message:text", async (ctx, next) => {
  if (ctx.message.text.startsWith("/")) return next();
  const text = ctx.message.text;
  const u = understand(text);
  if (await handledAsAccount(ctx, u, text)) return;
  await handleMessage(ctx, u, text);
});

/**
 * While a top-up waits for its account, "12345678 (1234)" is a player id and zone, not a shop
 * number or a quantity; a lone short number after a player id is its zone.
 */
async function handledAsAccount(ctx: BotContext, u: Understanding, text: string): Promise<boolean> {
  const draft = ctx.session.checkout;
  const waiting = (draft.stage === "details" || draft.stage === "quoted") && draft.targetKind !== undefined && draft.targetKind !== "link";
  if (!waiting || ["cancel", "confirm", "balance", "orders"].includes(u.intent) || /\b(?:pilih|choose|pick)\b/i.test(text)) return false;
  const zoneOnly = /^\s*\(?\s*(\d{1,5})\s*\)?\s*$/.exec(text);
  if (zoneOnly && draft.target && draft.targetKind === "game_id") {
    await mergeDetails(ctx, { target: draft.target, zone: zoneOnly[1] });
    return true;
  }
  const account = parseAccount(text);
  if (!account) return false;
  await mergeDetails(ctx, account);
  return true;
}

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
      return selectService(ctx, u.mid!, { target: u.target, zone: u.zone, quantity: u.quantity, account: u.account });
    case "confirm":
      if (draft.stage === "quoted" && draft.quoteId) return startPayment(ctx, draft.quoteId);
      if (draft.stage === "details" && draft.mid !== undefined) return continueDetails(ctx);
      return showCategories(ctx);
    case "details":
      if (u.bareNumber !== undefined && !selecting) return selectService(ctx, u.bareNumber, {});
      if (selecting) return mergeDetails(ctx, { target: u.target, zone: u.zone, quantity: u.quantity ?? u.bareNumber });
      ctx.session.checkout = { stage: draft.stage === "choosing" ? "choosing" : "idle", target: u.target ?? draft.target, zone: u.zone ?? draft.zone, quantity: u.quantity ?? draft.quantity };
      await ctx.reply(ctx.t("pick-product-first"), { parse_mode: "HTML" });
      if (draft.stage !== "choosing") await showCategories(ctx);
      return;
    case "browse":
      if (selecting && (u.target || u.quantity) && (await fitsSelected(ctx, u))) return mergeDetails(ctx, { target: u.target, zone: u.zone, quantity: u.quantity });
      return search(ctx, u, text);
    case "greeting":
      await ctx.reply(ctx.t("greeting", { name: escapeHtml(ctx.customer.firstName) }), { parse_mode: "HTML" });
      return showCategories(ctx);
    case "help":
      return void (await ctx.reply(ctx.t("help"), { parse_mode: "HTML" }));
    case "unknown":
      if (selecting) return continueDetails(ctx);
      await ctx.reply(ctx.t("not-understood"), { parse_mode: "HTML" });
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
  // Slots given with the request ("followers IG 1000", "ML 86 dm 12345678 (1234)") are kept for after the pick.
  ctx.session.checkout = { stage: "choosing", target: u.target, zone: u.zone, quantity: u.quantity };
  const result = await ctx.deps.catalog.search(text);
  if (result.query.keywords.length === 0 && result.query.numbers.length === 0) {
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
