import {
  KIND_ALIASES,
  PLATFORM_ALIASES,
  WEAK_KIND_ALIASES,
  type Kind,
  type Platform,
} from "../catalog/catalog.vocabulary.js";

/**
 * The shop's words, Indonesian and English side by side: each concept is one meaning
 * ("pengikut" = "followers", "postingan" = "post", "garansi" = "refill") with every way people and
 * suppliers write it. Platforms and kinds come from the catalog's vocabulary; the rest is what
 * tells one product of a platform and kind from another.
 */
export type ConceptRole = "platform" | "kind" | "brand" | "word" | "cheap" | "filler";

export interface Concept {
  /** FTS token (letters and digits only): `p…` platform, `k…` kind, `b…` brand, `c…` other. */
  token: string;
  role: ConceptRole;
  /** The platform, kind or brand it names; the word itself otherwise. */
  value: string;
  aliases: readonly string[];
}

/** Operators and wallets: names of products, not platforms ("axis" sells data as well as credit). */
const BRANDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["telkomsel", ["telkomsel", "tsel", "simpati", "telkom", "kartu as"]],
  ["indosat", ["indosat", "isat", "im3", "ooredoo"]],
  ["xl", ["xl", "xl axiata"]],
  ["axis", ["axis"]],
  ["smartfren", ["smartfren"]],
  ["tri", ["tri", "three"]],
  ["dana", ["dana", "saldo dana", "top up dana", "topup dana", "isi dana"]],
  ["ovo", ["ovo", "saldo ovo"]],
  ["gopay", ["gopay", "go pay", "gojek"]],
  ["shopeepay", ["shopeepay", "shopee pay", "spay"]],
  ["linkaja", ["linkaja", "link aja"]],
];

/** Slang the catalog's vocabulary does not carry (it classifies supplier names, not chat). */
const EXTRA_PLATFORM_ALIASES: Partial<Record<Platform, readonly string[]>> = {
  mobile_legends: ["mobel lejen", "mobile lejen", "mobel legend", "moba legends", "moba legend", "emel"],
  free_fire: ["epep", "free fire max"],
  pulsa: ["phone credit", "airtime", "credit"],
  emoney: ["e wallet", "ewallet", "dompet digital"],
  youtube: ["yutup", "youtobe"],
};

const EXTRA_KIND_ALIASES: Partial<Record<Kind, readonly string[]>> = {
  followers: ["folls", "pengikut"],
  likes: ["likee", "suka"],
  views: ["viewer", "tayangan"],
  members: ["anggota grup", "anggota group"],
  membership: ["pass", "member bulanan"],
  plays: ["putaran"],
};

const WORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["indonesia", ["indonesia", "indo", "lokal", "local", "wni"]],
  ["global", ["global", "worldwide", "international", "internasional", "luar negeri", "bule", "asing"]],
  ["real", ["real", "asli", "organik", "organic", "nyata"]],
  ["active", ["aktif", "active"]],
  ["passive", ["pasif", "passive"]],
  ["norefill", ["no refill", "tanpa refill", "tanpa garansi", "non refill", "nonrefill", "no garansi", "no guarantee"]],
  ["refill", ["refill", "garansi", "guarantee", "guaranteed", "warranty", "bergaransi", "refil"]],
  ["lifetime", ["lifetime", "selamanya", "permanen", "permanent", "seumur hidup"]],
  ["fast", ["fast", "cepat", "kilat", "ngebut", "express", "speed"]],
  ["instant", ["instant", "instan"]],
  ["hq", ["hq", "high quality", "berkualitas", "kualitas", "quality"]],
  ["premium", ["premium"]],
  ["bot", ["bot", "bots"]],
  ["post", ["post", "posts", "postingan", "posting", "feed", "foto", "photo", "gambar"]],
  ["video", ["video", "vidio", "videos", "vid", "vt"]],
  ["reels", ["reels", "reel"]],
  ["shorts", ["shorts", "short"]],
  ["page", ["page", "halaman", "fanspage", "fanpage", "fp"]],
  ["group", ["group", "grup", "groups"]],
  ["channel", ["channel", "saluran", "chanel", "kanal"]],
  ["product", ["product", "produk", "barang"]],
  ["weekly", ["weekly", "mingguan", "seminggu"]],
  ["monthly", ["monthly", "bulanan", "sebulan"]],
  ["points", ["points", "point", "poin"]],
  // What customers ask the FAQ about, in both languages.
  ["pay", ["bayar", "pembayaran", "membayar", "dibayar", "pay", "payment", "paying", "transfer"]],
  ["qris", ["qris", "qr", "scan"]],
  ["wallet", ["saldo", "wallet", "dompet", "balance"]],
  ["stars", ["stars", "star", "bintang"]],
  ["admin", ["admin", "cs", "customer service", "operator", "human", "manusia"]],
  ["contact", ["hubungi", "menghubungi", "kontak", "contact", "reach", "ngomong", "bicara", "chat", "talk", "tanya"]],
  ["duration", ["berapa lama", "how long", "lama", "durasi", "waktu", "estimasi", "estimate"]],
  ["process", ["proses", "diproses", "prosesnya", "process", "processing", "processed", "masuk", "arrive"]],
  ["refund", ["refund", "pengembalian", "dikembalikan", "kembali", "uang kembali", "money back", "balikin"]],
  ["partial", ["partial", "sebagian", "kurang"]],
  ["cancel", ["batal", "dibatalkan", "cancel", "canceled", "cancelled", "gagal", "failed"]],
  ["drop", ["turun", "drop", "berkurang", "hilang", "ilang"]],
  ["password", ["password", "sandi", "kata sandi", "otp", "pin", "login"]],
  ["order", ["order", "pesan", "pesanan", "memesan", "cara pesan", "cara order"]],
  ["shopnumber", ["nomor layanan", "id layanan", "kode layanan", "mid", "shop number", "service id", "nomor toko"]],
  ["player", ["player id", "id pemain", "user id", "id game", "uid"]],
  ["zone", ["zone", "zona", "zone id", "server"]],
];

const CHEAP = [
  "murah",
  "termurah",
  "cheap",
  "cheapest",
  "cheaper",
  "murmer",
  "hemat",
  "ekonomis",
  "terendah",
  "lowest price",
  "low price",
  "paling murah",
];

/** Chat fillers, greetings and phrases whose words mean something else elsewhere ("I'd like to"). */
const FILLER_PHRASES = [
  "would like",
  "i d like",
  "like to",
  "follow up",
  "live chat",
  "live agent",
  "dm admin",
  "top up saldo",
  "isi saldo",
  "no hp",
  "nomor hp",
];

function concept(token: string, role: ConceptRole, value: string, aliases: readonly string[]): Concept {
  return { token, role, value, aliases };
}

const tokenOf = (prefix: string, value: string) => `${prefix}${value.replace(/[^a-z0-9]/g, "")}`;

function buildConcepts(): Concept[] {
  const brandAliases = new Set(BRANDS.flatMap(([, aliases]) => aliases));
  const concepts: Concept[] = [];
  for (const [platform, aliases] of PLATFORM_ALIASES) {
    const own = [...aliases, ...(EXTRA_PLATFORM_ALIASES[platform] ?? [])].filter((a) => !brandAliases.has(a));
    concepts.push(concept(tokenOf("p", platform), "platform", platform, own));
  }
  for (const [kind, aliases] of [...KIND_ALIASES, ...WEAK_KIND_ALIASES]) {
    concepts.push(
      concept(
        tokenOf("k", kind),
        "kind",
        kind,
        [...aliases, ...(EXTRA_KIND_ALIASES[kind] ?? [])].filter((a) => a !== "isi saldo"),
      ),
    );
  }
  for (const [brand, aliases] of BRANDS) concepts.push(concept(tokenOf("b", brand), "brand", brand, aliases));
  for (const [word, aliases] of WORDS) concepts.push(concept(tokenOf("c", word), "word", word, aliases));
  concepts.push(concept("ccheap", "cheap", "cheap", CHEAP));
  concepts.push(concept("", "filler", "", FILLER_PHRASES));
  return concepts;
}

export const CONCEPTS: readonly Concept[] = buildConcepts();

/** Every alias (words joined by one space) → its concept. The first concept to claim an alias keeps it. */
export const ALIAS_INDEX: ReadonlyMap<string, Concept> = (() => {
  const index = new Map<string, Concept>();
  for (const c of CONCEPTS) for (const alias of c.aliases) if (!index.has(alias)) index.set(alias, c);
  return index;
})();

export const MAX_ALIAS_WORDS = Math.max(...[...ALIAS_INDEX.keys()].map((a) => a.split(" ").length));

/** Single-word aliases long enough to be matched with a typo, grouped by length. */
export const FUZZY_ALIASES: ReadonlyMap<number, ReadonlyArray<readonly [string, Concept]>> = (() => {
  const byLength = new Map<number, Array<readonly [string, Concept]>>();
  for (const [alias, c] of ALIAS_INDEX) {
    if (alias.length < 5 || c.role === "filler") continue;
    const list = byLength.get(alias.length) ?? [];
    list.push([alias, c]);
    byLength.set(alias.length, list);
  }
  return byLength;
})();

/** Abbreviations read as the words they stand for, so "wdp" carries "weekly" like the product name does. */
export const EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["wdp", ["weekly", "diamond", "pass"]],
  ["twp", ["twilight", "pass"]],
]);

/** Kinds that answer the same wish: "subscriber telegram" means channel members, "followers yt" subscribers. */
const KIND_FAMILIES: ReadonlyArray<readonly Kind[]> = [
  ["followers", "subscribers", "members"],
  ["views", "story_views", "live_views"],
  ["likes", "reactions"],
  ["retweets", "shares"],
  ["diamonds", "membership", "topup"],
];

export function kindFamily(kind: string): readonly string[] {
  return KIND_FAMILIES.find((family) => family.includes(kind as Kind)) ?? [kind];
}

/** Phone operators sell credit and data under one brand: a reader's "pulsa" may well mean a data plan. */
export function platformFamily(platform: string): readonly string[] {
  return platform === "pulsa" || platform === "data" ? ["pulsa", "data"] : [platform];
}

/** A kind that narrows another: said together, the narrower one is what was meant. */
export const NARROWER_KIND: Partial<Record<Kind, Kind>> = {
  story_views: "views",
  live_views: "views",
  watch_hours: "views",
  membership: "diamonds",
  listeners: "plays",
};
