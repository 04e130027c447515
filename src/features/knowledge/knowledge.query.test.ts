import { describe, expect, it } from "vitest";
import { embeddingFeatures } from "./knowledge.features.js";
import { readProductText } from "../language/language.retrieval.js";
import { rankProducts, reciprocalRankFusion, type ProductCandidate } from "./knowledge.ranking.js";
import { tokenize } from "../language/language.tokens.js";

describe("reading a customer's words for product search", () => {
  it("reads numbers the way Indonesians write them", () => {
    const values = tokenize("10rb 10k 10.000 25 ribu 2,5rb 1.5k 2 jt 86 2gb").map((t) =>
      t.kind === "number" ? t.value : t.text,
    );
    expect(values).toEqual([10_000, 10_000, 10_000, 25_000, 2_500, 1_500, 2_000_000, 86, "2gb"]);
  });

  it("drops links, @usernames, phone numbers, player ids and quantities of social-media services", () => {
    const r = readProductText("kak mau followers ig 1000 dong https://instagram.com/budi @budi.santoso");
    expect([r.platform, r.kind, r.descriptors, r.words]).toEqual(["instagram", "followers", [], []]);
    expect(readProductText("isi pulsa xl 10k ke 087812345678").descriptors).toEqual(["bxl", "n10000"]);
    expect(readProductText("ML 86 diamond id 12345678 (1234)").descriptors).toEqual(["n86"]);
  });

  it("keeps numbers that name a top-up product, and refill days", () => {
    expect(readProductText("diamon ml 86").descriptors).toEqual(["n86"]);
    expect(readProductText("pulsa telkomsel 50rb").descriptors).toEqual(["btelkomsel", "n50000"]);
    expect(readProductText("followers ig refill 30 hari").descriptors).toEqual(["crefill", "n30"]);
  });

  it("knows a platform from a link's host when the words do not name it", () => {
    expect(readProductText("send 5000 followers to instagram.com/budi").platform).toBe("instagram");
  });

  it("forgives typos and reads slang in both languages", () => {
    expect(readProductText("folower instagarm")).toMatchObject({ platform: "instagram", kind: "followers" });
    expect(readProductText("subscibe yutub")).toMatchObject({ platform: "youtube", kind: "subscribers" });
    expect(readProductText("followes igg")).toMatchObject({ platform: "instagram", kind: "followers" });
    expect(readProductText("fre fire 50 diamond")).toMatchObject({ platform: "free_fire", kind: "diamonds" });
    expect(readProductText("pengikut halaman fb")).toMatchObject({
      platform: "facebook",
      kind: "followers",
      descriptors: ["cpage"],
    });
    expect(readProductText("nambah like postingan ig aku")).toMatchObject({
      platform: "instagram",
      kind: "likes",
      descriptors: ["cpost"],
    });
  });

  it("takes the narrower kind when two are named, and a verb 'like' is not likes", () => {
    expect(readProductText("viewers story instagram").kind).toBe("story_views");
    expect(readProductText("weekly diamond pass ml").kind).toBe("membership");
    expect(readProductText("I would like instagram followers").kind).toBe("followers");
  });

  it("hears 'cheap' in both languages without making it a word to match", () => {
    for (const text of ["followers ig murah", "termurah", "cheapest tiktok likes", "paling murah"])
      expect(readProductText(text).cheap, text).toBe(true);
    expect(readProductText("followers ig murah").descriptors).toEqual([]);
    expect(readProductText("followers ig").cheap).toBe(false);
  });

  it("gives the local embedder the same meaning for Indonesian and English words", () => {
    const meanings = (text: string) =>
      embeddingFeatures(text)
        .filter(([f]) => /^[pkbcn]/.test(f))
        .map(([f]) => f);
    expect(meanings("pengikut instagram")).toEqual(meanings("followers ig"));
    expect(meanings("tayangan video")).toEqual(meanings("views vidio"));
  });
});

describe("ranking", () => {
  it("fuses ranked lists by reciprocal rank: Σ 1/(60 + rank)", () => {
    const scores = reciprocalRankFusion([
      [7, 8, 9],
      [9, 7],
    ]);
    expect(scores.get(7)).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(scores.get(8)).toBeCloseTo(1 / 62, 12);
    expect(scores.get(9)).toBeCloseTo(1 / 63 + 1 / 61, 12);
  });

  const candidate = (
    id: number,
    platform: string,
    kind: string,
    price: number,
    tokens: string[],
    score: number,
  ): ProductCandidate => ({ id, sourceId: id, platform, kind, price, tokens: new Set(tokens), score });

  it("puts the platform and kind asked for first, then the names with more of the words, then relevance", () => {
    const ranked = rankProducts(
      [
        candidate(1, "tiktok", "followers", 100, ["cindonesia"], 0.05),
        candidate(2, "instagram", "likes", 100, ["cindonesia"], 0.04),
        candidate(3, "instagram", "followers", 300, [], 0.03),
        candidate(4, "instagram", "followers", 200, ["cindonesia"], 0.01),
        candidate(5, "instagram", "subscribers", 100, ["cindonesia"], 0.02),
      ],
      { platform: "instagram", kind: "followers", descriptors: ["cindonesia"] },
    );
    expect(ranked.map((c) => c.id)).toEqual([4, 3, 5, 2, 1]);
  });

  it("with 'cheap', orders the equally relevant by price before relevance", () => {
    const ranked = rankProducts(
      [
        candidate(1, "instagram", "followers", 300, [], 0.05),
        candidate(2, "instagram", "followers", 100, [], 0.01),
        candidate(3, "instagram", "likes", 50, [], 0.09),
      ],
      { platform: "instagram", kind: "followers", descriptors: [] },
    );
    expect(ranked.map((c) => c.id)).toEqual([2, 1, 3]);
  });
});
