import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { createSecretBox } from "../../infra/crypto/secret-box.js";
import { createHttpApp } from "../../server/http-app.js";
import { createGatewaySettings } from "../payments/gateway-settings.service.js";
import { createPaymentGatewayRegistry } from "../payments/payment-gateways.js";
import type { GatewaySettingsDescriptor, PaymentGateway } from "../payments/payment-gateway.types.js";

/**
 * The admin API's gateway settings for a gateway it has no code for: a stub registered beside
 * Midtrans gets its settings screen's data, saving, masking, testing and owner-only reveal from its
 * descriptor alone, and the shop settings' own routes still answer for every other name.
 */

const stubpay: GatewaySettingsDescriptor = {
  gateway: "stubpay",
  label: "StubPay",
  fields: [
    { name: "mode", label: "mode", secret: false, required: true, options: ["test", "live"] },
    { name: "apiKey", label: "API key", secret: true, required: true },
  ],
  parse: (input) => {
    const i = input as Record<string, string | undefined>;
    return i.mode === undefined || i.mode === "test" || i.mode === "live"
      ? { ok: true, values: { mode: i.mode, apiKey: i.apiKey } }
      : { ok: false, issues: [{ path: "mode", message: 'mode is "test" or "live"' }] };
  },
  bootstrap: { mode: "test", apiKey: "stub-env-key" },
  sameAccount: (a, b) => a.apiKey === b.apiKey,
  test: async (values) =>
    values.apiKey === "stub-good-key"
      ? { ok: true, outcome: "valid", message: "StubPay knew the key" }
      : { ok: false, outcome: "wrong_key", message: "StubPay refused the key" },
};

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false });
  await adminClient(kit).addStaff();
  const c = kit.container;
  const midtrans = c.gateways.primary;
  const stub: PaymentGateway = { ...midtrans, id: "stubpay", settings: stubpay };
  const gatewaySettings = createGatewaySettings({
    db: c.db,
    clock: c.clock,
    secretBox: createSecretBox(c.masterKey.key),
    audit: c.audit,
    descriptors: [midtrans.settings, stubpay],
  });
  const app = createHttpApp({ ...c, gateways: createPaymentGatewayRegistry([midtrans, stub]), gatewaySettings });
  calls = adminCalls({ ...kit, app });
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

describe("gateway settings for any registered gateway", () => {
  it("lists every gateway beside the shop settings", async () => {
    const answer = await calls.admin().get("/settings");
    expect(answer.body.gateways).toEqual([
      { gateway: "midtrans", label: "Midtrans" },
      { gateway: "stubpay", label: "StubPay" },
    ]);
  });

  it("shows, saves, tests and reveals a second gateway's settings from its descriptor", async () => {
    const first = await calls.admin().get("/settings/stubpay");
    expect(first.body).toMatchObject({
      gateway: "stubpay",
      label: "StubPay",
      source: "env",
      keys: [{ field: "apiKey", set: true, masked: "••••••••" }],
      canReveal: false,
    });
    expect(first.body.fields.map((f: { name: string; value: string | null }) => [f.name, f.value])).toEqual([
      ["mode", "test"],
      ["apiKey", null],
    ]);
    expect(JSON.stringify(first.body)).not.toContain("stub-env-key");

    const refused = await calls.admin().put("/settings/stubpay", { mode: "prod", apiKey: "x" });
    expect([refused.status, refused.body.error.message]).toEqual([400, 'mode: mode is "test" or "live"']);
    const saved = await calls.admin().put("/settings/stubpay", { mode: "live", apiKey: " stub-good-key " });
    expect(saved.body).toMatchObject({ source: "app", updatedBy: "telegram:900101" });
    expect(saved.body.fields[0]).toMatchObject({ name: "mode", value: "live" });
    expect((await calls.admin().post("/settings/stubpay/test")).body.result).toMatchObject({
      ok: true,
      outcome: "valid",
      message: "StubPay knew the key",
    });

    expect((await calls.admin().post("/settings/stubpay/reveal/apiKey")).status).toBe(403);
    expect((await calls.owner().post("/settings/stubpay/reveal/apiKey")).body).toEqual({
      field: "apiKey",
      value: "stub-good-key",
    });
    expect((await calls.operator().get("/settings/stubpay")).status).toBe(403);
    const audit = await kit.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject", "=", "gateway:stubpay")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["payments.stubpay_keys", "payments.stubpay_reveal"]);
  });

  it("leaves every other name to the shop settings", async () => {
    const unknown = await calls.admin().put("/settings/nopay", { value: 1 });
    expect(unknown.status).toBe(400);
    // The setting service's refusal, not a gateway's.
    expect(unknown.body.error.code).toBe("settings.invalid_input");
    const setting = await calls.admin().put("/settings/payments.invoice_expiry_minutes", { value: 20 });
    expect([setting.status, setting.body.setting.value]).toEqual([200, 20]);
  });
});
