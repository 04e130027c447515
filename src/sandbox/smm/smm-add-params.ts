import type { SimService } from "./sample-catalog.js";

/**
 * How a Perfect Panel checks an `add` per service type (wire contracts 1.3), as a stand-in must:
 * every parameter the type needs present and well-formed, quantities within the service's range
 * (counted from the lines where the type says so), drip-feed only where the service allows it.
 * Knows only the wire format. Returns the units charged and the order's "link", or the error.
 */
export type AddCheck = { ok: true; quantity: number; link: string } | { ok: false; field: string; message: string };

const DELAYS = new Set([
  "0",
  "5",
  "10",
  "15",
  "30",
  "60",
  "90",
  "120",
  "150",
  "180",
  "210",
  "240",
  "270",
  "300",
  "360",
  "420",
  "480",
  "540",
  "600",
]);
const LINK = /^(https?:\/\/\S+|@[\w.]+)$/i;
const lines = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const int = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined);

export function checkAdd(service: SimService, f: Record<string, string>): AddCheck {
  const type = service.type.toLowerCase();
  const min = Number(service.min);
  const max = Number(service.max);
  const fail = (field: string, message: string): AddCheck => ({ ok: false, field, message });
  const range = (quantity: number | undefined): AddCheck | undefined => {
    if (quantity === undefined || quantity < min) return fail("min_quantity", `Quantity less than minimal ${min}`);
    if (quantity > max) return fail("max_quantity", `Quantity more than maximum ${max}`);
    return undefined;
  };

  if (type === "subscriptions") {
    const username = f.username?.trim();
    if (!username || !/^[\w.]{1,64}$/.test(username)) return fail("username", "Incorrect username");
    const subMin = int(f.min);
    const subMax = int(f.max);
    if (subMin === undefined || subMax === undefined || subMin > subMax) return fail("min_max", "Incorrect min/max");
    const bad = range(subMin) ?? range(subMax);
    if (bad) return bad;
    if (f.posts !== undefined && !(int(f.posts)! >= 1)) return fail("posts", "Incorrect posts");
    if (f.delay === undefined || !DELAYS.has(f.delay.trim())) return fail("delay", "Incorrect delay");
    if (f.expiry !== undefined && !/^\d{2}\/\d{2}\/\d{4}$/.test(f.expiry)) return fail("expiry", "Incorrect expiry");
    return { ok: true, quantity: (int(f.posts) ?? 1) * subMax, link: username };
  }

  const link = f.link ?? "";
  if (!LINK.test(link)) return fail("link", "Incorrect link");
  if ((f.runs !== undefined || f.interval !== undefined) && !(type === "default" && service.dripfeed))
    return fail("request", "Incorrect request");

  let quantity: number | undefined = int(f.quantity);
  switch (type) {
    case "package":
      return { ok: true, quantity: min, link };
    case "custom comments":
    case "comment replies": {
      if (type === "comment replies" && !/^[\w.]{1,64}$/.test(f.username ?? ""))
        return fail("username", "Incorrect username");
      const comments = lines(f.comments);
      if (comments.length === 0) return fail("comments", "Comments list is empty");
      quantity = comments.length;
      break;
    }
    case "custom comments package":
      if (lines(f.comments).length === 0) return fail("comments", "Comments list is empty");
      return { ok: true, quantity: min, link };
    case "mentions custom list": {
      const names = lines(f.usernames);
      if (names.length === 0) return fail("usernames", "Usernames list is empty");
      quantity = names.length;
      break;
    }
    case "mentions":
    case "mentions with hashtags":
      if (lines(f.usernames).length === 0) return fail("usernames", "Usernames list is empty");
      if (type === "mentions with hashtags" && lines(f.hashtags).length === 0)
        return fail("hashtags", "Hashtags list is empty");
      break;
    case "mentions hashtag":
      if (!/^#?[\p{L}\p{N}_]+$/u.test(f.hashtag ?? "")) return fail("hashtag", "Incorrect hashtag");
      break;
    case "mentions user followers":
    case "comment likes":
      if (!/^[\w.]{1,64}$/.test(f.username ?? "")) return fail("username", "Incorrect username");
      break;
    case "mentions media likers":
      if (!/^https?:\/\/\S+$/.test(f.media ?? "")) return fail("media", "Incorrect media link");
      break;
    case "poll":
      if (!(int(f.answer_number)! >= 1)) return fail("answer_number", "Incorrect answer number");
      break;
    case "seo":
      if (lines(f.keywords).length === 0) return fail("keywords", "Keywords list is empty");
      break;
  }
  const bad = range(quantity);
  if (bad) return bad;
  if (f.runs !== undefined || f.interval !== undefined) {
    const runs = int(f.runs);
    if (runs === undefined || runs < 2 || !(int(f.interval)! >= 1)) return fail("request", "Incorrect request");
    return { ok: true, quantity: quantity! * runs, link };
  }
  return { ok: true, quantity: quantity!, link };
}
