import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The services area over HTTP with signed initData, on the sandbox panel's 312 imported services
 * (sample mid 2: "Instagram Followers [Real Global] [No Refill]"). A second supplier on the same
 * simulator ("cadangan") provides backups.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)) });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
});
afterAll(async () => {
  await kit?.close();
});

const lastAudit = async (subject: string) =>
  (
    await kit.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject", "=", subject)
      .orderBy("id", "desc")
      .limit(1)
      .execute()
  )[0];

describe("finding services", () => {
  it("pages through every service, 20 at a time by default, with prices as stored", async () => {
    const first = await calls.operator().get("/services");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 312, page: 0, pageSize: 20 });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[1]).toMatchObject({
      mid: 2,
      supplier: "panel",
      unitSize: 1000,
      active: true,
      fixedPrice: null,
      mode: "auto",
    });
    expect(Number.isInteger(first.body.items[1].unitPrice)).toBe(true);
    const last = await calls.operator().get("/services?page=15");
    expect(last.body.items.map((s: { mid: number }) => s.mid)).toEqual(Array.from({ length: 12 }, (_, i) => 301 + i));
  });

  it("filters by text, platform, category, supplier and whether it is sold", async () => {
    const followers = await calls.operator().get("/services?q=followers&platform=instagram&pageSize=100");
    expect(followers.body.total).toBeGreaterThan(0);
    expect(
      followers.body.items.every(
        (s: { name: string; platform: string }) => s.platform === "instagram" && /followers/i.test(s.name),
      ),
    ).toBe(true);
    const category = await calls.operator().get("/services?category=TikTok%20Likes");
    expect(category.body.items.every((s: { category: string }) => s.category === "TikTok Likes")).toBe(true);
    expect((await calls.operator().get("/services?q=2")).body.items.some((s: { mid: number }) => s.mid === 2)).toBe(
      true,
    );
    expect((await calls.operator().get("/services?state=off")).body.total).toBe(0);
    expect((await calls.operator().get("/services?supplierId=9999")).body.total).toBe(0);
    expect((await calls.operator().get("/services?pageSize=500")).status).toBe(400);
  });

  it("lists platforms with their categories for the filters", async () => {
    const facets = await calls.operator().get("/services/facets");
    const instagram = facets.body.platforms.find((p: { platform: string }) => p.platform === "instagram");
    expect(instagram.count).toBeGreaterThan(0);
    expect(instagram.categories.map((c: { category: string }) => c.category)).toContain("Instagram Followers");
    expect(facets.body.suppliers).toEqual([{ id: expect.any(Number), name: "panel" }]);
  });

  it("shows one service with its margin and where the margin comes from", async () => {
    const answer = await calls.operator().get("/services/2");
    expect(answer.body.service).toMatchObject({ mid: 2, supplier: "panel", active: true });
    expect(answer.body.margin).toEqual({ percent: expect.any(String), scope: "default" });
    expect(answer.body.backups).toEqual([]);
    expect((await calls.operator().get("/services/99999")).status).toBe(404);
  });
});

describe("changing a service", () => {
  it("is refused to operators", async () => {
    const refused = [
      await calls.operator().patch("/services/2", { name: "x" }),
      await calls.operator().put("/services/2/price", { fixedPrice: 99_000 }),
      await calls.operator().put("/services/2/margin", { margin: "50" }),
      await calls.operator().put("/services/2/enabled", { enabled: false }),
      await calls.operator().post("/services/2/backups", { backupMid: 3 }),
      await calls.operator().delete("/services/2/backups/3"),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it("refuses a fixed price below the supplier's cost, with the catalog's own message", async () => {
    const { service } = (await calls.admin().get("/services/2")).body;
    const answer = await calls.admin().put("/services/2/price", { fixedPrice: service.unitCost - 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("catalog.below_cost");
    expect(answer.body.error.message).toContain("below the supplier's cost");
    expect((await calls.admin().put("/services/2/price", { fixedPrice: 12_000.5 })).status).toBe(400);
  });

  it("sets a fixed price and goes back to the margin", async () => {
    const before = (await calls.admin().get("/services/2")).body.service;
    const fixed = await calls.admin().put("/services/2/price", { fixedPrice: before.unitCost + 5_000 });
    expect(fixed.status).toBe(200);
    expect(fixed.body.service).toMatchObject({
      unitPrice: before.unitCost + 5_000,
      priceOverride: before.unitCost + 5_000,
    });
    const back = await calls.admin().put("/services/2/price", { fixedPrice: null });
    expect(back.body.service).toMatchObject({ unitPrice: before.unitPrice, priceOverride: null });
    expect(await lastAudit("service:2")).toMatchObject({ actor: `telegram:${STAFF.admin}`, action: "service.price" });
  });

  it("sets a margin for the service and removes it again", async () => {
    const before = (await calls.admin().get("/services/2")).body;
    const answer = await calls.admin().put("/services/2/margin", { margin: "100" });
    expect(answer.body.margin).toEqual({ percent: "100", scope: "service" });
    expect(answer.body.service.unitPrice).toBeGreaterThanOrEqual(2 * answer.body.service.unitCost);
    expect((await calls.admin().put("/services/2/margin", { margin: "-5" })).status).toBe(400);
    const cleared = await calls.admin().put("/services/2/margin", { margin: null });
    expect(cleared.body.margin.scope).toBe("default");
    expect(cleared.body.service.unitPrice).toBe(before.service.unitPrice);
  });

  it("stops selling a service and sells it again", async () => {
    const off = await calls.admin().put("/services/2/enabled", { enabled: false });
    expect(off.body.service).toMatchObject({ active: false, disabledReason: "admin" });
    expect((await calls.operator().get("/services?state=off")).body.items.map((s: { mid: number }) => s.mid)).toEqual([
      2,
    ]);
    const on = await calls.admin().put("/services/2/enabled", { enabled: true });
    expect(on.body.service).toMatchObject({ active: true, disabledReason: null });
    expect(await lastAudit("service:2")).toMatchObject({ action: "service.enable" });
  });

  it("renames it, rewrites its description and switches it to manual fulfilment", async () => {
    const answer = await calls
      .admin()
      .patch("/services/2", { name: "Followers IG Global", description: "Tanpa garansi.", mode: "manual" });
    expect(answer.status).toBe(200);
    expect(answer.body.service).toMatchObject({
      name: "Followers IG Global",
      description: "Tanpa garansi.",
      nameOverridden: true,
      mode: "manual",
    });
    expect((await calls.admin().patch("/services/2", {})).status).toBe(400);
    expect((await calls.admin().patch("/services/2", { name: "" })).status).toBe(400);
    await calls.admin().patch("/services/2", { name: null, description: null, mode: "auto" });
  });

  it("adds a backup supplier's service and removes it", async () => {
    await kit.container.providers.add({
      name: "cadangan",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    });
    await kit.container.catalog.importFromProvider("cadangan");
    const backup = (
      await calls
        .admin()
        .get(
          "/services?supplierId=" +
            (await kit.container.providers.requireByName("cadangan")).id +
            "&q=" +
            encodeURIComponent("Instagram Followers [Real Global]"),
        )
    ).body.items[0];
    const added = await calls.admin().post("/services/2/backups", { backupMid: backup.mid });
    expect(added.status).toBe(200);
    expect(added.body.backups).toEqual([expect.objectContaining({ mid: backup.mid, supplier: "cadangan" })]);
    expect((await calls.admin().post("/services/2/backups", { backupMid: 2 })).status).toBe(400); // its own backup
    const removed = await calls.admin().delete(`/services/2/backups/${backup.mid}`);
    expect(removed.body.backups).toEqual([]);
    expect(await lastAudit("service:2")).toMatchObject({ action: "service.backup_remove" });
  });
});
