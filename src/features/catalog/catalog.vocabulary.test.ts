import { describe, expect, it } from "vitest";
import { classifyService, refillDays, speed } from "./catalog.classify.js";
import { detectKind, detectPlatform, withinEdits } from "./catalog.vocabulary.js";

describe("detectPlatform: which platform the customer means", () => {
  it.each([
    ["instagram", "instagram"],
    ["Instagram", "instagram"],
    ["ig", "instagram"],
    ["tiktok", "tiktok"],
    ["tik tok", "tiktok"],
    ["yt subs", "youtube"],
    ["youtube", "youtube"],
    ["fesbuk", "facebook"],
    ["fb", "facebook"],
    ["tele", "telegram"],
    ["twitter", "twitter"],
    ["web traffic", "website"],
  ] as const)("reads %j as %s", (text, platform) => {
    expect(detectPlatform(text)).toBe(platform);
  });

  it("finds the platform inside a longer Indonesian sentence", () => {
    expect(detectPlatform("kak mau nambah pengikut ig dong")).toBe("instagram");
    expect(detectPlatform("komen tiktok yang murah")).toBe("tiktok");
  });

  it("reads platform names regardless of punctuation around them", () => {
    expect(detectPlatform("[IG] Likes")).toBe("instagram");
    expect(detectPlatform("Views - Story [Instagram]")).toBe("instagram");
  });

  it("forgives a typo in a long platform name", () => {
    expect(detectPlatform("instagarm")).toBe("instagram");
    expect(detectPlatform("telegrm")).toBe("telegram");
    expect(detectPlatform("tiktokk")).toBe("tiktok");
  });

  it("never fuzzy-matches short aliases, so everyday words are not mistaken for a platform", () => {
    expect(detectPlatform("igg")).toBeUndefined();
    expect(detectPlatform("tx")).toBeUndefined();
    expect(detectPlatform("fbx")).toBeUndefined();
    expect(detectPlatform("if you can")).toBeUndefined();
  });

  it("matches short aliases only as whole words", () => {
    // "ig" inside "tiger" or "x" inside "texas" is not a platform.
    expect(detectPlatform("tiger")).toBeUndefined();
    expect(detectPlatform("texas")).toBeUndefined();
  });

  it("returns nothing for messages that name no platform", () => {
    expect(detectPlatform("berapa harga nya kak")).toBeUndefined();
    expect(detectPlatform("terima kasih")).toBeUndefined();
    expect(detectPlatform("")).toBeUndefined();
  });
});

describe("detectKind: what the customer wants delivered", () => {
  it.each([
    ["followers", "followers"],
    ["pengikut", "followers"],
    ["likes", "likes"],
    ["suka", "likes"],
    ["tayangan", "views"],
    ["views", "views"],
    ["komen", "comments"],
    ["komentar", "comments"],
    ["yt subs", "subscribers"],
    ["subscriber", "subscribers"],
    ["anggota", "members"],
    ["jam tayang", "watch_hours"],
    ["penonton live", "live_views"],
  ] as const)("reads %j as %s", (text, kind) => {
    expect(detectKind(text)).toBe(kind);
  });

  it("understands common misspellings of followers", () => {
    expect(detectKind("folowers")).toBe("followers");
    expect(detectKind("follwoers")).toBe("followers");
    expect(detectKind("foloowers")).toBe("followers");
  });

  it("prefers 'story views' over plain 'views'", () => {
    expect(detectKind("story views")).toBe("story_views");
    expect(detectKind("instagram story views murah")).toBe("story_views");
    expect(detectKind("Views - Story [Instagram]")).toBe("story_views");
  });

  it("prefers 'watch hours' and 'live views' over the shorter words inside them", () => {
    expect(detectKind("youtube watch hours")).toBe("watch_hours");
    expect(detectKind("live views")).toBe("live_views");
  });

  it("takes the kind mentioned first when a service name lists several", () => {
    expect(detectKind("Instagram Followers + Likes")).toBe("followers");
    expect(detectKind("Instagram Likes + Views")).toBe("likes");
  });

  it("never fuzzy-matches short aliases", () => {
    // "sub" is an alias; "sup" must not become subscribers.
    expect(detectKind("sup")).toBeUndefined();
    expect(detectKind("rtx")).toBeUndefined();
  });

  it("does not take everyday words one edit from an alias for a kind or platform", () => {
    expect(detectKind("lihat layanan instagram")).toBeUndefined();
    expect(detectPlatform("money back guarantee")).toBeUndefined();
    expect(detectKind("followup")).toBeUndefined();
  });

  it("knows chat names of games and kinds", () => {
    expect(detectPlatform("mobel lejen 86")).toBe("mobile_legends");
    expect(detectPlatform("dm epep")).toBe("free_fire");
    expect(detectKind("viewers story")).toBe("story_views");
    expect(detectKind("tambah folls")).toBe("followers");
  });

  it("returns nothing for messages that name no product", () => {
    expect(detectKind("sudah bayar")).toBeUndefined();
    expect(detectKind("where is my order")).toBeUndefined();
  });
});

describe("withinEdits", () => {
  it("counts an adjacent swap as one edit", () => {
    expect(withinEdits("instagarm", "instagram", 1)).toBe(true);
    expect(withinEdits("ab", "ba", 1)).toBe(true);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(withinEdits("folowers", "followers", 1)).toBe(true);
    expect(withinEdits("kitten", "sitting", 3)).toBe(true);
    expect(withinEdits("kitten", "sitting", 2)).toBe(false);
  });

  it("treats identical words as zero edits apart", () => {
    expect(withinEdits("tiktok", "tiktok", 0)).toBe(true);
    expect(withinEdits("tiktok", "tiktak", 0)).toBe(false);
  });

  it("rejects words whose lengths differ by more than the limit", () => {
    expect(withinEdits("abc", "abcdef", 2)).toBe(false);
    expect(withinEdits("", "ab", 2)).toBe(true);
    expect(withinEdits("", "abc", 2)).toBe(false);
  });
});

describe("classifyService: sorting supplier rows into the shop's catalog", () => {
  it("takes the platform from the supplier's category first", () => {
    expect(classifyService({ name: "TikTok Followers", category: "Instagram Followers" }).platform).toBe("instagram");
  });

  it("falls back to the name when the category names no platform", () => {
    expect(classifyService({ name: "Instagram Likes [Real]", category: "Promo Murah" }).platform).toBe("instagram");
  });

  it("takes the kind from the service name first, because the name says what is delivered", () => {
    expect(classifyService({ name: "Instagram Followers + Likes", category: "Instagram Likes" })).toMatchObject({
      platform: "instagram",
      kind: "followers",
    });
  });

  it("falls back to the category for the kind when the name has none", () => {
    expect(classifyService({ name: "Server 3 [Murah]", category: "TikTok Views" })).toMatchObject({
      platform: "tiktok",
      kind: "views",
    });
  });

  it("files unknown rows under other instead of guessing", () => {
    expect(classifyService({ name: "Something", category: "Misc" })).toMatchObject({
      platform: "other",
      kind: "other",
    });
    expect(classifyService({ name: "YouTube Premium", category: "Lainnya" })).toMatchObject({
      platform: "youtube",
      kind: "other",
    });
  });
});

describe("classifyService: top-ups sold per item", () => {
  it("knows what a game top-up needs from the customer, zone included where the game has one", () => {
    expect(
      classifyService({
        name: "Mobile Legends 86 Diamonds",
        category: "Mobile Legends",
        brand: "Mobile Legends",
        unit: "per_item",
      }),
    ).toMatchObject({
      platform: "mobile_legends",
      kind: "diamonds",
      targetKind: "game_id",
      zoneRequired: true,
    });
    expect(
      classifyService({ name: "Free Fire 140 Diamonds", category: "Games", brand: "FREE FIRE", unit: "per_item" }),
    ).toMatchObject({ platform: "free_fire", targetKind: "game_id", zoneRequired: false });
    expect(
      classifyService({ name: "Weekly Diamond Pass", category: "Mobile Legends", unit: "per_item" }),
    ).toMatchObject({ kind: "membership" });
  });

  it("takes phone credit, data and e-money by phone number and PLN tokens by customer number", () => {
    expect(
      classifyService({ name: "Telkomsel 10.000", category: "Pulsa", brand: "TELKOMSEL", unit: "per_item" }),
    ).toMatchObject({ platform: "pulsa", kind: "topup", targetKind: "phone" });
    expect(
      classifyService({ name: "Telkomsel 5GB 30 hari", category: "Data", brand: "TELKOMSEL", unit: "per_item" }),
    ).toMatchObject({ platform: "data", targetKind: "phone" });
    expect(
      classifyService({ name: "DANA 50.000", category: "E-Money", brand: "DANA", unit: "per_item" }),
    ).toMatchObject({ platform: "emoney", targetKind: "phone" });
    expect(
      classifyService({ name: "Token PLN 20.000", category: "PLN", brand: "PLN", unit: "per_item" }),
    ).toMatchObject({ platform: "pln", targetKind: "customer_no" });
  });

  it("never files an SMM service under a top-up product line", () => {
    expect(classifyService({ name: "Instagram Followers [XL Pack]", category: "Instagram Followers" }).platform).toBe(
      "instagram",
    );
    expect(classifyService({ name: "Likes [ML fans]", category: "Promo" }).platform).toBe("other");
  });
});

describe("facts read from service names", () => {
  it("reads the refill guarantee in days, 0 for lifetime, null when none is stated", () => {
    expect(refillDays("Instagram Followers [Refill 30 Hari]")).toBe(30);
    expect(refillDays("IG Followers 365D Refill")).toBe(365);
    expect(refillDays("IG Followers R30 Fast")).toBe(30);
    expect(refillDays("IG Followers [Premium] [Lifetime Refill]")).toBe(0);
    expect(refillDays("IG Followers [No Refill]")).toBeNull();
  });

  it("reads the delivery speed", () => {
    expect(speed("TikTok Views [Fast] [50K/Hari]")).toBe("50K/day");
    expect(speed("IG Likes 10k/day")).toBe("10K/day");
    expect(speed("IG Likes [Instant]")).toBe("instant");
    expect(speed("IG Likes")).toBeNull();
  });
});
