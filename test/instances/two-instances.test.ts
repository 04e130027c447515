import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { startSchedules } from "../../src/schedules.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { freePort } from "../kit/free-port.js";
import { captureLogs } from "../kit/log-capture.js";
import { startSandboxServer } from "../kit/sandbox-server.js";
import { createPostgresTestDatabase, type TestPostgresDatabase } from "../kit/test-database.js";

/**
 * Issue 13 point 3: two instances of the shop, each a whole application with its HTTP server,
 * bot (webhook mode), worker and schedules, on one PostgreSQL database, as two processes behind a
 * load balancer are. The stand-ins play Telegram, Midtrans and the supplier over real HTTP; the test
 * is the load balancer, sending the same requests to both.
 */
const SECRET = "two_instances_secret_0001";
const USER = 100_301;
const WAIT_MS = 20_000;
const ORDER_TEXT = "ID 2 https://instagram.com/budi 1000";

let standIns: Awaited<ReturnType<typeof startSandboxServer>>;
let database: TestPostgresDatabase;
let a: RunningApplication;
let b: RunningApplication;

beforeAll(async () => {
  standIns = await startSandboxServer();
  database = await createPostgresTestDatabase();
  const [portA, portB] = [await freePort(), await freePort()];
  // Telegram and Midtrans call the public address; here it is instance A's (the balancer's stand-in).
  const env = {
    ...standIns.env,
    BOT_MODE: "webhook",
    PUBLIC_URL: `http://127.0.0.1:${portA}`,
    WEBHOOK_SECRET: SECRET,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: "6",
    MASTER_KEY: TEST_MASTER_KEY,
  };
  // Started at the same time, as a deploy starts its replicas.
  [a, b] = await Promise.all([
    startApplication(loadConfig({ ...env, PORT: String(portA) }), captureLogs().logger),
    startApplication(loadConfig({ ...env, PORT: String(portB) }), captureLogs().logger),
  ]);
  await a.container.providers.add({
    name: "panel",
    kind: "smm-v2",
    url: standIns.smmUrl,
    credentials: { key: standIns.sandbox.smm.key },
  });
  await a.container.catalog.importFromProvider("panel");
}, 60_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await standIns?.close();
  await database?.drop();
});

const post = (app: RunningApplication, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const botTexts = (chatId: number) =>
  standIns.sandbox.telegram
    .messagesIn(chatId)
    .filter((m) => m.from === "bot")
    .map((m) => m.plain);

describe("two instances on one PostgreSQL database", () => {
  it("registers the Telegram webhook once, not once per instance", () => {
    expect(a.container.cluster.instanceId).not.toBe(b.container.cluster.instanceId);
    expect(standIns.sandbox.telegram.calls.filter((c) => c.method === "setWebhook")).toHaveLength(1);
  });

  it("handles an update once when Telegram's redeliveries reach both instances at once", async () => {
    standIns.sandbox.telegram.addUser({
      id: USER,
      first_name: "Rina",
      username: "rina",
      language_code: "en",
    });
    const update = {
      update_id: 777_001,
      message: {
        message_id: 77_001,
        date: 0,
        chat: { id: USER, type: "private" },
        from: {
          id: USER,
          is_bot: false,
          first_name: "Rina",
          language_code: "en",
        },
        text: "/balance",
        entities: [{ type: "bot_command", offset: 0, length: 8 }],
      },
    };
    const before = botTexts(USER).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 === 0 ? a : b, "/webhooks/telegram", update, {
          "X-Telegram-Bot-Api-Secret-Token": SECRET,
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(botTexts(USER).slice(before)).toEqual(["💰 Wallet balance: Rp\u00a00"]);
  });

  it("turns one Midtrans notification sent 20 times at once to each instance into exactly one supplier order", async () => {
    const telegram = standIns.sandbox.telegram;
    const buyer = USER + 1;
    telegram.addUser({
      id: buyer,
      first_name: "Budi",
      username: "budi",
      language_code: "id",
    });
    const isPay = (data: string | undefined) => data?.startsWith("pay:") ?? false;
    telegram.userSays(buyer, ORDER_TEXT);
    const quote = await telegram.waitForBotMessage(
      buyer,
      (m) => m.buttons.flat().some((btn) => isPay(btn.callback_data)),
      WAIT_MS,
    );
    telegram.userPresses(
      buyer,
      quote.message_id,
      quote.buttons.flat().find((btn) => isPay(btn.callback_data))!.callback_data!,
    );
    await telegram.waitForBotMessage(buyer, (m) => Boolean(m.photo), WAIT_MS);
    const [tx] = [...standIns.sandbox.midtrans.transactions.values()];
    // The customer pays; Midtrans' notification (and its retries) is what the test delivers, to both.
    await standIns.sandbox.midtrans.pay(tx!.order_id, { notify: false });
    const notification = standIns.sandbox.midtrans.notificationFor(tx!.order_id);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post(i % 2 === 0 ? a : b, "/webhooks/midtrans", notification)),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));

    await telegram.waitForBotMessage(buyer, (m) => /Pesanan #\d+ sedang diproses/.test(m.plain), WAIT_MS);
    expect(standIns.sandbox.smm.addCalls()).toBe(1);
    const db = a.container.db;
    const payments = await db
      .selectFrom("payments")
      .select(["status", "order_id"])
      .where("reference", "=", tx!.order_id)
      .execute();
    expect(payments).toEqual([{ status: "paid", order_id: expect.any(Number) }]);
    const jobs = await db
      .selectFrom("jobs")
      .select(["dedupe_key", "status"])
      .where("kind", "=", "place_order")
      .execute();
    expect(jobs).toEqual([{ dedupe_key: `place:${payments[0]!.order_id}`, status: "done" }]);
    const order = await db
      .selectFrom("orders")
      .select(["status", "provider_order_id"])
      .where("id", "=", payments[0]!.order_id!)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({
      status: "processing",
      provider_order_id: expect.any(String),
    });
    // Those notices were paced by the bucket both instances share, not by each process alone.
    expect(await db.selectFrom("rate_buckets").select("name").execute()).toEqual([{ name: "telegram" }]);
    const texts = botTexts(buyer);
    expect(texts.filter((t) => /Pembayaran .* untuk pesanan #\d+ sudah diterima/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /Pesanan #\d+ sedang diproses/.test(t))).toHaveLength(1);
  });

  it("runs the status-sync schedule once per tick across both instances", async () => {
    // Every second instead of the setting's minutes, on both instances' real schedulers.
    const runs: string[] = [];
    for (const app of [a, b]) {
      const statusSync = app.container.statusSync;
      const syncAll = statusSync.syncAll.bind(statusSync);
      statusSync.syncAll = async () => {
        runs.push(app.container.cluster.instanceId);
        return syncAll();
      };
    }
    const logs = captureLogs().logger;
    const schedules = await Promise.all(
      [a, b].map((app) => startSchedules(app.container, logs, { statusSyncCron: "* * * * * *" })),
    );
    const claimsOf = () =>
      a.container.db
        .selectFrom("once_claims")
        .select(["slot", "holder"])
        .where("name", "=", "schedule:status-sync")
        .execute();
    try {
      await expect
        .poll(async () => (await claimsOf()).length, {
          timeout: WAIT_MS,
          interval: 200,
        })
        .toBeGreaterThanOrEqual(4);
    } finally {
      schedules.forEach((s) => s.stop());
    }
    // A run already under way when stopped still counts; let it be recorded first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const claims = await claimsOf();
    // Each tick was claimed by one instance and run there once: as many runs as claimed ticks.
    expect(runs).toHaveLength(claims.length);
    expect([...runs].sort()).toEqual(claims.map((c) => c.holder).sort());
  });

  it("lets a setting changed on one instance reach the other, and its schedules follow", async () => {
    expect(await b.container.settings.get("fulfilment.status_sync_minutes")).not.toBe(7);
    const changed: string[] = [];
    b.container.settings.onChange((key) => changed.push(key));
    await a.container.settings.set("fulfilment.status_sync_minutes", 7);
    // What B's periodic re-read does every few seconds, asked for now.
    await b.container.settings.refresh();
    expect(await b.container.settings.get("fulfilment.status_sync_minutes")).toBe(7);
    expect(changed).toEqual(["fulfilment.status_sync_minutes"]);
  });

  it("counts a customer's messages once across both instances for the per-customer limit", async () => {
    await a.container.settings.set("assistant.rate_limit_per_minute", 3);
    await b.container.settings.refresh();
    const chatter = USER + 2;
    standIns.sandbox.telegram.addUser({ id: chatter, first_name: "Sari", username: "sari", language_code: "en" });
    const say = async (app: RunningApplication, n: number) => {
      const update = {
        update_id: 778_000 + n,
        message: {
          message_id: 78_000 + n,
          date: 0,
          chat: { id: chatter, type: "private" },
          from: { id: chatter, is_bot: false, first_name: "Sari", language_code: "en" },
          text: "hello",
        },
      };
      expect(
        (await post(app, "/webhooks/telegram", update, { "X-Telegram-Bot-Api-Secret-Token": SECRET })).status,
      ).toBe(200);
    };
    // Three messages, alternating instances: each instance alone has seen fewer than the limit.
    for (let n = 0; n < 3; n++) await say(n % 2 === 0 ? a : b, n);
    expect(botTexts(chatter).some((t) => /slow down/i.test(t))).toBe(false);
    await say(b, 3);
    expect(botTexts(chatter).filter((t) => /slow down/i.test(t))).toHaveLength(1);
    expect(
      await a.container.db.selectFrom("rate_counts").select("count").where("key", "=", `customer:${chatter}`).execute(),
    ).toEqual([{ count: 4 }]);
  });
});
