import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * A twin kept as a backup (not sold itself, after an import for review): customers never see it,
 * yet a refused order of the service it backs up moves to it instead of being refunded.
 */
let kit: ShopKit;
let twinMid: number;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.now()) });
  await kit.container.providers.add({
    name: "kedua",
    kind: "smm-v2",
    url: kit.standIns.smmUrl,
    credentials: { key: kit.sandbox.smm.key },
  });
  await kit.container.catalog.importFromProvider("kedua", "cli", { newServices: "review" });
  const [twin] = (
    await kit.container.catalog.page(
      { state: "review", text: "Instagram Followers [Real Global] [No Refill]" },
      { offset: 0, limit: 1 },
    )
  ).services;
  twinMid = twin!.mid;
  expect((await kit.container.catalogManagement.twins(twinMid))[0]!.mid).toBe(2);
  await kit.container.catalogManagement.keepAsBackup(twinMid, 2);
});
afterAll(async () => {
  await kit?.close();
});

describe("a service kept as a backup only", () => {
  it("is not offered to customers", async () => {
    const found = await kit.container.catalog.search("followers instagram real global", 50);
    expect(found.services.map((s) => s.mid)).toContain(2);
    expect(found.services.map((s) => s.mid)).not.toContain(twinMid);
  });

  it("takes a refused order of the service it backs up", async () => {
    await kit.container.providers.edit("panel", { credentials: { key: "revoked-key" } });
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id);
    await kit.runJobs();
    const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      status: "processing",
      failovers: 1,
      supplier_service_id: (await kit.container.catalog.findByMid(twinMid))!.id,
    });
  });
});
