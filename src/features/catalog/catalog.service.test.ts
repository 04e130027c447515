import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { startSandboxServer } from "../../../test/kit/sandbox-server.js";
import { createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { SimService } from "../../sandbox/smm/sample-catalog.js";
import { ProviderCallError } from "../providers/provider.types.js";

/**
 * Catalog import and search against the real schema (in-memory SQLite, real migrations) and the
 * SMM panel simulator over real HTTP. The default sample catalog has 312 valid services (ids 1001…1312,
 * one round of 39 product lines × 8 variants) followed by six junk rows.
 */

let kit: ShopKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

async function startKit(catalog?: SimService[], currency?: string): Promise<ShopKit> {
  kit = await createShopKit({
    importCatalog: false,
    ...(catalog ? { smm: { catalog, ...(currency ? { currency } : {}) } } : {}),
  });
  return kit;
}

const serviceRows = (k: ShopKit) => k.db.selectFrom("services").selectAll().orderBy("mid").execute();

/** The mid of a supplier's service, looked up in the database. */
async function midOf(k: ShopKit, providerServiceId: string, providerName = SUPPLIER): Promise<number> {
  const provider = await k.container.providers.requireByName(providerName);
  const row = await k.db
    .selectFrom("services")
    .select("mid")
    .where("provider_id", "=", provider.id)
    .where("provider_service_id", "=", providerServiceId)
    .executeTakeFirstOrThrow();
  return row.mid;
}

/**
 * An independent oracle for the sell price: rate × rateToIdr × (100 + margin) / 100, exact, rounded up
 * to whole rupiah and then up to a multiple of 100.
 */
function expectedPrice(rate: string, rateToIdr = "1", marginPercent = 30n): number {
  const [rateUnits, rateScale] = decimal(rate);
  const [idrUnits, idrScale] = decimal(rateToIdr);
  const numerator = rateUnits * idrUnits * (100n + marginPercent);
  const denominator = 10n ** BigInt(rateScale + idrScale) * 100n;
  const rupiah = ceilDiv(numerator, denominator);
  return Number(ceilDiv(rupiah, 100n) * 100n);
}

function expectedCost(rate: string, rateToIdr = "1"): number {
  const [rateUnits, rateScale] = decimal(rate);
  const [idrUnits, idrScale] = decimal(rateToIdr);
  return Number(ceilDiv(rateUnits * idrUnits, 10n ** BigInt(rateScale + idrScale)));
}

function decimal(text: string): [bigint, number] {
  const [whole, fraction = ""] = text.split(".");
  return [BigInt(`${whole}${fraction}`), fraction.length];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a % b === 0n ? a / b : a / b + 1n;
}

/** A small supplier feed in the panel's wire shape; tests mutate it between imports. */
function igFollowers(service: number, label: string, rate: string): SimService {
  return {
    service,
    name: `Instagram Followers ${label}`,
    type: "Default",
    category: "Instagram Followers",
    rate,
    min: "100",
    max: "10000",
    refill: false,
    cancel: true,
    dripfeed: false,
  };
}

describe("importing the supplier's catalog", () => {
  it("imports every valid row and reports the counts", async () => {
    const k = await startKit();
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({
      provider: SUPPLIER,
      received: 318,
      imported: 312,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(await serviceRows(k)).toHaveLength(312);
  });

  it("skips each of the six junk rows with its own reason and row number", async () => {
    const k = await startKit();
    const { skipped } = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(skipped.map(({ row, code, providerServiceId }) => ({ row, code, providerServiceId }))).toEqual([
      { row: 313, code: "name_empty", providerServiceId: "9001" },
      { row: 314, code: "min_above_max", providerServiceId: "9002" },
      { row: 315, code: "rate_invalid", providerServiceId: "9003" },
      { row: 316, code: "min_invalid", providerServiceId: "9004" },
      { row: 317, code: "missing_id", providerServiceId: undefined },
      { row: 318, code: "duplicate_id", providerServiceId: "1001" },
    ]);
    for (const row of skipped) expect(row.reason.length).toBeGreaterThan(5);
    expect(skipped.find((s) => s.code === "duplicate_id")!.reason).toContain("row 1");
    // None of them reached the shop; the first row with id 1001 is the one kept.
    const rows = await serviceRows(k);
    expect(rows.some((r) => ["9001", "9002", "9003", "9004"].includes(r.provider_service_id))).toBe(false);
    expect(rows.filter((r) => r.provider_service_id === "1001").map((r) => r.name)).toEqual([
      "Instagram Followers [Indonesia Aktif] [Refill 30 Hari]",
    ]);
  });

  it("numbers services 1..N in the supplier's order on the first import", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    const rows = await serviceRows(k);
    expect(rows.map((r) => r.mid)).toEqual(Array.from({ length: 312 }, (_, i) => i + 1));
    expect(rows.map((r) => r.provider_service_id)).toEqual(Array.from({ length: 312 }, (_, i) => String(1001 + i)));
  });

  it("keeps every shop number on a re-import and reports every service as unchanged", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    const before = new Map((await serviceRows(k)).map((r) => [r.provider_service_id, r.mid]));
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ received: 318, imported: 0, updated: 0, unchanged: 312, removed: 0 });
    expect(report.skipped).toHaveLength(6);
    const after = new Map((await serviceRows(k)).map((r) => [r.provider_service_id, r.mid]));
    expect(after).toEqual(before);
  });

  it("runs two imports started at the same time one after the other: no duplicates, no renumbering", async () => {
    const k = await startKit();
    const reports = await Promise.all([
      k.container.catalog.importFromProvider(SUPPLIER),
      k.container.catalog.importFromProvider(SUPPLIER),
    ]);
    expect(reports.map((r) => r.imported).sort()).toEqual([0, 312]);
    expect(reports.map((r) => r.unchanged).sort()).toEqual([0, 312]);
    const rows = await serviceRows(k);
    expect(rows.map((r) => r.mid)).toEqual(Array.from({ length: 312 }, (_, i) => i + 1));
  });

  it("changes nothing when the supplier cannot be read (5xx, maintenance page, wrong key)", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    const before = await serviceRows(k);

    k.sandbox.smm.setFault("services", "http500", 1);
    await expect(k.container.catalog.importFromProvider(SUPPLIER)).rejects.toMatchObject({
      name: "ProviderCallError",
      reason: "unavailable",
    });
    k.sandbox.smm.setFault("services", "garbage", 1);
    await expect(k.container.catalog.importFromProvider(SUPPLIER)).rejects.toMatchObject({ reason: "bad_response" });
    await k.container.providers.edit(SUPPLIER, { credentials: { key: "not-the-key" } });
    const refused = await k.container.catalog.importFromProvider(SUPPLIER).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderCallError);
    expect(refused).toMatchObject({ reason: "rejected", errorClass: "auth" });

    expect(await serviceRows(k)).toEqual(before);
    // 8 variants, the Package one included: every service type is sold (issue 11).
    expect((await k.container.catalog.search("followers instagram")).total).toBe(8);
  });

  it("keeps the supplier's details: type, limits, refill/cancel flags and the rate as sent", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    const first = await k.db.selectFrom("services").selectAll().where("mid", "=", 1).executeTakeFirstOrThrow();
    expect(first).toMatchObject({
      provider_service_id: "1001",
      platform: "instagram",
      kind: "followers",
      type: "Default",
      min_quantity: 100,
      max_quantity: 50_000,
      cost_rate: "19800.00",
      refill: 1,
      cancel: 1,
      dripfeed: 0,
      active: 1,
      removed_at: null,
    });
    const premium = await k.container.catalog.findByMid(8);
    expect(premium).toMatchObject({
      name: "Instagram Followers [Premium] [Lifetime Refill]",
      type: "Package",
      active: true,
      sellable: true,
    });
  });
});

describe("prices", () => {
  it("sells at cost + 30% rounded up to a multiple of 100 rupiah (service 1001: 19,800 → 25,800)", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    expect(await k.container.catalog.findByMid(1)).toMatchObject({ unitCost: 19_800, unitPrice: 25_800 });
  });

  it("prices every imported service from its exact rate, never below cost", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    for (const row of await serviceRows(k)) {
      expect(row.unit_cost, `cost of ${row.provider_service_id}`).toBe(expectedCost(row.cost_rate));
      expect(row.unit_price, `price of ${row.provider_service_id}`).toBe(expectedPrice(row.cost_rate));
      expect(row.unit_price % 100).toBe(0);
      expect(row.unit_price).toBeGreaterThanOrEqual(row.unit_cost);
    }
  });

  it("rounds a fractional rate up, and a tiny rate still costs at least one price step", async () => {
    const k = await startKit([
      igFollowers(1, "[A]", "1000.01"),
      igFollowers(2, "[B]", "0.05"),
      igFollowers(3, "[C]", "10000"),
    ]);
    await k.container.catalog.importFromProvider(SUPPLIER);
    // 1000.01 × 1.3 = 1300.013 → 1301 → 1400; cost rounds up to 1001.
    expect(await k.container.catalog.findByMid(1)).toMatchObject({ unitCost: 1001, unitPrice: 1400 });
    expect(await k.container.catalog.findByMid(2)).toMatchObject({ unitCost: 1, unitPrice: 100 });
    // Exactly on a step: 13,000, not 13,100.
    expect(await k.container.catalog.findByMid(3)).toMatchObject({ unitCost: 10_000, unitPrice: 13_000 });
  });

  it("prices a USD supplier in rupiah using its rate to IDR", async () => {
    // The panel bills in USD and says so in its balance answer (as the supplier's answer decides).
    const k = await startKit(
      [
        igFollowers(11, "[USD HQ]", "0.90"),
        igFollowers(12, "[USD Bot]", "0.0123"),
        igFollowers(13, "[USD Real]", "2.5"),
      ],
      "USD",
    );
    await k.container.providers.add({
      name: "usd-panel",
      kind: "smm-v2",
      url: k.standIns.smmUrl,
      credentials: { key: k.sandbox.smm.key },
      currency: "USD",
      rateToIdr: "16250",
    });
    const report = await k.container.catalog.importFromProvider("usd-panel");
    expect(report).toMatchObject({ imported: 3, skipped: [] });
    // 0.90 × 16250 = 14,625 → × 1.3 = 19,012.5 → 19,100
    expect(await k.container.catalog.findByMid(1)).toMatchObject({
      providerServiceId: "11",
      unitCost: 14_625,
      unitPrice: 19_100,
    });
    // 0.0123 × 16250 = 199.875 → cost 200; × 1.3 = 259.8375 → 300
    expect(await k.container.catalog.findByMid(2)).toMatchObject({ unitCost: 200, unitPrice: 300 });
    // 2.5 × 16250 = 40,625 → × 1.3 = 52,812.5 → 52,900
    expect(await k.container.catalog.findByMid(3)).toMatchObject({ unitCost: 40_625, unitPrice: 52_900 });
    const row = await k.db.selectFrom("services").selectAll().where("mid", "=", 2).executeTakeFirstOrThrow();
    expect(row.cost_rate).toBe("0.0123");
    expect(row.unit_price).toBe(expectedPrice("0.0123", "16250"));
  });

  it("gives a second supplier's services the shop numbers after the first supplier's", async () => {
    const k = await startKit([igFollowers(11, "[A]", "0.90"), igFollowers(12, "[B]", "1.20")]);
    // A second panel with the same list that bills in USD (and says so).
    const usd = await startSandboxServer({
      smm: { catalog: [igFollowers(11, "[A]", "0.90"), igFollowers(12, "[B]", "1.20")], currency: "USD" },
    });
    onTestFinished(() => usd.close());
    await k.container.providers.add({
      name: "usd-panel",
      kind: "smm-v2",
      url: usd.smmUrl,
      credentials: { key: usd.sandbox.smm.key },
      currency: "USD",
      rateToIdr: "16250",
    });
    await k.container.catalog.importFromProvider(SUPPLIER);
    await k.container.catalog.importFromProvider("usd-panel");
    expect(await midOf(k, "11")).toBe(1);
    expect(await midOf(k, "12")).toBe(2);
    expect(await midOf(k, "11", "usd-panel")).toBe(3);
    expect(await midOf(k, "12", "usd-panel")).toBe(4);
    // Same supplier rate, different currency: the IDR panel sells at 100, the USD panel at 19,100.
    expect((await k.container.catalog.findByMid(1))!.unitPrice).toBe(100);
    expect((await k.container.catalog.findByMid(3))!.unitPrice).toBe(19_100);
  });

  it("reprices every service with the same numbers when the shop's margin changes", async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    await k.container.settings.set("pricing.default_margin_percent", "50");
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ imported: 0, removed: 0 });
    // Only services whose rounded price moves count as updated; none is added or renumbered.
    expect(report.updated + report.unchanged).toBe(312);
    expect(report.updated).toBeGreaterThan(300);
    for (const row of await serviceRows(k)) expect(row.unit_price).toBe(expectedPrice(row.cost_rate, "1", 50n));
    expect(await k.container.catalog.findByMid(1)).toMatchObject({ providerServiceId: "1001", unitPrice: 29_700 });
  });
});

describe("when the supplier's feed changes between imports", () => {
  // mids after the first import: 501 → 1, 502 → 2, 503 → 3.
  let feed: SimService[];
  const setUp = async () => {
    feed = [
      igFollowers(501, "[Indonesia Aktif]", "10000.00"),
      igFollowers(502, "[Murah]", "5000.00"),
      igFollowers(503, "[HQ]", "8000.00"),
    ];
    const k = await startKit(feed);
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({
      imported: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    return k;
  };
  const searchMids = async (k: ShopKit) =>
    (await k.container.catalog.search("followers instagram")).services.map((s) => s.mid).sort((a, b) => a - b);

  it("reports a repriced service as updated and keeps its shop number", async () => {
    const k = await setUp();
    feed[1] = { ...feed[1]!, rate: "6000.00" };
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 2, removed: 0 });
    expect(await k.container.catalog.findByMid(2)).toMatchObject({
      providerServiceId: "502",
      unitCost: 6_000,
      unitPrice: 7_800,
      active: true,
    });
  });

  it("reports a renamed service as updated with the same shop number", async () => {
    const k = await setUp();
    feed[0] = { ...feed[0]!, name: "Instagram Followers [Indonesia Aktif] [Refill 60 Hari]" };
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({
      imported: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await k.container.catalog.findByMid(1))!.name).toBe(
      "Instagram Followers [Indonesia Aktif] [Refill 60 Hari]",
    );
  });

  it("gives a new service the next shop number", async () => {
    const k = await setUp();
    feed.push(igFollowers(504, "[Premium]", "12000.00"));
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({
      imported: 1,
      updated: 0,
      unchanged: 3,
      removed: 0,
    });
    expect(await midOf(k, "504")).toBe(4);
    expect(await searchMids(k)).toEqual([1, 2, 3, 4]);
  });

  it("deactivates a service the supplier stops listing, and search no longer suggests it", async () => {
    const k = await setUp();
    feed.splice(2, 1); // 503 (mid 3) disappears
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 2,
      removed: 1,
    });
    expect(await k.container.catalog.findByMid(3)).toMatchObject({
      providerServiceId: "503",
      active: false,
      sellable: false,
    });
    expect(await searchMids(k)).toEqual([1, 2]);
    // Removing it again on the next import does not count it twice.
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ removed: 0, unchanged: 2 });
  });

  it("leaves the catalog as it is when the supplier lists nothing valid (a panel in maintenance)", async () => {
    const k = await setUp();
    feed.splice(0, feed.length);
    await expect(k.container.catalog.importFromProvider(SUPPLIER)).rejects.toThrow(
      /listed no valid services.*left unchanged/,
    );
    expect(await searchMids(k)).toEqual([1, 2, 3]);
  });

  it("revives a service that comes back on a later import, with its old shop number", async () => {
    const k = await setUp();
    const hq = feed.splice(2, 1)[0]!;
    await k.container.catalog.importFromProvider(SUPPLIER);
    feed.push(hq);
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ imported: 0, updated: 1, unchanged: 2, removed: 0 });
    expect(await k.container.catalog.findByMid(3)).toMatchObject({
      providerServiceId: "503",
      active: true,
      sellable: true,
    });
    expect(await midOf(k, "503")).toBe(3);
    expect(await searchMids(k)).toEqual([1, 2, 3]);
    const row = await k.db.selectFrom("services").selectAll().where("mid", "=", 3).executeTakeFirstOrThrow();
    expect(row.removed_at).toBeNull();
  });

  it("never reuses the shop number of a removed service for a new one", async () => {
    const k = await setUp();
    feed.push(igFollowers(504, "[Premium]", "12000.00"));
    await k.container.catalog.importFromProvider(SUPPLIER); // 504 → mid 4
    feed.pop(); // 504 (the highest number) disappears...
    feed.push(igFollowers(505, "[Fast]", "7000.00")); // ...and a new service arrives at the same import
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({
      imported: 1,
      removed: 1,
      unchanged: 3,
    });
    expect(await midOf(k, "505")).toBe(5);
    expect(await k.container.catalog.findByMid(4)).toMatchObject({ providerServiceId: "504", active: false });
  });

  it("treats a row that turns invalid as no longer listed", async () => {
    const k = await setUp();
    feed[2] = { ...feed[2]!, min: "20000" }; // min above max
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ removed: 1, unchanged: 2 });
    expect(report.skipped).toEqual([
      expect.objectContaining({ row: 3, providerServiceId: "503", code: "min_above_max" }),
    ]);
    expect(await searchMids(k)).toEqual([1, 2]);
  });
});

describe("search", () => {
  const importDefault = async () => {
    const k = await startKit();
    await k.container.catalog.importFromProvider(SUPPLIER);
    return k;
  };

  it("answers 'followers instagram' with Instagram followers services only, cheapest first", async () => {
    const k = await importDefault();
    const result = await k.container.catalog.search("followers instagram");
    expect(result.query).toMatchObject({ platform: "instagram", kind: "followers" });
    // 8 Instagram Followers variants in the sample, one of them a Package (sold too since issue 11).
    expect(result.total).toBe(8);
    expect(result.services).toHaveLength(8);
    for (const s of result.services)
      expect(s).toMatchObject({ platform: "instagram", kind: "followers", sellable: true });
    expect(result.services.map((s) => s.type).sort()).toEqual([...Array(7).fill("Default"), "Package"]);
    for (const s of result.services) expect(s.name).toMatch(/^Instagram Followers /);
    const prices = result.services.map((s) => s.unitPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(result.services[0]!.name).toBe("Instagram Followers [Bot] [Super Murah]");
  });

  it("shows at most 8 services but reports the total", async () => {
    const k = await importDefault();
    const result = await k.container.catalog.search("followers");
    expect(result.services).toHaveLength(8);
    // Instagram, TikTok, Twitter, Spotify and Shopee "Followers" (8 each, their Package included) + Facebook Page Followers.
    expect(result.total).toBe(48);
    const prices = result.services.map((s) => s.unitPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const everything = await k.container.catalog.search("followers", 100);
    expect(everything.services).toHaveLength(48);
    expect(everything.services.slice(0, 8).map((s) => s.mid)).toEqual(result.services.map((s) => s.mid));
    expect(Math.max(...result.services.map((s) => s.unitPrice))).toBeLessThanOrEqual(
      Math.min(...everything.services.slice(8).map((s) => s.unitPrice)),
    );
  });

  it("ranks services whose names match the customer's extra words first ('indonesia')", async () => {
    const k = await importDefault();
    const result = await k.container.catalog.search("mau followers instagram indonesia dong");
    expect(result.query.keywords).toEqual(["indonesia"]);
    expect(result.total).toBe(8);
    const names = result.services.map((s) => s.name);
    expect(names.slice(0, 2).every((n) => n.includes("Indonesia"))).toBe(true);
    expect(names.slice(2).some((n) => n.includes("Indonesia"))).toBe(false);
    // Within each group, still cheapest first.
    const [a, b] = result.services;
    expect(a!.unitPrice).toBeLessThanOrEqual(b!.unitPrice);
  });

  it("finds services by a descriptive word alone when no platform or kind is named", async () => {
    const k = await importDefault();
    const result = await k.container.catalog.search("indonesia");
    expect(result.total).toBeGreaterThan(8);
    for (const s of result.services) expect(s.name.toLowerCase()).toContain("indonesia");
  });

  it.each(["halo apa kabar", "mau beli dong", "asdfgh qwerty", ""])(
    "suggests nothing for words the catalog does not know: %j",
    async (text) => {
      const k = await importDefault();
      expect(await k.container.catalog.search(text)).toMatchObject({ services: [], total: 0 });
    },
  );

  it("suggests Custom Comments services, which the bot takes (the customer sends the comments)", async () => {
    const k = await importDefault();
    const comments = await k.db.selectFrom("services").selectAll().where("type", "=", "Custom Comments").execute();
    expect(comments.length).toBe(8);
    expect(await k.container.catalog.search("komentar instagram")).toMatchObject({ total: 8 });
    const cheap = await k.container.catalog.search("instagram comments murah");
    expect(cheap.services.every((s) => s.type === "Custom Comments")).toBe(true);
    expect(cheap.services[0]!.name).toContain("Murah");
  });

  it("suggests Package services, which the bot takes without asking a quantity", async () => {
    const k = await importDefault();
    const packages = await k.db.selectFrom("services").select("mid").where("type", "=", "Package").execute();
    expect(packages).toHaveLength(5);
    const packageMids = new Set(packages.map((p) => p.mid));
    for (const text of ["followers instagram premium lifetime", "followers", "premium", "tiktok followers"]) {
      const all = await k.container.catalog.search(text, 1000);
      expect(all.services.length, text).toBeGreaterThan(0);
      expect(
        all.services.some((s) => packageMids.has(s.mid)),
        text,
      ).toBe(true);
    }
  });

  it("does not suggest the services of a supplier that is turned off", async () => {
    const k = await importDefault();
    await k.container.providers.add({
      name: "backup",
      kind: "smm-v2",
      url: k.standIns.smmUrl,
      credentials: { key: k.sandbox.smm.key },
    });
    await k.container.catalog.importFromProvider("backup");
    const panel = await k.container.providers.requireByName(SUPPLIER);
    const backup = await k.container.providers.requireByName("backup");
    expect((await k.container.catalog.search("followers instagram")).total).toBe(16);

    await k.container.providers.edit(SUPPLIER, { active: false });
    const result = await k.container.catalog.search("followers instagram", 100);
    expect(result.total).toBe(8);
    expect(result.services.every((s) => s.providerId === backup.id)).toBe(true);
    expect(await k.container.catalog.findByMid(1)).toMatchObject({
      providerId: panel.id,
      active: false,
      sellable: false,
    });

    await k.container.providers.edit("backup", { active: false });
    expect(await k.container.catalog.search("followers instagram")).toMatchObject({ services: [], total: 0 });
  });
});
