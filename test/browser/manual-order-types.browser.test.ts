import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/infra/clock/clock.js";
import { sandboxCatalog } from "../../src/sandbox/smm/sample-catalog.js";
import { ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * A manual order of a custom-comments service in the admin Mini App (headless Chromium, the real
 * product, the sandbox shop's list): the form asks for the comments instead of a quantity, the
 * quote counts the lines, and the order keeps and shows them.
 */
let kit: ShopKit;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  kit = await createShopKit({ clock: createManualClock(Date.now()), smm: { catalog: sandboxCatalog() } });
  kit.sandbox.telegram.addUser({ id: 100_002, first_name: "Alex", username: "alex_sandbox", language_code: "id" });
  await kit.customer(100_002).say("/start");
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

describe("manual orders of every service type in the admin app", () => {
  it("asks for the comments of a custom-comments service, prices the lines and shows them on the order", async () => {
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("provider_service_id", "=", "1401")
        .executeTakeFirstOrThrow()
    ).mid;
    const alex = await kit.db
      .selectFrom("customers")
      .selectAll()
      .where("telegram_id", "=", 100_002)
      .executeTakeFirstOrThrow();
    const owner = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
      now: new Date(),
    });
    await owner.getByTestId("nav-customers").click({ timeout: 15_000 });
    await owner.getByTestId("customers-search").fill("alex");
    await owner.getByTestId(`customer-row-${alex.id}`).click({ timeout: 10_000 });
    await owner.getByTestId("customer-manual-order").click({ timeout: 10_000 });

    await owner.getByTestId("manual-mid").fill(String(mid));
    await owner.getByTestId("manual-target").fill("https://instagram.com/p/alex_post");
    // The type's own field replaces the quantity.
    await owner.getByTestId("manual-input-comments").fill("Mantap\nKeren\nBagus\nSuka\nMantul", { timeout: 10_000 });
    expect(await owner.getByTestId("manual-quantity").count()).toBe(0);
    await pressMain(owner, "Hitung harga");
    await expect.poll(() => owner.getByTestId("manual-amount").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(owner, "extras-comments")).toContain("Komentar (5)");
    const price = await textOf(owner, "manual-amount");
    await owner.getByTestId("manual-pay-external").click();
    await owner.getByTestId("reason").fill("pesan lewat WhatsApp");
    await snap(owner, "manual-order-custom-comments");
    await pressMain(owner, `Buat pesanan · ${price}`);
    await expect.poll(() => textOf(owner, "order-status"), { timeout: 10_000 }).toContain("Manual");
    expect(await textOf(owner, "extras-comments")).toContain("Mantul");
    const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(order).toMatchObject({ status: "manual", quantity: 5, customer_id: alex.id });
    expect(JSON.parse(order.extras!)).toEqual({ comments: ["Mantap", "Keren", "Bagus", "Suka", "Mantul"] });
  });
});
