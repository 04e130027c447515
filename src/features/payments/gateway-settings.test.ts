import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { createSecretBox, type SecretBox } from "../../infra/crypto/secret-box.js";
import { MIGRATIONS_DIR, migrateToLatest } from "../../infra/db/migrations.js";
import { openSqlite, type SqliteDatabase } from "../../infra/db/open-sqlite.js";
import { createHttpClient } from "../../infra/http/http-client.js";
import { createAuditService } from "../audit/audit.service.js";
import { createGatewaySettings } from "./gateway-settings.service.js";
import { midtransSettingsDescriptor } from "./midtrans.settings.js";
import type { GatewaySettingsDescriptor, GatewaySettingValues } from "./payment-gateway.types.js";

/**
 * The generic gateway settings on the real migrations: keys saved for Midtrans before the rows
 * existed still open after the move, and a second gateway written here (as Xendit will be) gets
 * sealing, masking, keeping a secret left out, its own checks, the test call, audited reveals,
 * clearing back to its bootstrap and the open-invoice guard from its descriptor alone.
 */

const SETTINGS_MIGRATION = "20261208T1020_gateway_settings";

let dir: string;
let opened: SqliteDatabase;
let box: SecretBox;
const clock = createManualClock();
const http = createHttpClient();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "gateway-settings-"));
  opened = openSqlite(join(dir, "shop.db"));
  box = createSecretBox(randomBytes(32));
});
afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (gateway: string) =>
  opened.db.selectFrom("gateway_settings").selectAll().where("gateway", "=", gateway).orderBy("field").execute();

describe("gateway settings moved from gateway_keys", () => {
  it("opens the Midtrans keys saved before the move, and keeps them sealed in the new rows", async () => {
    const before = join(dir, "before");
    mkdirSync(before);
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql") && f < SETTINGS_MIGRATION))
      cpSync(join(MIGRATIONS_DIR, file), join(before, file));
    await migrateToLatest(opened, before);
    const server = box.seal("SB-Mid-server-saved123", "gateway_keys:midtrans:server_key");
    const client = box.seal("SB-Mid-client-saved456", "gateway_keys:midtrans:client_key");
    opened.sqlite
      .prepare(
        "INSERT INTO gateway_keys (gateway, environment, server_key, client_key, updated_by, updated_at) VALUES ('midtrans', 'sandbox', ?, ?, 'telegram:1', 3)",
      )
      .run(server, client);

    await migrateToLatest(opened);
    expect((await rows("midtrans")).map((r) => [r.field, r.secret, r.updated_by])).toEqual([
      ["clientKey", 1, "telegram:1"],
      ["environment", 0, "telegram:1"],
      ["serverKey", 1, "telegram:1"],
    ]);
    expect(JSON.stringify(await rows("midtrans"))).not.toContain("saved123");

    const descriptor = midtransSettingsDescriptor({
      http,
      bootstrap: {
        serverKey: undefined,
        clientKey: undefined,
        isProduction: false,
        apiUrl: "https://api.sandbox.midtrans.com",
      },
      notificationUrl: undefined,
      masterKeyFromEnv: false,
    });
    const settings = createGatewaySettings({
      db: opened.db,
      clock,
      secretBox: box,
      audit: createAuditService({ db: opened.db, clock }),
      descriptors: [descriptor],
    });
    expect(await settings.current("midtrans")).toEqual({
      source: "app",
      values: { environment: "sandbox", serverKey: "SB-Mid-server-saved123", clientKey: "SB-Mid-client-saved456" },
    });
    expect(await settings.view("midtrans")).toMatchObject({
      source: "app",
      environment: "sandbox",
      apiHost: "api.sandbox.midtrans.com",
      updatedAt: 3,
      updatedBy: "telegram:1",
    });
  });
});

describe("a second gateway from its descriptor alone", () => {
  const tested: GatewaySettingValues[] = [];
  const stubpay: GatewaySettingsDescriptor = {
    gateway: "stubpay",
    label: "StubPay",
    fields: [
      { name: "region", label: "region", secret: false, required: true, options: ["id", "sg"] },
      { name: "apiKey", label: "API key", secret: true, required: true },
      { name: "callbackToken", label: "callback token", secret: true, required: false },
    ],
    parse(input) {
      const i = input as Record<string, unknown>;
      if (i.region !== undefined && i.region !== "id" && i.region !== "sg")
        return { ok: false, issues: [{ path: "region", message: 'region is "id" or "sg"' }] };
      return {
        ok: true,
        values: {
          region: i.region as string | undefined,
          apiKey: i.apiKey as string | undefined,
          callbackToken: i.callbackToken as string | undefined,
        },
      };
    },
    check(typed) {
      if (typed.apiKey?.startsWith("pk_")) throw new Error("a publishable key cannot charge");
    },
    bootstrap: { region: "id", apiKey: "env-key-1" },
    sameAccount: (a, b) => a.apiKey === b.apiKey,
    async test(values) {
      tested.push(values);
      return values.apiKey === "good-key-1"
        ? { ok: true, outcome: "valid", message: "StubPay knew the key" }
        : { ok: false, outcome: "wrong_key", message: "StubPay refused the key" };
    },
  };

  let settings: ReturnType<typeof createGatewaySettings>;
  const audit = () =>
    opened.db
      .selectFrom("audit_log")
      .select(["action", "subject", "after"])
      .where("subject", "=", "gateway:stubpay")
      .orderBy("id")
      .execute();

  beforeEach(async () => {
    await migrateToLatest(opened);
    settings = createGatewaySettings({
      db: opened.db,
      clock,
      secretBox: box,
      audit: createAuditService({ db: opened.db, clock }),
      descriptors: [stubpay],
    });
  });

  it("starts from its environment bootstrap, masked, and lists its fields for the admin app", async () => {
    const view = await settings.view("stubpay");
    expect(view).toMatchObject({
      gateway: "stubpay",
      label: "StubPay",
      source: "env",
      keys: [
        { field: "apiKey", set: true, masked: "••••••••" },
        { field: "callbackToken", set: false, masked: null },
      ],
      openInvoices: 0,
      lastTest: null,
    });
    expect(view.fields).toEqual([
      {
        name: "region",
        label: "region",
        secret: false,
        required: true,
        options: ["id", "sg"],
        value: "id",
        set: true,
        masked: null,
      },
      {
        name: "apiKey",
        label: "API key",
        secret: true,
        required: true,
        options: null,
        value: null,
        set: true,
        masked: "••••••••",
      },
      {
        name: "callbackToken",
        label: "callback token",
        secret: true,
        required: false,
        options: null,
        value: null,
        set: false,
        masked: null,
      },
    ]);
    expect(JSON.stringify(view)).not.toContain("env-key-1");
  });

  it("saves secrets sealed, keeps a secret left out, tests the saved values and reveals one to an owner, audited without it", async () => {
    await settings.save("stubpay", { region: "sg", apiKey: "good-key-1" }, "telegram:7");
    const stored = await rows("stubpay");
    expect(stored.map((r) => [r.field, r.secret])).toEqual([
      ["apiKey", 1],
      ["region", 0],
    ]);
    expect(stored.find((r) => r.field === "region")!.value).toBe("sg");
    expect(JSON.stringify(stored)).not.toContain("good-key-1");

    await settings.save("stubpay", { region: "sg", callbackToken: "cb-token-9" }, "telegram:7");
    expect((await settings.current("stubpay"))!.values).toEqual({
      region: "sg",
      apiKey: "good-key-1",
      callbackToken: "cb-token-9",
    });
    expect(await settings.test("stubpay")).toMatchObject({
      ok: true,
      outcome: "valid",
      message: "StubPay knew the key",
    });
    expect(tested.at(-1)).toEqual({ region: "sg", apiKey: "good-key-1", callbackToken: "cb-token-9" });
    expect((await settings.view("stubpay")).lastTest).toMatchObject({ ok: true });

    expect(await settings.reveal("stubpay", "callbackToken", "telegram:1")).toBe("cb-token-9");
    await expect(settings.reveal("stubpay", "region", "telegram:1")).rejects.toThrow("unknown key field region");
    const entries = await audit();
    expect(entries.map((e) => e.action)).toEqual([
      "payments.stubpay_keys",
      "payments.stubpay_keys",
      "payments.stubpay_reveal",
    ]);
    expect(JSON.parse(entries[1]!.after!)).toEqual({ source: "app", region: "sg", changedFields: ["callbackToken"] });
    expect(JSON.stringify(entries)).not.toMatch(/good-key-1|cb-token-9/);
  });

  it("refuses what its descriptor refuses, in its words", async () => {
    await expect(settings.save("stubpay", { region: "us", apiKey: "k" }, "telegram:7")).rejects.toThrow(
      'region: region is "id" or "sg"',
    );
    await expect(settings.save("stubpay", { region: "id", apiKey: "pk_live_1" }, "telegram:7")).rejects.toThrow(
      "a publishable key cannot charge",
    );
    await expect(settings.save("stubpay", { region: "id" }, "telegram:7")).rejects.toThrow("enter the API key");
    expect(await rows("stubpay")).toEqual([]);
  });

  it("clears back to the bootstrap, but never moves to another account under an open invoice", async () => {
    await settings.save("stubpay", { region: "id", apiKey: "good-key-1" }, "telegram:7");
    opened.sqlite.exec(`
      INSERT INTO customers (id, telegram_id, chat_id, created_at, updated_at) VALUES (1, 100001, 100001, 1, 1);
      INSERT INTO payments (purpose, customer_id, gateway, reference, amount, status, expires_at, created_at, updated_at) VALUES ('topup', 1, 'stubpay', 'SP-1', 50000, 'pending', 9, 1, 1);
    `);
    expect((await settings.view("stubpay")).openInvoices).toBe(1);
    await expect(settings.save("stubpay", { region: "id", apiKey: "other-key-2" }, "telegram:7")).rejects.toThrow(
      /^1 QRIS invoice\(s\) are still open/,
    );
    await expect(settings.clear("stubpay", "telegram:7")).rejects.toThrow(/^1 QRIS invoice\(s\) are still open/);
    // Same account (same key), another plain field: fine.
    await settings.save("stubpay", { region: "sg" }, "telegram:7");

    opened.sqlite.exec("UPDATE payments SET status = 'paid'");
    await settings.clear("stubpay", "telegram:7");
    expect(await settings.current("stubpay")).toEqual({ source: "env", values: { region: "id", apiKey: "env-key-1" } });
    await expect(settings.clear("stubpay", "telegram:7")).rejects.toThrow("no StubPay keys are set in the app");
    expect((await audit()).at(-1)!.action).toBe("payments.stubpay_keys_cleared");
  });
});
