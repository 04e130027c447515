/**
 * A realistic sample catalog for the SMM panel simulator: a few hundred services across the
 * platforms Indonesian shops sell, in the wire shape of `action=services` (numbers as strings,
 * rates per 1000 in IDR), plus the junk rows real panels contain.
 */
export interface SimService {
  service: number;
  name: string;
  type: string;
  category: string;
  rate: string;
  min: string;
  max: string;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
}

interface Line {
  platform: string;
  product: string;
  type?: string;
  /** Base rate in rupiah per 1000. */
  rate: number;
  min: number;
  max: number;
}

const LINES: Line[] = [
  { platform: "Instagram", product: "Followers", rate: 9_000, min: 100, max: 50_000 },
  { platform: "Instagram", product: "Likes", rate: 2_500, min: 50, max: 100_000 },
  { platform: "Instagram", product: "Views Reels", rate: 400, min: 100, max: 1_000_000 },
  { platform: "Instagram", product: "Story Views", rate: 1_200, min: 100, max: 50_000 },
  { platform: "Instagram", product: "Comments", type: "Custom Comments", rate: 60_000, min: 5, max: 1_000 },
  { platform: "Instagram", product: "Saves", rate: 1_800, min: 100, max: 50_000 },
  { platform: "Instagram", product: "Shares", rate: 1_500, min: 100, max: 100_000 },
  { platform: "Instagram", product: "Live Views", rate: 30_000, min: 50, max: 5_000 },
  { platform: "TikTok", product: "Followers", rate: 14_000, min: 100, max: 100_000 },
  { platform: "TikTok", product: "Likes", rate: 2_000, min: 100, max: 100_000 },
  { platform: "TikTok", product: "Views", rate: 150, min: 1_000, max: 10_000_000 },
  { platform: "TikTok", product: "Shares", rate: 1_600, min: 100, max: 100_000 },
  { platform: "TikTok", product: "Saves", rate: 1_700, min: 100, max: 100_000 },
  { platform: "TikTok", product: "Live Stream Views", rate: 35_000, min: 50, max: 10_000 },
  { platform: "YouTube", product: "Subscribers", rate: 180_000, min: 50, max: 20_000 },
  { platform: "YouTube", product: "Views", rate: 22_000, min: 500, max: 1_000_000 },
  { platform: "YouTube", product: "Likes", rate: 9_000, min: 50, max: 50_000 },
  { platform: "YouTube", product: "Watch Hours", rate: 95_000, min: 100, max: 4_000 },
  { platform: "YouTube", product: "Shorts Views", rate: 6_000, min: 1_000, max: 1_000_000 },
  { platform: "YouTube", product: "Live Stream Views", rate: 40_000, min: 100, max: 20_000 },
  { platform: "Facebook", product: "Page Likes", rate: 25_000, min: 100, max: 50_000 },
  { platform: "Facebook", product: "Page Followers", rate: 20_000, min: 100, max: 100_000 },
  { platform: "Facebook", product: "Post Likes", rate: 8_000, min: 50, max: 50_000 },
  { platform: "Facebook", product: "Video Views", rate: 3_000, min: 500, max: 1_000_000 },
  { platform: "Facebook", product: "Group Members", rate: 30_000, min: 100, max: 20_000 },
  { platform: "Twitter", product: "Followers", rate: 45_000, min: 100, max: 20_000 },
  { platform: "Twitter", product: "Likes", rate: 18_000, min: 50, max: 20_000 },
  { platform: "Twitter", product: "Retweets", rate: 22_000, min: 50, max: 10_000 },
  { platform: "Twitter", product: "Views", rate: 1_000, min: 500, max: 1_000_000 },
  { platform: "Telegram", product: "Channel Members", rate: 16_000, min: 100, max: 50_000 },
  { platform: "Telegram", product: "Post Views", rate: 600, min: 100, max: 500_000 },
  { platform: "Telegram", product: "Reactions", rate: 2_500, min: 50, max: 50_000 },
  { platform: "Spotify", product: "Plays", rate: 3_500, min: 1_000, max: 1_000_000 },
  { platform: "Spotify", product: "Followers", rate: 6_000, min: 100, max: 100_000 },
  { platform: "Spotify", product: "Monthly Listeners", rate: 12_000, min: 500, max: 100_000 },
  { platform: "Spotify", product: "Saves", rate: 5_000, min: 100, max: 100_000 },
  { platform: "Shopee", product: "Followers", rate: 11_000, min: 100, max: 20_000 },
  { platform: "Shopee", product: "Product Likes", rate: 9_000, min: 50, max: 10_000 },
  { platform: "Shopee", product: "Live Views", rate: 28_000, min: 50, max: 5_000 },
];

interface Variant {
  label: string;
  factor: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
}

const VARIANTS: Variant[] = [
  { label: "[Indonesia Aktif] [Refill 30 Hari]", factor: 2.2, refill: true, cancel: true, dripfeed: false },
  { label: "[Real Global] [No Refill]", factor: 1, refill: false, cancel: true, dripfeed: true },
  { label: "[Murah] [Max 10K] [Tanpa Garansi]", factor: 0.7, refill: false, cancel: false, dripfeed: false },
  { label: "[HQ] [Refill 365 Hari] [Instant]", factor: 1.8, refill: true, cancel: true, dripfeed: true },
  { label: "[Fast] [50K/Hari] [Refill 7 Hari]", factor: 1.3, refill: true, cancel: false, dripfeed: false },
  { label: "[Indonesia Real] [Pasif] [Refill 90 Hari]", factor: 2.6, refill: true, cancel: true, dripfeed: false },
  { label: "[Bot] [Super Murah]", factor: 0.5, refill: false, cancel: false, dripfeed: false },
  { label: "[Premium] [Lifetime Refill]", factor: 3.1, refill: true, cancel: true, dripfeed: true },
];

/** Rates with two decimals, as panels send them ("12500.50"). */
function rate(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/**
 * `count` services; ids start at 1001. The first lines are always the Instagram followers
 * variants so the sandbox demo ("followers instagram" → ID 1, ID 2 …) reads naturally.
 */
export function generateSampleCatalog(count = 312): SimService[] {
  const services: SimService[] = [];
  let id = 1001;
  for (let round = 0; services.length < count; round++) {
    for (const line of LINES) {
      for (const [index, variant] of VARIANTS.entries()) {
        if (services.length >= count) break;
        const tier = round === 0 ? "" : ` #${round + 1}`;
        const factor = variant.factor * (1 + round * 0.03) * (1 + ((id * 7) % 13) / 100);
        const max = variant.label.includes("Max 10K") ? Math.min(line.max, 10_000) : line.max;
        services.push({
          service: id++,
          name: `${line.platform} ${line.product} ${variant.label}${tier}`,
          type: line.type ?? (index === 7 && line.product === "Followers" && round === 0 ? "Package" : "Default"),
          category: `${line.platform} ${line.product}`,
          rate: rate(line.rate * factor),
          min: String(line.min),
          max: String(max),
          refill: variant.refill,
          cancel: variant.cancel,
          dripfeed: variant.dripfeed,
        });
      }
    }
  }
  return services;
}

/** Rows a real panel may send that a shop must not sell; each has a different defect. */
export const JUNK_ROWS: Array<Record<string, unknown>> = [
  {
    service: 9001,
    name: "",
    type: "Default",
    category: "Instagram Followers",
    rate: "5000",
    min: "100",
    max: "1000",
    refill: false,
    cancel: false,
  },
  {
    service: 9002,
    name: "Instagram Likes [Broken Limits]",
    type: "Default",
    category: "Instagram Likes",
    rate: "3000",
    min: "5000",
    max: "100",
    refill: false,
    cancel: false,
  },
  {
    service: 9003,
    name: "TikTok Views [Negative Rate]",
    type: "Default",
    category: "TikTok Views",
    rate: "-1.5",
    min: "100",
    max: "1000",
    refill: false,
    cancel: false,
  },
  {
    service: 9004,
    name: "YouTube Views [Bad Min]",
    type: "Default",
    category: "YouTube Views",
    rate: "20000",
    min: "abc",
    max: "1000",
    refill: false,
    cancel: false,
  },
  {
    name: "Facebook Likes [No Id]",
    type: "Default",
    category: "Facebook Likes",
    rate: "8000",
    min: "50",
    max: "5000",
    refill: false,
    cancel: false,
  },
  {
    service: 1001,
    name: "Instagram Followers [Duplicate Id]",
    type: "Default",
    category: "Instagram Followers",
    rate: "9000",
    min: "100",
    max: "5000",
    refill: false,
    cancel: false,
  },
];

/**
 * One or more services of every order type a Perfect Panel lists (wire contracts 1.3), after the
 * generated ones so their shop numbers never move. Packages bill their minimum (the package size).
 */
export const TYPED_SAMPLES: SimService[] = [
  {
    service: 1401,
    name: "Instagram Custom Comments [Indonesia] [Komentar Sendiri]",
    type: "Custom Comments",
    category: "Instagram Comments",
    rate: "45000.00",
    min: "5",
    max: "500",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1402,
    name: "Instagram Custom Comments Package [10 Komentar]",
    type: "Custom Comments Package",
    category: "Instagram Comments",
    rate: "600000.00",
    min: "10",
    max: "10",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1403,
    name: "Instagram Mentions [Custom List]",
    type: "Mentions Custom List",
    category: "Instagram Mentions",
    rate: "20000.00",
    min: "10",
    max: "1000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1404,
    name: "Instagram Mentions [User Followers]",
    type: "Mentions User Followers",
    category: "Instagram Mentions",
    rate: "15000.00",
    min: "100",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1405,
    name: "Instagram Mentions [Hashtag]",
    type: "Mentions Hashtag",
    category: "Instagram Mentions",
    rate: "15000.00",
    min: "100",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1406,
    name: "Instagram Mentions [Media Likers]",
    type: "Mentions Media Likers",
    category: "Instagram Mentions",
    rate: "16000.00",
    min: "100",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1407,
    name: "Instagram Mentions [Usernames]",
    type: "Mentions",
    category: "Instagram Mentions",
    rate: "18000.00",
    min: "100",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1408,
    name: "Instagram Mentions [With Hashtags]",
    type: "Mentions with Hashtags",
    category: "Instagram Mentions",
    rate: "19000.00",
    min: "100",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1409,
    name: "Instagram Comment Likes",
    type: "Comment Likes",
    category: "Instagram Comment Likes",
    rate: "8000.00",
    min: "50",
    max: "10000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1410,
    name: "Instagram Comment Replies [Custom]",
    type: "Comment Replies",
    category: "Instagram Comments",
    rate: "70000.00",
    min: "5",
    max: "200",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1411,
    name: "Telegram Poll Votes [Vote Polling]",
    type: "Poll",
    category: "Telegram Poll Votes",
    rate: "5000.00",
    min: "100",
    max: "50000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1412,
    name: "Instagram Followers Package [1000 Followers]",
    type: "Package",
    category: "Instagram Followers",
    rate: "12000.00",
    min: "1000",
    max: "1000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1413,
    name: "Website SEO Traffic [Google Keywords]",
    type: "SEO",
    category: "Website Traffic",
    rate: "3000.00",
    min: "500",
    max: "100000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1414,
    name: "Instagram Auto Likes [Langganan Tiap Posting]",
    type: "Subscriptions",
    category: "Instagram Auto Likes",
    rate: "3000.00",
    min: "50",
    max: "5000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
  {
    service: 1415,
    name: "TikTok Auto Views [Langganan Tiap Posting]",
    type: "Subscriptions",
    category: "TikTok Auto Views",
    rate: "200.00",
    min: "500",
    max: "50000",
    refill: false,
    cancel: false,
    dripfeed: false,
  },
];

/**
 * The sandbox shop's list (what `npm start` sells): the generated services, one of every order type,
 * and the junk rows. The simulator's own default leaves the typed ones out, so tests that count the
 * generated list keep their numbers.
 */
export function sandboxCatalog(): Array<SimService | Record<string, unknown>> {
  return [...generateSampleCatalog(), ...TYPED_SAMPLES, ...JUNK_ROWS];
}
