import { stripInvisible } from "../../shared/invisible-chars.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { TargetKind } from "../catalog/catalog.games.js";
import { PLATFORM_HOSTS, type Platform } from "../catalog/catalog.vocabulary.js";

export type TargetProblem =
  { code: "target_missing" } | { code: "target_invalid" } | { code: "target_wrong_platform"; platform: string };

const USERNAME = /^@[A-Za-z0-9._]{1,64}$/;
const BARE_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/**
 * A target is a link (http/https, or a bare domain such as instagram.com/user) or an @username.
 * A link to another platform's site is refused with the platform named, because a wrong link is
 * the most common way a paid order goes wrong.
 */
export function normalizeTarget(input: string, platform: string): Result<string, TargetProblem> {
  // Invisible characters go before anything is checked: what is validated is what the supplier gets.
  const text = stripInvisible(input).trim();
  if (!text) return err({ code: "target_missing" });
  if (text.length > 300) return err({ code: "target_invalid" });
  if (text.startsWith("@"))
    return USERNAME.test(text) && platform !== "website" ? ok(text) : err({ code: "target_invalid" });

  const withScheme = /^https?:\/\//i.test(text) ? text : BARE_DOMAIN.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return err({ code: "target_invalid" });
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return err({ code: "target_invalid" });
  }
  if (!["http:", "https:"].includes(url.protocol) || !url.hostname.includes(".") || url.username || url.password)
    return err({ code: "target_invalid" });
  const hosts = PLATFORM_HOSTS[platform as Platform];
  const host = url.hostname.toLowerCase();
  if (hosts && !hosts.some((h) => host === h || host.endsWith(`.${h}`)))
    return err({ code: "target_wrong_platform", platform });
  return ok(url.toString());
}

export type AccountProblem =
  | { code: "player_id_invalid" }
  | { code: "zone_missing" }
  | { code: "phone_invalid" }
  | { code: "customer_no_invalid" };

/**
 * A top-up's account: a game player id (with a zone/server for the games that have one), an
 * Indonesian phone number (normalised to 08…), or a customer number (PLN).
 */
export function normalizeAccount(
  targetKind: TargetKind,
  input: { target: string; zone?: string | undefined },
  zoneRequired: boolean,
): Result<{ target: string; zone: string | undefined }, AccountProblem> {
  const target = stripInvisible(input.target).trim();
  switch (targetKind) {
    case "game_id": {
      if (!/^[A-Za-z0-9._#-]{3,40}$/.test(target)) return err({ code: "player_id_invalid" });
      const zone = input.zone === undefined ? undefined : stripInvisible(input.zone).trim();
      if (!zoneRequired) return ok({ target, zone: undefined });
      if (!zone || !/^[A-Za-z0-9_-]{1,20}$/.test(zone)) return err({ code: "zone_missing" });
      return ok({ target, zone });
    }
    case "phone": {
      const digits = target.replace(/[\s().-]/g, "").replace(/^\+?62/, "0");
      return /^08\d{7,12}$/.test(digits) ? ok({ target: digits, zone: undefined }) : err({ code: "phone_invalid" });
    }
    default: {
      const digits = target.replace(/[\s-]/g, "");
      return /^\d{6,20}$/.test(digits) ? ok({ target: digits, zone: undefined }) : err({ code: "customer_no_invalid" });
    }
  }
}
