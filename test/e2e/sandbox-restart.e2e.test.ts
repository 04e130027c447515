import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { freePort } from "../kit/free-port.js";

/**
 * `npm start` twice on one data directory, as a person stopping and starting the sandbox: the
 * simulators keep their keys (a supplier the owner added by hand still connects) and the chat page
 * shows the conversation from before.
 */
const BUDI = 100001;
let dataDir: string;
let config: Config;
const running: RunningApplication[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sandbox-restart-"));
  config = loadConfig({ PORT: String(await freePort()), DATA_DIR: dataDir, DATABASE_URL: join(dataDir, "shop.db"), LOG_LEVEL: "silent" });
});
afterAll(async () => {
  for (const app of running) await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<RunningApplication> {
  const app = await startApplication(config, createLogger("silent"));
  running.push(app);
  return app;
}

async function stop(app: RunningApplication): Promise<void> {
  await app.stop();
  running.splice(running.indexOf(app), 1);
}

const chatState = async (app: RunningApplication) =>
  (await (await fetch(`${app.url}/sandbox/chat/api/state?user=${BUDI}&since=0`)).json()) as { cursor: number; messages: Array<{ message_id: number; from: string; plain: string }> };

describe("the sandbox across a restart", () => {
  it("keeps the simulators' keys, so a supplier added by hand keeps working, and keeps the chat", async () => {
    const first = await start();
    const keys = { smm: first.sandbox!.smm.key, token: first.sandbox!.telegram.token, midtrans: first.sandbox!.midtrans.serverKey, vip: first.sandbox!.credentials.vip };
    // The owner adds the SMM simulator as a second supplier, as in the admin app (same service).
    await first.container.providers.add({ name: "panel-sendiri", kind: "smm-v2", url: `${first.url}/sandbox/smm/api/v2`, credentials: { key: keys.smm }, currency: "IDR" }, "telegram:900001");
    expect((await first.container.providers.test("panel-sendiri")).ok).toBe(true);

    first.sandbox!.telegram.userSays(BUDI, "mau beli followers instagram");
    await first.sandbox!.telegram.waitForBotMessage(BUDI, (m) => m.plain.includes("Instagram — Followers"));
    const before = await chatState(first);
    expect(before.messages.length).toBeGreaterThanOrEqual(2);
    await stop(first);

    const second = await start();
    expect(second.sandbox!.smm.key).toBe(keys.smm);
    expect(second.sandbox!.telegram.token).toBe(keys.token);
    expect(second.sandbox!.midtrans.serverKey).toBe(keys.midtrans);
    expect(second.sandbox!.credentials.vip).toEqual(keys.vip);
    const test = await second.container.providers.test("panel-sendiri");
    expect(test, test.message).toMatchObject({ ok: true });

    // The page opened after the restart shows the conversation, and it goes on from there.
    const after = await chatState(second);
    expect(after.messages.map((m) => [m.message_id, m.from, m.plain])).toEqual(before.messages.map((m) => [m.message_id, m.from, m.plain]));
    second.sandbox!.telegram.userSays(BUDI, "saya pilih ID 2");
    await second.sandbox!.telegram.waitForBotMessage(BUDI, (m) => m.message_id > before.messages.at(-1)!.message_id);
    const more = (await (await fetch(`${second.url}/sandbox/chat/api/state?user=${BUDI}&since=${before.cursor}`)).json()) as { messages: Array<{ plain: string }> };
    expect(more.messages[0]!.plain).toBe("saya pilih ID 2");
  });
});
