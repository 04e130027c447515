import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The suppliers area over HTTP with signed initData, against the sandbox's SMM panel. Operators see
 * the list and nothing about keys; admins add, edit and test, and see which keys are set (masked);
 * owners may also read a key back, and that is audited. Secrets never reach the audit log or logs.
 */

const NEW_KEY = "sk-live-NEVER-IN-LOGS-0123456789";
let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let supplierId: number;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)), importCatalog: false });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
});
afterAll(async () => {
  await kit?.close();
});

const auditOf = (subject: string) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", subject).orderBy("id").execute();
const allAuditText = async () => JSON.stringify(await kit.db.selectFrom("audit_log").selectAll().execute());

describe("suppliers in the admin app", () => {
  it("lets an admin add a supplier with its key, audited without the key", async () => {
    const answer = await calls.admin().post("/suppliers", {
      name: "Panel Dua",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key, webhookSecret: "" },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.supplier).toMatchObject({ name: "Panel Dua", kind: "smm-v2", active: true, lastTest: null });
    expect(JSON.stringify(answer.body)).not.toContain(kit.sandbox.smm.key);
    supplierId = answer.body.supplier.id;
    const [entry] = await auditOf(`provider:${supplierId}`);
    expect(entry).toMatchObject({ actor: `telegram:${STAFF.admin}`, action: "provider.add" });
    expect(JSON.parse(entry!.after!)).toMatchObject({ name: "Panel Dua", credentialFields: ["key"] });
    expect(await allAuditText()).not.toContain(kit.sandbox.smm.key);
  });

  it("explains what is wrong with a supplier it cannot add", async () => {
    const noKey = await calls
      .admin()
      .post("/suppliers", { name: "No Key", kind: "smm-v2", url: kit.standIns.smmUrl, credentials: {} });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toContain("key is required");
    const twice = await calls
      .admin()
      .post("/suppliers", { name: "panel dua", kind: "smm-v2", url: kit.standIns.smmUrl, credentials: { key: "x" } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain("already exists");
  });

  it("names a refusal by a key with its values, so the app can say it in the admin's language", async () => {
    const usd = await calls.admin().post("/suppliers", {
      name: "Dollar Panel",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: "x" },
      currency: "USD",
    });
    expect(usd.status).toBe(400);
    expect(usd.body.error).toMatchObject({
      code: "providers.invalid_input",
      key: "providers.rate_required",
      params: { currency: "USD" },
    });
    expect(usd.body.error.message).toContain("needs its rate to IDR"); // the English sentence stays for logs and the CLI
    const rateOnRupiah = await calls.admin().patch(`/suppliers/${supplierId}`, { rateToIdr: "16250" });
    expect(rateOnRupiah.body.error).toMatchObject({ key: "providers.rate_without_currency", params: {} });
  });

  it("tests the connection: balance, latency and the last result stay on the supplier", async () => {
    const answer = await calls.admin().post(`/suppliers/${supplierId}/test`);
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({
      ok: true,
      balance: { balance: "25000000.00000", currency: "IDR" },
      message: "ok",
    });
    expect(answer.body.result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(answer.body.supplier.lastTest).toMatchObject({ ok: true, balance: "25000000.00000 IDR" });
  });

  it("shows an admin which keys are set, masked, and never their values", async () => {
    const answer = await calls.admin().get(`/suppliers/${supplierId}/keys`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      keys: [
        { field: "key", required: true, set: true, masked: "••••••••" },
        { field: "webhookSecret", required: false, set: false, masked: null },
      ],
      canReveal: false,
    });
  });

  it("gives operators the list but no keys and no changes", async () => {
    const list = await calls.operator().get("/suppliers");
    expect(list.status).toBe(200);
    expect(list.body.suppliers.map((s: { name: string }) => s.name)).toEqual(["panel", "Panel Dua"]);
    const detail = await calls.operator().get(`/suppliers/${supplierId}`);
    expect(detail.status).toBe(200);
    for (const text of [JSON.stringify(list.body), JSON.stringify(detail.body)]) {
      expect(text).not.toContain(kit.sandbox.smm.key);
      expect(text).not.toMatch(/credential|masked/i);
    }
    const refused = [
      await calls.operator().get(`/suppliers/${supplierId}/keys`),
      await calls.operator().post(`/suppliers/${supplierId}/keys/key/reveal`),
      await calls
        .operator()
        .post("/suppliers", { name: "Op", kind: "smm-v2", url: kit.standIns.smmUrl, credentials: { key: "k" } }),
      await calls.operator().patch(`/suppliers/${supplierId}`, { active: false }),
      await calls.operator().post(`/suppliers/${supplierId}/test`),
      await calls.operator().get("/suppliers/kinds"),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it("lets an admin change the key and audits only which field changed", async () => {
    const answer = await calls.admin().patch(`/suppliers/${supplierId}`, { credentials: { key: NEW_KEY, apiKey: "" } });
    expect(answer.status).toBe(200);
    const entry = (await auditOf(`provider:${supplierId}`)).at(-1)!;
    expect(entry.action).toBe("provider.edit");
    expect(JSON.parse(entry.after!)).toEqual({ credentialsChanged: ["key"] });
    expect(await allAuditText()).not.toContain(NEW_KEY);
    // The simulator only knows its own key: the connection test now says so.
    const test = await calls.admin().post(`/suppliers/${supplierId}/test`);
    expect(test.body.result).toMatchObject({ ok: false });
    expect(test.body.result.message).toMatch(/key/i);
  });

  it("refuses an admin reading a key back; lets an owner, and audits who read which field", async () => {
    expect((await calls.admin().post(`/suppliers/${supplierId}/keys/key/reveal`)).status).toBe(403);
    const answer = await calls.owner().post(`/suppliers/${supplierId}/keys/key/reveal`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ field: "key", value: NEW_KEY });
    const entry = (await auditOf(`provider:${supplierId}`)).at(-1)!;
    expect(entry).toMatchObject({ actor: `telegram:${STAFF.owner}`, action: "provider.reveal" });
    expect(JSON.parse(entry.after!)).toEqual({ field: "key" });
    expect(await allAuditText()).not.toContain(NEW_KEY);
    expect((await calls.owner().post(`/suppliers/${supplierId}/keys/webhookSecret/reveal`)).status).toBe(404);
    expect((await calls.owner().post(`/suppliers/${supplierId}/keys/password/reveal`)).status).toBe(400);
  });

  it("disables and enables a supplier, audited as such", async () => {
    const off = await calls.admin().patch(`/suppliers/${supplierId}`, { active: false });
    expect(off.body.supplier.active).toBe(false);
    const on = await calls.admin().patch(`/suppliers/${supplierId}`, { active: true });
    expect(on.body.supplier.active).toBe(true);
    const actions = (await auditOf(`provider:${supplierId}`)).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["provider.disable", "provider.enable"]);
    const entry = (await auditOf(`provider:${supplierId}`)).at(-1)!;
    expect([JSON.parse(entry.before!), JSON.parse(entry.after!)]).toEqual([{ active: false }, { active: true }]);
  });

  it("switches a USD supplier to rupiah in one edit, even with the old rate still in the form", async () => {
    const usd = await calls.admin().patch(`/suppliers/${supplierId}`, { currency: "USD", rateToIdr: "16250" });
    expect(usd.status).toBe(200);
    expect(usd.body.supplier).toMatchObject({ currency: "USD", rateToIdr: "16250" });
    const idr = await calls
      .admin()
      .patch(`/suppliers/${supplierId}`, { url: kit.standIns.smmUrl, currency: "IDR", rateToIdr: "16250" });
    expect(idr.status).toBe(200);
    expect(idr.body.supplier).toMatchObject({ currency: "IDR", rateToIdr: "1" });
    // Staying in rupiah, a rate still means a mistake and is refused.
    const wrong = await calls.admin().patch(`/suppliers/${supplierId}`, { rateToIdr: "16250" });
    expect(wrong.status).toBe(400);
  });

  it("renames a supplier: same id, same services, audited; a taken name is refused clearly", async () => {
    await kit.container.providers.edit("Panel Dua", { credentials: { key: kit.sandbox.smm.key } });
    await kit.container.catalog.importFromProvider("Panel Dua", "cli", { newServices: "sale" });
    const services = (await kit.container.catalog.page({ providerId: supplierId }, { offset: 0, limit: 1 })).total;
    expect(services).toBe(312);
    const renamed = await calls.admin().patch(`/suppliers/${supplierId}`, { name: "Panel Utama" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.supplier).toMatchObject({ id: supplierId, name: "Panel Utama" });
    expect((await kit.container.catalog.page({ providerId: supplierId }, { offset: 0, limit: 1 })).total).toBe(
      services,
    );
    expect((await calls.admin().get("/services?pageSize=1&supplierId=" + supplierId)).body.items[0].supplier).toBe(
      "Panel Utama",
    );
    const entry = (await auditOf(`provider:${supplierId}`)).at(-1)!;
    expect([entry.action, JSON.parse(entry.before!), JSON.parse(entry.after!)]).toEqual([
      "provider.edit",
      { name: "Panel Dua" },
      { name: "Panel Utama" },
    ]);
    const taken = await calls.admin().patch(`/suppliers/${supplierId}`, { name: "PANEL" });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toEqual({
      code: "providers.duplicate_name",
      message: expect.stringContaining('a supplier named "panel" already exists'),
    });
    expect((await calls.admin().patch(`/suppliers/${supplierId}`, { name: "" })).status).toBe(400);
    // Its own name in another case is not "taken".
    expect((await calls.admin().patch(`/suppliers/${supplierId}`, { name: "panel utama" })).body.supplier.name).toBe(
      "panel utama",
    );
  });

  it("sets and clears a supplier's low-balance threshold, audited; refuses one that is not whole rupiah", async () => {
    expect(
      (await calls.admin().patch(`/suppliers/${supplierId}`, { lowBalanceThreshold: -5 })).body.error.message,
    ).toContain("the low-balance threshold is 0 or more");
    expect(
      (await calls.admin().patch(`/suppliers/${supplierId}`, { lowBalanceThreshold: 10.5 })).body.error.message,
    ).toContain("whole number of rupiah");
    expect((await calls.operator().patch(`/suppliers/${supplierId}`, { lowBalanceThreshold: 500_000 })).status).toBe(
      403,
    );
    const set = await calls.admin().patch(`/suppliers/${supplierId}`, { lowBalanceThreshold: 500_000 });
    expect(set.body.supplier.lowBalanceThreshold).toBe(500_000);
    expect((await calls.admin().get(`/suppliers/${supplierId}`)).body.supplier.lowBalanceThreshold).toBe(500_000);
    const entry = (await auditOf(`provider:${supplierId}`)).at(-1)!;
    expect([entry.action, JSON.parse(entry.before!), JSON.parse(entry.after!)]).toEqual([
      "provider.edit",
      { lowBalanceThreshold: null },
      { lowBalanceThreshold: 500_000 },
    ]);
    expect(
      (await calls.admin().patch(`/suppliers/${supplierId}`, { lowBalanceThreshold: null })).body.supplier
        .lowBalanceThreshold,
    ).toBeNull();
  });

  it("never writes a key to the logs", () => {
    expect(kit.logs.text()).not.toContain(NEW_KEY);
    expect(kit.logs.text()).not.toContain(kit.sandbox.smm.key);
  });

  it("answers 404 for a supplier that does not exist", async () => {
    expect((await calls.admin().get("/suppliers/9999")).status).toBe(404);
    expect((await calls.admin().post("/suppliers/9999/test")).status).toBe(404);
  });
});
