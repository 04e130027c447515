import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { ADMIN_ID, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";
import { createManualClock } from "../../infra/clock/clock.js";
import { AppError } from "../../shared/errors.js";

/**
 * A supplier's currency on the real parts: SQLite with the migrations, the SMM simulator over HTTP
 * pricing in USD (as its `balance` says), the scheduled re-sync, admin alerts through the outbox to
 * the Telegram emulator, and the quote-time guard through the real chat.
 */

/** ceil(rate × rupiahPerUnit × quantity / unit), in bigints, apart from the product's code. */
function exactRupiah(rate: string, rupiahPerUnit: string, quantity = 1000, unit = 1000): number {
  const parse = (t: string) => {
    const [w, f = ""] = t.split(".");
    return { units: BigInt(`${w}${f}`), scale: f.length };
  };
  const a = parse(rate);
  const b = parse(rupiahPerUnit);
  const denominator = 10n ** BigInt(a.scale + b.scale) * BigInt(unit);
  return Number((a.units * b.units * BigInt(quantity) + denominator - 1n) / denominator);
}

let kit: ShopKit;
const clock = createManualClock(Date.UTC(2026, 11, 7, 3, 0, 0));
const adminTexts = async () => {
  await kit.runJobs();
  return kit.sandbox.telegram
    .messagesIn(ADMIN_ID)
    .filter((m) => m.from === "bot")
    .map((m) => m.plain);
};
const supplier = () => kit.container.providers.requireByName(SUPPLIER);
const sellableOfSupplier = async () => (await kit.container.catalog.list({})).filter((s) => s.providerId);

beforeAll(async () => {
  // The kit adds the panel exactly as the README does (no currency flags); this panel bills in USD.
  kit = await createShopKit({ clock, smm: { currency: "USD" }, importCatalog: false });
});
afterAll(async () => {
  await kit?.close();
});

describe("a USD panel added without currency flags", () => {
  it("takes USD from the panel's own answer, holds it for want of a rate, and alerts the admins once", async () => {
    expect(await supplier()).toMatchObject({
      currency: "USD",
      rateToIdr: "",
      currencyCheck: { problem: "no_rate", reported: "USD" },
    });
    const texts = await adminTexts();
    expect(texts.filter((t) => t.includes(SUPPLIER) && t.includes("belum punya kurs ke rupiah"))).toHaveLength(1);
  });

  it("imports and re-syncs price nothing; the re-sync does not alert again", async () => {
    const error = await kit.container.catalog.importFromProvider(SUPPLIER).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("providers.currency");
    const before = (await adminTexts()).length;
    const results = await kit.container.catalogResync.syncAll();
    await kit.container.catalogResync.syncAll();
    expect(results[0]!.error).toContain("has no rate to rupiah");
    expect(await kit.db.selectFrom("services").select("id").execute()).toEqual([]);
    expect((await adminTexts()).length).toBe(before);
    const syncs = await kit.container.catalog.recentSyncsOf((await supplier()).id);
    expect(syncs.every((s) => s.error?.includes("has no rate to rupiah"))).toBe(true);
  });

  it("a rate set in the app lets the next re-sync price every service exactly, rounded up, never below cost", async () => {
    await kit.container.providers.edit(SUPPLIER, { rateToIdr: "16250.5" }, "telegram:1");
    expect((await supplier()).currencyCheck.problem).toBeNull();
    expect((await adminTexts()).some((t) => t.includes(`${SUPPLIER} memakai USD sesuai laporannya`))).toBe(true);

    const [result] = await kit.container.catalogResync.syncAll();
    expect(result!.report!.imported).toBeGreaterThan(300);
    const rows = await kit.db
      .selectFrom("services")
      .select(["cost_rate", "unit_cost", "unit_price", "unit_size"])
      .execute();
    expect(rows.some((r) => r.cost_rate.includes("."))).toBe(true);
    for (const row of rows) {
      expect(row.unit_cost).toBe(exactRupiah(row.cost_rate, "16250.5", row.unit_size, row.unit_size));
      expect(row.unit_price).toBeGreaterThanOrEqual(row.unit_cost);
    }
    expect((await kit.container.catalog.search("followers instagram")).services.length).toBeGreaterThan(0);
  });
});

describe("the panel changes its account currency", () => {
  it("the re-sync holds every service with a reason, updates no price, and alerts once", async () => {
    const pricesBefore = await kit.db
      .selectFrom("services")
      .select(["id", "unit_price", "unit_cost"])
      .orderBy("id")
      .execute();
    kit.sandbox.smm.setCurrency("EUR");
    await kit.container.catalogResync.syncAll();
    await kit.container.catalogResync.syncAll();
    expect((await supplier()).currencyCheck).toMatchObject({ problem: "mismatch", reported: "EUR" });
    expect((await supplier()).currencyCheck.message).toContain("--currency EUR --rate <rupiah per 1 EUR>");
    expect(
      await kit.db.selectFrom("services").select(["id", "unit_price", "unit_cost"]).orderBy("id").execute(),
    ).toEqual(pricesBefore);
    expect((await kit.container.catalog.search("followers instagram")).services).toEqual([]);
    const all = await kit.container.catalog.list({ includeInactive: true });
    expect(
      new Set(
        all.map((s) =>
          [s.active, s.disabledReason === "supplier_currency" || s.disabledReason === "unavailable"].join(),
        ),
      ),
    ).toEqual(new Set(["false,true"]));
    expect(await sellableOfSupplier()).toEqual([]);
    const alerts = (await adminTexts()).filter((t) => t.includes("melaporkan harganya dalam EUR"));
    expect(alerts).toHaveLength(1);
  });

  it("once the panel reports USD again, the next re-sync prices and sells again", async () => {
    kit.sandbox.smm.setCurrency("USD");
    const [result] = await kit.container.catalogResync.syncAll();
    expect(result!.error).toBeUndefined();
    expect((await supplier()).currencyCheck.problem).toBeNull();
    expect((await kit.container.catalog.search("followers instagram")).services.length).toBeGreaterThan(0);
  });
});

describe("the last guard at quote time", () => {
  const target = "https://instagram.com/budi_guard";
  let customerId = 0;

  it("refuses a quote whose price no longer covers today's cost plus the minimum profit, politely, and alerts once an hour", async () => {
    await kit.container.settings.set("pricing.min_profit_per_order", 500);
    const service = (await kit.container.catalog.search("followers instagram")).services[0]!;
    customerId = (
      await kit.container.customers.touch({
        telegramId: 555001,
        chatId: 555001,
        username: undefined,
        firstName: "Budi",
        languageCode: "id",
      })
    ).id;
    const ok = await kit.container.checkout.quote({ customerId, mid: service.mid, target, quantity: 1000 });
    expect(ok.ok).toBe(true);

    // The rupiah weakens; the admin updates the rate but has not re-synced: stored prices are stale.
    await kit.container.providers.edit(SUPPLIER, { rateToIdr: "32501" }, "telegram:1");
    const customer = kit.customer(555002);
    const replies = await customer.say(`ID ${service.mid} ${target} 1000`);
    const text = replies.map((m) => m.plain).join("\n");
    expect(text).toContain(`harga ID ${service.mid} sedang diperbarui`);
    expect(text).toContain("Belum ada biaya yang ditagih");
    expect(kit.sandbox.midtrans.transactions.size).toBe(0);
    await customer.say(`ID ${service.mid} ${target} 1000`);
    kit.sandbox.telegram.addUser({ id: 555003, first_name: "Alex", username: "alex", language_code: "en" });
    const english = (await kit.customer(555003).say(`ID ${service.mid} ${target} 1000`)).map((m) => m.plain).join("\n");
    expect(english).toContain(`Sorry, the price of ID ${service.mid} is being updated right now`);
    expect(english).toContain("Nothing has been charged.");
    const alerts = (await adminTexts()).filter(
      (t) => t.includes(`ID ${service.mid}`) && t.includes("tidak lagi menutup biaya supplier"),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(
      `Rp${"\u00a0"}${new Intl.NumberFormat("id-ID").format(exactRupiah(service.costRate, "32501"))}`,
    );

    clock.advance(61 * 60_000);
    await customer.say(`ID ${service.mid} ${target} 1000`);
    expect(
      (await adminTexts()).filter(
        (t) => t.includes(`ID ${service.mid}`) && t.includes("tidak lagi menutup biaya supplier"),
      ),
    ).toHaveLength(2);
  });

  it("a fixed price set by hand is held to the same rule", async () => {
    const service = (await kit.container.catalog.search("followers instagram")).services[1]!;
    await kit.container.catalogManagement.setFixedPrice(service.mid, service.unitCost + 1);
    const result = await kit.container.checkout.quote({ customerId, mid: service.mid, target, quantity: 1000 });
    expect(result).toEqual({ ok: false, error: { code: "price_outdated", mid: service.mid } });
  });

  it("after a re-sync at the new rate the same quote goes through", async () => {
    await kit.container.catalogResync.syncAll();
    const service = (await kit.container.catalog.search("followers instagram")).services[0]!;
    const result = await kit.container.checkout.quote({ customerId, mid: service.mid, target, quantity: 1000 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.amount).toBeGreaterThanOrEqual(exactRupiah(service.costRate, "32501") + 500);
  });
});

describe("the admin API", () => {
  it("adds a panel without a currency as the panel reports it, with the warning field, and clears it when the rate is set", async () => {
    await adminClient(kit).addStaff();
    const calls = adminCalls(kit);
    kit.sandbox.smm.setCurrency("USD");
    const added = await calls.admin().post("/suppliers", {
      name: "App USD",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    });
    expect(added.status).toBe(201);
    expect(added.body.supplier).toMatchObject({
      currency: "USD",
      rateToIdr: "",
      currencyCheck: { problem: "no_rate", reported: "USD" },
    });
    expect(added.body.supplier.currencyCheck.message).toContain("App USD prices in USD and has no rate to rupiah");

    const mismatch = await calls.admin().post("/suppliers", {
      name: "App IDR",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      currency: "IDR",
      credentials: { key: kit.sandbox.smm.key },
    });
    expect(mismatch.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(mismatch.body)).toContain("App IDR reports its prices in USD, not IDR");

    const rated = await calls.admin().patch(`/suppliers/${added.body.supplier.id}`, { rateToIdr: "16250" });
    expect(rated.body.supplier.currencyCheck).toMatchObject({ problem: null, message: null });
    const shown = await calls.admin().get(`/suppliers/${added.body.supplier.id}`);
    expect(shown.body.supplier).toMatchObject({
      currency: "USD",
      rateToIdr: "16250",
      currencyCheck: { problem: null, reported: "USD" },
    });
  });
});
