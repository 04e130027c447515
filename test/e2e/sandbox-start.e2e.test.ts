import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { freePort } from "../kit/free-port.js";
import { captureLogs } from "../kit/log-capture.js";

/**
 * `npm start` with no configuration at all: the sandbox starts on loopback and a customer buys a
 * product end to end through the /sandbox page's API, with the bot long-polling the emulator.
 */
let app: RunningApplication;
let dataDir: string;
const logs = captureLogs("info");

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "shop-sandbox-"));
  const config = loadConfig({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, "shop.db"),
  });
  app = await startApplication(config, logs.logger);
});
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const page = (path: string, body?: unknown) =>
  fetch(
    `${app.url}/sandbox${path}`,
    body ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : undefined,
  );
const USER = 100001;

async function say(text: string) {
  expect((await page("/chat/api/send", { user: USER, text })).status).toBe(200);
}

describe("npm start without configuration", () => {
  it("serves /healthz and the /sandbox chat page", async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: "ok" });
    const html = await (await page("")).text();
    expect(html).toContain("Toko sandbox");
  });

  it("opens the admin app from /sandbox/admin as the sandbox's owner, with initData the admin API accepts", async () => {
    const redirect = await fetch(`${app.url}/sandbox/admin`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${app.url}/miniapp/`);
    expect((await fetch(`${app.url}/miniapp/`)).headers.get("content-type")).toMatch(/text\/html/);
    const initData = new URLSearchParams(location.hash.slice(1)).get("tgWebAppData")!;
    const me = await fetch(`${app.url}/api/admin/me`, { headers: { authorization: `tma ${initData}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      role: "owner",
      sandbox: true,
      permissions: expect.arrayContaining(["staff", "reveal"]),
    });
    // The same data, tampered with, is refused.
    expect(
      (
        await fetch(`${app.url}/api/admin/me`, {
          headers: { authorization: `tma ${initData.replace("Sandbox", "Sandbax")}` },
        })
      ).status,
    ).toBe(401);
  });

  it("generated a master key for this machine and warned about it", () => {
    expect(logs.text()).toContain("MASTER_KEY not set");
  });

  it("lets a customer buy end to end: chat, quote, QRIS, payment, supplier order, confirmation", async () => {
    const telegram = app.sandbox!.telegram;
    await say("saya mau beli followers instagram");
    await telegram.waitForBotMessage(USER, (m) => m.plain.includes("Instagram — Followers"));
    await say("saya pilih ID 2");
    await say("https://instagram.com/budi_santoso 1000");
    const quote = await telegram.waitForBotMessage(USER, (m) => m.plain.includes("Ringkasan pesanan"));
    const pay = quote.buttons.flat().find((b) => b.callback_data?.startsWith("pay:"))!;
    expect(
      (await page("/chat/api/press", { user: USER, messageId: quote.message_id, data: pay.callback_data })).status,
    ).toBe(200);
    const qr = await telegram.waitForBotMessage(USER, (m) => Boolean(m.photo));
    expect(qr.plain).toMatch(/Pesanan #\d+/);
    const image = await page(`/chat/files/${encodeURIComponent(qr.photo!)}`);
    expect(image.headers.get("content-type")).toBe("image/png");

    const invoices = (await (await page("/midtrans/_sim/transactions")).json()) as Array<{
      order_id: string;
      gross_amount: number;
      status: string;
    }>;
    expect(invoices).toHaveLength(1);
    const quoteRow = await app.container.db.selectFrom("quotes").select("amount").executeTakeFirstOrThrow();
    expect(invoices[0]!.gross_amount).toBe(quoteRow.amount); // charged exactly what was quoted
    expect((await page(`/midtrans/_sim/transactions/${invoices[0]!.order_id}/pay`, {})).status).toBe(200);

    await telegram.waitForBotMessage(USER, (m) => m.plain.includes("sudah diterima"));
    const processing = await telegram.waitForBotMessage(USER, (m) => m.plain.includes("sedang diproses"));
    expect(processing.plain).toMatch(/Pesanan #\d+ sedang diproses/);
    expect(app.sandbox!.smm.addCalls()).toBe(1);
  });
});
