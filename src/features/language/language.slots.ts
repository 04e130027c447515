import { stripInvisible } from "../../shared/invisible-chars.js";
import { detectKind, PLATFORM_HOSTS, type Platform } from "../catalog/catalog.vocabulary.js";
import { plainWords } from "./language.tokens.js";

/**
 * The patterns that cut slots out of a customer message (links, usernames, shop numbers, order
 * numbers, amounts, quantities, game and phone accounts) and the number forms people type ("1k",
 * "1.000", "2,5rb"). Shared by the rule reader, the checkout dialog, product search and the guard
 * that checks the LLM's numbers against the message.
 */

export const URL_PATTERN =
  /(?:https?:\/\/[^\s<>"]+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|me|be|tv|gg|co|app|link|ly|am|ee|in|watch|dog|sg|my)(?:\/[^\s<>"]*)?)/i;
export const USERNAME_PATTERN = /(?:^|\s)(@[A-Za-z0-9._]{1,64})(?=$|\s|[,!?;:])/;
export const EXPLICIT_MID =
  /(?:^|\s)(?:(?:id|mid|no|nomor|nomer|number|kode|code|layanan|service)\s*[.:#]?\s*|#)(\d{1,7})(?=$|\s|[,.!?])/i;
export const PICK_MID =
  /(?:^|\s)(?:pilih|ambil|choose|pick|select)\s+(?:(?:id|no|nomor|mid)\s*[.:#]?\s*)?(\d{1,7})(?=$|\s|[,.!?])/i;
/** "yang 3": a pick only when the message names no product ("followers ig yg 1000" is a quantity). */
export const YANG_MID = /(?:^|\s)(?:yg|yang)\s+(?:(?:id|no|nomor|mid)\s*[.:#]?\s*)?(\d{1,7})(?=$|\s|[,.!?])/i;
export const QUANTITY =
  /(?:^|[\s:=x])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta|m)?(?=$|[\s,!?)]|\.(?:\s|$))/gi;
/** "pesanan 12", "orderan no. 12", "transaksi #12", "order 12" (the last only next to a status word). */
export const ORDER_REF =
  /(?:^|\s)(pesanan|pesenan|pesananku|orderan|orderanku|order|transaksi|trx|invoice|inv)\s*(?:saya|ku|aku|gw|gue|my)?\s*(?:ke\s*)?(?:no\.?|nomor|nomer|number|num|id)?\s*[:#]?\s*(\d{1,9})(?=$|[\s,.!?)])/i;
/** "refill 12", "refill #12", "garansi 12": the number right after a refill word is an order. */
export const REFILL_REF =
  /(?:^|\s)(?:refill|refil|reffil|rifil|garansi|klaim|claim)\s*[:#]?\s*(\d{1,9})(?=$|[\s,.!?)])/i;
/** "#12" next to a status or refill word. */
export const HASH_REF = /(?:^|\s)#(\d{1,9})(?=$|[\s,.!?)])/;
/** Rupiah: "50rb", "Rp 50.000", "rp50k", "100.000", "1,5jt". */
export const AMOUNT =
  /(?:^|\s)(?:rp\.?\s*|idr\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta)?(?=$|[\s,!?]|[.,](?:\s|$))/i;
export const BARE_NUMBER = /^\s*\d[\d.,]*\s*(?:k|rb|ribu)?\s*$/i;

/** English phrases whose words are product words elsewhere: "I'd like to", "follow up", "dm admin", "live chat". */
const FALSE_FRIENDS =
  /\b(?:would like|i'?d like|like to|follow[ -]?up|dm(?= (?:admin|cs|owner|me)\b)|live (?:chat|agent))\b/gi;

/** The text without phrases whose words would be misread as a platform or a kind. */
export function withoutFalseFriends(text: string): string {
  return text.replace(FALSE_FRIENDS, " ");
}

export type Cutter = ReturnType<typeof createCutter>;

/** "order 1000 followers", "refill 30 hari": the number a slot pattern matched measures something, it names no order. */
export function measureFollows(text: string, match: RegExpExecArray): boolean {
  const after = text.slice(match.index + match[0].length).trim();
  const next = after.split(/\s+/)[0] ?? "";
  return (
    /^(?:k|rb|ribu|jt|juta|hari|day|days|bulan|month|months|jam|hours?|minggu|weeks?|tahun|years?)\b/i.test(after) ||
    detectKind(next) !== undefined
  );
}

/** The text left after slots are cut out of it, one at a time. */
export function createCutter(message: string) {
  return cutterOver(` ${message.trim()} `);
}

/** A cutter that goes on from a text another cutter left (already padded and partly cut). */
export function cutterOver(text: string) {
  let rest = text;
  return {
    rest: () => rest,
    /** Cuts the first match out of the text and returns the group asked for. */
    take(pattern: RegExp, group = 0): string | undefined {
      const match = pattern.exec(rest);
      if (!match) return undefined;
      rest = rest.replace(match[0], " ");
      return match[group];
    },
    /** What is left, without the phrases whose words would be misread as a platform or a kind. */
    vocabulary: () => withoutFalseFriends(rest),
    /** The words left, as the intent rules read them; `amountsSpelled` writes "50rb" as "50000" first. */
    words(options: { amountsSpelled?: boolean } = {}): string[] {
      return plainWords(options.amountsSpelled ? spellAmounts(rest) : rest);
    },
  };
}

/** "50rb", "25 ribu", "10k" → "50000", "25000", "10000": digital top-ups are named by the full amount. */
export function spellAmounts(text: string): string {
  return text.replace(/(\d+(?:[.,]\d+)?)\s*(k|rb|ribu|jt|juta)\b/gi, (whole, digits: string, unit: string) =>
    String(toQuantity(digits, unit) ?? whole),
  );
}

/** "1.000", "1,000", "1k", "2,5rb", "1.5k", "2 jt" → whole units; anything else → undefined. */
export function toQuantity(number: string, suffix: string | undefined): number | undefined {
  const unit = suffix?.toLowerCase();
  const multiplier =
    unit === "k" || unit === "rb" || unit === "ribu"
      ? 1_000
      : unit === "jt" || unit === "juta" || unit === "m"
        ? 1_000_000
        : 1;
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(number);
  const value =
    grouped && multiplier === 1 ? Number(number.replace(/[.,]/g, "")) : Number(number.replace(",", ".")) * multiplier;
  return Number.isSafeInteger(value) ? value : undefined;
}

const ANY_NUMBER = /(\d+(?:[.,]\d+)*)\s*(k|rb|ribu|jt|juta|m)?(?![a-z])/gi;

/**
 * Every value a number in the text can stand for: "1.000" is 1000, "2rb" is 2000 (and 2), "1.5k"
 * is 1500, "12345678" is itself. Links and @usernames are left out, because a number inside a link
 * is part of the link, never a quantity or an order the customer named.
 */
export function numbersIn(text: string): Set<number> {
  const plain = text.replace(new RegExp(URL_PATTERN.source, "gi"), " ").replace(/@[A-Za-z0-9._]+/g, " ");
  const values = new Set<number>();
  for (const match of plain.matchAll(ANY_NUMBER)) {
    const [, digits, suffix] = match;
    for (const value of [toQuantity(digits!, suffix), toQuantity(digits!, undefined)]) {
      if (value !== undefined) values.add(value);
    }
  }
  return values;
}

/** Words naming a game account ("id 12345678", "uid: 800123456"). */
const ACCOUNT_ID_LABELS = ["id", "uid"];
/** Words naming the zone or server of a game account ("zone 1234", "server 2001"). */
const ZONE_LABELS = ["zone", "server", "sv", "zona"];
/** Words every reader takes for the label of an account. */
const ACCOUNT_WORDS = [...ACCOUNT_ID_LABELS, ...ZONE_LABELS, "player"];
/** A number after these is an account, a shop number or a zone, never a product or a quantity. */
export const ACCOUNT_LABELS: ReadonlySet<string> = new Set([
  ...ACCOUNT_WORDS,
  "no",
  "nomor",
  "nomer",
  "meter",
  "pelanggan",
]);
/** The words of an account's label ("user id", "id game", "zone"), which never describe the product it is for. */
export const ACCOUNT_LABEL_WORDS: ReadonlySet<string> = new Set([...ACCOUNT_WORDS, "user", "game"]);
const LABELLED_ACCOUNT = new RegExp(
  String.raw`\b(?:${ACCOUNT_ID_LABELS.join("|")}|user\s*id|player\s*id|id\s*game)\s*[:.#]?\s*([A-Za-z0-9._-]{3,40})(?:\s*(?:\(\s*([A-Za-z0-9_-]{1,20})\s*\)|[\s|/,-]+(?:${ZONE_LABELS.join("|")})\s*(?:id)?\s*[:.]?\s*([A-Za-z0-9_-]{1,20})))?`,
  "i",
);

/**
 * Reads an account from what customers type: "12345678 (1234)", "12345678 1234", "12345678|1234",
 * "id 12345678 zone 1234", "uid: 800123456", "0812-3456-7890".
 */
export function parseAccount(text: string): { target: string; zone: string | undefined } | undefined {
  text = stripInvisible(text);
  const labelled = LABELLED_ACCOUNT.exec(text);
  if (labelled) return { target: labelled[1]!, zone: labelled[2] ?? labelled[3] };
  const phone = /(?:^|\s)(\+?62[\d\s-]{8,16}|08[\d\s-]{7,16})(?=$|\s)/.exec(text);
  if (phone) return { target: phone[1]!.replace(/[\s-]/g, ""), zone: undefined };
  const plain = /(?:^|\s)(\d{4,20})\s*(?:\(\s*(\d{1,10})\s*\)|[\s|/]+(\d{1,10}))?(?=$|\s|[.,!?])/.exec(text);
  if (plain) return { target: plain[1]!, zone: plain[2] ?? plain[3] };
  return undefined;
}

// What product search and FAQ questions strip before reading words. Wider than the patterns the
// rules cut one target with: any host is a link here, since none of it may become a search word.
const ANY_LINK = /\b(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:\/\S*)?/gi;
const ANY_HANDLE = /(?:^|\s)@[\w.]{2,64}/g;
const EMAIL = /\S+@\S+\.\S+/g;
/** Phone numbers, player ids, meter numbers: seven digits or more never name a product. */
const LONG_NUMBER = /\+?\d[\d-]{5,}\d/g;
const ZONE = /\(\s*\d{1,6}\s*\)/g;

/** The text without links and @handles, for reading a question's words. */
export function withoutLinksAndHandles(text: string): string {
  return text.replace(ANY_LINK, " ").replace(ANY_HANDLE, " ");
}

/**
 * The text without anything that names an account instead of a product: emails, links, @handles,
 * long numbers and "(zone)". Each link's host is handed to `onHost` (it still says the platform).
 */
export function withoutAccounts(text: string, onHost: (host: string) => void): string {
  return text
    .replace(EMAIL, " ")
    .replace(ANY_LINK, (_match, host: string) => {
      onHost(host);
      return " ";
    })
    .replace(ANY_HANDLE, " ")
    .replace(LONG_NUMBER, " ")
    .replace(ZONE, " ");
}

/** The platform a link's host belongs to ("vt.tiktok.com" → tiktok); the host in lower case. */
export function platformOfHost(host: string): Platform | undefined {
  const entry = Object.entries(PLATFORM_HOSTS).find(([, hosts]) =>
    hosts.some((h) => host === h || host.endsWith(`.${h}`)),
  );
  return entry?.[0] as Platform | undefined;
}

/** The platform a link the customer typed points at, with or without its scheme. */
export function platformOfLink(url: string): Platform | undefined {
  let host: string;
  try {
    host = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return platformOfHost(host);
}
