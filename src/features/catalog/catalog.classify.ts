import { GAME_PLATFORMS, topupTargetFor, type TargetKind } from "./catalog.games.js";
import { detectKind, detectPlatform, type Kind, type Platform } from "./catalog.vocabulary.js";

export interface Classification {
  platform: Platform;
  kind: Kind;
  targetKind: TargetKind;
  zoneRequired: boolean;
  /** Days of refill guarantee read from the name; 0 for lifetime; null when none is stated. */
  refillDays: number | null;
  /** Delivery speed as the supplier states it ("50K/day", "instant"), or null. */
  speed: string | null;
}

const TOPUP_PLATFORMS: ReadonlySet<Platform> = new Set([...GAME_PLATFORMS, "pulsa", "data", "emoney", "pln"]);

/**
 * SMM services: platform from the category first (suppliers group by platform), kind from the name
 * first (the name says what is delivered: "Instagram Followers + Likes" sells followers).
 * Top-ups (sold per item): the category says the product line (Pulsa, Data, a game), the brand the
 * operator or game; what the customer must give follows from the platform.
 */
export function classifyService(input: {
  name: string;
  category: string;
  brand?: string;
  unit?: "per_1000" | "per_item";
}): Classification {
  const facts = { refillDays: refillDays(input.name), speed: speed(input.name) };
  if (input.unit === "per_item") {
    const platform =
      topupPlatform(input.category) ?? topupPlatform(input.brand ?? "") ?? topupPlatform(input.name) ?? "other";
    const named = detectKind(input.name);
    const kind: Kind = GAME_PLATFORMS.has(platform) ? (named === "membership" ? "membership" : "diamonds") : "topup";
    return { platform, kind, ...topupTargetFor(platform), ...facts };
  }
  const platform = smmPlatform(input.category) ?? smmPlatform(input.name) ?? "other";
  return {
    platform,
    kind: detectKind(input.name) ?? detectKind(input.category) ?? "other",
    targetKind: "link",
    zoneRequired: false,
    ...facts,
  };
}

function topupPlatform(text: string): Platform | undefined {
  const platform = detectPlatform(text);
  return platform && TOPUP_PLATFORMS.has(platform) ? platform : undefined;
}

function smmPlatform(text: string): Platform | undefined {
  const platform = detectPlatform(text);
  return platform && !TOPUP_PLATFORMS.has(platform) ? platform : undefined;
}

/** "[Refill 30 Hari]", "30D Refill", "R30", "Lifetime Refill" → 30, 30, 30, 0. */
export function refillDays(name: string): number | null {
  if (/lifetime|selamanya|permanen/i.test(name) && /refill|garansi/i.test(name)) return 0;
  const match =
    /(?:refill|garansi)\s*[:-]?\s*(\d{1,3})\s*(?:d|day|days|hari)\b/i.exec(name) ??
    /(\d{1,3})\s*(?:d|day|days|hari)\s*(?:refill|garansi)/i.exec(name) ??
    /\bR(\d{1,3})\b/.exec(name);
  return match ? Number(match[1]) : null;
}

/** "50K/Hari", "10k/day", "Instant", "Fast" → a short speed note. */
export function speed(name: string): string | null {
  const perDay = /(\d+(?:[.,]\d+)?\s*[kK]?)\s*\/\s*(?:hari|day|d)\b/i.exec(name);
  if (perDay) return `${perDay[1]!.replace(/\s+/g, "").toUpperCase()}/day`;
  if (/\binstant\b/i.test(name)) return "instant";
  if (/\b(fast|cepat)\b/i.test(name)) return "fast";
  return null;
}
