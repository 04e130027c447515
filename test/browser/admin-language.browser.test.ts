import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { adminCalls } from "../kit/admin-calls.js";
import { back, ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The Indonesian admin app, walked screen by screen in headless Chromium over a shop with a
 * history: a customer who topped up by QRIS, bought from the balance and got part of it back (the
 * SMM simulator delivers 70 % of a "partial" link), a manual order, a margin change, a supplier
 * added (audited with the names of its key fields), a broadcast, a long hand-off. Every screen's
 * text must be free of the English sentences and raw keys the server used to send as they were,
 * and the things point 14 of issue 10 asked for are checked where they show: the hand-off opens
 * at its latest messages with the answer box in view, people by name, a manual order's timeline
 * from its creation, the chart's value axis.
 */

/** Text that must never reach a reader of the Indonesian app: product English and raw keys. */
const FORBIDDEN: Array<string | RegExp> = [
  "wallet top-up by QRIS",
  /partial: \d+ of \d+/,
  "not delivered",
  "manual order:",
  "supplier status",
  "purchase:order:",
  "pricing.margin",
  "credentialFields",
  "15 */6 * * *",
  "needs its rate to IDR",
  "the smallest allowed",
  "cannot be above the largest",
  /\b(?:free_fire|mobile_legends|pubg_mobile|genshin_impact|call_of_duty_mobile|honor_of_kings) \(/,
  // A text key the app has no text for shows as itself.
  /\b(?:ledger|audit|error|cron|platform|timeline|dashboard|setting|settings|handoffs?|broadcasts?|staff)\.[a-z_]+(?:\.[a-z_]+)+\b/,
];

let kit: ShopKit;
let clock: ManualClock;
let browser: Browser;
let page: Page;
const BUDI = 100_001;
let budiId: number;
let manualOrderId: number;
let handoffNumber: number;

beforeAll(async () => {
  await ensureMiniAppBuilt();
  // The shop's clock starts at real time: the browser's signed initData is checked against it.
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
  browser = await launchBrowser();

  // Budi tops up 200,000 by QRIS, buys 5,000 followers from the balance for a link the simulator
  // delivers only 70 % of, and the supplier's answer refunds 1,500 of them.
  const budi = kit.customer(BUDI);
  await budi.say("/topup 200000");
  await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
  await kit.runJobs();
  await budi.say("ID 2 https://instagram.com/partial_budi 5000");
  await budi.pressButton(/^payw:/);
  await kit.runJobs();
  const bought = await kit.db.selectFrom("orders").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
  clock.advance(10 * 60_000);
  await kit.container.statusSync.syncOrders([bought.id]);
  budiId = (await kit.container.customers.findByTelegramId(BUDI))!.id;

  // The owner's own changes: a manual order paid from Budi's balance, the default margin, a broadcast.
  const calls = adminCalls(kit).as(ADMIN_ID);
  const quote = await calls.post<{ quoteId: string }>("/orders/manual/quote", {
    customerId: budiId,
    mid: 2,
    target: "https://instagram.com/budi_manual",
    quantity: 1000,
  });
  const manual = await calls.post<{ order: { id: number } }>("/orders/manual", {
    quoteId: quote.body.quoteId,
    payment: "wallet",
    reason: "pesan lewat WhatsApp",
  });
  expect(manual.status).toBe(201);
  manualOrderId = manual.body.order.id;
  await kit.container.catalogManagement.setMargin({ scope: "default" }, "35", `telegram:${ADMIN_ID}`);
  expect(
    (await calls.post("/broadcasts", { html: "Promo <b>akhir pekan</b>", audience: { kind: "all" } })).status,
  ).toBe(201);

  // A long conversation before Budi asks for a person: far taller than the screen.
  const sari = kit.customer(100_002);
  for (let i = 1; i <= 40; i++) await sari.say(`pertanyaan nomor ${i}: followers ig yang real ada kak?`);
  await sari.say("/cs");
  await sari.say("pesan terakhir saya, tolong dibalas kak");
  handoffNumber = (await kit.container.handoff.openFor((await kit.container.customers.findByTelegramId(100_002))!.id))!
    .number;

  page = await openMiniApp(browser, {
    productUrl: kit.productUrl,
    botToken: kit.sandbox.telegram.token,
    user: { id: ADMIN_ID, firstName: "Owner" },
    now: new Date(clock.now()),
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

/** The whole page's text once `ready` shows, checked against FORBIDDEN. */
async function screenText(ready: string): Promise<string> {
  await expect.poll(() => page.getByTestId(ready).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const text = await page.locator("body").innerText();
  for (const bad of FORBIDDEN) {
    if (typeof bad === "string") expect(text, `"${bad}" on the screen showing ${ready}`).not.toContain(bad);
    else expect(text, `${String(bad)} on the screen showing ${ready}`).not.toMatch(bad);
  }
  return text;
}

async function home(): Promise<void> {
  while ((await page.getByTestId("back-button").count()) > 0) await back(page);
}

describe("the Indonesian admin app, screen by screen", () => {
  it("draws the dashboard chart with a value axis and dates", async () => {
    await page.getByTestId("nav-dashboard").click({ timeout: 15_000 });
    await screenText("dashboard-chart");
    const chart = page.getByTestId("dashboard-chart");
    const ticks = await chart.getByTestId("chart-tick").evaluateAll((groups) => groups.map((g) => g.textContent ?? ""));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]).toBe("0");
    for (const label of ticks.slice(1)) expect(label).toMatch(/^Rp \d+(,\d)?\s?rb$/);
    expect(await chart.getByTestId("chart-day").count()).toBe(5); // every seventh of 30 days, ending today
    await snap(page, "language-1-dashboard");
  });

  it("says why each of Budi's wallet entries exists", async () => {
    await home();
    await page.getByTestId("nav-customers").click();
    await page.getByTestId(`customer-row-${budiId}`).click({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId("customer-ledger").innerText(), { timeout: 10_000 })
      .toContain("Isi saldo lewat QRIS");
    const ledger = await textOf(page, "customer-ledger");
    expect(ledger).toContain("Refund: 1.500 dari 5.000 tidak terkirim");
    expect(ledger).toContain("Alasan: “pesan lewat WhatsApp”");
    await screenText("customer-ledger");
    await snap(page, "language-2-ledger");
    await home();
  });

  it("starts a manual order's timeline with its creation and says how it was paid", async () => {
    await home();
    await page.getByTestId("nav-orders").click();
    await page.getByTestId(`order-row-${manualOrderId}`).click({ timeout: 10_000 });
    await screenText("timeline-paid");
    const headers = await page
      .getByTestId("order-timeline")
      .locator("[data-testid^=timeline-]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-testid")));
    expect(headers.slice(0, 2)).toEqual(["timeline-created", "timeline-paid"]);
    expect(await textOf(page, "timeline-paid")).toContain("Dibayar · saldo dompet");
    await home();
  });

  it("names audit actions and fields in words", async () => {
    await home();
    await page.getByTestId("nav-audit").click();
    const text = await screenText("audit-list");
    expect(text).toContain("Margin diubah");
    expect(text).toContain("Pemasok ditambahkan");
    expect(text).toContain("Kunci yang diisi");
    await home();
  });

  it("lists platforms by name", async () => {
    await home();
    await page.getByTestId("nav-services").click();
    await screenText("services-platform");
    const options = await page.getByTestId("services-platform").locator("option").allInnerTexts();
    expect(options.some((o) => /^Instagram \(\d+\)$/.test(o))).toBe(true);
    for (const option of options) expect(option).not.toMatch(/^[a-z]+_[a-z_]+ /);
    await home();
  });

  it("reads the catalog schedule in words, checks a schedule as it is typed, and says the server's refusals in Indonesian", async () => {
    await home();
    await page.getByTestId("nav-settings").click();
    await screenText("setting-value-catalog.sync_cron");
    expect(await textOf(page, "setting-value-catalog.sync_cron")).toBe("setiap 6 jam, menit ke-15");
    await page.getByTestId("setting-row-catalog.sync_cron").click();
    await page.getByTestId("setting-input").fill("0 3 * * *");
    await expect
      .poll(() => textOf(page, "setting-cron-words"), { timeout: 10_000 })
      .toBe("Artinya: setiap hari pukul 03:00 (WIB)");
    await page.getByTestId("setting-input").fill("tiap jam");
    await expect.poll(() => textOf(page, "setting-problem")).toContain("jadwal perlu lima bagian");
    await back(page);

    // Above the largest top-up: within the field's own limits, so the server is the one to refuse.
    await page.getByTestId("setting-row-wallet.topup_min").click({ timeout: 10_000 });
    await page.getByTestId("setting-input").fill("9000000");
    await pressMain(page, "Simpan pengaturan");
    await expect.poll(() => page.getByTestId("error").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "error")).toContain(
      "Isi saldo terkecil tidak boleh di atas yang terbesar (Rp 5.000.000).",
    );
    await screenText("error");
    await snap(page, "language-3-refused");
    await home();
  });

  it("shows who sent a broadcast and who is on the staff by name, the id second", async () => {
    await home();
    await page.getByTestId("nav-broadcasts").click();
    const list = await screenText("broadcasts-list");
    expect(list).toContain("Owner");
    expect(list).not.toContain(`telegram:${ADMIN_ID}`);
    await page.locator("[data-testid^=broadcast-row-]").first().click();
    await expect
      .poll(() => page.locator("body").innerText(), { timeout: 10_000 })
      .toContain(`oleh Owner (telegram:${ADMIN_ID})`);
    await home();
    await page.getByTestId("nav-staff").click();
    await screenText("staff-list");
    expect(await textOf(page, `staff-row-${ADMIN_ID}`)).toMatch(new RegExp(`^Owner[\\s\\S]*Telegram ${ADMIN_ID}`));
    await home();
  });

  it("opens a long hand-off at its latest messages with the answer box in view", async () => {
    await home();
    await page.getByTestId("nav-handoffs").click();
    await page.getByTestId(`handoff-row-${handoffNumber}`).click({ timeout: 10_000 });
    await screenText("handoff-chat");
    const viewport = page.viewportSize()!;
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3 * viewport.height);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(0);
    const reply = (await page.getByTestId("handoff-reply").boundingBox())!;
    const mainButton = (await page.getByTestId("main-button").boundingBox())!;
    expect(reply.y).toBeGreaterThanOrEqual(0);
    expect(reply.y + reply.height).toBeLessThanOrEqual(mainButton.y); // above the MainButton, not under it
    const last = (await page.getByTestId("turn-customer").last().boundingBox())!;
    expect(last.y + last.height).toBeGreaterThan(0); // the latest message is on screen too
    expect(last.y).toBeLessThan(viewport.height);
    await snap(page, "language-4-handoff");
  });
});
