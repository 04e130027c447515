import { Composer } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { productQueryFor, type Understanding } from "../language/language.understanding.js";
import type { Reading } from "../language/language.reading.js";
import { askPlatformForKind, kindLabel, platformLabel, showCategories, showKinds, showResultList } from "../catalog/catalog.bot.js";
import { startPayment } from "../payments/payments.bot.js";
import { askDripText, cancelDraft, continueDetails, mergeDetails, selectService } from "./checkout.dialog.js";
import { parseDripAnswer } from "./checkout.order-inputs.js";
import { parseAccount } from "../language/language.slots.js";

/**
 * The purchase dialog: product buttons, and the purchase side of what customers write (read by the
 * assistant, which routes here). The dialog fills a draft kept in the session and asks only for what
 * is still missing. Prices come from the database.
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

// Drip-feed from the quote of a service that allows it: ask for runs and interval, or drop them.
checkoutFeature.callbackQuery(["drip", "drip:off"], async (ctx) => {
  await ctx.answerCallbackQuery();
  const draft = ctx.session.checkout;
  if (draft.stage !== "quoted" || draft.mid === undefined) return;
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  const { runs: _runs, interval: _interval, ...rest } = draft.inputs ?? {};
  ctx.session.checkout = { ...draft, stage: "details", quoteId: undefined, inputs: rest };
  if (ctx.callbackQuery.data === "drip:off") return continueDetails(ctx);
  ctx.session.checkout.awaiting = "dripfeed";
  await ctx.reply(askDripText(ctx, draft.quantity ?? 0), { parse_mode: "HTML" });
});

checkoutFeature.command(["batal", "cancel"], (ctx) => cancelDraft(ctx));

/**
 * While the dialog waits for an extra input (comments, usernames, a poll answer, …), the message is
 * that input, whatever else it looks like: comments are free text, one per line. Only a one-line
 * cancel or a pick of another service leaves the question.
 */
export async function handledAsOrderInput(ctx: BotContext, u: Understanding, text: string): Promise<boolean> {
  const draft = ctx.session.checkout;
  if (draft.stage !== "details" || draft.awaiting === undefined) return false;
  if (!text.includes("\n") && (u.intent === "cancel" || /\b(?:pilih|choose|pick)\b/i.test(text))) return false;
  const awaiting = draft.awaiting;
  draft.awaiting = undefined;
  if (awaiting === "dripfeed") {
    // An answer that is not "5x30" goes to the drip-feed check, which explains the format.
    draft.inputs = { ...draft.inputs, ...(parseDripAnswer(text) ?? { runs: text.trim(), interval: "" }) };
  } else {
    draft.inputs = { ...draft.inputs, [awaiting]: text };
  }
  await continueDetails(ctx);
  return true;
}

/**
 * While a top-up waits for its account, "12345678 (1234)" is a player id and zone, not a shop
 * number or a quantity; a lone short number after a player id is its zone.
 */
export async function handledAsAccount(ctx: BotContext, u: Understanding, text: string): Promise<boolean> {
  const draft = ctx.session.checkout;
  const waiting = (draft.stage === "details" || draft.stage === "quoted") && draft.targetKind !== undefined && draft.targetKind !== "link";
  if (!waiting || ["cancel", "confirm", "balance", "order_status", "order_history"].includes(u.intent) || /\b(?:pilih|choose|pick)\b/i.test(text)) return false;
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

/**
 * The purchase side of a message the assistant read: browsing, picking, details, confirming and
 * cancelling. Returns false for intents that are not about the purchase (the caller answers them).
 */
export async function handlePurchaseMessage(ctx: BotContext, u: Understanding, text: string, reading?: Reading): Promise<boolean> {
  const draft = ctx.session.checkout;
  const selecting = draft.stage === "details" || draft.stage === "quoted";
  switch (u.intent) {
    case "cancel":
      await cancelDraft(ctx);
      return true;
    case "select":
      await selectService(ctx, u.mid!, { target: u.target, zone: u.zone, quantity: u.quantity, account: u.account });
      return true;
    case "confirm":
      if (draft.stage === "quoted" && draft.quoteId) await startPayment(ctx, draft.quoteId);
      else if (draft.stage === "details" && draft.mid !== undefined) await continueDetails(ctx);
      else await showCategories(ctx);
      return true;
    case "details":
      if (u.bareNumber !== undefined && !selecting) {
        await selectService(ctx, u.bareNumber, {});
        return true;
      }
      if (selecting) {
        await mergeDetails(ctx, { target: u.target, zone: u.zone, quantity: u.quantity ?? u.bareNumber });
        return true;
      }
      ctx.session.checkout = { stage: draft.stage === "choosing" ? "choosing" : "idle", target: u.target ?? draft.target, zone: u.zone ?? draft.zone, quantity: u.quantity ?? draft.quantity };
      await ctx.reply(ctx.t("pick-product-first"), { parse_mode: "HTML" });
      if (draft.stage !== "choosing") await showCategories(ctx);
      return true;
    case "browse":
      if (selecting && (u.target || u.quantity) && (await fitsSelected(ctx, u))) await mergeDetails(ctx, { target: u.target, zone: u.zone, quantity: u.quantity });
      else await search(ctx, u, reading ?? text);
      return true;
    default:
      return false;
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

/** Every result is kept for paging (see `showResultList`); a shop's biggest tier fits. */
const RESULTS_KEPT = 200;

/** Products for the customer's words from the knowledge base (ranked by it, priced by the catalog). */
async function search(ctx: BotContext, u: Understanding, text: string | Reading): Promise<void> {
  // Slots given with the request ("followers IG 1000", "ML 86 dm 12345678 (1234)") are kept for after the pick.
  ctx.session.checkout = { stage: "choosing", target: u.target, zone: u.zone, quantity: u.quantity };
  // Only a platform or only a kind, and nothing more specific: ask for the other half first.
  if (!u.query?.trim()) {
    if (u.platform && !u.kind) return showKinds(ctx, u.platform);
    if (u.kind && !u.platform) return askPlatformForKind(ctx, u.kind);
  }
  const result = await ctx.deps.knowledge.findProducts({ ...productQueryFor(u, text), limit: RESULTS_KEPT });
  if (result.services.length === 0) return showCategories(ctx, "search-nothing");
  const both = u.platform && u.kind;
  const title = both ? ctx.t("list-title", { platform: platformLabel(u.platform!), kind: kindLabel(ctx, u.kind!) }) : ctx.t("search-title");
  await showResultList(ctx, result.services, { title, total: result.total });
}
