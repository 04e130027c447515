import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { captureLogs } from "../kit/log-capture.js";
import { startSandboxServer } from "../kit/sandbox-server.js";
import {
  createPostgresTestDatabase,
  type TestPostgresDatabase,
} from "../kit/test-database.js";

/**
 * Telegram lets one process poll a bot, and a polling start removes the webhook of every instance:
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
    await expect(start()).rejects.toThrow(
      /already polls Telegram for this shop's database.*BOT_MODE=webhook/s,
    );
    // Only the first one ever called getUpdates' counterpart, deleteWebhook.
    expect(
      standIns.sandbox.telegram.calls.filter(
        (c) => c.method === "deleteWebhook",
      ),
    ).toHaveLength(1);

    // A clean stop hands the lease back: the next instance polls at once.
    await running.pop()!.stop();
    const next = await start();
    running.push(next);
    expect(
      standIns.sandbox.telegram.calls.filter(
        (c) => c.method === "deleteWebhook",
      ),
    ).toHaveLength(2);
  });

  it("registers the webhook again when an instance switches back from polling", async () => {
    await running.pop()!.stop();
    const webhookEnv = {
      BOT_MODE: "webhook",
      PUBLIC_URL: "http://127.0.0.1:9",
      WEBHOOK_SECRET: "polling_lease_secret_01",
    };
    const setWebhooks = () =>
      standIns.sandbox.telegram.calls.filter((c) => c.method === "setWebhook")
        .length;
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
});
