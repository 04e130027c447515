import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { AppError } from "../../shared/errors.js";
import { generateSampleCatalog } from "../../sandbox/smm/sample-catalog.js";
import { createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { ImportProgress } from "./catalog.service.js";

/**
 * What the admin app adds to the catalog: import progress, one import per supplier at a time, the
 * paged admin list, an admin's own name and description that re-syncs keep, manual fulfilment, and
 * an audit entry for each change. Real SQLite, the sandbox's SMM panel with 1,200 services.
 */

let kit: ShopKit;
beforeAll(async () => {
  kit = await createShopKit({
    clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)),
    importCatalog: false,
    smm: { catalog: generateSampleCatalog(1_200) },
  });
});
afterAll(async () => {
  await kit?.close();
});

const audit = (subject: string) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", subject).orderBy("id").execute();

describe("importing with progress", () => {
  it("reports fetching, checking and writing, with rows written climbing to the total", async () => {
    const seen: ImportProgress[] = [];
    const report = await kit.container.catalog.importFromProvider(SUPPLIER, "admin", {
      onProgress: (p) => void seen.push(p),
    });
    expect(report.imported).toBe(1_200);
    expect(seen.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase)).toEqual([
      "fetching",
      "validating",
      "writing",
    ]);
    const writing = seen.filter((p) => p.phase === "writing");
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.every((p, i) => i === 0 || p.written >= writing[i - 1]!.written)).toBe(true);
    expect(writing.at(-1)).toEqual({
      phase: "writing",
      fetched: 1_200,
      validated: 1_200,
      skipped: 0,
      written: 1_200,
      total: 1_200,
    });
  });

  it("says an import of a supplier is running while it runs, so the admin app can refuse a second", async () => {
    const { catalog } = kit.container;
    const supplierId = (await kit.container.providers.requireByName(SUPPLIER)).id;
    expect(catalog.importRunningSince(supplierId)).toBeUndefined();
    const running = catalog.importFromProvider(SUPPLIER, "admin");
    // The import registers once it has read its supplier: on SQLite within this turn, over a PostgreSQL connection a few turns later.
    for (let turn = 0; turn < 1_000 && catalog.importRunningSince(supplierId) === undefined; turn++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(catalog.importRunningSince(supplierId)).toBe(kit.container.clock.now());
    expect((await running).unchanged).toBe(1_200);
    expect(catalog.importRunningSince(supplierId)).toBeUndefined();
  });
});

describe("the admin's service list", () => {
  it("pages and filters in the database", async () => {
    const { catalog } = kit.container;
    const first = await catalog.page({}, { offset: 0, limit: 20 });
    expect(first.total).toBe(1_200);
    expect(first.services.map((s) => s.mid)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await catalog.page({}, { offset: 1_180, limit: 20 })).services.at(-1)!.mid).toBe(1_200);
    const tiktok = await catalog.page({ platform: "tiktok", text: "views" }, { offset: 0, limit: 5 });
    expect(tiktok.total).toBeGreaterThan(5);
    expect(tiktok.services.every((s) => s.platform === "tiktok" && /views/i.test(`${s.name} ${s.category}`))).toBe(
      true,
    );
    expect((await catalog.page({ text: "7" }, { offset: 0, limit: 50 })).services.some((s) => s.mid === 7)).toBe(true);
    expect((await catalog.page({ text: "100%_" }, { offset: 0, limit: 5 })).total).toBe(0); // LIKE wildcards are taken literally
    await kit.container.catalogManagement.setEnabled(3, false);
    expect((await catalog.page({ state: "off" }, { offset: 0, limit: 5 })).services.map((s) => s.mid)).toEqual([3]);
    expect((await catalog.page({ state: "sold" }, { offset: 0, limit: 5 })).total).toBe(1_199);
    await kit.container.catalogManagement.setEnabled(3, true);
  });
});

describe("an admin's own name and description", () => {
  it("are kept by a re-sync, and given back to the supplier's when cleared", async () => {
    const manage = kit.container.catalogManagement;
    const supplierName = (await kit.container.catalog.findByMid(5))!.name;
    const renamed = await manage.setDetails(
      5,
      { name: "  Followers   Instagram Indonesia  ", description: "Akun aktif, garansi 30 hari." },
      "telegram:1",
    );
    expect(renamed).toMatchObject({
      name: "Followers Instagram Indonesia",
      description: "Akun aktif, garansi 30 hari.",
      nameOverridden: true,
      descriptionOverridden: true,
    });
    await kit.container.catalog.importFromProvider(SUPPLIER, "schedule");
    expect(await kit.container.catalog.findByMid(5)).toMatchObject({
      name: "Followers Instagram Indonesia",
      description: "Akun aktif, garansi 30 hari.",
    });

    await manage.setDetails(5, { name: null }, "telegram:1");
    await kit.container.catalog.importFromProvider(SUPPLIER, "schedule");
    expect(await kit.container.catalog.findByMid(5)).toMatchObject({
      name: supplierName,
      nameOverridden: false,
      description: "Akun aktif, garansi 30 hari.",
    });

    const entries = (await audit("service:5")).filter((a) => a.action === "service.details");
    expect(entries.map((a) => JSON.parse(a.after!))).toEqual([
      { name: "Followers Instagram Indonesia", description: "Akun aktif, garansi 30 hari." },
      { name: null },
    ]);
  });

  it("refuses an empty name", async () => {
    await expect(kit.container.catalogManagement.setDetails(5, { name: "   " })).rejects.toBeInstanceOf(AppError);
  });
});

describe("manual fulfilment, prices and selling, audited", () => {
  it("switches a service to manual and back", async () => {
    const manage = kit.container.catalogManagement;
    expect((await manage.setMode(6, "manual", "telegram:1")).mode).toBe("manual");
    expect((await manage.setMode(6, "auto", "telegram:1")).mode).toBe("auto");
    expect((await audit("service:6")).map((a) => [a.action, a.after])).toEqual([
      ["service.mode", JSON.stringify({ mode: "manual" })],
      ["service.mode", JSON.stringify({ mode: "auto" })],
    ]);
  });

  it("audits a fixed price, a service margin and its removal, with the actor", async () => {
    const manage = kit.container.catalogManagement;
    const service = (await kit.container.catalog.findByMid(8))!;
    await manage.setFixedPrice(8, service.unitCost + 1_000, "telegram:2");
    await manage.setFixedPrice(8, null, "telegram:2");
    await manage.setMargin({ scope: "service", mid: 8 }, "40", "telegram:2");
    await manage.clearMargin({ scope: "service", mid: 8 }, "telegram:2");
    const entries = await audit("service:8");
    expect(entries.map((a) => [a.actor, a.action])).toEqual([
      ["telegram:2", "service.price"],
      ["telegram:2", "service.price"],
      ["telegram:2", "pricing.margin"],
      ["telegram:2", "pricing.margin"],
    ]);
    expect(JSON.parse(entries[2]!.after!)).toEqual({ marginPercent: "40" });
    expect(JSON.parse(entries[3]!.after!)).toEqual({ marginPercent: null });
    expect((await kit.container.catalog.findByMid(8))!.unitPrice).toBe(service.unitPrice);
  });
});
