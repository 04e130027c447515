import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../../bot/context.js";
import { formatRupiah } from "../../shared/money.js";
import { asCount, escapeHtml, formatCount, truncate } from "../../shared/text.js";
import type { Service } from "./catalog.service.js";
import { isKind, isPlatform, PLATFORM_LABELS, type Platform } from "./catalog.vocabulary.js";

/** Browsing by buttons: platforms → kinds → services (with their shop numbers and prices). */
export const catalogFeature = new Composer<BotContext>();

const PAGE_SIZE = 8;

export function platformLabel(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform;
}

export function kindLabel(ctx: BotContext, kind: string): string {
  return ctx.t(isKind(kind) ? `kind-${kind}` : "kind-other");
}

export async function showCategories(ctx: BotContext, introKey = "categories-pick"): Promise<void> {
  const platforms = await ctx.deps.catalog.platformsWithServices();
  if (platforms.length === 0) {
    await ctx.reply(ctx.t("catalog-empty"));
    return;
  }
  const keyboard = new InlineKeyboard();
  platforms.forEach((p, i) => {
    keyboard.text(`${platformLabel(p.platform)} (${p.count})`, `plat:${p.platform}`);
    if (i % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t(introKey), { reply_markup: keyboard });
}

export async function showKinds(ctx: BotContext, platform: string): Promise<void> {
  const kinds = await ctx.deps.catalog.kindsForPlatform(platform);
  if (kinds.length === 0) return showCategories(ctx, "categories-none-for-platform");
  const keyboard = new InlineKeyboard();
  kinds.forEach((k, i) => {
    keyboard.text(`${kindLabel(ctx, k.kind)} (${k.count})`, `list:${platform}:${k.kind}:0`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("button-all-categories"), "cat");
  await ctx.reply(ctx.t("kinds-pick", { platform: platformLabel(platform) }), { reply_markup: keyboard });
}

export async function askPlatformForKind(ctx: BotContext, kind: string): Promise<void> {
  const platforms = await ctx.deps.catalog.platformsWithServices(kind);
  if (platforms.length === 0) return showCategories(ctx, "search-nothing");
  const keyboard = new InlineKeyboard();
  platforms.forEach((p, i) => {
    keyboard.text(platformLabel(p.platform), `list:${p.platform}:${kind}:0`);
    if (i % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t("platform-pick-for-kind", { kind: kindLabel(ctx, kind) }), { reply_markup: keyboard });
}

/** "Rp 12.300 / 1.000" ("/ 1,000" in English) for SMM services, "Rp 20.600" for items (top-ups). */
export function priceLabel(ctx: BotContext, service: Pick<Service, "unitPrice" | "unitSize">): string {
  return service.unitSize === 1
    ? formatRupiah(service.unitPrice)
    : `${formatRupiah(service.unitPrice)} / ${formatCount(service.unitSize, ctx.customer.language)}`;
}

/** One message listing services by shop number, with a button per service and paging both ways. */
export async function showServiceList(
  ctx: BotContext,
  services: Service[],
  options: {
    title: string;
    total: number;
    nextPage?: string | undefined;
    previousPage?: string | undefined;
    offset?: number | undefined;
  },
): Promise<void> {
  const lines = services.map((s) =>
    ctx.t(s.unitSize === 1 ? "service-line-item" : "service-line", {
      mid: s.mid,
      name: escapeHtml(truncate(s.name, 90)),
      price: priceLabel(ctx, s),
      min: asCount(s.min),
      max: asCount(s.max),
    }),
  );
  const keyboard = new InlineKeyboard();
  services.forEach((s, i) => {
    keyboard.text(`ID ${s.mid} · ${formatRupiah(s.unitPrice)}`, `pick:${s.mid}`);
    if (i % 2 === 1) keyboard.row();
  });
  if (options.previousPage || options.nextPage) keyboard.row();
  if (options.previousPage) keyboard.text(ctx.t("button-previous"), options.previousPage);
  if (options.nextPage) keyboard.text(ctx.t("button-more"), options.nextPage);
  const offset = options.offset ?? 0;
  const footer =
    offset === 0
      ? ctx.t("service-list-footer", { shown: services.length, total: options.total })
      : ctx.t("service-list-footer-range", { from: offset + 1, to: offset + services.length, total: options.total });
  await ctx.reply(`${options.title}\n\n${lines.join("\n\n")}\n\n${footer}`, {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
}

/**
 * The card shown when a service is picked: price, limits, and the supplier's description, or one
 * built from what its name says (refill guarantee, speed) when the supplier gives none.
 */
export function describeService(ctx: BotContext, service: Service): string {
  const facts: string[] = [];
  if (service.unitSize !== 1)
    facts.push(ctx.t("fact-limits", { min: asCount(service.min), max: asCount(service.max) }));
  if (service.targetKind === "link") {
    if (service.refillDays === 0) facts.push(ctx.t("fact-refill-lifetime"));
    else if (service.refillDays) facts.push(ctx.t("fact-refill-days", { days: service.refillDays }));
    else facts.push(ctx.t(service.refill ? "fact-refill" : "fact-no-refill"));
    if (service.speed) facts.push(ctx.t("fact-speed", { speed: service.speed.replace("/day", ctx.t("fact-per-day")) }));
  }
  const description = service.description ? `\n\n<i>${escapeHtml(service.description.slice(0, 400))}</i>` : "";
  const header = ctx.t("service-selected", {
    mid: service.mid,
    name: escapeHtml(service.name),
    price: priceLabel(ctx, service),
  });
  return `${header}${facts.length > 0 ? `\n${facts.join(" · ")}` : ""}${description}`;
}

catalogFeature.callbackQuery("cat", async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCategories(ctx);
});

catalogFeature.callbackQuery(/^plat:([a-z_]+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showKinds(ctx, ctx.match[1]!);
});

catalogFeature.callbackQuery(/^list:([a-z_]+):([a-z_]+):(\d{1,4})$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [, platform, kind, pageText] = ctx.match;
  const page = Number(pageText);
  const { services, total } = await ctx.deps.catalog.listSellable(
    { platform: platform!, kind: kind! },
    page,
    PAGE_SIZE,
  );
  if (services.length === 0) return showCategories(ctx, "search-nothing");
  await ctx.purchase({ type: "browsing" });
  const more = (page + 1) * PAGE_SIZE < total ? `list:${platform}:${kind}:${page + 1}` : undefined;
  const back = page > 0 ? `list:${platform}:${kind}:${page - 1}` : undefined;
  const title = ctx.t("list-title", { platform: platformLabel(platform as Platform), kind: kindLabel(ctx, kind!) });
  await showServiceList(ctx, services, { title, total, nextPage: more, previousPage: back, offset: page * PAGE_SIZE });
});

/**
 * A search's results, best first: the whole ranked list is kept in the session and its pages are
 * slices of it, so "more" and "previous" show each service exactly once and in the same order
 * (searching again for page 2 could rank differently and repeat or skip services).
 */
export async function showResultList(
  ctx: BotContext,
  services: Service[],
  options: { title: string; total: number },
): Promise<void> {
  const id = (ctx.session.results?.id ?? 0) + 1;
  ctx.session.results = {
    id,
    title: options.title,
    mids: services.map((s) => s.mid),
    total: Math.max(options.total, services.length),
  };
  await showResultPage(ctx, 0, services.slice(0, PAGE_SIZE));
}

async function showResultPage(ctx: BotContext, page: number, services: Service[]): Promise<void> {
  const list = ctx.session.results!;
  const more = (page + 1) * PAGE_SIZE < list.mids.length ? `page:${list.id}:${page + 1}` : undefined;
  const back = page > 0 ? `page:${list.id}:${page - 1}` : undefined;
  await showServiceList(ctx, services, {
    title: list.title,
    total: list.total,
    nextPage: more,
    previousPage: back,
    offset: page * PAGE_SIZE,
  });
}

catalogFeature.callbackQuery(/^page:(\d{1,6}):(\d{1,3})$/, async (ctx) => {
  const list = ctx.session.results;
  const page = Number(ctx.match[2]);
  const mids = list?.id === Number(ctx.match[1]) ? list.mids.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) : [];
  if (mids.length === 0)
    return void (await ctx.answerCallbackQuery({ text: ctx.t("results-outdated"), show_alert: true }));
  await ctx.answerCallbackQuery();
  // Prices and availability as they are now; a service withdrawn since the search is left out.
  const services = (await Promise.all(mids.map((mid) => ctx.deps.catalog.findByMid(mid)))).filter(
    (s): s is Service => s?.sellable === true,
  );
  await ctx.purchase({ type: "browsing" });
  await showResultPage(ctx, page, services);
});

/** How many platforms /start offers as buttons (the best-stocked); the rest are one press away. */
const START_PLATFORMS = 6;

// One short message: the welcome with a few platforms under it, not a wall of buttons.
catalogFeature.command("start", async (ctx) => {
  await ctx.purchase({ type: "reset" });
  const platforms = await ctx.deps.catalog.platformsWithServices();
  const keyboard = new InlineKeyboard();
  platforms.slice(0, START_PLATFORMS).forEach((p, i) => {
    keyboard.text(platformLabel(p.platform), `plat:${p.platform}`);
    if (i % 2 === 1) keyboard.row();
  });
  if (platforms.length > START_PLATFORMS)
    keyboard.row().text(ctx.t("button-all-platforms", { count: platforms.length }), "cat");
  await ctx.reply(ctx.t("welcome", { name: escapeHtml(ctx.customer.firstName) }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
});

catalogFeature.command(["help", "bantuan"], async (ctx) => {
  await ctx.reply(ctx.t("help"), { parse_mode: "HTML" });
});
