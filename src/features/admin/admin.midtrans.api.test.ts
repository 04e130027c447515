import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The Midtrans keys over HTTP with signed initData, against the sandbox's Midtrans simulator (which
 * checks the server key like Midtrans does): masked keys and where they come from, keys saved in
 * the app winning over MIDTRANS_*, a blank field keeping the stored key, the connection test, owners
 * reading a key back (audited), and no switch of keys under open QRIS invoices.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let serverKey: string;
beforeAll(async () => {
  kit = await createShopKit();
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  serverKey = kit.sandbox.midtrans.serverKey;
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const auditActions = async () =>
  (
    await kit.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject", "=", "gateway:midtrans")
      .orderBy("id")
      .execute()
  ).map((e) => e.action);

describe("Midtrans keys in the admin app", () => {
  it("shows the keys from the environment masked, never in full, and no reveal for admins", async () => {
    const answer = await calls.admin().get("/settings/midtrans");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      source: "env",
      environment: "sandbox",
      apiHost: new URL(kit.standIns.url).host,
      keys: [
        { field: "serverKey", set: true, masked: "••••••••" },
        { field: "clientKey", set: false, masked: null },
      ],
      openInvoices: 0,
      lastTest: null,
      canReveal: false,
    });
    expect(JSON.stringify(answer.body)).not.toContain(serverKey);
    expect((await calls.owner().get("/settings/midtrans")).body.canReveal).toBe(true);
  });

  it("tests the connection: Midtrans knows the key, with the latency, kept until the keys change", async () => {
    const answer = await calls.admin().post("/settings/midtrans/test");
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({ ok: true, outcome: "valid", message: "Midtrans accepted the key" });
    expect(answer.body.result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.body.keys.lastTest).toEqual(answer.body.result);
    expect((await calls.admin().get("/settings/midtrans")).body.lastTest).toEqual(answer.body.result);
  });

  it("saves keys in the app over the environment's; a wrong key fails the test with Midtrans' 401", async () => {
    const wrong = await calls
      .admin()
      .put("/settings/midtrans", { environment: "sandbox", serverKey: "SB-Mid-server-notthekey123" });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({
      source: "app",
      environment: "sandbox",
      lastTest: null,
      updatedBy: "telegram:900101",
    });
    const test = await calls.admin().post("/settings/midtrans/test");
    expect(test.body.result).toMatchObject({
      ok: false,
      outcome: "wrong_key",
      message: "Midtrans refused the key for sandbox (401)",
    });

    const right = await calls
      .admin()
      .put("/settings/midtrans", { environment: "sandbox", serverKey: ` ${serverKey} `, clientKey: "" });
    expect(right.body.keys).toEqual([
      { field: "serverKey", set: true, masked: "••••••••" },
      { field: "clientKey", set: false, masked: null },
    ]);
    expect((await calls.admin().post("/settings/midtrans/test")).body.result).toMatchObject({
      ok: true,
      outcome: "valid",
    });
  });

  it("keeps the stored server key when its field is left empty, and adds the client key", async () => {
    const answer = await calls
      .admin()
      .put("/settings/midtrans", { environment: "sandbox", serverKey: "", clientKey: "SB-Mid-client-abcdef12" });
    expect(answer.status).toBe(200);
    expect(answer.body.keys.map((k: { set: boolean }) => k.set)).toEqual([true, true]);
    expect((await calls.admin().post("/settings/midtrans/test")).body.result.outcome).toBe("valid");
    expect(await kit.container.midtrans.serverKey()).toBe(serverKey);
  });

  it("refuses keys it cannot use and says why", async () => {
    const cases: Array<[body: unknown, status: number, message: string]> = [
      [{ environment: "staging", serverKey }, 400, 'environment: environment is "sandbox" or "production"'],
      [{ serverKey }, 400, 'environment: environment is "sandbox" or "production"'],
      [{ environment: "sandbox", serverKey: "short" }, 400, "serverKey: a Midtrans key is longer than that"],
      [{ environment: "sandbox", serverKey: "SB-Mid server-abc" }, 400, "serverKey: a Midtrans key has no spaces"],
      [
        { environment: "production", serverKey: "SB-Mid-server-123456789" },
        400,
        "that is a sandbox key (it starts with SB-); production needs the production server key",
      ],
      [{ environment: "production" }, 400, "enter the production server key: sandbox and production keys differ"],
    ];
    for (const [body, status, message] of cases) {
      const answer = await calls.admin().put("/settings/midtrans", body);
      expect([answer.status, answer.body.error?.message], JSON.stringify(body)).toEqual([status, message]);
    }
    expect((await calls.admin().get("/settings/midtrans")).body.environment).toBe("sandbox");
  });

  it("lets an owner read a key back, audited without the key; admins cannot", async () => {
    expect((await calls.admin().post("/settings/midtrans/reveal/serverKey")).status).toBe(403);
    const answer = await calls.owner().post("/settings/midtrans/reveal/serverKey");
    expect([answer.status, answer.body]).toEqual([200, { field: "serverKey", value: serverKey }]);
    const unknown = await calls.owner().post("/settings/midtrans/reveal/password");
    expect([unknown.status, unknown.body.error.message]).toEqual([400, "unknown key field password"]);
    expect(await auditActions()).toEqual([
      "payments.midtrans_keys",
      "payments.midtrans_keys",
      "payments.midtrans_keys",
      "payments.midtrans_reveal",
    ]);
    expect(JSON.stringify(await kit.db.selectFrom("audit_log").selectAll().execute())).not.toContain(serverKey);
  });

  it("will not switch to other keys while a QRIS invoice is open under the current one", async () => {
    await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/keys_in_use",
      quantity: 1000,
      userId: 100_001,
    });
    expect((await calls.admin().get("/settings/midtrans")).body.openInvoices).toBe(1);
    const refused = await calls
      .admin()
      .put("/settings/midtrans", { environment: "sandbox", serverKey: "SB-Mid-server-another123" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^1 QRIS invoice\(s\) are still open under the current key/);
    // The same key (a new client key only) is fine: open invoices keep what they need.
    expect(
      (await calls.admin().put("/settings/midtrans", { environment: "sandbox", clientKey: "SB-Mid-client-zyxwvu98" }))
        .status,
    ).toBe(200);
    expect(await kit.container.midtrans.serverKey()).toBe(serverKey);
  });

  it("clears the app's keys back to the environment's; a second clear says there is nothing to clear", async () => {
    const answer = await calls.admin().delete("/settings/midtrans");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ source: "env", updatedAt: null, keys: [{ set: true }, { set: false }] });
    const again = await calls.admin().delete("/settings/midtrans");
    expect([again.status, again.body.error.message]).toEqual([404, "no Midtrans keys are set in the app"]);
    expect((await auditActions()).at(-1)).toBe("payments.midtrans_keys_cleared");
  });

  it("is not for operators: no keys, no test, no change", async () => {
    const count = (await auditActions()).length;
    const operator = calls.operator();
    for (const answer of [
      await operator.get("/settings/midtrans"),
      await operator.put("/settings/midtrans", { environment: "sandbox", serverKey: "SB-Mid-server-operator1" }),
      await operator.delete("/settings/midtrans"),
      await operator.post("/settings/midtrans/test"),
      await operator.post("/settings/midtrans/reveal/serverKey"),
    ]) {
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain(serverKey);
    }
    expect((await auditActions()).length).toBe(count);
  });
});
