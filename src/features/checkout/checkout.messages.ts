import type { BotContext } from "../../bot/context.js";
import { asCount, escapeHtml } from "../../shared/text.js";
import { platformLabel } from "../catalog/catalog.bot.js";
import type { TargetKind } from "../catalog/catalog.games.js";
import type { Service } from "../catalog/catalog.service.js";
import { orderFormFor, SUBSCRIPTION_DELAYS, type OrderInput } from "../catalog/catalog.order-forms.js";
import type { QuoteProblem } from "./checkout.service.js";

/** Every problem with what the customer gave, explained in their language. */
export function problemText(ctx: BotContext, problem: QuoteProblem): string {
  switch (problem.code) {
    case "unknown_mid":
      return ctx.t("problem-unknown-mid", { mid: problem.mid });
    case "not_sellable":
      return ctx.t("problem-not-sellable", { mid: problem.mid });
    case "quantity_out_of_range":
      return ctx.t("problem-quantity", {
        quantity: asCount(problem.quantity),
        min: asCount(problem.min),
        max: asCount(problem.max),
      });
    case "target_missing":
    case "target_invalid":
      return ctx.t("problem-target-invalid");
    case "target_wrong_platform":
      return ctx.t("problem-target-platform", { platform: platformLabel(problem.platform) });
    case "player_id_invalid":
      return ctx.t("problem-player-id");
    case "zone_missing":
      return ctx.t("problem-zone-missing");
    case "phone_invalid":
      return ctx.t("problem-phone");
    case "customer_no_invalid":
      return ctx.t("problem-customer-no");
    case "account_not_found":
      return ctx.t("problem-account-not-found");
    case "price_outdated":
      return ctx.t("problem-price-outdated", { mid: problem.mid });
    case "input_missing":
      return "";
    case "lines_out_of_range":
      return ctx.t(`problem-lines-${problem.input}`, {
        count: asCount(problem.count),
        min: asCount(problem.min),
        max: asCount(problem.max),
      });
    case "input_invalid":
      return ctx.t(`problem-input-${problem.input}`, {
        min: asCount(problem.min ?? 0),
        max: asCount(problem.max ?? 0),
        allowed: SUBSCRIPTION_DELAYS.join(", "),
      });
    case "dripfeed_not_offered":
      return ctx.t("problem-dripfeed-not-offered");
  }
}

/** The question for one extra input of the service's type. */
export function askInputText(ctx: BotContext, service: Service, input: OrderInput): string {
  const form = orderFormFor(service.type);
  const limits = { min: asCount(service.min), max: asCount(service.max), allowed: SUBSCRIPTION_DELAYS.join(", ") };
  if (input === "comments" && form?.quantity === "package")
    return ctx.t("ask-input-comments-package", { max: asCount(Math.max(service.min, service.max)) });
  if (input === "usernames" && form?.linesOf === "usernames") return ctx.t("ask-input-usernames-list", limits);
  if (input === "username")
    return ctx.t(
      form?.type === "Mentions User Followers" ? "ask-input-username-followers" : "ask-input-username-comment",
    );
  return ctx.t(`ask-input-${input}`, limits);
}

/** What to ask for next, given what the draft still lacks. */
export function askText(ctx: BotContext, service: Service, missing: { target: boolean; quantity: boolean }): string {
  const limits = { min: asCount(service.min), max: asCount(service.max) };
  switch (service.targetKind) {
    case "game_id":
      return missing.target
        ? ctx.t(service.zoneRequired ? "ask-player-id-zone" : "ask-player-id", {
            game: platformLabel(service.platform),
          })
        : ctx.t("ask-quantity", limits);
    case "phone":
      return missing.target ? ctx.t("ask-phone") : ctx.t("ask-quantity", limits);
    case "customer_no":
      return missing.target ? ctx.t("ask-customer-no") : ctx.t("ask-quantity", limits);
    case "link": {
      const example = `https://${hostExample(service.platform)}`;
      const key =
        missing.target && missing.quantity ? "ask-target-and-quantity" : missing.target ? "ask-target" : "ask-quantity";
      return ctx.t(key, { ...limits, example });
    }
  }
}

/**
 * What an order goes to, named for its kind ("Nomor HP: 0812…", "ID pemain: 123 (45)"), with the
 * account's nickname on a line of its own only when the supplier told us one.
 */
export function accountLines(
  ctx: BotContext,
  account: { kind: TargetKind; target: string; zone: string | null; nickname: string | null },
): string {
  const shown = escapeHtml(account.zone ? `${account.target} (${account.zone})` : account.target);
  const line = ctx.t(`account-line-${account.kind}`, { account: shown });
  return account.nickname ? `${line}\n${ctx.t("account-nickname", { nickname: escapeHtml(account.nickname) })}` : line;
}

function hostExample(platform: string): string {
  const hosts: Record<string, string> = {
    instagram: "instagram.com/username",
    tiktok: "tiktok.com/@username",
    youtube: "youtube.com/@channel",
    facebook: "facebook.com/page",
    twitter: "x.com/username",
    telegram: "t.me/channel",
    spotify: "open.spotify.com/track",
    shopee: "shopee.co.id/shop",
  };
  return hosts[platform] ?? "example.com/page";
}
