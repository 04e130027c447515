import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ID, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { SimService } from "../../sandbox/smm/sample-catalog.js";
import { runCatalogCommand } from "../../cli/catalog.command.js";
import { nameSimilarity } from "./catalog.twins.js";

/**
 * New services on a schedule: a supplier's list grows between re-syncs. The first supplier's new
 * service goes on sale; a later supplier's waits for review and the admins are told where to look.
 */
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

let kit: ShopKit;
const feed: SimService[] = [
  row(501, "Instagram Followers [Indonesia Aktif]", "Instagram Followers", "10000.00"),
  row(502, "Instagram Likes [Real]", "Instagram Likes", "2345.67"),
];
beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false, smm: { catalog: feed } });
  await kit.container.catalog.importFromProvider(SUPPLIER);
  await kit.container.providers.add({
    name: "panel2",
    kind: "smm-v2",
    url: kit.standIns.smmUrl,
    credentials: { key: kit.sandbox.smm.key },
  });
  await kit.container.catalog.importFromProvider("panel2", "cli", { newServices: "sale" });
});
afterAll(async () => {
  await kit?.close();
});

describe("the scheduled re-sync and new services", () => {
  it("sells the first supplier's new service and holds the later supplier's for review, telling the admins", async () => {
    feed.push(row(503, "TikTok Views [Fast]", "TikTok Views", "150.5"));
    const results = await kit.container.catalogResync.syncAll();
    expect(results.map((r) => [r.provider, r.report?.imported, r.report?.underReview])).toEqual([
      [SUPPLIER, 1, 0],
      ["panel2", 1, 1],
    ]);
    const views = await kit.db
      .selectFrom("services")
      .innerJoin("providers", "providers.id", "services.provider_id")
      .select(["providers.name", "services.active", "services.disabled_reason"])
      .where("services.provider_service_id", "=", "503")
      .orderBy("services.mid")
      .execute();
    expect(views).toEqual([
      { name: SUPPLIER, active: 1, disabled_reason: null },
      { name: "panel2", active: 0, disabled_reason: "review" },
    ]);
    await kit.runJobs();
    expect(kit.sandbox.telegram.messagesIn(ADMIN_ID).map((m) => m.plain)).toContain(
      "🆕 1 layanan baru panel2 disembunyikan untuk ditinjau, agar pelanggan tidak melihat layanan kembar. Buka aplikasi admin → Layanan → Menunggu tinjauan: jual, sembunyikan, atau jadikan cadangan.",
    );
  });
});

describe("the CLI", () => {
  it("imports a supplier's new services for review with --review, and says how many wait", async () => {
    await kit.container.providers.add({
      name: "panel3",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    });
    const lines: string[] = [];
    expect(
      await runCatalogCommand(kit.container, ["import", "panel3", "--review"], {
        log: (l) => lines.push(l),
        error: (l) => lines.push(l),
      }),
    ).toBe(0);
    expect(lines).toContain("  waiting for review (hidden until approved in the admin app): 3");
    const listed: string[] = [];
    await runCatalogCommand(kit.container, ["list", "--provider", "panel3", "--all"], {
      log: (l) => listed.push(l),
      error: (l) => listed.push(l),
    });
    expect(listed.join("\n")).toContain("off: waiting for review");
  });
});

describe("twins", () => {
  it("are the same words up to case and plurals, with the same numbers", () => {
    expect(nameSimilarity("Mobile Legends 86 Diamonds", "MOBILE LEGENDS 86 Diamond")).toBe(1);
    expect(nameSimilarity("Mobile Legends 86 Diamonds", "Mobile Legends 172 Diamonds")).toBe(0);
    expect(nameSimilarity("Instagram Followers [Real Global]", "Instagram Followers Real Global Murah")).toBe(0.8);
    expect(nameSimilarity("Instagram Likes", "TikTok Views")).toBe(0);
  });
});
