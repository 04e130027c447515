/**
 * The words people and suppliers use for platforms and product kinds, in Indonesian, English and
 * chat slang. Supplier rows are classified with it at import; customer messages are read with it.
 */
import { PLATFORMS, type Platform } from "./catalog.platforms.js";

// The platforms and their names live in catalog.platforms.ts, a leaf the admin app may bundle.
export { PLATFORMS, PLATFORM_LABELS, type Platform } from "./catalog.platforms.js";

export const KINDS = [
  "followers",
  "likes",
  "views",
  "comments",
  "subscribers",
  "members",
  "shares",
  "saves",
  "plays",
  "watch_hours",
  "reactions",
  "retweets",
  "story_views",
  "live_views",
  "votes",
  "listeners",
  "diamonds",
  "membership",
  "topup",
  "other",
] as const;
export type Kind = (typeof KINDS)[number];

/** Link hosts that belong to each platform, for checking a customer's target link. */
export const PLATFORM_HOSTS: Partial<Record<Platform, string[]>> = {
  instagram: ["instagram.com", "instagr.am", "ig.me"],
  tiktok: ["tiktok.com"],
  youtube: ["youtube.com", "youtu.be"],
  facebook: ["facebook.com", "fb.com", "fb.watch", "fb.me"],
  twitter: ["twitter.com", "x.com", "t.co"],
  telegram: ["t.me", "telegram.me", "telegram.dog"],
  spotify: ["spotify.com", "spotify.link"],
  shopee: ["shopee.co.id", "shopee.com", "shp.ee", "shopee.sg", "shopee.com.my"],
  threads: ["threads.net", "threads.com"],
  twitch: ["twitch.tv"],
  discord: ["discord.gg", "discord.com"],
  soundcloud: ["soundcloud.com"],
  linkedin: ["linkedin.com", "lnkd.in"],
};

export const PLATFORM_ALIASES: ReadonlyArray<readonly [Platform, readonly string[]]> = [
  ["instagram", ["instagram", "ig", "insta", "instgram", "instagam", "instagrm", "igram", "instagramm"]],
  ["tiktok", ["tiktok", "tik tok", "tt", "tiktk", "tictok", "tiktod", "tik-tok"]],
  ["youtube", ["youtube", "yt", "you tube", "utub", "yutub", "youtub", "yutube", "ytb"]],
  ["facebook", ["facebook", "fb", "fesbuk", "facebok", "fcbk", "fbook"]],
  ["twitter", ["twitter", "x", "twiter", "tweet", "tweets", "twit"]],
  ["telegram", ["telegram", "tele", "tg", "telegam", "telgram"]],
  ["spotify", ["spotify", "spotipy", "spoti", "spotif"]],
  ["shopee", ["shopee", "shoppe", "sopi", "shope", "shoope"]],
  ["threads", ["threads", "thread"]],
  ["twitch", ["twitch"]],
  ["discord", ["discord"]],
  ["soundcloud", ["soundcloud", "sound cloud"]],
  ["linkedin", ["linkedin", "linked in"]],
  ["website", ["website", "web traffic", "traffic", "situs", "web"]],
  [
    "mobile_legends",
    [
      "mobile legends",
      "mobile legend",
      "mobilelegends",
      "mlbb",
      "ml",
      "mole",
      "mobel lejen",
      "mobile lejen",
      "moba legends",
    ],
  ],
  ["free_fire", ["free fire", "freefire", "ff", "ff max", "epep", "fre fire"]],
  ["pubg_mobile", ["pubg mobile", "pubgm", "pubg"]],
  ["genshin_impact", ["genshin impact", "genshin"]],
  ["valorant", ["valorant", "valo"]],
  ["honor_of_kings", ["honor of kings", "hok"]],
  ["call_of_duty_mobile", ["call of duty mobile", "call of duty", "codm", "cod mobile"]],
  ["roblox", ["roblox"]],
  ["pulsa", ["pulsa", "isi pulsa", "telkomsel", "tsel", "simpati", "indosat", "im3", "smartfren", "axis", "xl"]],
  ["data", ["paket data", "kuota", "paket internet", "kuota internet", "data"]],
  [
    "emoney",
    [
      "e money",
      "emoney",
      "ovo",
      "gopay",
      "go pay",
      "shopeepay",
      "shopee pay",
      "linkaja",
      "saldo dana",
      "top up dana",
      "topup dana",
      "isi dana",
      "saldo ovo",
    ],
  ],
  ["pln", ["pln", "token listrik", "token pln", "listrik"]],
];

// Longer phrases first so "story views" wins over "views" and "watch hours" over "hours".
export const KIND_ALIASES: ReadonlyArray<readonly [Kind, readonly string[]]> = [
  ["watch_hours", ["watch hours", "watch hour", "watchtime", "watch time", "jam tayang", "jam tonton"]],
  [
    "story_views",
    [
      "story views",
      "story view",
      "views story",
      "view story",
      "viewers story",
      "story viewers",
      "penonton story",
      "story",
    ],
  ],
  ["live_views", ["live views", "live view", "live stream views", "penonton live", "live stream", "lives", "live"]],
  ["listeners", ["monthly listeners", "listeners", "listener", "pendengar"]],
  [
    "followers",
    [
      "followers",
      "follower",
      "follow",
      "folower",
      "folowers",
      "followes",
      "follwers",
      "pengikut",
      "foll",
      "folls",
      "fols",
      "flw",
      "followr",
    ],
  ],
  ["likes", ["likes", "like", "suka", "love", "loves", "laik", "lik", "jempol", "likers", "lkes"]],
  ["comments", ["comments", "comment", "komen", "komentar", "coment", "comen", "komens", "komeng"]],
  [
    "subscribers",
    ["subscribers", "subscriber", "subscribe", "subs", "sub", "subcriber", "subscriber", "langganan", "subsciber"],
  ],
  ["members", ["members", "member", "anggota", "join group", "join channel", "join"]],
  ["shares", ["shares", "share", "bagikan", "dibagikan"]],
  ["saves", ["saves", "save", "simpan", "disimpan"]],
  ["plays", ["plays", "play", "streams", "stream", "putar", "diputar"]],
  ["reactions", ["reactions", "reaction", "reaksi", "emoji"]],
  ["retweets", ["retweets", "retweet", "repost", "reposts", "rt"]],
  ["votes", ["votes", "vote", "poll", "voting"]],
  [
    "views",
    [
      "views",
      "view",
      "viewers",
      "tayangan",
      "penonton",
      "ditonton",
      "tonton",
      "vw",
      "impressions",
      "reels views",
      "video views",
    ],
  ],
  [
    "membership",
    [
      "weekly diamond pass",
      "weekly pass",
      "wdp",
      "starlight",
      "twilight pass",
      "membership",
      "member mingguan",
      "member bulanan",
      "welkin",
      "welkin moon",
    ],
  ],
  [
    "diamonds",
    [
      "diamonds",
      "diamond",
      "diamon",
      "dm",
      "dms",
      "uc",
      "genesis crystals",
      "genesis crystal",
      "crystal",
      "valorant points",
      "vp",
      "robux",
      "tokens",
      "cod points",
      "cp",
    ],
  ],
];

// "Top up" says how, not what: any more specific kind in the same message wins over it.
export const WEAK_KIND_ALIASES: ReadonlyArray<readonly [Kind, readonly string[]]> = [
  ["topup", ["top up", "topup", "isi ulang", "isi saldo", "voucher"]],
];

/** Lower-cases and turns punctuation into spaces, padded so aliases can be matched as whole words. */
export function normalizeText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;
}

interface Match<T> {
  value: T;
  position: number;
  alias: string;
}

function findFirst<T>(normalized: string, table: ReadonlyArray<readonly [T, readonly string[]]>): Match<T> | undefined {
  let best: Match<T> | undefined;
  for (const [value, aliases] of table) {
    for (const alias of aliases) {
      const position = normalized.indexOf(` ${alias} `);
      if (
        position >= 0 &&
        (!best || position < best.position || (position === best.position && alias.length > best.alias.length))
      ) {
        best = { value, position, alias };
      }
    }
  }
  return best ?? findTypo(normalized, table);
}

// Everyday words within an edit or two of an alias: "layanan" (service) is not "tayangan" (views),
// "money" is not "emoney", "followup" is not "follower".
const NOT_TYPOS: ReadonlySet<string> = new Set(["layanan", "money", "followup"]);

/** One typo (two in long words) is forgiven: "folowwers", "instagarm". Short aliases must match exactly. */
function findTypo<T>(normalized: string, table: ReadonlyArray<readonly [T, readonly string[]]>): Match<T> | undefined {
  const words = normalized.trim().split(" ");
  let position = 0;
  for (const word of words) {
    if (word.length >= 5 && !NOT_TYPOS.has(word)) {
      for (const [value, aliases] of table) {
        for (const alias of aliases) {
          if (alias.length >= 5 && !alias.includes(" ") && withinEdits(word, alias, alias.length >= 8 ? 2 : 1)) {
            return { value, position, alias };
          }
        }
      }
    }
    position += word.length + 1;
  }
  return undefined;
}

/** Damerau-Levenshtein distance (adjacent swaps count once) is at most `limit`. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]! <= limit;
}

export function detectPlatform(text: string): Platform | undefined {
  return findFirst(normalizeText(text), PLATFORM_ALIASES)?.value;
}

export function detectKind(text: string): Kind | undefined {
  const normalized = normalizeText(text);
  return findFirst(normalized, KIND_ALIASES)?.value ?? findFirst(normalized, WEAK_KIND_ALIASES)?.value;
}

/** Every alias word, so a search can tell "what was asked for" from "how it was described". */
export const VOCABULARY_WORDS: ReadonlySet<string> = new Set(
  [...PLATFORM_ALIASES, ...KIND_ALIASES, ...WEAK_KIND_ALIASES].flatMap(([, aliases]) =>
    aliases.flatMap((a) => a.split(" ")),
  ),
);

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
