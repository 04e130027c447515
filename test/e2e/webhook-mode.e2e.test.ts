import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { freePort } from "../kit/free-port.js";
import { captureLogs } from "../kit/log-capture.js";
import { startSandboxServer } from "../kit/sandbox-server.js";

/** BOT_MODE=webhook: Telegram pushes updates to /webhooks/telegram with the secret-token header. */
const SECRET = "webhook_secret_for_tests_123";
const USER = 100002;
let standIns: Awaited<ReturnType<typeof startSandboxServer>>;
let app: RunningApplication;

beforeAll(async () => {
  standIns = await startSandboxServer();
  const port = await freePort();
  const config = loadConfig({
    ...standIns.env,
    BOT_MODE: "webhook",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    DATABASE_URL: ":memory:",
    MASTER_KEY: TEST_MASTER_KEY,
  });
  app = await startApplication(config, captureLogs().logger);
  await app.container.providers.add({
    name: "panel",
    kind: "smm-v2",
    url: standIns.smmUrl,
    credentials: { key: standIns.sandbox.smm.key },
  });
  await app.container.catalog.importFromProvider("panel");
});
afterAll(async () => {
  await app?.stop();
  await standIns?.close();
});

const postUpdate = (update: unknown, secret?: string) =>
  fetch(`${app.url}/webhooks/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "X-Telegram-Bot-Api-Secret-Token": secret } : {}) },
    body: JSON.stringify(update),
  });

describe("webhook mode", () => {
  it("registers its webhook with the secret token and answers updates Telegram pushes", async () => {
    const telegram = standIns.sandbox.telegram;
    expect(telegram.calls.find((c) => c.method === "setWebhook")?.payload).toMatchObject({
      url: `${app.url}/webhooks/telegram`,
      secret_token: SECRET,
    });
    telegram.userSays(USER, "/start");
    const reply = await telegram.waitForBotMessage(USER, (m) => m.plain.includes("Hi, Alex"));
    expect(reply.plain).toContain("Hi, Alex");
  });

  it("refuses updates without the right secret header", async () => {
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: USER, type: "private" },
        from: { id: USER, is_bot: false, first_name: "Alex" },
        text: "/start",
      },
    };
    expect((await postUpdate(update)).status).toBe(401);
    expect((await postUpdate(update, "wrong_secret_value_000")).status).toBe(401);
  });

  it("handles a redelivered update once", async () => {
    const telegram = standIns.sandbox.telegram;
    const before = telegram.messagesIn(USER).filter((m) => m.from === "bot").length;
    const update = {
      update_id: 987_654_321,
      message: {
        message_id: 9_999,
        date: 0,
        chat: { id: USER, type: "private" },
        from: { id: USER, is_bot: false, first_name: "Alex", language_code: "en" },
        text: "/balance",
        entities: [{ type: "bot_command", offset: 0, length: 8 }],
      },
    };
    expect((await postUpdate(update, SECRET)).status).toBe(200);
    expect((await postUpdate(update, SECRET)).status).toBe(200);
    const replies = telegram
      .messagesIn(USER)
      .filter((m) => m.from === "bot")
      .slice(before);
    expect(replies.map((m) => m.plain)).toEqual(["💰 Wallet balance: Rp\u00a00"]);
  });
});
