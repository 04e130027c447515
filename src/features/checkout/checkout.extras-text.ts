import type { BotContext } from "../../bot/context.js";
import { escapeHtml, truncate } from "../../shared/text.js";
import type { OrderExtras } from "../providers/provider.types.js";

const count = new Intl.NumberFormat("id-ID");

/** A few items of a list, so a quote with 500 comments stays one readable message. */
function preview(items: string[], show = 3): string {
  const shown = items.slice(0, show).map((i) => `<i>${escapeHtml(truncate(i, 60))}</i>`);
  return items.length > show ? `${shown.join(" · ")} · …` : shown.join(" · ");
}

/**
 * What a service type's extra inputs say, one line each, in the reader's language: shown under the
 * quote (so the customer checks them before paying) and in the order's detail.
 */
export function extrasLines(ctx: BotContext, extras: OrderExtras | null, quantity: number): string[] {
  if (!extras) return [];
  const lines: string[] = [];
  if (extras.comments)
    lines.push(
      ctx.t("extra-comments", { count: count.format(extras.comments.length), list: preview(extras.comments) }),
    );
  if (extras.username) lines.push(ctx.t("extra-username", { value: escapeHtml(`@${extras.username}`) }));
  if (extras.usernames)
    lines.push(
      ctx.t("extra-usernames", {
        count: count.format(extras.usernames.length),
        list: preview(
          extras.usernames.map((u) => `@${u}`),
          5,
        ),
      }),
    );
  if (extras.hashtags)
    lines.push(ctx.t("extra-hashtags", { list: escapeHtml(extras.hashtags.map((h) => `#${h}`).join(" ")) }));
  if (extras.hashtag) lines.push(ctx.t("extra-hashtags", { list: escapeHtml(`#${extras.hashtag}`) }));
  if (extras.media) lines.push(ctx.t("extra-media", { value: escapeHtml(extras.media) }));
  if (extras.keywords) lines.push(ctx.t("extra-keywords", { list: preview(extras.keywords, 5) }));
  if (extras.answerNumber !== undefined) lines.push(ctx.t("extra-answer", { value: extras.answerNumber }));
  const s = extras.subscription;
  if (s) {
    const expiry = s.expiry ? ctx.t("extra-until", { date: s.expiry }) : ctx.t("extra-no-expiry");
    lines.push(
      ctx.t("extra-subscription", {
        username: escapeHtml(`@${s.username}`),
        min: count.format(s.min),
        max: count.format(s.max),
        posts: count.format(s.posts ?? 0),
        delay: s.delay,
        expiry,
      }),
    );
  }
  if (extras.runs)
    lines.push(
      ctx.t("extra-dripfeed", {
        runs: extras.runs,
        quantity: count.format(quantity / extras.runs),
        interval: extras.interval ?? 0,
        total: count.format(quantity),
      }),
    );
  return lines;
}
