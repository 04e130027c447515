import { Composer, type MiddlewareFn } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { productQueryFor, type Understanding } from "../language/language.understanding.js";
import type { Reading } from "../language/language.reading.js";
import {
  askPlatformForKind,
  kindLabel,
  platformLabel,
  showCategories,
  showKinds,
  showResultList,
} from "../catalog/catalog.bot.js";
import { startPayment } from "../payments/payments.bot.js";
import { eventForMessage, step } from "./checkout.flow.js";
import type { CheckoutEffect, CheckoutEvent } from "./checkout.flow.types.js";
import { renderReply } from "./checkout.replies.js";

/**
 * The purchase in Telegram: product buttons and commands become events of the purchase flow
 * (`checkout.flow.ts`), and so does the purchase side of what customers write (read by the
 * assistant, which routes here). This file runs the flow's effects with the services and renders
 * its replies; the flow decides. Prices come from the database.
 */
export const checkoutFeature = new Composer<BotContext>();

/**
 * Gives every update `ctx.purchase(event)`, so any feature can move the purchase (a payment begun
 * resets it, a product list makes the next pick a choice) without reaching into the draft.
 */
export const purchaseFlow: MiddlewareFn<BotContext> = (ctx, next) => {
  ctx.purchase = (event) => dispatch(ctx, event);
  return next();
};

/** One step of the flow: the draft it gives is kept, its replies shown, its effects run (their results are steps too). */
async function dispatch(ctx: BotContext, event: CheckoutEvent): Promise<void> {
  const next = step(ctx.session.checkout, event, { customerId: ctx.customer.id, now: ctx.deps.clock.now() });
  ctx.session.checkout = next.draft;
  for (const reply of next.replies) await renderReply(ctx, reply);
  for (const effect of next.effects) {
    const result = await perform(ctx, effect);
    if (result) await dispatch(ctx, result);
  }
}

async function perform(ctx: BotContext, effect: CheckoutEffect): Promise<CheckoutEvent | undefined> {
  const checkout = ctx.deps.checkout;
  switch (effect.type) {
    case "load-service":
      return {
        type: "service-loaded",
        mid: effect.mid,
        result: await checkout.selectService(effect.mid),
        after: effect.after,
      };
    case "find-running-order":
      return {
        type: "running-order-checked",
        service: effect.service,
        target: effect.target,
        running: await checkout.activeOrderFor(effect.service.id, effect.target),
      };
    case "quote": {
      const { service, target, zone, quantity, inputs } = effect;
      const result = await checkout.quote({
        customerId: ctx.customer.id,
        mid: service.mid,
        target,
        zone,
        quantity,
        inputs,
      });
      return { type: "quoted", service, quantity, result };
    }
    case "start-payment":
      return void (await startPayment(ctx, effect.quoteId));
    case "search":
      return void (await search(ctx, effect.understanding, effect.text));
  }
}

checkoutFeature.callbackQuery(/^pick:(\d{1,7})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.purchase({ type: "product-chosen", mid: Number(ctx.match[1]), given: {} });
});

checkoutFeature.callbackQuery("draft:cancel", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.purchase({ type: "cancel" });
});

checkoutFeature.callbackQuery("dupok", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  await ctx.purchase({ type: "duplicate-ok" });
});

// Drip-feed from the quote of a service that allows it: ask for runs and interval, or drop them.
checkoutFeature.callbackQuery(["drip", "drip:off"], async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.purchase({ type: "dripfeed", on: ctx.callbackQuery.data === "drip" });
});

checkoutFeature.command(["batal", "cancel"], (ctx) => ctx.purchase({ type: "cancel" }));

/**
 * The purchase side of a message the assistant read: an answer the flow asked for, browsing,
 * picking, details, confirming and cancelling. False for messages that are not about the purchase.
 */
export async function handlePurchaseMessage(
  ctx: BotContext,
  u: Understanding,
  text: string,
  reading?: Reading,
): Promise<boolean> {
  const event = eventForMessage(ctx.session.checkout, u, text, reading);
  if (!event) return false;
  await ctx.purchase(event);
  return true;
}

/** Every result is kept for paging (see `showResultList`); a shop's biggest tier fits. */
const RESULTS_KEPT = 200;

/** Products for the customer's words from the knowledge base (ranked by it, priced by the catalog). */
async function search(ctx: BotContext, u: Understanding, text: string | Reading): Promise<void> {
  // Only a platform or only a kind, and nothing more specific: ask for the other half first.
  if (!u.query?.trim()) {
    if (u.platform && !u.kind) return showKinds(ctx, u.platform);
    if (u.kind && !u.platform) return askPlatformForKind(ctx, u.kind);
  }
  const result = await ctx.deps.knowledge.findProducts({ ...productQueryFor(u, text), limit: RESULTS_KEPT });
  if (result.services.length === 0) return showCategories(ctx, "search-nothing");
  const both = u.platform && u.kind;
  const title = both
    ? ctx.t("list-title", { platform: platformLabel(u.platform!), kind: kindLabel(ctx, u.kind!) })
    : ctx.t("search-title");
  await showResultList(ctx, result.services, { title, total: result.total });
}
