import { isGame } from "../catalog/catalog.games.js";
import type { Kind, Platform } from "../catalog/catalog.vocabulary.js";
import { platformOfLink } from "../language/language.slots.js";

/**
 * What a product request implies beyond the words matched: the platform a link or a game currency
 * names, and the kind every top-up line is classified under at import (games sell "diamonds" or
 * "membership", phone credit, data, e-money and electricity sell "topup"), so the reader asks for
 * what the catalog actually holds.
 */
const DIGITAL_PLATFORMS: ReadonlySet<Platform> = new Set(["pulsa", "data", "emoney", "pln"]);

export function isTopupPlatform(platform: Platform | undefined): boolean {
  return platform !== undefined && (isGame(platform) || DIGITAL_PLATFORMS.has(platform));
}

export function isDigitalPlatform(platform: Platform | undefined): boolean {
  return platform !== undefined && DIGITAL_PLATFORMS.has(platform);
}

// Game currencies and passes that belong to one game only.
const CURRENCY_GAMES: ReadonlyArray<readonly [string, Platform]> = [
  ["genesis crystal", "genshin_impact"],
  ["genesis crystals", "genshin_impact"],
  ["welkin", "genshin_impact"],
  ["robux", "roblox"],
  ["uc", "pubg_mobile"],
  ["valorant points", "valorant"],
  ["vp", "valorant"],
  ["cod points", "call_of_duty_mobile"],
  ["cp", "call_of_duty_mobile"],
  ["wdp", "mobile_legends"],
  ["weekly diamond pass", "mobile_legends"],
  ["starlight", "mobile_legends"],
  ["twilight pass", "mobile_legends"],
];

/** Words of a digital top-up that name the product line, not the operator or the amount. */
export const TOPUP_LINE_WORDS: ReadonlySet<string> = new Set([
  "pulsa",
  "paket",
  "data",
  "kuota",
  "internet",
  "token",
  "listrik",
  "pln",
  "emoney",
  "e",
  "money",
  "isi",
  "top",
  "up",
  "topup",
  "ulang",
  "saldo",
  "phone",
  "credit",
]);

/** `text` as written and `normalized` (lower case, punctuation off, padded), both from the message's reading. */
export function refineProduct(input: {
  platform: Platform | undefined;
  kind: Kind | undefined;
  text: string;
  normalized: string;
  url: string | undefined;
}): { platform: Platform | undefined; kind: Kind | undefined } {
  let { platform, kind } = input;
  const n = input.normalized;
  if (!platform && kind)
    platform =
      CURRENCY_GAMES.find(([words]) => n.includes(` ${words} `))?.[1] ??
      (input.url ? platformOfLink(input.url) : undefined);
  if (platform === "pulsa" && /\d+\s*gb\b|\b(?:kuota|paket|bronet|combo|unlimited)\b/i.test(input.text))
    platform = "data";
  if (platform && isGame(platform)) kind = kind === "membership" ? "membership" : "diamonds";
  else if (platform && DIGITAL_PLATFORMS.has(platform)) kind = "topup";
  // Telegram "subscribers" are channel members in every supplier's catalog.
  if (platform === "telegram" && kind === "subscribers") kind = "members";
  return { platform, kind };
}
