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
let port: number;
const running: RunningApplication[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sandbox-restart-"));
  port = await freePort();
});
afterAll(async () => {
  for (const app of running) await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The same data directory and port each time; the suppliers' pace may differ. */
async function start(supplierSeconds = 25): Promise<RunningApplication> {
  const config: Config = loadConfig({
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, "shop.db"),
    LOG_LEVEL: "silent",
    SANDBOX_SUPPLIER_SECONDS: String(supplierSeconds),
  });
  const app = await startApplication(config, createLogger("silent"));
  running.push(app);
  return app;
}

async function stop(app: RunningApplication): Promise<void> {
  await app.stop();
  running.splice(running.indexOf(app), 1);
}

const chatState = async (app: RunningApplication) =>
  (await (await fetch(`${app.url}/sandbox/chat/api/state?user=${BUDI}&since=0`)).json()) as {
    cursor: number;
    messages: Array<{ message_id: number; from: string; plain: string }>;
  };

describe("the sandbox across a restart", () => {
  it("keeps the simulators' keys, so a supplier added by hand keeps working, and keeps the chat", async () => {
    const first = await start();
    const keys = {
      smm: first.sandbox!.smm.key,
      token: first.sandbox!.telegram.token,
      midtrans: first.sandbox!.midtrans.serverKey,
      vip: first.sandbox!.credentials.vip,
    };
    // The owner adds the SMM simulator as a second supplier, as in the admin app (same service).
    await first.container.providers.add(
      {
        name: "panel-sendiri",
        kind: "smm-v2",
        url: `${first.url}/sandbox/smm/api/v2`,
        credentials: { key: keys.smm },
        currency: "IDR",
      },
      "telegram:900001",
    );
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
    expect(after.messages.map((m) => [m.message_id, m.from, m.plain])).toEqual(
      before.messages.map((m) => [m.message_id, m.from, m.plain]),
    );
    second.sandbox!.telegram.userSays(BUDI, "saya pilih ID 2");
    await second.sandbox!.telegram.waitForBotMessage(BUDI, (m) => m.message_id > before.messages.at(-1)!.message_id);
    const more = (await (
      await fetch(`${second.url}/sandbox/chat/api/state?user=${BUDI}&since=${before.cursor}`)
    ).json()) as { messages: Array<{ plain: string }> };
    expect(more.messages[0]!.plain).toBe("saya pilih ID 2");
    await stop(second);
  });

  it("finishes an order placed before the restart, and takes payment for a QR shown before it", async () => {
    // Suppliers slow enough that nothing finishes before the stop.
    const first = await start(600);
    const telegram = first.sandbox!.telegram;
    const pay = (app: RunningApplication, orderId: string) =>
      fetch(`${app.url}/sandbox/midtrans/_sim/transactions/${orderId}/pay`, { method: "POST" });
    const buyUntilQr = async (link: string) => {
      telegram.userSays(BUDI, "mau beli followers instagram");
      telegram.userSays(BUDI, "saya pilih ID 2");
      telegram.userSays(BUDI, `${link} 1000`);
      const quote = await telegram.waitForBotMessage(
        BUDI,
        (m) => m.plain.includes(link) && m.buttons.flat().some((b) => b.callback_data?.startsWith("pay:")),
      );
      const photos = telegram.messagesIn(BUDI).filter((m) => m.photo).length;
      telegram.userPresses(
        BUDI,
        quote.message_id,
        quote.buttons.flat().find((b) => b.callback_data?.startsWith("pay:"))!.callback_data!,
      );
      await expect
        .poll(() => telegram.messagesIn(BUDI).filter((m) => m.photo).length, { timeout: 10_000 })
        .toBe(photos + 1);
      return [...first.sandbox!.midtrans.transactions.values()].at(-1)!.order_id;
    };
    const placed = await buyUntilQr("https://instagram.com/budi_before");
    expect((await pay(first, placed)).status).toBe(200);
    await telegram.waitForBotMessage(BUDI, (m) => /sedang diproses/.test(m.plain));
    const supplierOrder = [...first.sandbox!.smm.orders.keys()].at(-1)!;
    const unpaid = await buyUntilQr("https://instagram.com/budi_unpaid");
    await stop(first);

    // After the restart, with quick suppliers: the supplier still knows the order, which completes…
    const second = await start(2);
    expect(second.sandbox!.smm.orders.has(supplierOrder)).toBe(true);
    const orderIds = (
      await second.container.db.selectFrom("orders").select(["id", "status"]).orderBy("id").execute()
    ).map((o) => o.id);
    await second.sandbox!.telegram.waitForBotMessage(
      BUDI,
      (m) => m.plain.includes(`Pesanan #${orderIds[0]} selesai`),
      20_000,
    );
    // …and the QR shown before the stop can still be paid, and that order completes too.
    expect((await pay(second, unpaid)).status).toBe(200);
    await second.sandbox!.telegram.waitForBotMessage(
      BUDI,
      (m) => m.plain.includes(`Pesanan #${orderIds[1]} selesai`),
      20_000,
    );
    // New supplier orders continue the numbering instead of reusing the first one's number.
    expect(Math.max(...second.sandbox!.smm.orders.keys())).toBeGreaterThan(supplierOrder);
    await stop(second);
  }, 90_000);
});
