import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../test/kit/shop-kit.js";
import { startSandboxServer } from "../test/kit/sandbox-server.js";
import { testConfig } from "../test/kit/config.js";
import { captureLogs } from "../test/kit/log-capture.js";
import { createContainer } from "./container.js";
import { migrateToLatest } from "./infra/db/migrations.js";
import { createScheduler, type Scheduler } from "./infra/scheduler/scheduler.js";
import { startSchedules } from "./schedules.js";
import { createHttpApp } from "./server/http-app.js";

/**
 * Issue 12 point 6, one wiring: every route is mounted by createHttpApp (the app, the test kit and
 * the benchmarks serve it), every schedule is started by startSchedules, and the services get
 * their Telegram client when they are built (nothing is bound afterwards).
 */

let kit: ShopKit;

beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false });
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

describe("createHttpApp", () => {
  it("serves health, both webhooks, the admin API and the Mini App from one function", async () => {
    const app = createHttpApp(kit.container);
    expect((await app.request("/healthz")).status).toBe(200);
    // Mounted routes answer for themselves (a refusal of a bad body, not a 404 for a missing route).
    const midtrans = await app.request("/webhooks/midtrans", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(midtrans.status).not.toBe(404);
    const digiflazz = await app.request("/webhooks/digiflazz", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(digiflazz.status).not.toBe(404);
    expect((await app.request("/api/admin/me")).status).toBe(401);
    expect((await app.request("/miniapp/")).status).not.toBe(404);
    expect((await app.request("/sandbox/anything")).status).toBe(404);
    expect((await app.request("/webhooks/telegram", { method: "POST" })).status).toBe(404);
  });

  it("adds the sandbox and Telegram's webhook only when the app runs them", async () => {
    const sandbox = new Hono().get("/ping", (c) => c.text("pong"));
    const app = createHttpApp(kit.container, { sandbox, telegramWebhook: (c) => c.text("update taken") });
    expect(await (await app.request("/sandbox/ping")).text()).toBe("pong");
    expect(await (await app.request("/webhooks/telegram", { method: "POST" })).text()).toBe("update taken");
  });

  it("is what the test kit serves", async () => {
    const answer = await fetch(`${kit.productUrl}/api/admin/me`);
    expect(answer.status).toBe(401);
  });
});

describe("startSchedules", () => {
  /** The real scheduler, remembering what was registered under which pattern. */
  const recording = () => {
    const real = createScheduler(kit.logs.logger);
    const patterns = new Map<string, string>();
    const scheduler: Scheduler = {
      register(name, pattern, task) {
        patterns.set(name, pattern);
        real.register(name, pattern, task);
      },
      trigger: (name) => real.trigger(name),
      stopAll: () => real.stopAll(),
    };
    return { scheduler, patterns };
  };

  it("registers every recurring job, the setting-driven ones from the current settings", async () => {
    const { scheduler, patterns } = recording();
    const schedules = await startSchedules(kit.container, kit.logs.logger, { scheduler });
    try {
      expect([...patterns.keys()].sort()).toEqual([
        "catalog-resync",
        "housekeeping",
        "payments-reconcile",
        "refill-sync",
        "stars-expiry",
        "status-sync",
        "supplier-funds",
        "unpaid-orders-expiry",
      ]);
      expect(patterns.get("catalog-resync")).toBe(await kit.container.settings.get("catalog.sync_cron"));
    } finally {
      schedules.stop();
    }
  });

  it("lets the sandbox's pace replace the status sync's setting", async () => {
    const { scheduler, patterns } = recording();
    const schedules = await startSchedules(kit.container, kit.logs.logger, {
      scheduler,
      statusSyncCron: "*/5 * * * * *",
    });
    try {
      expect(patterns.get("status-sync")).toBe("*/5 * * * * *");
    } finally {
      schedules.stop();
    }
  });
});

describe("no setter injection", () => {
  it("the bot adopts the container's Telegram client, so replies and notifications share its transformers", () => {
    expect(kit.bot.api).toBe(kit.container.telegram);
  });

  it("a container with no bot delivers a customer's notification through the client it was built with", async () => {
    const standIns = await startSandboxServer();
    const container = createContainer(testConfig(standIns.env), captureLogs().logger);
    try {
      await migrateToLatest(container.database);
      standIns.sandbox.telegram.addUser({ id: 555_001, first_name: "Sari", username: "sari", language_code: "id" });
      const customer = await container.customers.touch({
        telegramId: 555_001,
        chatId: 555_001,
        firstName: "Sari",
        username: "sari",
        languageCode: "id",
      });
      await container.db
        .transaction()
        .execute((trx) => container.notifications.toCustomer(trx, customer.id, { key: "unknown-command" }));
      await container.worker.runDue();
      expect(standIns.sandbox.telegram.messagesIn(555_001).map((m) => m.plain)).toEqual([
        expect.stringContaining("Perintah itu tidak ada"),
      ]);
    } finally {
      await container.close();
      await standIns.close();
    }
  });
});
