import { err, ok, type Result } from "../../shared/result.js";
import {
  allowsDripFeed,
  orderFormFor,
  SUBSCRIPTION_DELAYS,
  type DripInput,
  type OrderInput,
} from "../catalog/catalog.order-forms.js";
import type { OrderExtras } from "../providers/provider.types.js";
import { normalizeTarget } from "./checkout.target.js";

/** What the customer (or an admin) typed for each extra input, kept as text until it is checked. */
export type RawInputs = Partial<Record<OrderInput | DripInput, string>>;

export type InputProblem =
  | { code: "input_missing"; input: OrderInput }
  | { code: "input_invalid"; input: OrderInput | DripInput; min?: number; max?: number }
  | { code: "lines_out_of_range"; input: OrderInput; count: number; min: number; max: number }
  | { code: "dripfeed_not_offered" };

export interface CheckedInputs {
  extras: OrderExtras;
  /** The units the customer pays for (and the supplier delivers in all). */
  quantity: number;
}

interface ServiceFacts {
  type: string;
  platform: string;
  min: number;
  max: number;
  dripfeed: boolean;
}

const USERNAME = /^[A-Za-z0-9._]{1,64}$/;
const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;
const MAX_LINES = 10_000;
const SKIP = /^(?:-|tidak|tidak ada|tanpa|gak|ga|no|none|skip|lewati)$/i;

/**
 * Checks every extra input a service's type needs (in the order the dialog asks for them) and
 * works out the quantity billed: lines counted within the service's min–max, a package's size, a
 * subscription's posts × most per post, or the asked quantity × drip-feed runs. The first problem
 * is returned, so the dialog can explain it and ask again for that input only.
 */
export function checkOrderInputs(
  service: ServiceFacts,
  raw: RawInputs,
  asked: number | undefined,
  now: number,
): Result<CheckedInputs, InputProblem> {
  const form = orderFormFor(service.type);
  if (!form) return err({ code: "input_missing", input: "comments" });
  const extras: OrderExtras = {};
  const sub: { username?: string; min?: number; max?: number; posts?: number; delay?: number; expiry?: string } = {};
  for (const input of form.inputs) {
    const text = raw[input]?.trim();
    if (!text) return err({ code: "input_missing", input });
    const bounds =
      form.linesOf === input
        ? { min: service.min, max: service.max }
        : input === "comments" && form.quantity === "package"
          ? { min: 1, max: Math.max(service.min, service.max) }
          : { min: 1, max: MAX_LINES };
    switch (input) {
      case "comments":
      case "keywords": {
        const lines = splitLines(text, input === "keywords");
        if (lines.some((l) => l.length > 500)) return err({ code: "input_invalid", input, max: 500 });
        if (lines.length < bounds.min || lines.length > bounds.max)
          return err({ code: "lines_out_of_range", input, count: lines.length, ...bounds });
        extras[input] = lines;
        break;
      }
      case "usernames": {
        const names = text
          .split(/[\s,;]+/)
          .map((n) => n.replace(/^@/, ""))
          .filter(Boolean);
        if (!names.every((n) => USERNAME.test(n))) return err({ code: "input_invalid", input });
        if (names.length < bounds.min || names.length > bounds.max)
          return err({ code: "lines_out_of_range", input, count: names.length, ...bounds });
        extras.usernames = names;
        break;
      }
      case "hashtags": {
        const tags = text
          .split(/[\s,;]+/)
          .map((t) => t.replace(/^#/, ""))
          .filter(Boolean);
        if (tags.length === 0 || !tags.every((t) => HASHTAG.test(t))) return err({ code: "input_invalid", input });
        extras.hashtags = tags;
        break;
      }
      case "hashtag": {
        const tag = text.replace(/^#/, "");
        if (!HASHTAG.test(tag)) return err({ code: "input_invalid", input });
        extras.hashtag = tag;
        break;
      }
      case "username": {
        const name = text.replace(/^@/, "");
        if (!USERNAME.test(name)) return err({ code: "input_invalid", input });
        extras.username = name;
        break;
      }
      case "media": {
        const link = normalizeTarget(text, service.platform);
        if (!link.ok || !/^https?:\/\//.test(link.value)) return err({ code: "input_invalid", input });
        extras.media = link.value;
        break;
      }
      case "answerNumber": {
        const n = wholeNumber(text);
        if (n === undefined || n < 1 || n > 20) return err({ code: "input_invalid", input, min: 1, max: 20 });
        extras.answerNumber = n;
        break;
      }
      case "perPost": {
        const range = /^(\d{1,9})\s*(?:-|–|—|s\/d|sampai|to|\s)\s*(\d{1,9})$/i.exec(text) ?? /^(\d{1,9})()$/.exec(text);
        const min = range ? Number(range[1]) : NaN;
        const max = range ? (range[2] ? Number(range[2]) : min) : NaN;
        if (!(min >= service.min && max <= service.max && min <= max))
          return err({ code: "input_invalid", input, min: service.min, max: service.max });
        Object.assign(sub, { min, max });
        break;
      }
      case "posts": {
        const n = wholeNumber(text);
        if (n === undefined || n < 1 || n > 1000) return err({ code: "input_invalid", input, min: 1, max: 1000 });
        sub.posts = n;
        break;
      }
      case "delay": {
        const n = wholeNumber(text.replace(/\s*(?:menit|minutes?|mins?|m)$/i, ""));
        if (n === undefined || !(SUBSCRIPTION_DELAYS as readonly number[]).includes(n))
          return err({ code: "input_invalid", input });
        sub.delay = n;
        break;
      }
      case "expiry": {
        if (SKIP.test(text)) break;
        const date = parseExpiry(text, now);
        if (!date) return err({ code: "input_invalid", input });
        sub.expiry = date;
        break;
      }
    }
  }

  const drip = checkDripFeed(service, raw);
  if (!drip.ok) return drip;
  if (drip.value) Object.assign(extras, drip.value);

  switch (form.quantity) {
    case "lines":
      return ok({ extras, quantity: (form.linesOf === "usernames" ? extras.usernames : extras.comments)!.length });
    case "package":
      return ok({ extras, quantity: service.min });
    case "subscription":
      extras.subscription = {
        username: "",
        min: sub.min!,
        max: sub.max!,
        posts: sub.posts!,
        delay: sub.delay!,
        ...(sub.expiry ? { expiry: sub.expiry } : {}),
      };
      return ok({ extras, quantity: sub.posts! * sub.max! });
    case "asked":
      return ok({ extras, quantity: (asked ?? 0) * (drip.value?.runs ?? 1) });
  }
}

/** Whether the service's quantity is one the customer names (rather than one that follows from the inputs). */
export function quantityIsAsked(type: string): boolean {
  return orderFormFor(type)?.quantity === "asked";
}

/** The quantity a service bills before the customer says anything (a package's size), if any. */
export function fixedQuantity(service: { type: string; min: number; max: number }): number | undefined {
  const form = orderFormFor(service.type);
  if (form?.quantity === "package") return service.min;
  return form?.quantity === "asked" && service.min === service.max ? service.min : undefined;
}

/** The first input still missing (or undefined when all are there), in the order they are asked. */
export function nextMissingInput(type: string, raw: RawInputs): OrderInput | undefined {
  return orderFormFor(type)?.inputs.find((input) => !raw[input]?.trim());
}

function checkDripFeed(
  service: ServiceFacts,
  raw: RawInputs,
): Result<{ runs: number; interval: number } | undefined, InputProblem> {
  const runsText = raw.runs?.trim();
  const intervalText = raw.interval?.trim();
  if (!runsText && !intervalText) return ok(undefined);
  if (!allowsDripFeed(service)) return err({ code: "dripfeed_not_offered" });
  const runs = wholeNumber(runsText ?? "");
  if (runs === undefined || runs < 2 || runs > 100)
    return err({ code: "input_invalid", input: "runs", min: 2, max: 100 });
  const interval = wholeNumber(intervalText ?? "");
  if (interval === undefined || interval < 1 || interval > 1440)
    return err({ code: "input_invalid", input: "interval", min: 1, max: 1440 });
  return ok({ runs, interval });
}

/** "5x30", "5 x 30 menit", "5 kali tiap 30 menit", "5 30" → runs and interval as typed. */
export function parseDripAnswer(text: string): { runs: string; interval: string } | undefined {
  const m =
    /^\s*(\d{1,4})\s*(?:x|×|kali|times|runs?)?\s*(?:,|tiap|setiap|every|per|jeda|interval|@)?\s*(\d{1,5})\s*(?:menit|minutes?|mins?|m)?\s*$/i.exec(
      text,
    );
  return m ? { runs: m[1]!, interval: m[2]! } : undefined;
}

/** The subscription's wire `username` from its target: "@budi", "budi" or a profile link. */
export function subscriptionUsername(target: string): string {
  const text = target.trim();
  if (!/^https?:\/\//i.test(text)) return text.replace(/^@/, "");
  const first = new URL(text).pathname.split("/").find(Boolean) ?? "";
  return first.replace(/^@/, "");
}

function splitLines(text: string, commas: boolean): string[] {
  return text
    .split(commas ? /\r?\n|,/ : /\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** A future date as d/m/Y (what panels take), from "31/12/2026", "31-12-2026" or "2026-12-31". */
function parseExpiry(text: string, now: number): string | undefined {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [day, month, year] = dmy
    ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
    : ymd
      ? [Number(ymd[3]), Number(ymd[2]), Number(ymd[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!year || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  // Jakarta's today (UTC+7): an expiry must be after it.
  const today = new Date(now + 7 * 3_600_000);
  if (date.getTime() <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) return undefined;
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
