import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { back, ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The fulfilment buttons of the admin Mini App in headless Chromium, against the real product and
 * the sandbox stand-ins: "sync all" on the orders list; a manual order moved to processing with its
 * start count and what remains, and its notes edited on their own; an order waiting because the
 * supplier ran out of funds, sent again after a top-up. Screenshots go to test-artifacts/miniapp/.
 */

let kit: ShopKit;
let clock: ManualClock;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

async function buyAndPay(userId: number, target: string, quantity: number) {
  const { transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity, userId });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
  return kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
}
const orderRow = (id: number) => kit.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("fulfilment in the admin app", () => {
  it("syncs all orders, moves a manual order on with its progress and notes, and retries an order waiting for supplier funds", async () => {
    const atSupplier = await buyAndPay(100_001, "https://instagram.com/budi_sync_all", 1000);
    await kit.db.updateTable("services").set({ mode: "manual" }).where("mid", "=", 2).execute();
    const manual = await buyAndPay(100_002, "https://instagram.com/alex_manual", 1000);
    await kit.db.updateTable("services").set({ mode: "auto" }).where("mid", "=", 2).execute();
    kit.sandbox.smm.runOutOfFunds();
    const waiting = await buyAndPay(100_003, "https://instagram.com/sari_waiting", 500);
    expect([atSupplier.status, manual.status, waiting.status]).toEqual(["processing", "manual", "waiting_funds"]);

    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
      now: new Date(clock.now()),
    });
    await page.getByTestId("nav-orders").click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId(`order-row-${waiting.id}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, `order-row-${waiting.id}`)).toContain("Menunggu saldo supplier");

    // "Sync all" from the list: the supplier has finished the first order meanwhile.
    clock.advance(60_000);
    await page.getByTestId("orders-sync-all").click();
    await page.getByTestId("reason").fill("pagi, cek semua");
    await pressMain(page, /Sinkronkan semua/);
    await expect.poll(() => page.getByTestId("sync-all-report").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "sync-all-report")).toMatch(
      /^1 pesanan dicek dengan 1 panggilan supplier: 1 berubah, 0 supplier tidak menjawab\.$/,
    );
    expect((await orderRow(atSupplier.id)).status).toBe("completed");
    await snap(page, "fulfilment-1-sync-all");
    await back(page);

    // The manual order: under way with its start count and what is left.
    await page.getByTestId(`order-row-${manual.id}`).click();
    await expect.poll(() => page.getByTestId("action-progress").count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId("action-progress").click();
    await page.getByTestId("progress-start-count").fill("1200");
    await page.getByTestId("progress-remains").fill("400");
    await page.getByTestId("reason").fill("dikerjakan manual");
    await snap(page, "fulfilment-2-progress");
    await pressMain(page, /Simpan kemajuan/);
    await expect.poll(() => textOf(page, "order-status"), { timeout: 10_000 }).toContain("Diproses");
    expect(await orderRow(manual.id)).toMatchObject({ status: "processing", start_count: 1200, remains: 400 });

    // Notes, on their own: the status stays.
    await page.getByTestId("action-notes").click();
    await page.getByTestId("notes").fill("pelanggan minta pelan-pelan");
    await pressMain(page, /Simpan catatan/);
    await expect.poll(() => page.getByText("pelanggan minta pelan-pelan").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "order-status")).toContain("Diproses");
    expect((await orderRow(manual.id)).admin_notes).toBe("pelanggan minta pelan-pelan");
    await snap(page, "fulfilment-3-notes");
    await back(page);

    // The order waiting for funds: topped up, sent again from the app.
    await page.getByTestId(`order-row-${waiting.id}`).click();
    await expect.poll(() => page.getByTestId("action-retry").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "action-retry")).toContain("Menunggu sejak");
    kit.sandbox.smm.topUp(100_000_000);
    await page.getByTestId("action-retry").click();
    await page.getByTestId("reason").fill("saldo panel sudah diisi");
    await pressMain(page, /Kirim ulang/);
    await expect.poll(() => textOf(page, "order-status"), { timeout: 10_000 }).toContain("Dibayar");
    await kit.runJobs();
    expect((await orderRow(waiting.id)).status).toBe("processing");
    expect(kit.sandbox.smm.orders.size).toBe(2);
    await snap(page, "fulfilment-4-retried");
  });
});
