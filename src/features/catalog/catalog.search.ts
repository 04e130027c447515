import {
  detectKind,
  detectPlatform,
  normalizeText,
  VOCABULARY_WORDS,
  type Kind,
  type Platform,
} from "./catalog.vocabulary.js";

/** What a customer's words ask for: a platform, a kind, and the descriptive words left over. */
export interface SearchQuery {
  platform: Platform | undefined;
  kind: Kind | undefined;
  keywords: string[];
  /** Numbers that name a product ("86" diamonds, "10.000" credit), for ranking only. */
  numbers: string[];
}

// Words that carry no product meaning in either language (including chat fillers).
const STOPWORDS = new Set(
  `mau ingin pengen pingin beli membeli order pesan pesen buat bikin untuk utk saya aku gue gua gw ku kamu dong donk ya yah iya yang di ke dari dan
  atau dengan pakai pake ada apa berapa harga murah tolong min kak gan bang bro sis om mas mbak cari carikan butuh perlu tambah nambah naikin naikkan
  akun account postingan post video foto reels konten channel saluran the a an i me my we want wanna to buy need for of on in please some get add more
  cheap cheapest price how much pls plz jual layanan service services paket package`.split(/\s+/),
);

export function parseSearchText(text: string): SearchQuery {
  const words = normalizeText(text).trim().split(" ").filter(Boolean);
  const keywords = [
    ...new Set(words.filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !STOPWORDS.has(w) && !VOCABULARY_WORDS.has(w))),
  ];
  const numbers = [
    ...new Set(
      (text.match(/\d{1,3}(?:[.,]\d{3})+|\d+/g) ?? [])
        .map((n) => n.replace(/[.,]/g, ""))
        .filter((n) => n.length >= 2 && n.length <= 7),
    ),
  ];
  return { platform: detectPlatform(text), kind: detectKind(text), keywords, numbers };
}

export interface Rankable {
  mid: number;
  name: string;
  category: string;
  unitPrice: number;
}

/** Best keyword (and product number) match first, then the cheapest, then the oldest shop number. */
export function rankServices<T extends Rankable>(
  services: readonly T[],
  keywords: readonly string[],
  numbers: readonly string[] = [],
): T[] {
  const score = (s: T) => {
    const name = s.name.toLowerCase();
    const category = s.category.toLowerCase();
    const nameNumbers = new Set((s.name.match(/\d{1,3}(?:[.,]\d{3})+|\d+/g) ?? []).map((n) => n.replace(/[.,]/g, "")));
    const byWords = keywords.reduce((sum, k) => sum + (name.includes(k) ? 3 : 0) + (category.includes(k) ? 1 : 0), 0);
    return byWords + numbers.reduce((sum, n) => sum + (nameNumbers.has(n) ? 4 : 0), 0);
  };
  return services
    .map((service) => ({ service, score: score(service) }))
    .sort((a, b) => b.score - a.score || a.service.unitPrice - b.service.unitPrice || a.service.mid - b.service.mid)
    .map((entry) => entry.service);
}
