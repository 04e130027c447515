import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMiniAppBuilt, keepScreenshot, launchBrowser, openMiniApp } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../kit/shop-kit.js";

let kit: ShopKit;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  kit = await createShopKit({ importCatalog: false });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

describe("the admin Mini App in a real browser", () => {
  it("signs the owner in with Telegram initData and shows the areas of the shop", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await expect.poll(() => page.getByText("Peran: Pemilik").count(), { timeout: 15_000 }).toBe(1);
    await keepScreenshot(page, "home-owner");
    await page.getByText("English").click();
    await expect.poll(() => page.getByText("Role: Owner").count()).toBe(1);
    await page.context().close();
  });

  it("tells a Telegram user who is not staff that the account has no access", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: 555_777, firstName: "Stranger" },
    });
    await expect
      .poll(() => page.getByTestId("error").textContent(), { timeout: 15_000 })
      .toContain("tidak punya akses admin");
    await page.context().close();
  });

  it("asks to reopen from Telegram when the sign-in is stale", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
      now: new Date(Date.now() - 2 * 3_600_000),
    });
    await expect
      .poll(() => page.getByTestId("error").textContent(), { timeout: 15_000 })
      .toContain("Buka aplikasi admin dari bot");
    await page.context().close();
  });
});
