import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  back,
  ensureMiniAppBuilt,
  keepScreenshot,
  launchBrowser,
  openMiniApp,
  pressMain,
  textOf,
} from "../kit/browser.js";
import { ADMIN_ID, createShopKit, SUPPLIER, type ShopKit } from "../kit/shop-kit.js";

/**
 * A shop owner adds a second supplier in the admin Mini App (headless Chromium, the real product):
 * its import brings the new services in hidden for review, the owner keeps one as the backup of the
 * same service already sold in one tap, searches by words, selects services to hide them and give
 * them one margin (previewed), sets a category's and the supplier's margin with a preview, renames
 * the supplier and switches it from USD to rupiah. Screenshots in test-artifacts/miniapp/.
 */

let kit: ShopKit;
let browser: Browser;
let secondId: number;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  kit = await createShopKit();
  secondId = (
    await kit.container.providers.add({
      name: "kedua",
      kind: "smm-v2",
      url: kit.standIns.smmUrl,
      credentials: { key: kit.sandbox.smm.key },
    })
  ).id;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;
const service = async (mid: number) => (await kit.container.catalog.findByMid(mid))!;

describe("a second supplier, margins and bulk actions in the admin app", () => {
  it("imports the second supplier for review and keeps its twin as a backup in one tap", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await page.getByTestId("nav-imports").click({ timeout: 15_000 });
    await page.getByTestId("imports-supplier").selectOption(String(secondId));
    // The shop already sells the first supplier's services: new ones wait for review unless the owner says otherwise.
    await expect.poll(() => page.getByTestId("imports-new-services").inputValue(), { timeout: 10_000 }).toBe("review");
    expect(await textOf(page, "imports-new-services-hint")).toContain("disembunyikan untuk ditinjau");
    await pressMain(page, "Mulai impor");
    await expect.poll(() => page.getByTestId("imports-report").count(), { timeout: 20_000 }).toBe(1);
    expect(await textOf(page, "imports-report-review")).toBe("312");
    expect(await textOf(page, "imports-report-new-services")).toContain(
      "312 layanan baru disembunyikan untuk ditinjau",
    );
    expect((await kit.container.catalog.page({ state: "sold" }, { offset: 0, limit: 1 })).total).toBe(312);
    await keepScreenshot(page, "review-1-import");

    await page.getByTestId("imports-review-open").click();
    await expect.poll(() => textOf(page, "services-list"), { timeout: 10_000 }).toMatch(/^312 layanan/);
    // Word search, any order and case: finds the new twin waiting for review.
    await page.getByTestId("services-search").fill("followers instagram real global no refill");
    const twinMid = (
      await kit.container.catalog.page(
        { providerId: secondId, text: "Instagram Followers [Real Global] [No Refill]" },
        { offset: 0, limit: 1 },
      )
    ).services[0]!.mid;
    await expect.poll(() => textOf(page, "services-list"), { timeout: 10_000 }).toMatch(/^1 layanan/);
    expect(await textOf(page, `service-status-${twinMid}`)).toBe("Menunggu tinjauan");
    await page.getByTestId(`service-row-${twinMid}`).click();
    await expect.poll(() => page.getByTestId("service-twins").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "service-twins")).toContain("ID 2");
    expect(await textOf(page, "service-review")).toContain("Setujui dan jual");
    expect(await page.content()).toContain("Mati: layanan baru, menunggu tinjauan admin");
    await keepScreenshot(page, "review-2-twin");
    await page.getByTestId("service-twin-backup-2").click();
    await expect.poll(() => textOf(page, "service-state"), { timeout: 10_000 }).toBe("Cadangan (tidak dijual sendiri)");
    expect(await service(twinMid)).toMatchObject({ active: false, disabledReason: "backup", usableAsBackup: true });
    expect((await kit.container.catalogManagement.backups(2)).map((b) => b.mid)).toEqual([twinMid]);

    // Another one is approved for sale.
    await back(page);
    await page.getByTestId("services-search").fill("");
    const approveMid = (await kit.container.catalog.page({ state: "review" }, { offset: 0, limit: 1 })).services[0]!
      .mid;
    await page.getByTestId(`service-row-${approveMid}`).click();
    await page.getByTestId("service-review-approve").click({ timeout: 10_000 });
    await expect.poll(() => textOf(page, "service-state"), { timeout: 10_000 }).toBe("Dijual");
    expect((await service(approveMid)).active).toBe(true);
    await page.context().close();
  }, 90_000);

  it("selects services to hide them, then gives them one margin after a preview", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await page.getByTestId("nav-services").click({ timeout: 15_000 });
    await page
      .getByTestId("services-supplier")
      .selectOption(String((await kit.container.providers.requireByName(SUPPLIER)).id));
    await expect.poll(() => page.getByTestId("service-row-3").count(), { timeout: 10_000 }).toBe(1);
    // Each row: price, cost in rupiah and margin, and whether customers can buy it.
    const three = await service(3);
    const row = await textOf(page, "service-row-3");
    expect(row).toContain(`modal ${rupiah(three.unitCost)}`);
    expect(row).toMatch(/margin \d+%/);
    expect(await textOf(page, "service-status-3")).toBe("Dijual");

    await page.getByTestId("services-select").click();
    await page.getByTestId("service-row-3").click();
    await page.getByTestId("service-row-4").click();
    expect(await textOf(page, "services-bulk")).toContain("2 layanan dipilih");
    await page.getByTestId("services-bulk-disable").click();
    await expect.poll(() => textOf(page, "services-bulk-result"), { timeout: 10_000 }).toContain("2 layanan diubah");
    await expect.poll(() => textOf(page, "service-status-3")).toBe("Disembunyikan");
    expect(await textOf(page, "service-status-4")).toBe("Disembunyikan");
    expect([(await service(3)).disabledReason, (await service(4)).disabledReason]).toEqual(["admin", "admin"]);

    await page.getByTestId("services-bulk-margin").click();
    await page.getByTestId("services-bulk-margin-input").fill("150");
    await page.getByTestId("services-bulk-margin-preview").click();
    await expect
      .poll(() => page.getByTestId("services-bulk-margin-preview-summary").count(), { timeout: 10_000 })
      .toBe(1);
    expect(await textOf(page, "services-bulk-margin-preview-summary")).toContain("2 harga berubah");
    const example = await textOf(page, "services-bulk-margin-example-3");
    expect(example).toContain(`${rupiah(three.unitPrice)} → `);
    expect((await service(3)).unitPrice).toBe(three.unitPrice); // a preview saves nothing
    await keepScreenshot(page, "bulk-1-margin-preview");
    await page.getByTestId("services-bulk-margin-save").click();
    await expect.poll(async () => (await service(3)).unitPrice, { timeout: 10_000 }).toBeGreaterThan(three.unitPrice);
    expect(example).toContain(rupiah((await service(3)).unitPrice));
    await page.getByTestId("services-bulk-enable").click();
    await expect.poll(() => textOf(page, "service-status-3"), { timeout: 10_000 }).toBe("Dijual");
    await page.context().close();
  });

  it("sets a category's margin and the supplier's margin with a preview", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await page.getByTestId("nav-services").click({ timeout: 15_000 });
    await page.getByTestId("services-margins").click();
    const category = (await service(2)).category;
    const before = await service(2);
    await page.getByTestId("margins-category-search").fill(category);
    await page.getByTestId(`margins-category-${category}`).click({ timeout: 10_000 });
    await page.getByTestId("margin-category-input").fill("90");
    await page.getByTestId("margin-category-preview").click();
    await expect.poll(() => page.getByTestId("margin-category-preview-summary").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "margin-category-preview-summary")).toMatch(/Margin 90% — \d+ harga berubah/);
    await keepScreenshot(page, "margins-1-category-preview");
    await page.getByTestId("margin-category-save").click();
    await expect.poll(() => page.getByTestId("margins-saved").count(), { timeout: 10_000 }).toBe(1);
    // The saved note shows with the save's answer; the list reloads the margins just after it.
    await expect.poll(() => textOf(page, `margins-category-${category}`), { timeout: 10_000 }).toContain("90%");
    expect((await service(2)).unitPrice).toBeGreaterThan(before.unitPrice);

    await back(page, 2);
    await page.getByTestId("nav-suppliers").click();
    await page.getByTestId(`supplier-row-${secondId}`).click();
    await page.getByTestId("supplier-margin-edit").click({ timeout: 10_000 });
    await page.getByTestId("supplier-margin-input").fill("40");
    await page.getByTestId("supplier-margin-preview").click();
    await expect
      .poll(() => textOf(page, "supplier-margin-preview-summary"), { timeout: 10_000 })
      .toContain("harga berubah");
    await page.getByTestId("supplier-margin-save").click();
    await expect.poll(() => textOf(page, "supplier-margin-value"), { timeout: 10_000 }).toBe("40%");
    expect((await kit.container.catalog.pricingRules()).byProvider.get(secondId)).toBeDefined();
    await page.context().close();
  });

  it("renames the supplier (a taken name is said before sending) and switches it from USD to rupiah in one edit", async () => {
    await kit.container.providers.edit("kedua", { currency: "USD", rateToIdr: "16250" });
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await page.getByTestId("nav-suppliers").click({ timeout: 15_000 });
    await page.getByTestId(`supplier-row-${secondId}`).click();
    await page.getByTestId("supplier-edit").click({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId("supplier-form-name").inputValue(), { timeout: 10_000 }).toBe("kedua");
    expect(await page.getByTestId("supplier-form-rate").inputValue()).toBe("16250");
    await page.getByTestId("supplier-form-name").fill("PANEL");
    await expect
      .poll(() => textOf(page, "supplier-form-name-taken"))
      .toContain('Nama "PANEL" sudah dipakai pemasok lain');
    expect(await page.getByTestId("main-button").isEnabled()).toBe(false);
    await page.getByTestId("supplier-form-name").fill("Kedua Cadangan");
    await page.getByTestId("supplier-form-currency").fill("IDR");
    expect(await page.getByTestId("supplier-form-rate").count()).toBe(0);
    await keepScreenshot(page, "supplier-rename-1-form");
    await pressMain(page, "Simpan pemasok");
    await expect.poll(() => page.getByTestId("supplier-test").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText("Kedua Cadangan").count()).toBeGreaterThan(0);
    expect(await kit.container.providers.getById(secondId)).toMatchObject({
      name: "Kedua Cadangan",
      currency: "IDR",
      rateToIdr: "1",
    });
    expect((await kit.container.catalog.page({ providerId: secondId }, { offset: 0, limit: 1 })).total).toBe(312);
    await page.context().close();
  });
});
