import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_ID, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { SimService } from "../../sandbox/smm/sample-catalog.js";
import { AppError, type ErrorCode } from "../../shared/errors.js";
import { parseDecimal } from "../../shared/money.js";
import { parseMargin, priceUnit } from "./catalog.pricing.js";

/**
 * What a shop owner changes by hand (margins, fixed prices, on/off switches, backup suppliers) and
 * what the scheduled re-sync does to it, against the real schema (in-memory SQLite, real
 * migrations) and the supplier simulators over real HTTP.
 *
 * The SMM feed below is imported first, so its shop numbers are fixed:
 *   mid 1 ← 501 Instagram Followers  rate 10000.00 (cost 10,000; 30% → 13,000)
 *   mid 2 ← 502 Instagram Likes      rate 2345.67  (cost  2,346; 30% →  3,100)
 *   mid 3 ← 503 TikTok Views         rate 150.5    (cost    151; 30% →    200)
 *   mid 4 ← 504 Instagram Followers  rate 7777     (cost  7,777; 30% → 10,200)
 * A second SMM supplier "panel2" on the same simulator, when imported, gets mids 5…8 for the same rows.
 */

let kit: ShopKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

const row = (service: number, name: string, category: string, rate: string): SimService => ({
  service,
  name,
  type: "Default",
  category,
  rate,
  min: "100",
  max: "10000",
  refill: false,
  cancel: false,
  dripfeed: false,
});

function sampleFeed(): SimService[] {
  return [
    row(501, "Instagram Followers [Indonesia Aktif]", "Instagram Followers", "10000.00"),
    row(502, "Instagram Likes [Real]", "Instagram Likes", "2345.67"),
    row(503, "TikTok Views [Fast]", "TikTok Views", "150.5"),
    row(504, "Instagram Followers [Murah]", "Instagram Followers", "7777"),
  ];
}

/** A kit whose SMM supplier lists `feed` (kept by reference: mutate it between imports), imported once. */
async function startShop(feed: SimService[] = sampleFeed()): Promise<{ k: ShopKit; feed: SimService[] }> {
  kit = await createShopKit({ importCatalog: false, smm: { catalog: feed } });
  const report = await kit.container.catalog.importFromProvider(SUPPLIER);
  expect(report).toMatchObject({ imported: feed.length, skipped: [] });
  return { k: kit, feed };
}

async function addSecondPanel(k: ShopKit, name = "panel2", importIt = true): Promise<void> {
  await k.container.providers.add({
    name,
    kind: "smm-v2",
    url: k.standIns.smmUrl,
    credentials: { key: k.sandbox.smm.key },
  });
  if (importIt) await k.container.catalog.importFromProvider(name);
}

async function addVip(k: ShopKit): Promise<void> {
  await k.container.providers.add({
    name: "vip",
    kind: "vip-reseller",
    url: `${k.standIns.url}/vip/api`,
    credentials: k.sandbox.credentials.vip,
  });
  await k.container.catalog.importFromProvider("vip");
}

const serviceRows = (k: ShopKit) => k.db.selectFrom("services").selectAll().orderBy("mid").execute();

async function service(k: ShopKit, mid: number) {
  const found = await k.container.catalog.findByMid(mid);
  if (!found) throw new Error(`no service ${mid}`);
  return found;
}

async function midOf(k: ShopKit, providerName: string, providerServiceId: string): Promise<number> {
  const provider = await k.container.providers.requireByName(providerName);
  const found = await k.db
    .selectFrom("services")
    .select("mid")
    .where("provider_id", "=", provider.id)
    .where("provider_service_id", "=", providerServiceId)
    .executeTakeFirstOrThrow();
  return found.mid;
}

async function pricesByMid(k: ShopKit): Promise<Record<number, number>> {
  return Object.fromEntries((await serviceRows(k)).map((r) => [r.mid, r.unit_price]));
}

/** Every service not on a fixed price sells at or above its cost, on a multiple of the step. */
async function expectNeverBelowCost(k: ShopKit, step = 100): Promise<void> {
  for (const r of await serviceRows(k)) {
    if (r.price_override !== null) continue;
    expect(r.unit_price, `mid ${r.mid} price vs cost`).toBeGreaterThanOrEqual(r.unit_cost);
    expect(r.unit_price % step, `mid ${r.mid} on the step`).toBe(0);
  }
}

/** Awaits a call the shop must refuse and returns the AppError it refused with. */
async function refusal(call: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a refusal with ${code}`).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  return caught as AppError;
}

const searchMids = async (k: ShopKit, text: string) =>
  (await k.container.catalog.search(text, 100)).services.map((s) => s.mid).sort((a, b) => a - b);
const adminTexts = (k: ShopKit) => k.sandbox.telegram.messagesIn(ADMIN_ID).map((m) => m.plain);

// --- An independent oracle for prices: exact rationals, rounded up to rupiah, then up to the step. ---

function decimal(text: string): [bigint, bigint] {
  const [whole, fraction = ""] = text.trim().split(".");
  return [BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length)];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a % b === 0n ? a / b : a / b + 1n;
}

function expectedCost(rate: string, rateToIdr = "1"): number {
  const [ru, rd] = decimal(rate);
  const [iu, id] = decimal(rateToIdr);
  return Number(ceilDiv(ru * iu, rd * id));
}

function expectedPrice(rate: string, margin = "30", step = 100, rateToIdr = "1"): number {
  const [ru, rd] = decimal(rate);
  const [iu, id] = decimal(rateToIdr);
  const [mu, md] = decimal(margin);
  const rupiah = ceilDiv(ru * iu * (100n * md + mu), rd * id * 100n * md);
  return Number(ceilDiv(rupiah, BigInt(step)) * BigInt(step));
}

const RATE = { 1: "10000.00", 2: "2345.67", 3: "150.5", 4: "7777" } as const;

describe("margins: the most specific rule wins", () => {
  it("prices the whole shop at the default margin, and changing it reprices everything", async () => {
    const { k } = await startShop();
    expect(await pricesByMid(k)).toEqual({ 1: 13_000, 2: 3_100, 3: 200, 4: 10_200 });

    const report = await k.container.catalogManagement.setMargin({ scope: "default" }, "45.5");
    expect(await k.container.settings.get("pricing.default_margin_percent")).toBe("45.5");
    const expected = {
      1: expectedPrice(RATE[1], "45.5"),
      2: expectedPrice(RATE[2], "45.5"),
      3: expectedPrice(RATE[3], "45.5"),
      4: expectedPrice(RATE[4], "45.5"),
    };
    // 10000 × 1.455 = 14,550 → 14,600; 2345.67 × 1.455 = 3,412.95… → 3,500; 150.5 × 1.455 = 218.9… → 300; 7777 × 1.455 = 11,315.5… → 11,400
    expect(expected).toEqual({ 1: 14_600, 2: 3_500, 3: 300, 4: 11_400 });
    expect(await pricesByMid(k)).toEqual(expected);
    expect(report).toMatchObject({ checked: 4, repriced: 4, disabledBelowCost: 0 });
    expect(report.changes.find((c) => c.mid === 1)).toMatchObject({ before: 13_000, after: 14_600 });
    await expectNeverBelowCost(k);
  });

  it("applies supplier, category, service rules and a fixed price, each overriding the less specific ones", async () => {
    const { k } = await startShop();
    await addSecondPanel(k);
    const m = k.container.catalogManagement;
    const rates: Record<number, string> = { ...RATE, 5: RATE[1], 6: RATE[2], 7: RATE[3], 8: RATE[4] };
    const expectMargins = async (margins: Record<number, string>) => {
      const want = Object.fromEntries(
        Object.entries(margins).map(([mid, margin]) => [Number(mid), expectedPrice(rates[Number(mid)]!, margin)]),
      );
      expect(await pricesByMid(k)).toEqual(want);
      await expectNeverBelowCost(k);
    };
    await expectMargins({ 1: "30", 2: "30", 3: "30", 4: "30", 5: "30", 6: "30", 7: "30", 8: "30" });

    // A supplier rule: only panel2's services (mids 5–8) move; 150.5 × 1.1 still rounds to 200.
    const supplier = await m.setMargin({ scope: "provider", provider: "panel2" }, "10");
    await expectMargins({ 1: "30", 2: "30", 3: "30", 4: "30", 5: "10", 6: "10", 7: "10", 8: "10" });
    expect(await pricesByMid(k)).toMatchObject({ 5: 11_000, 6: 2_600, 7: 200, 8: 8_600 });
    expect(supplier.repriced).toBe(3);
    expect(supplier.changes.map((c) => c.mid).sort()).toEqual([5, 6, 8]);

    // A category rule beats the supplier rule, for every supplier's services in that category.
    await m.setMargin({ scope: "category", category: "Instagram Followers" }, "20");
    await expectMargins({ 1: "20", 2: "30", 3: "30", 4: "20", 5: "20", 6: "10", 7: "10", 8: "20" });

    // A service rule beats the category rule, for that service only.
    await m.setMargin({ scope: "service", mid: 1 }, "5");
    await expectMargins({ 1: "5", 2: "30", 3: "30", 4: "20", 5: "20", 6: "10", 7: "10", 8: "20" });
    expect((await service(k, 1)).unitPrice).toBe(10_500);

    // The default only reaches services no rule covers.
    await m.setMargin({ scope: "default" }, "50");
    await expectMargins({ 1: "5", 2: "50", 3: "50", 4: "20", 5: "20", 6: "10", 7: "10", 8: "20" });

    // A fixed price beats every rule, including a service rule set after it.
    await m.setFixedPrice(4, 9_000);
    await m.setMargin({ scope: "service", mid: 4 }, "100");
    await m.setMargin({ scope: "category", category: "Instagram Followers" }, "70");
    expect(await service(k, 4)).toMatchObject({
      unitPrice: 9_000,
      priceOverride: 9_000,
      unitCost: 7_777,
      active: true,
    });
    expect(await pricesByMid(k)).toMatchObject({
      1: expectedPrice(RATE[1], "5"),
      5: expectedPrice(RATE[1], "70"),
      8: expectedPrice(RATE[4], "70"),
    });

    // A re-import applies the same rules as the manual repricing did.
    const before = await pricesByMid(k);
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ repriced: 0, unchanged: 4 });
    expect(await k.container.catalog.importFromProvider("panel2")).toMatchObject({ repriced: 0, unchanged: 4 });
    expect(await pricesByMid(k)).toEqual(before);
  });

  it("a zero margin sells at cost rounded up to the step, never below it", async () => {
    const { k } = await startShop();
    await k.container.catalogManagement.setMargin({ scope: "default" }, "0");
    expect(await pricesByMid(k)).toEqual({ 1: 10_000, 2: 2_400, 3: 200, 4: 7_800 });
    await expectNeverBelowCost(k);
  });

  it("rounds prices up to the shop's round step when the step changes", async () => {
    const { k } = await startShop();
    await k.container.settings.set("pricing.round_step", 500);
    const reprice = await k.container.catalogManagement.repriceAll();
    // 13,000 is already a multiple of 500; 3,050 → 3,500; 196 → 500; 10,111 → 10,500.
    expect(await pricesByMid(k)).toEqual({ 1: 13_000, 2: 3_500, 3: 500, 4: 10_500 });
    expect(reprice).toMatchObject({ repriced: 3 });
    await expectNeverBelowCost(k, 500);

    // A step of 1 rupiah: the exact price rounded up to whole rupiah, applied by the next import.
    await k.container.settings.set("pricing.round_step", 1);
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(await pricesByMid(k)).toEqual({ 1: 13_000, 2: 3_050, 3: 196, 4: 10_111 });
    expect(report).toMatchObject({ repriced: 3, unchanged: 1 });

    await k.container.settings.set("pricing.round_step", 1_000);
    await k.container.catalogManagement.setMargin({ scope: "category", category: "Instagram Likes" }, "2.5");
    // 2345.67 × 1.025 = 2,404.31… → 2,405 → 3,000
    expect((await service(k, 2)).unitPrice).toBe(3_000);
    expect(await pricesByMid(k)).toEqual({
      1: expectedPrice(RATE[1], "30", 1_000),
      2: 3_000,
      3: 1_000,
      4: expectedPrice(RATE[4], "30", 1_000),
    });
    await expectNeverBelowCost(k, 1_000);
  });

  it("a later margin for the same supplier, category or service replaces the earlier one", async () => {
    const { k } = await startShop();
    const m = k.container.catalogManagement;
    await m.setMargin({ scope: "provider", provider: SUPPLIER }, "10");
    await m.setMargin({ scope: "provider", provider: SUPPLIER }, "40");
    expect(await pricesByMid(k)).toMatchObject({ 2: expectedPrice(RATE[2], "40"), 3: expectedPrice(RATE[3], "40") });

    await m.setMargin({ scope: "category", category: "Instagram Followers" }, "20");
    await m.setMargin({ scope: "category", category: "instagram followers" }, "25");
    expect(await pricesByMid(k)).toMatchObject({ 1: expectedPrice(RATE[1], "25"), 4: expectedPrice(RATE[4], "25") });

    await m.setMargin({ scope: "service", mid: 1 }, "5");
    await m.setMargin({ scope: "service", mid: 1 }, "15");
    expect((await service(k, 1)).unitPrice).toBe(expectedPrice(RATE[1], "15"));

    const rules = await k.db.selectFrom("price_rules").select(["scope", "margin_percent"]).orderBy("id").execute();
    expect(rules).toEqual([
      { scope: "provider", margin_percent: "40" },
      { scope: "category", margin_percent: "25" },
      { scope: "service", margin_percent: "15" },
    ]);
    await expectNeverBelowCost(k);
  });

  it.each(["-5", "abc", "12.34567"])("refuses the margin %j for every scope and changes nothing", async (bad) => {
    const { k } = await startShop();
    const m = k.container.catalogManagement;
    await m.setMargin({ scope: "category", category: "Instagram Likes" }, "12");
    const before = await serviceRows(k);
    const rulesBefore = await k.db.selectFrom("price_rules").selectAll().execute();

    for (const scope of [
      { scope: "default" },
      { scope: "provider", provider: SUPPLIER },
      { scope: "category", category: "Instagram Likes" },
      { scope: "service", mid: 1 },
    ] as const) {
      const error = await refusal(m.setMargin(scope, bad), "catalog.invalid_price");
      expect(error.message).toContain(bad);
    }
    expect(await k.container.settings.get("pricing.default_margin_percent")).toBe("30");
    expect(await k.db.selectFrom("price_rules").selectAll().execute()).toEqual(rulesBefore);
    expect(await serviceRows(k)).toEqual(before);
  });
});

describe("fixed prices", () => {
  it("refuses a fixed price below the supplier's cost and changes nothing", async () => {
    const { k } = await startShop();
    const before = await serviceRows(k);
    const error = await refusal(k.container.catalogManagement.setFixedPrice(1, 9_999), "catalog.below_cost");
    expect(error.message).toMatch(/below the supplier's cost/);
    await refusal(k.container.catalogManagement.setFixedPrice(2, 2_345), "catalog.below_cost"); // cost rounds up to 2,346
    expect(await serviceRows(k)).toEqual(before);
  });

  it.each([0, -100, 1500.5, Number.NaN])("refuses %s as a price", async (price) => {
    const { k } = await startShop();
    const before = await serviceRows(k);
    await refusal(k.container.catalogManagement.setFixedPrice(1, price), "catalog.invalid_price");
    expect(await serviceRows(k)).toEqual(before);
  });

  it("refuses a fixed price for a shop number that does not exist", async () => {
    const { k } = await startShop();
    await refusal(k.container.catalogManagement.setFixedPrice(99, 10_000), "catalog.unknown_mid");
  });

  it("stores a fixed price as given (not rounded), keeps it through re-imports, and drops it on request", async () => {
    const { k, feed } = await startShop();
    const m = k.container.catalogManagement;
    expect(await m.setFixedPrice(1, 12_345)).toMatchObject({
      mid: 1,
      unitPrice: 12_345,
      priceOverride: 12_345,
      active: true,
      sellable: true,
    });
    expect((await k.container.catalog.search("followers instagram")).services.find((s) => s.mid === 1)?.unitPrice).toBe(
      12_345,
    );

    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ unchanged: 4, repriced: 0 });
    expect(await service(k, 1)).toMatchObject({ unitPrice: 12_345, priceOverride: 12_345 });

    // The supplier's cost moves but stays under the fixed price: the price stays, the cost follows.
    feed[0] = { ...feed[0]!, rate: "11000" };
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ updated: 1, repriced: 0, disabledBelowCost: 0 });
    expect(await service(k, 1)).toMatchObject({ unitPrice: 12_345, unitCost: 11_000, active: true });

    // A margin change elsewhere does not touch it either.
    await m.setMargin({ scope: "default" }, "60");
    expect((await service(k, 1)).unitPrice).toBe(12_345);

    expect(await m.setFixedPrice(1, null)).toMatchObject({
      unitPrice: expectedPrice("11000", "60"),
      priceOverride: null,
      active: true,
    });
    expect((await service(k, 1)).unitPrice).toBe(17_600);
  });

  it("accepts a fixed price exactly at cost", async () => {
    const { k } = await startShop();
    expect(await k.container.catalogManagement.setFixedPrice(1, 10_000)).toMatchObject({
      unitPrice: 10_000,
      unitCost: 10_000,
      active: true,
    });
  });
});

describe("never below cost when the supplier's prices change", () => {
  it("reprices a margin-priced service above a raised cost and reports it", async () => {
    const { k, feed } = await startShop();
    feed[0] = { ...feed[0]!, rate: "12000.00" };
    const report = await k.container.catalog.importFromProvider(SUPPLIER);
    expect(report).toMatchObject({ updated: 1, unchanged: 3, repriced: 1, disabledBelowCost: 0 });
    expect(report.changes.repriced).toEqual([
      { mid: 1, name: "Instagram Followers [Indonesia Aktif]", before: 13_000, after: 15_600 },
    ]);
    expect(await service(k, 1)).toMatchObject({ unitCost: 12_000, unitPrice: 15_600, active: true });
    await expectNeverBelowCost(k);
  });

  it("stops selling a fixed-price service whose new cost is above its price, tells the admins, and sells it again when the cost falls", async () => {
    const { k, feed } = await startShop();
    await k.container.catalogManagement.setFixedPrice(2, 3_000);
    expect(await searchMids(k, "likes instagram")).toEqual([2]);

    feed[1] = { ...feed[1]!, rate: "3500" };
    const [result] = await k.container.catalogResync.syncAll();
    expect(result).toMatchObject({ provider: SUPPLIER, report: { disabledBelowCost: 1, repriced: 0 } });
    expect(result!.report!.changes.disabled).toEqual([
      { mid: 2, name: "Instagram Likes [Real]", after: 3_000, cost: 3_500 },
    ]);
    expect(await service(k, 2)).toMatchObject({
      unitPrice: 3_000,
      unitCost: 3_500,
      active: false,
      sellable: false,
      disabledReason: "below_cost",
    });
    expect(await searchMids(k, "likes instagram")).toEqual([]);
    expect((await k.container.checkout.selectService(2)).ok).toBe(false);

    await k.runJobs();
    const texts = adminTexts(k);
    expect(texts).toHaveLength(2);
    expect(texts.filter((t) => t.includes("di bawah modal"))).toEqual([expect.stringContaining("ID 2")]);
    expect(texts.some((t) => t.includes(`Katalog ${SUPPLIER} diperbarui`))).toBe(true);

    // The admin cannot just switch it back on while it would sell at a loss.
    await refusal(k.container.catalogManagement.setEnabled(2, true), "catalog.below_cost");
    expect((await service(k, 2)).active).toBe(false);

    // Nothing new on the next sync: the admins are not told twice.
    const [again] = await k.container.catalogResync.syncAll();
    expect(again!.report).toMatchObject({ disabledBelowCost: 0, unchanged: 4 });
    await k.runJobs();
    expect(adminTexts(k)).toHaveLength(2);

    feed[1] = { ...feed[1]!, rate: "2800" };
    const [fallen] = await k.container.catalogResync.syncAll();
    expect(fallen!.report).toMatchObject({ disabledBelowCost: 0, updated: 1 });
    expect(await service(k, 2)).toMatchObject({
      unitPrice: 3_000,
      unitCost: 2_800,
      active: true,
      sellable: true,
      disabledReason: null,
    });
    expect(await searchMids(k, "likes instagram")).toEqual([2]);
  });

  it("sells a stopped fixed-price service again once the admin raises its price above the new cost", async () => {
    const { k, feed } = await startShop();
    const m = k.container.catalogManagement;
    await m.setFixedPrice(2, 3_000);
    feed[1] = { ...feed[1]!, rate: "3500" };
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ disabledBelowCost: 1 });

    await refusal(m.setFixedPrice(2, 3_400), "catalog.below_cost");
    expect((await service(k, 2)).disabledReason).toBe("below_cost");
    expect(await m.setFixedPrice(2, 4_000)).toMatchObject({
      unitPrice: 4_000,
      active: true,
      sellable: true,
      disabledReason: null,
    });
    expect(await searchMids(k, "likes instagram")).toEqual([2]);
  });

  it("sells a stopped fixed-price service again at its margin price when the fixed price is removed", async () => {
    const { k, feed } = await startShop();
    const m = k.container.catalogManagement;
    await m.setFixedPrice(2, 3_000);
    feed[1] = { ...feed[1]!, rate: "3500" };
    await k.container.catalog.importFromProvider(SUPPLIER);
    expect(await m.setFixedPrice(2, null)).toMatchObject({
      unitPrice: expectedPrice("3500"),
      unitCost: 3_500,
      priceOverride: null,
      active: true,
      disabledReason: null,
    });
    expect(expectedPrice("3500")).toBe(4_600);
  });

  it("priceUnit never prices below cost and always lands on the round step (property)", () => {
    const decimalText = (maxWhole: number, maxDecimals: number) =>
      fc
        .tuple(fc.integer({ min: 0, max: maxWhole }), fc.integer({ min: 0, max: maxDecimals }), fc.nat())
        .map(([whole, decimals, digits]) =>
          decimals === 0 ? String(whole) : `${whole}.${String(digits % 10 ** decimals).padStart(decimals, "0")}`,
        )
        .filter((text) => /[1-9]/.test(text));
    const marginText = fc
      .integer({ min: 0, max: 20_000 })
      .chain((hundredths) =>
        fc.constantFrom(String(hundredths / 100), (hundredths / 100).toFixed(2), String(Math.floor(hundredths / 100))),
      );
    const step = fc.oneof(fc.constantFrom(1, 50, 100, 500, 1_000, 100_000), fc.integer({ min: 1, max: 100_000 }));
    const rateToIdr = fc.oneof(fc.constant("1"), fc.constantFrom("16250", "15875.5", "0.0001"), decimalText(20_000, 4));

    fc.assert(
      fc.property(decimalText(10_000_000, 6), rateToIdr, marginText, step, (rate, toIdr, margin, roundStep) => {
        const pricing = priceUnit({
          costRate: parseDecimal(rate)!,
          rateToIdr: parseDecimal(toIdr)!,
          margin: parseMargin(margin),
          roundStep,
          override: null,
        });
        expect(pricing.unitCost).toBe(expectedCost(rate, toIdr));
        expect(pricing.belowCost).toBe(false);
        expect(pricing.unitPrice).toBeGreaterThanOrEqual(pricing.unitCost);
        expect(pricing.unitPrice % roundStep).toBe(0);
        // The smallest such multiple: one step less would sell under cost × (100 + margin) / 100.
        expect(pricing.unitPrice).toBe(expectedPrice(rate, margin, roundStep, toIdr));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the admin's on/off switch", () => {
  it("stops selling a switched-off service, keeps it off through re-imports, and sells it again when switched on", async () => {
    const { k, feed } = await startShop();
    const m = k.container.catalogManagement;
    expect(await m.setEnabled(1, false)).toMatchObject({ active: false, sellable: false, disabledReason: "admin" });
    expect(await searchMids(k, "followers instagram")).toEqual([4]);
    expect((await k.container.checkout.selectService(1)).ok).toBe(false);

    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ unchanged: 4 });
    expect(await service(k, 1)).toMatchObject({ active: false, disabledReason: "admin" });

    // A supplier price change reprices it but does not switch it back on.
    feed[0] = { ...feed[0]!, rate: "12000" };
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ repriced: 1 });
    expect(await service(k, 1)).toMatchObject({ unitPrice: 15_600, active: false, disabledReason: "admin" });
    await k.container.catalogResync.syncAll();
    expect(await service(k, 1)).toMatchObject({ active: false, disabledReason: "admin" });

    expect(await m.setEnabled(1, true)).toMatchObject({ active: true, sellable: true, disabledReason: null });
    expect(await searchMids(k, "followers instagram")).toEqual([1, 4]);
    expect((await k.container.checkout.selectService(1)).ok).toBe(true);
  });

  it("keeps a switched-off service off when the supplier drops it and lists it again", async () => {
    const { k, feed } = await startShop();
    await k.container.catalogManagement.setEnabled(3, false);
    const views = feed.splice(2, 1)[0]!;
    expect(await k.container.catalog.importFromProvider(SUPPLIER)).toMatchObject({ removed: 1 });
    feed.push(views);
    await k.container.catalog.importFromProvider(SUPPLIER);
    expect(await service(k, 3)).toMatchObject({ removed: false, active: false, disabledReason: "admin" });
  });

  it("refuses to switch on a service the supplier no longer lists", async () => {
    const { k, feed } = await startShop();
    feed.splice(2, 1); // 503 (mid 3) disappears
    await k.container.catalog.importFromProvider(SUPPLIER);
    const error = await refusal(k.container.catalogManagement.setEnabled(3, true), "catalog.not_listed");
    expect(error.message).toContain("3");
    expect(await service(k, 3)).toMatchObject({ removed: true, active: false });
    expect(await searchMids(k, "views tiktok")).toEqual([]);
  });

  it("refuses to switch a shop number that does not exist", async () => {
    const { k } = await startShop();
    await refusal(k.container.catalogManagement.setEnabled(42, false), "catalog.unknown_mid");
  });
});

describe("products the supplier marks unavailable", () => {
  it("imports out-of-stock top-ups without selling them, and sells them once the supplier has stock again", async () => {
    const { k } = await startShop();
    await addVip(k);
    const products = k.sandbox.vip.catalog;
    const empty = products.filter((p) => p.status !== "available").map((p) => p.code);
    expect(empty.length).toBeGreaterThan(0);
    const vipRows = await k.db
      .selectFrom("services")
      .selectAll()
      .where("provider_id", "=", (await k.container.providers.requireByName("vip")).id)
      .execute();
    expect(vipRows).toHaveLength(products.length);

    for (const r of vipRows) {
      const s = await service(k, r.mid);
      if (empty.includes(r.provider_service_id)) {
        expect(s, r.provider_service_id).toMatchObject({
          active: false,
          sellable: false,
          disabledReason: "unavailable",
        });
        expect((await k.container.checkout.selectService(r.mid)).ok).toBe(false);
      } else {
        expect(s, r.provider_service_id).toMatchObject({ active: true, sellable: true, disabledReason: null });
      }
      expect(s.unitPrice).toBeGreaterThanOrEqual(s.unitCost);
    }

    const emptyMl = await midOf(k, "vip", "MLA3688");
    const ml = await k.container.catalog.search("mobile legends", 100);
    expect(ml.total).toBeGreaterThan(0);
    expect(ml.services.map((s) => s.mid)).not.toContain(emptyMl);

    // The owner cannot switch on what the supplier cannot deliver.
    await expect(k.container.catalogManagement.setEnabled(emptyMl, true)).rejects.toMatchObject({
      code: "catalog.not_listed",
    });
    expect(await service(k, emptyMl)).toMatchObject({ active: false, disabledReason: "unavailable" });

    products.find((p) => p.code === "MLA3688")!.status = "available";
    await k.container.catalog.importFromProvider("vip");
    expect(await service(k, emptyMl)).toMatchObject({ active: true, sellable: true, disabledReason: null });
    expect((await k.container.catalog.search("mobile legends", 100)).services.map((s) => s.mid)).toContain(emptyMl);

    // …and stops selling a product that runs out.
    products.find((p) => p.code === "MLA86")!.status = "empty";
    await k.container.catalog.importFromProvider("vip");
    expect(await service(k, await midOf(k, "vip", "MLA86"))).toMatchObject({
      active: false,
      disabledReason: "unavailable",
    });
  });
});

describe("backup suppliers", () => {
  it("links imported services of another supplier in priority order, once each, and removes them", async () => {
    const { k } = await startShop();
    await addSecondPanel(k);
    const m = k.container.catalogManagement;
    const mids = (list: Array<{ mid: number }>) => list.map((s) => s.mid);
    expect(await midOf(k, "panel2", "501")).toBe(5);
    expect(await midOf(k, "panel2", "504")).toBe(8);

    expect(mids(await m.addBackup(1, "panel2", "501"))).toEqual([5]);
    expect(mids(await m.addBackup(1, "panel2", "504"))).toEqual([5, 8]);
    expect(mids(await m.addBackup(1, "panel2", "501"))).toEqual([5, 8]);
    expect(await k.db.selectFrom("service_backups").selectAll().execute()).toHaveLength(2);
    expect(mids(await k.container.catalog.backupsFor((await service(k, 1)).id))).toEqual([5, 8]);

    expect(mids(await m.removeBackup(1, "panel2", "501"))).toEqual([8]);
    expect(mids(await m.backups(1))).toEqual([8]);
    // Added again, it comes last.
    expect(mids(await m.addBackup(1, "panel2", "501"))).toEqual([8, 5]);
    // Other services' backups are their own.
    expect(await m.backups(4)).toEqual([]);
  });

  it("refuses a backup that has not been imported, and says to import the supplier first", async () => {
    const { k } = await startShop();
    await addSecondPanel(k, "panel2", false);
    const m = k.container.catalogManagement;
    const error = await refusal(m.addBackup(1, "panel2", "501"), "catalog.unknown_backup");
    expect(error.message).toMatch(/import panel2 first/);
    await k.container.catalog.importFromProvider("panel2");
    await refusal(m.addBackup(1, "panel2", "9999"), "catalog.unknown_backup");
    expect(await m.backups(1)).toEqual([]);
  });

  it("refuses a backup that sells a different kind of product", async () => {
    const { k } = await startShop();
    await addVip(k);
    const m = k.container.catalogManagement;
    const error = await refusal(m.addBackup(1, "vip", "MLA86"), "catalog.invalid_backup");
    expect(error.message).toMatch(/different kind/);
    await refusal(m.addBackup(await midOf(k, "vip", "MLA86"), SUPPLIER, "501"), "catalog.invalid_backup");
    expect(await m.backups(1)).toEqual([]);
  });

  it("refuses a service as its own backup", async () => {
    const { k } = await startShop();
    const m = k.container.catalogManagement;
    const error = await refusal(m.addBackup(1, SUPPLIER, "501"), "catalog.invalid_backup");
    expect(error.message).toMatch(/own backup/);
    // Another service of the same supplier is fine.
    expect((await m.addBackup(1, SUPPLIER, "504")).map((s) => s.mid)).toEqual([4]);
  });
});

describe("minimum profit per order", () => {
  const quote = async (k: ShopKit, mid: number, quantity: number) => {
    const customer = await k.container.customers.touch({
      telegramId: 100001,
      chatId: 100001,
      username: undefined,
      firstName: "Budi",
      languageCode: "id",
    });
    const result = await k.container.checkout.quote({
      customerId: customer.id,
      mid,
      target: "https://instagram.com/budi.shop",
      quantity,
    });
    if (!result.ok) throw new Error(`quote refused: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  it("charges the listed total when no minimum is set", async () => {
    const { k } = await startShop();
    // mid 1: cost 10,000 and price 13,000 per 1000.
    expect(await quote(k, 1, 100)).toMatchObject({ amount: 1_300, costAmount: 1_000, unitPrice: 13_000 });
  });

  it("raises a small order to cost + the minimum profit and leaves a large order at its listed total", async () => {
    const { k } = await startShop();
    await k.container.settings.set("pricing.min_profit_per_order", 2_000);
    expect(await quote(k, 1, 100)).toMatchObject({ amount: 3_000, costAmount: 1_000 });
    // 700 × 13 = 9,100 listed, 7,000 cost: 2,100 profit is above the minimum.
    expect(await quote(k, 1, 700)).toMatchObject({ amount: 9_100, costAmount: 7_000 });
    expect(await quote(k, 1, 10_000)).toMatchObject({ amount: 130_000, costAmount: 100_000 });
    // The stored quote (what the Pay button charges) carries the raised amount.
    const small = await quote(k, 1, 150);
    expect(await k.container.checkout.findQuote(small.id)).toMatchObject({ amount: 3_500, costAmount: 1_500 });
  });

  it("keeps the minimum profit on a service with a fixed price at cost", async () => {
    const { k } = await startShop();
    await k.container.settings.set("pricing.min_profit_per_order", 2_000);
    await k.container.catalogManagement.setFixedPrice(1, 10_000);
    expect(await quote(k, 1, 10_000)).toMatchObject({ amount: 102_000, costAmount: 100_000 });
  });
});

describe("scheduled re-sync reporting", () => {
  it("bothers nobody when the supplier's catalog has not changed, and records the run", async () => {
    const { k } = await startShop();
    const results = await k.container.catalogResync.syncAll();
    expect(results).toEqual([
      {
        provider: SUPPLIER,
        report: expect.objectContaining({ imported: 0, removed: 0, repriced: 0, disabledBelowCost: 0, unchanged: 4 }),
      },
    ]);
    await k.runJobs();
    expect(adminTexts(k)).toEqual([]);
    const syncs = await k.db.selectFrom("catalog_syncs").selectAll().orderBy("id").execute();
    expect(syncs).toHaveLength(2);
    expect(syncs[0]).toMatchObject({ trigger: "cli", received: 4, imported: 4, unchanged: 0, error: null });
    expect(syncs[1]).toMatchObject({ trigger: "schedule", received: 4, imported: 0, unchanged: 4, error: null });
    for (const s of syncs) expect(s.finished_at).not.toBeNull();
  });

  it("tells the admins about new, removed and repriced services", async () => {
    const { k, feed } = await startShop();
    feed.splice(2, 1);
    feed.push(row(505, "Instagram Followers [Premium]", "Instagram Followers", "12000"));
    feed[0] = { ...feed[0]!, rate: "11000" };
    const [result] = await k.container.catalogResync.syncAll();
    expect(result!.report).toMatchObject({ imported: 1, removed: 1, repriced: 1 });
    await k.runJobs();
    expect(adminTexts(k)).toEqual([
      expect.stringMatching(/Katalog panel diperbarui: 1 baru, 1 dihapus supplier, 1 ganti harga, 0 baris dilewati/),
    ]);
    const last = (await k.container.catalog.recentSyncs(1))[0]!;
    expect(last).toMatchObject({ trigger: "schedule", imported: 1, removed: 1, repriced: 1, error: null });
  });

  it("tells the admins once when a supplier cannot be read, keeps the catalog, and records the error", async () => {
    const { k } = await startShop();
    const before = await serviceRows(k);
    k.sandbox.smm.setFault("services", "http500");
    const results = await k.container.catalogResync.syncAll();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ provider: SUPPLIER, error: expect.any(String) });
    expect(results[0]!.report).toBeUndefined();
    await k.runJobs();
    const texts = adminTexts(k);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("gagal diperbarui");
    expect(texts[0]).toContain(SUPPLIER);
    expect(await serviceRows(k)).toEqual(before);
    expect(await searchMids(k, "followers instagram")).toEqual([1, 4]);

    const last = (await k.container.catalog.recentSyncs(1))[0]!;
    expect(last).toMatchObject({ trigger: "schedule", error: results[0]!.error, imported: 0, unchanged: 0 });
    expect(last.error).not.toBe("");
    expect(last.finished_at).not.toBeNull();

    // Once the supplier answers again, the next run is clean and silent.
    k.sandbox.smm.setFault("services", undefined);
    expect((await k.container.catalogResync.syncAll())[0]).toMatchObject({
      report: expect.objectContaining({ unchanged: 4 }),
    });
    await k.runJobs();
    expect(adminTexts(k)).toHaveLength(1);
  });

  it("skips a supplier the owner switched off", async () => {
    const { k } = await startShop();
    await addSecondPanel(k);
    await k.container.providers.edit("panel2", { active: false });
    const results = await k.container.catalogResync.syncAll();
    expect(results.map((r) => r.provider)).toEqual([SUPPLIER]);
    const panel2 = await k.container.providers.requireByName("panel2");
    expect(
      await k.db.selectFrom("catalog_syncs").select("trigger").where("provider_id", "=", panel2.id).execute(),
    ).toEqual([{ trigger: "cli" }]);
  });
});
