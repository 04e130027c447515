import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMiniAppBuilt, keepScreenshot, launchBrowser, openMiniApp, textOf } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, SUPPLIER, type ShopKit } from "../kit/shop-kit.js";

/**
 * A supplier held off sale for its currency, as the owner sees it in the admin Mini App (headless
 * Chromium, real product, the sandbox's SMM panel billing in USD): the supplier's page warns what
 * is wrong and what to do, in Indonesian and in English, and the warning goes once it is fixed.
 */

let kit: ShopKit;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  kit = await createShopKit({ smm: { currency: "USD" }, importCatalog: false });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

async function openSupplier(languageCode: string): Promise<Page> {
  const page = await openMiniApp(browser, {
    productUrl: kit.productUrl,
    botToken: kit.sandbox.telegram.token,
    user: { id: ADMIN_ID, firstName: "Owner", languageCode },
  });
  const supplier = await kit.container.providers.requireByName(SUPPLIER);
  await page.getByTestId("nav-suppliers").click({ timeout: 15_000 });
  await page.getByTestId(`supplier-row-${supplier.id}`).click({ timeout: 10_000 });
  await expect.poll(() => page.getByTestId("supplier-status").count(), { timeout: 10_000 }).toBe(1);
  return page;
}

describe("the supplier's page warns about its currency", () => {
  it("a USD panel without a rate: the warning says why nothing is sold and what to set, in Indonesian", async () => {
    const page = await openSupplier("id");
    await expect.poll(() => page.getByTestId("supplier-currency-warning").count(), { timeout: 10_000 }).toBe(1);
    const text = await textOf(page, "supplier-currency-warning");
    expect(text).toContain("Tidak dijual: mata uang pemasok");
    expect(text).toContain(`${SUPPLIER} memakai harga dalam USD dan belum punya kurs ke rupiah`);
    expect(text).toContain("isi kurs (rupiah per 1 USD)");
    expect(text).toContain("Dilaporkan pemasok: USD");
    await keepScreenshot(page, "supplier-currency-1-id");
    await page.context().close();
  });

  it("the same warning in English", async () => {
    const page = await openSupplier("en");
    await expect.poll(() => page.getByTestId("supplier-currency-warning").count(), { timeout: 10_000 }).toBe(1);
    const text = await textOf(page, "supplier-currency-warning");
    expect(text).toContain("Not sold: supplier currency");
    expect(text).toContain(`${SUPPLIER} prices in USD and has no rate to rupiah`);
    expect(text).toContain("set its rate (rupiah per 1 USD)");
    await page.context().close();
  });

  it("once the rate is set, the warning is gone", async () => {
    await kit.container.providers.edit(SUPPLIER, { rateToIdr: "16250" });
    const page = await openSupplier("id");
    await expect.poll(() => textOf(page, "supplier-status"), { timeout: 10_000 }).toContain("Aktif");
    expect(await page.getByTestId("supplier-currency-warning").count()).toBe(0);
    await page.context().close();
  });
});
