import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { Writable } from "node:stream";
import { runCli } from "../../src/cli/index.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { captureLogs } from "../kit/log-capture.js";
import { startSandboxServer } from "../kit/sandbox-server.js";
import { createPostgresTestDatabase, type TestPostgresDatabase } from "../kit/test-database.js";

/**
 * How updates reach several instances on one PostgreSQL database. Telegram lets one process poll a bot, and a polling start removes the webhook of every instance:
 * on a shared PostgreSQL database a second polling instance refuses to start, naming the way out.
 */
let standIns: Awaited<ReturnType<typeof startSandboxServer>>;
let database: TestPostgresDatabase;
const running: RunningApplication[] = [];

beforeAll(async () => {
  standIns = await startSandboxServer();
  database = await createPostgresTestDatabase();
});
afterAll(async () => {
  for (const app of running) await app.stop();
  await standIns?.close();
  await database?.drop();
});

const start = (env: Record<string, string> = {}) =>
  startApplication(
    loadConfig({
      ...standIns.env,
      BOT_MODE: "polling",
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: "4",
      MASTER_KEY: TEST_MASTER_KEY,
      PORT: "0",
      ...env,
    }),
    captureLogs().logger,
  );

describe("polling on a shared database", () => {
  it("refuses a second polling instance, and lets one start once the first stopped", async () => {
    const first = await start();
    running.push(first);
    await expect(start()).rejects.toThrow(/already polls Telegram for this shop's database.*BOT_MODE=webhook/s);
    // Only the first one ever called getUpdates' counterpart, deleteWebhook.
    expect(standIns.sandbox.telegram.calls.filter((c) => c.method === "deleteWebhook")).toHaveLength(1);

    // A clean stop hands the lease back: the next instance polls at once.
    await running.pop()!.stop();
    const next = await start();
    running.push(next);
    expect(standIns.sandbox.telegram.calls.filter((c) => c.method === "deleteWebhook")).toHaveLength(2);
  });

  it("registers the webhook again when an instance switches back from polling", async () => {
    await running.pop()!.stop();
    const webhookEnv = {
      BOT_MODE: "webhook",
      PUBLIC_URL: "http://127.0.0.1:9",
      WEBHOOK_SECRET: "polling_lease_secret_01",
    };
    const setWebhooks = () => standIns.sandbox.telegram.calls.filter((c) => c.method === "setWebhook").length;
    const before = setWebhooks();
    running.push(await start(webhookEnv));
    running.push(await start(webhookEnv));
    expect(setWebhooks()).toBe(before + 1);
    // Polling removed the webhook (and its registration record); the next webhook start registers it.
    for (const app of running.splice(0)) await app.stop();
    running.push(await start());
    await running.pop()!.stop();
    running.push(await start(webhookEnv));
    expect(setWebhooks()).toBe(before + 2);
  });

  it("lets the deploy step register the webhook, after which starting instances leave it alone", async () => {
    for (const app of running.splice(0)) await app.stop();
    const webhookEnv = {
      BOT_MODE: "webhook",
      PUBLIC_URL: "https://shop.example",
      WEBHOOK_SECRET: "deploy_step_secret_0001",
    };
    const calls = () => standIns.sandbox.telegram.calls.filter((c) => c.method === "setWebhook");
    const before = calls().length;
    const lines: string[] = [];
    const env = { ...standIns.env, DATABASE_URL: database.url, MASTER_KEY: TEST_MASTER_KEY, ...webhookEnv };
    const code = await runCli(
      ["webhook", "set"],
      { log: (l) => lines.push(l), error: (l) => lines.push(l) },
      env,
      new Writable({ write: (_c, _e, done) => done() }),
    );
    expect({ code, lines }).toEqual({
      code: 0,
      lines: ["Telegram now sends this bot's updates to https://shop.example/webhooks/telegram."],
    });
    expect(
      calls()
        .slice(before)
        .map((c) => c.payload),
    ).toEqual([
      expect.objectContaining({
        url: "https://shop.example/webhooks/telegram",
        secret_token: "deploy_step_secret_0001",
      }),
    ]);

    running.push(await start(webhookEnv), await start(webhookEnv));
    expect(calls()).toHaveLength(before + 1);
    // Run again (the webhook was removed by hand): it registers again, whatever was recorded.
    expect(
      await runCli(
        ["webhook", "set"],
        { log: () => undefined, error: () => undefined },
        env,
        new Writable({ write: (_c, _e, done) => done() }),
      ),
    ).toBe(0);
    expect(calls()).toHaveLength(before + 2);
  });
});
