import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../test/kit/shop-kit.js";
import { ensureSandboxSuppliers } from "./sandbox-setup.js";

/**
 * The sandbox's own shop: its three simulators' catalogs, where the VIP Reseller and Digiflazz
 * simulators both sell "Mobile Legends 86 Diamonds". Customers see it once; the other supplier's is
 * its backup. A second start changes nothing.
 */
let kit: ShopKit;
beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false });
  await ensureSandboxSuppliers(kit.container, kit.sandbox, kit.standIns.url, kit.productUrl, kit.logs.logger);
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const sold = async (text: string) =>
  (await kit.container.catalog.page({ text, state: "sold" }, { offset: 0, limit: 50 })).services;

describe("the sandbox's catalog", () => {
  it("sells Mobile Legends 86 Diamonds once, with the other supplier's twin as its backup", async () => {
    const ml86 = await sold("mobile legends 86 diamond");
    expect(ml86.map((s) => s.name)).toEqual(["Mobile Legends 86 Diamonds"]);
    const backups = await kit.container.catalogManagement.backups(ml86[0]!.mid);
    expect(backups).toEqual([
      expect.objectContaining({ name: "MOBILE LEGENDS 86 Diamond", disabledReason: "backup", usableAsBackup: true }),
    ]);
    expect((await kit.container.catalog.page({ state: "review" }, { offset: 0, limit: 1 })).total).toBe(0);
  });

  it("keeps the later suppliers' other products on sale", async () => {
    const digiflazz = await kit.container.providers.requireByName("sandbox-digiflazz");
    const all = await kit.container.catalog.page({ providerId: digiflazz.id }, { offset: 0, limit: 1000 });
    const onSale = all.services.filter((s) => s.active);
    expect(onSale.length).toBeGreaterThan(0);
    expect(
      onSale.length +
        all.services.filter((s) => s.disabledReason === "backup").length +
        all.services.filter((s) => s.disabledReason === "unavailable").length,
    ).toBe(all.total);
  });

  it("keeps its backups and sells nothing twice after a second start", async () => {
    const backups = () =>
      kit.db
        .selectFrom("services")
        .select(["mid", "active"])
        .where("disabled_reason", "=", "backup")
        .orderBy("mid")
        .execute();
    const before = await backups();
    expect(before.length).toBeGreaterThan(0);
    await ensureSandboxSuppliers(kit.container, kit.sandbox, kit.standIns.url, kit.productUrl, kit.logs.logger);
    expect(await backups()).toEqual(before);
    expect((await sold("mobile legends 86 diamond")).map((s) => s.name)).toEqual(["Mobile Legends 86 Diamonds"]);
    expect((await kit.container.catalog.page({ state: "review" }, { offset: 0, limit: 1 })).total).toBe(0);
  });

  it("turns an older sandbox's second Mobile Legends 86 Diamonds (sold twice) into the backup on the next start", async () => {
    const [ml86] = await sold("mobile legends 86 diamond");
    const [twin] = await kit.container.catalogManagement.backups(ml86!.mid);
    // As a sandbox set up before this fix left it: both sold, no backup.
    await kit.container.catalogManagement.removeBackup(ml86!.mid, "sandbox-digiflazz", twin!.providerServiceId);
    await kit.container.catalogManagement.setEnabled(twin!.mid, true);
    expect((await sold("mobile legends 86 diamond")).map((s) => s.mid)).toEqual([ml86!.mid, twin!.mid]);
    await ensureSandboxSuppliers(kit.container, kit.sandbox, kit.standIns.url, kit.productUrl, kit.logs.logger);
    expect((await sold("mobile legends 86 diamond")).map((s) => s.mid)).toEqual([ml86!.mid]);
    expect((await kit.container.catalogManagement.backups(ml86!.mid)).map((b) => b.mid)).toEqual([twin!.mid]);
  });
});
