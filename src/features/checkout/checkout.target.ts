import { err, ok, type Result } from "../../shared/result.js";
import { PLATFORM_HOSTS, type Platform } from "../catalog/catalog.vocabulary.js";

export type TargetProblem = { code: "target_missing" } | { code: "target_invalid" } | { code: "target_wrong_platform"; platform: string };

const USERNAME = /^@[A-Za-z0-9._]{1,64}$/;
const BARE_DOMAIN = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/**
 * A target is a link (http/https, or a bare domain such as instagram.com/user) or an @username.
 * A link to another platform's site is refused with the platform named, because a wrong link is
 * the most common way a paid order goes wrong.
 */
export function normalizeTarget(input: string, platform: string): Result<string, TargetProblem> {
  const text = input.trim();
  if (!text) return err({ code: "target_missing" });
  if (text.length > 300) return err({ code: "target_invalid" });
  if (text.startsWith("@")) return USERNAME.test(text) && platform !== "website" ? ok(text) : err({ code: "target_invalid" });

  const withScheme = /^https?:\/\//i.test(text) ? text : BARE_DOMAIN.test(text) ? `https://${text}` : undefined;
  if (!withScheme) return err({ code: "target_invalid" });
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return err({ code: "target_invalid" });
  }
  if (!["http:", "https:"].includes(url.protocol) || !url.hostname.includes(".") || url.username || url.password) return err({ code: "target_invalid" });
  const hosts = PLATFORM_HOSTS[platform as Platform];
  const host = url.hostname.toLowerCase();
  if (hosts && !hosts.some((h) => host === h || host.endsWith(`.${h}`))) return err({ code: "target_wrong_platform", platform });
  return ok(url.toString());
}
