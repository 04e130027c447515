import type { PlaceOrderInput } from "./provider.types.js";

type Fields = Record<string, string | number | undefined>;

const lines = (values: string[] | undefined) => (values && values.length > 0 ? values.join("\n") : undefined);

/**
 * The `add` parameters for each SMM v2 service type (wire-contracts 1.3). Multi-line values are
 * joined with "\n"; drip-feed (`runs`, `interval`) only rides on Default orders, and its `quantity`
 * is per run (`input.quantity` is what the customer paid for: the quantity × runs).
 */
export function smmOrderFields(input: PlaceOrderInput): Fields {
  const x = input.extras ?? {};
  const link = input.target;
  switch (input.serviceType.trim().toLowerCase()) {
    case "package":
      return { link };
    case "seo":
      return { link, quantity: input.quantity, keywords: lines(x.keywords) };
    case "custom comments":
    case "custom comments package":
      return { link, comments: lines(x.comments) };
    case "mentions":
      return { link, quantity: input.quantity, usernames: lines(x.usernames) };
    case "mentions with hashtags":
      return { link, quantity: input.quantity, usernames: lines(x.usernames), hashtags: lines(x.hashtags) };
    case "mentions custom list":
      return { link, usernames: lines(x.usernames) };
    case "mentions hashtag":
      return { link, quantity: input.quantity, hashtag: x.hashtag };
    case "mentions user followers":
    case "comment likes":
      return { link, quantity: input.quantity, username: x.username };
    case "mentions media likers":
      return { link, quantity: input.quantity, media: x.media };
    case "comment replies":
      return { link, username: x.username, comments: lines(x.comments) };
    case "poll":
      return { link, quantity: input.quantity, answer_number: x.answerNumber };
    case "subscriptions": {
      const s = x.subscription;
      return {
        username: s?.username ?? link,
        min: s?.min,
        max: s?.max,
        posts: s?.posts,
        old_posts: s?.oldPosts,
        delay: s?.delay,
        expiry: s?.expiry,
      };
    }
    default:
      return x.runs
        ? { link, quantity: input.quantity / x.runs, runs: x.runs, interval: x.interval }
        : { link, quantity: input.quantity };
  }
}
