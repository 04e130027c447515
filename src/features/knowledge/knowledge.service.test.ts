import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeShop, type KnowledgeShop } from "../../../test/kit/knowledge-shop.js";
import { readMessage } from "../assistant/rules-extractor.js";
import { productQueryFor } from "../language/language.understanding.js";
import type { Service } from "../catalog/catalog.service.js";

/**
 * Product search as customers use it, on the sandbox shop (SMM panel + VIP Reseller + Digiflazz
 * catalogs) with the local embedder: the words they type, and the prices the database holds.
 */
describe("findProducts: hybrid search over the shop's services", () => {
  let shop: KnowledgeShop;
  let sellable: Service[];

  beforeAll(async () => {
    shop = await openKnowledgeShop({ topups: true });
    sellable = await shop.sellable();
  });
  afterAll(() => shop.close());

  const top = async (text: string, extra: { platform?: never; kind?: never } = {}) =>
    (await shop.knowledge.findProducts({ text, limit: 3, ...extra })).services[0];

  it.each([
    // Indonesian and slang
    ["mau followers ig dong kak", "instagram", "followers", undefined],
    ["nambah like postingan ig aku", "instagram", "likes", undefined],
    ["penonton live tiktok", "tiktok", "live_views", undefined],
    ["jam tayang youtube 4000 jam", "youtube", "watch_hours", undefined],
    ["pengikut instagram real indo", "instagram", "followers", "Indonesia Real"],
    ["like fanpage fb 1000", "facebook", "likes", "Page"],
    ["subscriber telegram", "telegram", "members", undefined],
    ["dm epep 5 aja kak", "free_fire", "diamonds", "Free Fire 5 Diamonds"],
    ["tsel 100rb", "pulsa", "topup", "Telkomsel 100.000"],
    ["token listrik 50rb", "pln", "topup", "50.000"],
    // English
    ["I want to buy instagram followers", "instagram", "followers", undefined],
    ["youtube shorts views please", "youtube", "views", "Shorts"],
    ["how much is 86 diamonds mobile legends?", "mobile_legends", "diamonds", "86 Diamond"],
    // Typos
    ["folower instagarm", "instagram", "followers", undefined],
    ["followers tiktokk 1000", "tiktok", "followers", undefined],
    ["subscibe yutub", "youtube", "subscribers", undefined],
    ["diamon ml 86", "mobile_legends", "diamonds", "86 Diamond"],
    ["fre fire 50 diamond", "free_fire", "diamonds", "50 Diamonds"],
    ["axis bronet 2gb", "data", "topup", "Bronet"],
  ])("%j → %s %s", async (text, platform, kind, nameIncludes) => {
    const service = await top(text);
    expect(service, `nothing found for "${text}"`).toBeDefined();
    expect([service!.platform, service!.kind]).toEqual([platform, kind]);
    if (nameIncludes) expect(service!.name.toLowerCase()).toContain(nameIncludes.toLowerCase());
  });

  it("ignores links, @usernames, player ids and quantities, but keeps numbers that name a top-up", async () => {
    const withNoise = await shop.knowledge.findProducts({
      text: "followers ig 1000 https://instagram.com/budi @budi.santoso",
      limit: 3,
    });
    expect(withNoise.services.map((s) => [s.platform, s.kind])).toEqual(Array(3).fill(["instagram", "followers"]));
    const link = await top("5000 please https://www.tiktok.com/@sinta/video/7312345678901234567 followers");
    expect([link!.platform, link!.kind]).toEqual(["tiktok", "followers"]);
    const ml = await top("ML 172 diamond id 12345678 (1234)");
    expect(ml!.name).toMatch(/\b172 Diamond/);
  });

  it("restricts to the platform and kind it is given, and counts every match", async () => {
    const results = await shop.knowledge.findProducts({
      text: "yang bagus",
      platform: "tiktok",
      kind: "likes",
      limit: 50,
    });
    const expected = sellable.filter((s) => s.platform === "tiktok" && s.kind === "likes");
    expect(results.services.length).toBe(expected.length);
    expect(results.services.every((s) => s.platform === "tiktok" && s.kind === "likes")).toBe(true);
    expect(results.total).toBe(expected.length);
  });

  it("a platform given with another platform's words still restricts", async () => {
    const results = await shop.knowledge.findProducts({ text: "followers instagram", platform: "twitter", limit: 5 });
    expect(results.services.length).toBeGreaterThan(0);
    expect(results.services.every((s) => s.platform === "twitter")).toBe(true);
    expect(results.services[0]!.kind).toBe("followers");
  });

  it("murah / cheapest puts the cheapest relevant service first, at the database's price", async () => {
    const cheapest = Math.min(
      ...sellable.filter((s) => s.platform === "instagram" && s.kind === "likes").map((s) => s.unitPrice),
    );
    for (const text of ["like ig termurah", "cheapest instagram likes", "likes ig murah"]) {
      const { services } = await shop.knowledge.findProducts({ text, limit: 3 });
      expect(services[0]!.unitPrice, text).toBe(cheapest);
      expect(services.map((s) => s.unitPrice)).toEqual([...services.map((s) => s.unitPrice)].sort((a, b) => a - b));
    }
  });

  // The search the bot runs: the rules' reading of the message, not the message itself.
  const asTheBotSearches = async (text: string, limit = 8) =>
    (await shop.knowledge.findProducts({ ...productQueryFor(readMessage(text).understanding, text), limit })).services;
  const prices = (services: readonly Service[]) => services.map((s) => s.unitPrice);
  const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

  it("every way of asking for the cheapest, as the bot reads it, lists the cheapest first", async () => {
    const igFollowers = sellable.filter((s) => s.platform === "instagram" && s.kind === "followers");
    const cheapest = Math.min(...igFollowers.map((s) => s.unitPrice));
    const phrasings = [
      "followers ig paling murah yg mana kak",
      "followers ig yg murah",
      "termurah followers ig",
      "murah followers instagram",
      "cheap instagram followers",
      "cheapest instagram followers",
      "instagram followers lowest price",
    ];
    for (const text of phrasings) {
      const services = await asTheBotSearches(text);
      expect(services[0]!.unitPrice, text).toBe(cheapest);
      expect(prices(services), text).toEqual(ascending(prices(services)));
    }
  });

  it("a list nobody asked to sort reads by relevance, then price", async () => {
    const all = await asTheBotSearches("mau followers instagram", 50);
    expect(all.length).toBe(sellable.filter((s) => s.platform === "instagram" && s.kind === "followers").length);
    expect(prices(all)).toEqual(ascending(prices(all)));
    // The names with the words asked for first, each group cheapest first.
    const indonesian = await asTheBotSearches("followers ig indonesia", 50);
    const split = indonesian.findIndex((s) => !/indonesia/i.test(s.name));
    expect(split).toBeGreaterThan(0);
    expect(indonesian.slice(split).every((s) => !/indonesia/i.test(s.name))).toBe(true);
    for (const group of [indonesian.slice(0, split), indonesian.slice(split)])
      expect(prices(group)).toEqual(ascending(prices(group)));
  });

  it("counts all services of the platform and kind asked for", async () => {
    const results = await shop.knowledge.findProducts({ text: "followers ig", limit: 3 });
    expect(results.services).toHaveLength(3);
    expect(results.total).toBe(sellable.filter((s) => s.platform === "instagram" && s.kind === "followers").length);
  });

  it("returns only sellable services: custom comments since the bot takes them, never a type it does not know", async () => {
    const { services } = await shop.knowledge.findProducts({ text: "instagram comments", limit: 20 });
    expect(services.every((s) => s.sellable)).toBe(true);
    expect(services.some((s) => s.kind === "comments")).toBe(true);
    const unknown = services.find((s) => s.kind === "comments")!;
    await shop.container.db
      .updateTable("services")
      .set({ type: "Invites from Groups" })
      .where("id", "=", unknown.id)
      .execute();
    try {
      const again = await shop.knowledge.findProducts({ text: "instagram comments", limit: 20 });
      expect(again.services.some((s) => s.id === unknown.id)).toBe(false);
    } finally {
      await shop.container.db
        .updateTable("services")
        .set({ type: unknown.type })
        .where("id", "=", unknown.id)
        .execute();
    }
  });

  it("finds nothing for greetings alone or for something the shop does not sell", async () => {
    for (const text of ["halo kak", "", "netflix premium"])
      expect(await shop.knowledge.findProducts({ text, limit: 3 }), text).toEqual({ services: [], total: 0 });
    const spotify = await shop.knowledge.findProducts({ text: "spotify", limit: 3 });
    expect(spotify.services).toHaveLength(3);
    expect(spotify.services.every((s) => s.platform === "spotify")).toBe(true);
  });
});
