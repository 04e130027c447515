import { describe, expect, it } from "vitest";
import { classifyService } from "./catalog.classify.js";
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
    expect(classifyService({ name: "Instagram Followers + Likes", category: "Instagram Likes" })).toEqual({
      platform: "instagram",
      kind: "followers",
    });
  });

  it("falls back to the category for the kind when the name has none", () => {
    expect(classifyService({ name: "Server 3 [Murah]", category: "TikTok Views" })).toEqual({ platform: "tiktok", kind: "views" });
  });

  it("files unknown rows under other instead of guessing", () => {
    expect(classifyService({ name: "Something", category: "Misc" })).toEqual({ platform: "other", kind: "other" });
    expect(classifyService({ name: "YouTube Premium", category: "Lainnya" })).toEqual({ platform: "youtube", kind: "other" });
  });
});
