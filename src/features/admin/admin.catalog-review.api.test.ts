import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * A second supplier in the admin app, as a shop owner meets it: its import brings the new services
 * in for review (the same 312 services as the first supplier: every one a twin), one tap keeps a
 * twin as the backup of the service already sold, the rest are approved or kept hidden. Then the
 * services list's word search, bulk actions and per-row status, and margins per category, supplier
 * and selection with a preview before saving.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let secondId: number;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)) });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  secondId = (
    await kit.container.providers.add({
      name: "kedua",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    })
  ).id;
});
afterAll(async () => {
  await kit?.close();
});

async function importOf(supplierId: number, body: Record<string, unknown> = {}) {
  const started = await calls.admin().post("/imports", { supplierId, ...body });
  expect(started.status).toBe(202);
  for (let i = 0; i < 500; i++) {
    const answer = await calls.admin().get(`/imports/${started.body.id}`);
    if (answer.body.state !== "running") return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the import never finished");
}
const sold = async () => (await kit.container.catalog.page({ state: "sold" }, { offset: 0, limit: 1 })).total;

describe("searching the services list", () => {
  it("matches every word in any order and case, in the name, category or platform", async () => {
    const literal = await calls.operator().get(`/services?q=${encodeURIComponent("Real Global")}`);
    const words = await calls.operator().get(`/services?q=${encodeURIComponent("followers real global")}`);
    expect(literal.body.total).toBeGreaterThan(0);
    expect(words.body.total).toBeGreaterThan(0);
    expect(words.body.items.map((s: { mid: number }) => s.mid)).toContain(2);
    const shuffled = await calls.operator().get(`/services?q=${encodeURIComponent("GLOBAL instagram REAL followers")}`);
    expect(shuffled.body.items.map((s: { mid: number }) => s.mid)).toContain(2);
    for (const s of shuffled.body.items)
      expect(`${s.name} ${s.category} ${s.platform}`.toLowerCase()).toMatch(/global/);
    expect((await calls.operator().get(`/services?q=${encodeURIComponent("followers zzqx")}`)).body.total).toBe(0);
    expect((await calls.operator().get("/services?q=2")).body.items[0].mid).toBe(2);
  });

  it("shows each row's cost in rupiah, its margin and whether it is for sale", async () => {
    const row = (
      await calls.operator().get(`/services?q=${encodeURIComponent("followers real global")}`)
    ).body.items.find((s: { mid: number }) => s.mid === 2);
    expect(row).toMatchObject({ status: "sale", margin: { percent: expect.any(String), scope: "default" } });
    expect(Number.isInteger(row.unitCost) && row.unitCost > 0 && row.unitCost <= row.unitPrice).toBe(true);
  });
});

describe("importing a second supplier", () => {
  it("brings its new services in for review by default, and says so in the result", async () => {
    expect((await calls.admin().get(`/imports?supplierId=${secondId}`)).body.reviewByDefault).toBe(true);
    // The first supplier's own re-syncs keep going on sale.
    expect(
      (await calls.admin().get(`/imports?supplierId=${(await kit.container.providers.requireByName(SUPPLIER)).id}`))
        .body.reviewByDefault,
    ).toBe(false);
    const done = await importOf(secondId);
    expect(done).toMatchObject({ state: "done", newServices: "review", newServicesChosen: false });
    expect(done.report).toMatchObject({ imported: 312, newServices: "review", underReview: 312 });
    // Customers still see one of each: only the first supplier's 312.
    expect(await sold()).toBe(312);
    const waiting = await calls.operator().get(`/services?state=review&pageSize=5`);
    expect(waiting.body.total).toBe(312);
    expect(waiting.body.items[0]).toMatchObject({ supplier: "kedua", status: "review", active: false });
  });

  it("offers the service already sold as the twin, and keeps the new one as its backup in one tap", async () => {
    const twin = (
      await calls
        .admin()
        .get(
          `/services?supplierId=${secondId}&q=${encodeURIComponent("Instagram Followers [Real Global] [No Refill]")}`,
        )
    ).body.items[0];
    const detail = await calls.admin().get(`/services/${twin.mid}`);
    expect(detail.body.service.status).toBe("review");
    expect(detail.body.twins[0]).toMatchObject({ mid: 2, supplier: SUPPLIER, similarity: 1 });
    const kept = await calls.admin().post(`/services/${twin.mid}/keep-as-backup`, { mainMid: 2 });
    expect(kept.status).toBe(200);
    expect(kept.body.service).toMatchObject({ status: "backup", active: false, disabledReason: "backup" });
    const main = await calls.admin().get("/services/2");
    expect(main.body.backups).toEqual([
      expect.objectContaining({ mid: twin.mid, supplier: "kedua", status: "backup" }),
    ]);
    // Not sold to customers, but fulfilment may still move an order of ID 2 to it.
    expect(await kit.container.catalog.findByMid(twin.mid)).toMatchObject({
      active: false,
      sellable: false,
      usableAsBackup: true,
    });
    expect(await sold()).toBe(312);
    const audit = await kit.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("subject", "in", [`service:${twin.mid}`, "service:2"])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["service.backup_add", "service.backup_only"]);
    expect(audit.every((a) => a.actor === `telegram:${STAFF.admin}`)).toBe(true);
  });

  it("approves one for sale and keeps another hidden; a re-sync keeps every decision", async () => {
    const [a, b, c] = (await calls.admin().get(`/services?state=review&pageSize=3`)).body.items;
    expect((await calls.admin().put(`/services/${a.mid}/enabled`, { enabled: true })).body.service.status).toBe("sale");
    expect((await calls.admin().put(`/services/${b.mid}/enabled`, { enabled: false })).body.service).toMatchObject({
      status: "hidden",
      disabledReason: "admin",
    });
    const again = await importOf(secondId);
    expect(again.report).toMatchObject({ imported: 0, underReview: 0 });
    expect((await kit.container.catalog.findByMid(a.mid))!.active).toBe(true);
    expect((await kit.container.catalog.findByMid(b.mid))!.disabledReason).toBe("admin");
    expect((await kit.container.catalog.findByMid(c.mid))!.disabledReason).toBe("review");
    expect((await calls.admin().get(`/services?state=review&pageSize=1`)).body.total).toBe(309);
  });

  it("puts the new services on sale at once when the admin chooses so", async () => {
    const third = await kit.container.providers.add({
      name: "ketiga",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    });
    const done = await importOf(third.id, { review: false });
    expect(done).toMatchObject({
      newServices: "sale",
      newServicesChosen: true,
      report: { imported: 312, underReview: 0 },
    });
    expect(await sold()).toBe(312 + 1 + 312);
    await kit.container.providers.edit("ketiga", { active: false });
  });
});

describe("bulk actions on the services list", () => {
  it("stops and starts selling several services at once, each audited", async () => {
    const off = await calls.admin().post("/services/bulk", { action: "disable", mids: [3, 4, 5] });
    expect(off.body).toEqual({ changed: [3, 4, 5], refused: [] });
    for (const mid of [3, 4, 5]) expect((await kit.container.catalog.findByMid(mid))!.disabledReason).toBe("admin");
    const on = await calls.admin().post("/services/bulk", { action: "enable", mids: [3, 4, 5] });
    expect(on.body.changed).toEqual([3, 4, 5]);
    const actions = await kit.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject", "=", "service:4")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["service.disable", "service.enable"]);
    expect((await calls.operator().post("/services/bulk", { action: "disable", mids: [3] })).status).toBe(403);
    expect((await calls.admin().post("/services/bulk", { action: "disable", mids: [] })).status).toBe(400);
  });

  it("sets one fixed price on several; a service whose cost is above it is refused with the reason", async () => {
    const [cheap, dear] = [(await kit.container.catalog.findByMid(6))!, (await kit.container.catalog.findByMid(7))!];
    const price = Math.max(cheap.unitCost, 1) + 1;
    const answer = await calls.admin().post("/services/bulk", { action: "price", mids: [6, 7], fixedPrice: price });
    const refusedSeven = dear.unitCost > price;
    expect(answer.body.changed).toEqual(refusedSeven ? [6] : [6, 7]);
    if (refusedSeven)
      expect(answer.body.refused).toEqual([
        { mid: 7, code: "catalog.below_cost", message: expect.stringContaining("below the supplier's cost") },
      ]);
    expect((await kit.container.catalog.findByMid(6))!.unitPrice).toBe(price);
    await calls.admin().post("/services/bulk", { action: "price", mids: [6, 7], fixedPrice: null });
  });
});

describe("margins per category, per supplier and per selection, with a preview", () => {
  it("lists the default, each supplier's and each category's margin", async () => {
    const answer = await calls.operator().get("/pricing/margins");
    expect(answer.status).toBe(200);
    expect(answer.body.default).toMatch(/^\d/);
    expect(answer.body.suppliers).toEqual(expect.arrayContaining([{ id: secondId, name: "kedua", margin: null }]));
    const category = (await kit.container.catalog.findByMid(2))!.category;
    expect(answer.body.categories).toEqual(
      expect.arrayContaining([expect.objectContaining({ category, margin: null, platforms: ["instagram"] })]),
    );
  });

  it("previews a category margin without saving, then saves exactly what it showed", async () => {
    const service = (await kit.container.catalog.findByMid(2))!;
    const target = { scope: "category", category: service.category };
    const before = (await kit.container.catalog.page({ category: service.category }, { offset: 0, limit: 500 }))
      .services;
    const preview = await calls.admin().post("/pricing/margins/preview", { target, margin: "80" });
    expect(preview.status).toBe(200);
    expect(preview.body.changed).toBeGreaterThan(0);
    expect(preview.body.examples.length).toBeGreaterThan(0);
    expect(preview.body.examples.length).toBeLessThanOrEqual(5);
    for (const e of preview.body.examples) expect(e.after).toBeGreaterThan(e.before);
    expect(preview.body.belowCost).toEqual([]);
    // Nothing changed yet.
    expect((await kit.container.catalog.findByMid(2))!.unitPrice).toBe(service.unitPrice);
    expect(await kit.db.selectFrom("audit_log").select("id").where("action", "=", "pricing.margin").execute()).toEqual(
      [],
    );

    const saved = await calls.admin().put("/pricing/margins", { target, margin: "80" });
    expect(saved.status).toBe(200);
    expect(saved.body.repriced).toBe(preview.body.changed);
    expect(
      saved.body.margins.categories.find(
        (c: { category: string }) => c.category.toLowerCase() === service.category.toLowerCase(),
      ).margin,
    ).toBe("80");
    for (const e of preview.body.examples)
      expect((await kit.container.catalog.findByMid(e.mid))!.unitPrice).toBe(e.after);
    const after = (await kit.container.catalog.page({ category: service.category }, { offset: 0, limit: 500 }))
      .services;
    expect(after.filter((s, i) => s.unitPrice !== before[i]!.unitPrice)).toHaveLength(preview.body.changed);
    expect((await calls.admin().get("/services/2")).body.margin).toEqual({ percent: "80", scope: "category" });
  });

  it("warns in the preview about a service that would sell at its cost", async () => {
    const service = (await kit.container.catalog.findByMid(2))!;
    await calls.admin().put("/services/2/price", { fixedPrice: service.unitCost });
    const preview = await calls
      .admin()
      .post("/pricing/margins/preview", { target: { scope: "category", category: service.category }, margin: null });
    expect(preview.body.belowCost).toEqual([
      { mid: 2, name: service.name, price: service.unitCost, cost: service.unitCost },
    ]);
    await calls.admin().put("/services/2/price", { fixedPrice: null });
    const cleared = await calls
      .admin()
      .put("/pricing/margins", { target: { scope: "category", category: service.category }, margin: null });
    expect(cleared.body.repriced).toBeGreaterThan(0);
  });

  it("sets a supplier's margin from the app", async () => {
    const preview = await calls
      .admin()
      .post("/pricing/margins/preview", { target: { scope: "supplier", supplierId: secondId }, margin: "40" });
    expect(preview.body.affected).toBe(312);
    const saved = await calls
      .admin()
      .put("/pricing/margins", { target: { scope: "supplier", supplierId: secondId }, margin: "40" });
    expect(saved.body.margins.suppliers.find((s: { id: number }) => s.id === secondId).margin).toBe("40");
    expect(
      await kit.db
        .selectFrom("audit_log")
        .select(["action", "subject"])
        .where("subject", "=", `provider:${secondId}`)
        .orderBy("id", "desc")
        .limit(1)
        .execute(),
    ).toEqual([{ action: "pricing.margin", subject: `provider:${secondId}` }]);
  });

  it("gives selected services one margin, previewed first", async () => {
    const preview = await calls
      .admin()
      .post("/pricing/margins/preview", { target: { scope: "services", mids: [8, 9] }, margin: "150" });
    expect(preview.body).toMatchObject({ affected: 2, changed: 2 });
    const saved = await calls
      .admin()
      .put("/pricing/margins", { target: { scope: "services", mids: [8, 9] }, margin: "150" });
    expect(saved.body.repriced).toBe(2);
    for (const e of preview.body.examples)
      expect((await kit.container.catalog.findByMid(e.mid))!.unitPrice).toBe(e.after);
    expect((await calls.admin().get("/services/8")).body.margin).toEqual({ percent: "150", scope: "service" });
  });

  it("refuses a bad margin, an unknown supplier and operators", async () => {
    expect(
      (await calls.admin().post("/pricing/margins/preview", { target: { scope: "default" }, margin: "-5" })).status,
    ).toBe(400);
    expect(
      (await calls.admin().put("/pricing/margins", { target: { scope: "supplier", supplierId: 9999 }, margin: "5" }))
        .status,
    ).toBe(404);
    expect((await calls.admin().put("/pricing/margins", { target: { scope: "default" }, margin: null })).status).toBe(
      400,
    );
    expect((await calls.operator().put("/pricing/margins", { target: { scope: "default" }, margin: "5" })).status).toBe(
      403,
    );
  });
});

describe("the cost column", () => {
  it("shows a USD supplier's cost in rupiah next to price and margin, and the supplier's own figure", async () => {
    await kit.container.providers.edit("ketiga", { currency: "USD", rateToIdr: "16250", active: true });
    await kit.container.catalogManagement.repriceAll();
    const row = (
      await calls
        .operator()
        .get(`/services?supplierId=${(await kit.container.providers.requireByName("ketiga")).id}&pageSize=1`)
    ).body.items[0];
    const detail = await calls.operator().get(`/services/${row.mid}`);
    const rate = detail.body.service.costRate as string;
    expect(detail.body.supplierCost).toEqual({ amount: rate, currency: "USD", rateToIdr: "16250" });
    // Exact: the supplier's decimal rate times 16250, rounded up to whole rupiah.
    const [whole, fraction = ""] = rate.split(".");
    const scaled = BigInt(whole! + fraction) * 16250n;
    const scale = 10n ** BigInt(fraction.length);
    expect(row.unitCost).toBe(Number((scaled + scale - 1n) / scale));
    expect(detail.body.service.unitCost).toBe(row.unitCost);
    expect(row.unitPrice).toBeGreaterThanOrEqual(row.unitCost);
    expect(row.margin).toEqual({ percent: expect.any(String), scope: expect.any(String) });
    expect((await calls.operator().get("/services/2")).body.supplierCost).toBeNull();
  });
});
