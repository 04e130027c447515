/**
 * What a customer must give to buy a service, by the supplier's order type (SMM API v2, wire
 * contracts 1.3). The dialog asks for `inputs` in this order after the target; `quantity` says
 * whether the customer names a quantity or it follows from what they sent:
 * - `asked`: the customer says how many (within the service's min–max);
 * - `lines`: one unit per line of an input (custom comments, a custom list of usernames);
 * - `package`: a fixed package, billed as the service's minimum (the package size), never asked;
 * - `subscription`: future posts × the most delivered per post, the most the supplier can charge.
 * A type missing here is not sold (the bot cannot take what it cannot send correctly).
 */
export type OrderInput =
  | "comments"
  | "usernames"
  | "hashtags"
  | "hashtag"
  | "username"
  | "media"
  | "keywords"
  | "answerNumber"
  | "perPost"
  | "posts"
  | "delay"
  | "expiry";

/** Drip-feed inputs: optional, only on `asked` services whose supplier allows drip-feed. */
export type DripInput = "runs" | "interval";

export interface OrderForm {
  type: string;
  quantity: "asked" | "lines" | "package" | "subscription";
  /** For `lines`: the input whose lines are counted. */
  linesOf?: OrderInput;
  inputs: readonly OrderInput[];
}

const FORMS: readonly OrderForm[] = [
  { type: "Default", quantity: "asked", inputs: [] },
  { type: "Top-up", quantity: "asked", inputs: [] },
  { type: "Package", quantity: "package", inputs: [] },
  { type: "SEO", quantity: "asked", inputs: ["keywords"] },
  { type: "Custom Comments", quantity: "lines", linesOf: "comments", inputs: ["comments"] },
  { type: "Custom Comments Package", quantity: "package", inputs: ["comments"] },
  { type: "Mentions", quantity: "asked", inputs: ["usernames"] },
  { type: "Mentions with Hashtags", quantity: "asked", inputs: ["usernames", "hashtags"] },
  { type: "Mentions Custom List", quantity: "lines", linesOf: "usernames", inputs: ["usernames"] },
  { type: "Mentions Hashtag", quantity: "asked", inputs: ["hashtag"] },
  { type: "Mentions User Followers", quantity: "asked", inputs: ["username"] },
  { type: "Mentions Media Likers", quantity: "asked", inputs: ["media"] },
  { type: "Comment Likes", quantity: "asked", inputs: ["username"] },
  { type: "Comment Replies", quantity: "lines", linesOf: "comments", inputs: ["username", "comments"] },
  { type: "Poll", quantity: "asked", inputs: ["answerNumber"] },
  { type: "Subscriptions", quantity: "subscription", inputs: ["perPost", "posts", "delay", "expiry"] },
];

const BY_NAME = new Map(FORMS.map((f) => [f.type.toLowerCase(), f]));

/** Every type the shop sells, spelled as suppliers list them. */
export const SELLABLE_TYPES: readonly string[] = FORMS.map((f) => f.type);

export function orderFormFor(type: string): OrderForm | undefined {
  return BY_NAME.get(type.trim().toLowerCase());
}

/** A supplier's spelling of a known type ("custom comments") as the shop stores it; unknown types stay as sent. */
export function canonicalType(type: string): string {
  return orderFormFor(type)?.type ?? type;
}

/** Drip-feed rides on plain link-and-quantity orders of services that allow it. */
export function allowsDripFeed(service: { type: string; dripfeed: boolean }): boolean {
  return service.dripfeed && orderFormFor(service.type)?.type === "Default";
}

/** Delay values (minutes) panels accept for subscriptions (wire contracts 1.3). */
export const SUBSCRIPTION_DELAYS = [
  0, 5, 10, 15, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 360, 420, 480, 540, 600,
] as const;
