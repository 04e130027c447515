import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/** The dashboard area over HTTP with signed initData; the numbers themselves: admin.stats.service.test.ts. */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)), importCatalog: false });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  // A supplier nobody answers for (nothing listens on port 1): its balance fails on its own.
  await kit.container.providers.add({
    name: "dead",
    kind: "smm-v2",
    url: "http://127.0.0.1:1/api/v2",
    credentials: { key: "dead-key" },
  });
});
afterAll(async () => {
  await kit?.close();
});

describe("the dashboard", () => {
  it("shows every role with view the three windows and a 30-day series", async () => {
    for (const role of ["owner", "admin", "operator"] as const) {
      const answer = await calls.as(role).get("/dashboard");
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body.windows)).toEqual(["today", "d7", "d30"]);
      expect(answer.body.windows.today).toMatchObject({
        revenue: 0,
        profit: 0,
        paidOrders: 0,
        byStatus: {},
        topByRevenue: [],
      });
      expect(answer.body.daily).toHaveLength(30);
    }
  });

  it("answers nobody outside the staff", async () => {
    expect((await calls.as(555_001).get("/dashboard")).status).toBe(403);
    expect((await calls.as(555_001).get("/dashboard/balances")).status).toBe(403);
  });

  it("shows each supplier's balance, and a supplier that fails as failed without failing the others", async () => {
    const answer = await calls.operator().get("/dashboard/balances");
    expect(answer.status).toBe(200);
    const byName = Object.fromEntries(answer.body.suppliers.map((s: { name: string }) => [s.name, s]));
    expect(byName.panel).toMatchObject({ ok: true, balance: { balance: "25000000.00000", currency: "IDR" } });
    expect(byName.dead).toMatchObject({ ok: false, balance: null });
    expect(byName.dead.message).not.toBe("");
    expect(JSON.stringify(answer.body)).not.toContain("dead-key");
  });

  it("bounds a supplier that hangs by the timeout instead of waiting for it", async () => {
    kit.sandbox.smm.setFault("balance", "hang", 1);
    const started = Date.now();
    const answer = await calls.operator().get("/dashboard/balances");
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(answer.body.suppliers.find((s: { name: string }) => s.name === "panel")).toMatchObject({ ok: false });
    kit.sandbox.smm.setFault("balance", undefined);
  });
});
