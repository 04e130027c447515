import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { keepScreenshot, launchBrowser, SANDBOX_ARTIFACTS } from "../kit/browser.js";
import { freePort } from "../kit/free-port.js";

/**
 * The README's demo purchase, done by a person on the /sandbox page in headless Chromium: type,
 * click "Bayar dengan QRIS", pay in the side panel, and see the order finish, without ever reloading
 * the page. The product is `npm start` without configuration (startApplication in sandbox mode),
 * with suppliers set to finish in 2 seconds (SANDBOX_SUPPLIER_SECONDS). Screenshots go to
 * test-artifacts/sandbox/.
 */
const BUDI = 100001;
let app: RunningApplication;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sandbox-page-"));
  const config = loadConfig({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, "shop.db"),
    LOG_LEVEL: "silent",
    SANDBOX_SUPPLIER_SECONDS: "2",
  });
  app = await startApplication(config, createLogger("silent"));
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const chatTexts = (page: Page) =>
  page.locator("#log .msg").evaluateAll((nodes) =>
    nodes.map((n) => ({
      id: Number((n as HTMLElement).dataset.messageId),
      from: n.classList.contains("bot") ? "bot" : "user",
      text: (n as HTMLElement).innerText,
    })),
  );
const lastBotText = async (page: Page) => (await chatTexts(page)).filter((m) => m.from === "bot").at(-1)?.text ?? "";

/** Types a message as the customer and waits until the page shows it in the chat. */
async function say(page: Page, text: string): Promise<void> {
  const before = (await chatTexts(page)).length;
  await page.locator("#text").fill(text);
  await page.locator("#text").press("Enter");
  await expect
    .poll(async () => (await chatTexts(page)).slice(before).some((m) => m.from === "user" && squash(m.text) === text), {
      timeout: 10_000,
    })
    .toBe(true);
}

/** The page shows exactly the chat the emulator holds: each message, once, with its text. */
async function expectWholeChat(page: Page): Promise<void> {
  const held = app.sandbox!.telegram.messagesIn(BUDI);
  await expect
    .poll(async () => (await chatTexts(page)).map((m) => m.id), { timeout: 10_000 })
    .toEqual(held.map((m) => m.message_id));
  const shown = await chatTexts(page);
  held.forEach((message, i) => {
    expect(shown[i]!.from).toBe(message.from);
    expect(squash(shown[i]!.text)).toContain(squash(message.successfulPayment ? "" : message.plain));
  });
}

describe("the /sandbox chat page", () => {
  it("takes the README's purchase from the first message to a completed order without a reload", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(`${app.url}/sandbox`);
    await expect.poll(() => page.locator("#user option").count()).toBeGreaterThan(0);
    // The side panel's promise comes from the simulators' actual pace: 2 s, asked every second.
    expect(await page.locator("#orders-help").innerText()).toContain("sekitar 2–3 detik");

    await say(page, "mau beli followers instagram");
    await expect.poll(() => lastBotText(page), { timeout: 15_000 }).toContain("Instagram — Followers");
    await say(page, "saya pilih ID 2");
    await expect.poll(async () => (await chatTexts(page)).at(-1)?.from, { timeout: 15_000 }).toBe("bot");
    await say(page, "https://instagram.com/budi 1000");
    const payButton = page.locator("#log .kb button", { hasText: "Bayar dengan QRIS" });
    await expect.poll(() => payButton.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await keepScreenshot(page, "1-quote", SANDBOX_ARTIFACTS);

    await payButton.last().click();
    // The button's answer shows as a toast, and the QR code arrives as a photo.
    await expect.poll(() => page.locator("#toast").innerText(), { timeout: 10_000 }).toContain("QRIS");
    await expect.poll(() => page.locator("#log .msg.bot img").count(), { timeout: 15_000 }).toBe(1);
    const pay = page.locator("#invoices button", { hasText: "Bayar" });
    await expect.poll(() => pay.count(), { timeout: 10_000 }).toBe(1);
    await keepScreenshot(page, "2-qris", SANDBOX_ARTIFACTS);

    await pay.click();
    await expect.poll(() => page.locator("#invoices").innerText(), { timeout: 10_000 }).toContain("lunas");
    await expect
      .poll(async () => (await chatTexts(page)).some((m) => m.from === "bot" && /Pesanan #\d+ selesai/.test(m.text)), {
        timeout: 60_000,
      })
      .toBe(true);
    await expect.poll(() => page.locator("#orders .row").count()).toBe(1);
    await keepScreenshot(page, "3-completed", SANDBOX_ARTIFACTS);
    await expectWholeChat(page);

    // A reload shows the same chat, and the toasts from before do not come back.
    await page.reload();
    await expectWholeChat(page);
    expect(await page.locator("#toast").isVisible()).toBe(false);
    await context.close();
  }, 180_000);

  it("keeps the header on one line on a 390 px phone, and switches its chrome to English", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: "id-ID",
    });
    const page = await context.newPage();
    await page.goto(`${app.url}/sandbox`);
    await expect.poll(() => page.locator("#log .msg").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const header = (await page.locator("header").boundingBox())!;
    const line = await page.locator("header h1").evaluate((h1) => parseFloat(getComputedStyle(h1).lineHeight));
    expect(header.width).toBeLessThanOrEqual(390);
    // One row of controls: shorter than two lines of the title plus the header's padding.
    expect(header.height).toBeLessThan(2 * line + 16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator("#invoices-card h2").innerText()).toContain("Tagihan QRIS");
    await keepScreenshot(page, "4-phone-390", SANDBOX_ARTIFACTS);

    await page.locator("#lang").click();
    expect(await page.locator("#invoices-card h2").innerText()).toContain("QRIS invoices");
    expect(await page.locator("#orders-help").innerText()).toContain("in about 2–3 s");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const englishHeader = (await page.locator("header").boundingBox())!;
    expect(englishHeader.height).toBeLessThan(2 * line + 16);
    await keepScreenshot(page, "5-phone-390-english", SANDBOX_ARTIFACTS);
    await context.close();
  }, 60_000);
});
