import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Imports from the admin app over HTTP: started in the background, polled until done, one per
 * supplier at a time. The sandbox's panel lists 312 good services and 6 rows with defects.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let supplierId: number;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)), importCatalog: false });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  supplierId = (await kit.container.providers.requireByName(SUPPLIER)).id;
});
afterAll(async () => {
  await kit?.close();
});

async function pollUntilFinished(id: string) {
  for (let i = 0; i < 500; i++) {
    const answer = await calls.admin().get(`/imports/${id}`);
    expect(answer.status).toBe(200);
    if (answer.body.state !== "running") return answer.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the import never finished");
}

describe("catalog imports from the admin app", () => {
  it("runs an import in the background and reports counts and every skipped row with its reason", async () => {
    const started = await calls.admin().post("/imports", { supplierId });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ provider: SUPPLIER, state: "running", report: null });

    const again = await calls.admin().post("/imports", { supplierId });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: "catalog.import_running",
      message: expect.stringContaining("already running"),
    });

    const done = await pollUntilFinished(started.body.id);
    expect(done).toMatchObject({
      state: "done",
      percent: 100,
      error: null,
      progress: { phase: "done", fetched: 318, skipped: 6, written: 312, total: 312 },
    });
    expect(done.report).toMatchObject({ provider: SUPPLIER, received: 318, imported: 312, updated: 0, removed: 0 });
    expect(done.report.skipped).toHaveLength(6);
    expect(done.report.skipped[0]).toMatchObject({
      row: 313,
      providerServiceId: "9001",
      code: "name_empty",
      reason: expect.any(String),
    });
    expect(
      await kit.db
        .selectFrom("services")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 312 });

    const audit = await kit.db.selectFrom("audit_log").selectAll().where("action", "=", "catalog.import").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: `telegram:${STAFF.admin}`, subject: `provider:${supplierId}` });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ received: 318, imported: 312, skipped: 6 });
  });

  it("re-syncs: a second run finds everything unchanged, and the history lists both runs", async () => {
    const started = await calls.admin().post("/imports", { supplierId });
    const done = await pollUntilFinished(started.body.id);
    expect(done.report).toMatchObject({ received: 318, imported: 0, unchanged: 312 });
    const list = await calls.admin().get(`/imports?supplierId=${supplierId}`);
    expect(list.body.tasks.map((t: { state: string; hasReport: boolean }) => [t.state, t.hasReport])).toEqual([
      ["done", true],
      ["done", true],
    ]);
    expect(list.body.history.map((h: { trigger: string; imported: number }) => [h.trigger, h.imported])).toEqual([
      ["admin", 0],
      ["admin", 312],
    ]);
  });

  it("reports a supplier that cannot be read as a failed import", async () => {
    kit.sandbox.smm.setFault("services", "http500", 1);
    const started = await calls.admin().post("/imports", { supplierId });
    const done = await pollUntilFinished(started.body.id);
    expect(done).toMatchObject({ state: "failed", report: null });
    expect(done.error).not.toBe("");
  });

  it("is for staff who manage the shop: operators are refused", async () => {
    expect((await calls.operator().post("/imports", { supplierId })).status).toBe(403);
    expect((await calls.operator().get("/imports")).status).toBe(403);
  });

  it("answers 404 for an unknown supplier or import, and 400 for a bad body", async () => {
    expect((await calls.admin().post("/imports", { supplierId: 9999 })).status).toBe(404);
    expect((await calls.admin().get("/imports/imp_nothing")).status).toBe(404);
    expect((await calls.admin().post("/imports", { supplierId: "panel" })).status).toBe(400);
  });
});
