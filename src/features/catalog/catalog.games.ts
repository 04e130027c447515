import type { Platform } from "./catalog.vocabulary.js";

/**
 * What a top-up needs from the customer. Games identify an account by player id, and some by a
 * zone or server too (Mobile Legends "12345678 (1234)"); phone credit and e-money by a phone number;
 * electricity tokens by a customer number.
 */
export type TargetKind = "link" | "game_id" | "phone" | "customer_no";

export interface TopupTarget {
  targetKind: TargetKind;
  zoneRequired: boolean;
}

const GAMES_WITH_ZONE: ReadonlySet<Platform> = new Set(["mobile_legends", "genshin_impact"]);
export const GAME_PLATFORMS: ReadonlySet<Platform> = new Set([
  "mobile_legends",
  "free_fire",
  "pubg_mobile",
  "genshin_impact",
  "valorant",
  "honor_of_kings",
  "call_of_duty_mobile",
  "roblox",
]);
const PHONE_PLATFORMS: ReadonlySet<Platform> = new Set(["pulsa", "data", "emoney"]);

export function topupTargetFor(platform: Platform): TopupTarget {
  if (GAME_PLATFORMS.has(platform)) return { targetKind: "game_id", zoneRequired: GAMES_WITH_ZONE.has(platform) };
  if (PHONE_PLATFORMS.has(platform)) return { targetKind: "phone", zoneRequired: false };
  return { targetKind: "customer_no", zoneRequired: false };
}

export function isGame(platform: string): boolean {
  return GAME_PLATFORMS.has(platform as Platform);
}
