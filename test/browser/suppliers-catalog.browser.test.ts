import type { Browser, Page } from "playwright-core";
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
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The suppliers, import, services and dashboard areas of the admin Mini App in headless Chromium,
 * against the real product and the sandbox stand-ins: the owner adds the sandbox's SMM panel as a
 * supplier, tests its connection, imports its catalog (312 services, 6 rows skipped) with the
 * progress bar, finds a service, sets its margin and then a fixed price, stops selling it and sells
 * it again, and looks at the dashboard. Screenshots are kept in test-artifacts/miniapp/.
 */

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

const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;

/** How full the import's progress bar is drawn (0–1), once its width animation has run. */
const barFill = (page: Page) =>
  page.getByTestId("imports-progress").evaluate((bar) => {
    const fill = bar.firstElementChild as HTMLElement;
    return Math.round((fill.getBoundingClientRect().width / bar.getBoundingClientRect().width) * 100) / 100;
  });

describe("suppliers, import and services in the admin app", () => {
  it("adds a supplier, tests it, imports its catalog, reprices a service and turns it off and on", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });

    // Add the sandbox's SMM panel as a supplier.
    await page.getByTestId("nav-suppliers").click({ timeout: 15_000 });
    await page.getByTestId("suppliers-add").click();
    await page.getByTestId("supplier-form-name").fill("Panel Simulator");
    await page.getByTestId("supplier-form-url").fill(kit.standIns.smmUrl);
    await page.getByTestId("supplier-form-key-key").fill(kit.sandbox.smm.key);
    await keepScreenshot(page, "suppliers-1-add");
    await pressMain(page, "Simpan pemasok");
    await expect.poll(() => page.getByTestId("supplier-test").count(), { timeout: 10_000 }).toBe(1);
    const supplier = await kit.container.providers.requireByName("Panel Simulator");

    // Its keys show masked; the owner may reveal one, which is audited.
    await expect.poll(() => textOf(page, "supplier-keys")).toContain("••••••••");
    expect(await page.content()).not.toContain(kit.sandbox.smm.key);
    await page.getByTestId("supplier-key-reveal-key").click();
    await page.getByTestId("supplier-key-reveal-key-yes").click();
    await expect.poll(() => page.getByTestId("supplier-key-value-key").count()).toBe(1);
    expect(await textOf(page, "supplier-key-value-key")).toBe(kit.sandbox.smm.key);
    await page.getByTestId("supplier-key-hide-key").click();
    expect(await page.content()).not.toContain(kit.sandbox.smm.key);

    // Test the connection: balance, latency, result.
    await page.getByTestId("supplier-test").click();
    await expect.poll(() => page.getByTestId("supplier-test-result").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "supplier-test-result")).toMatch(/Terhubung: saldo Rp 25\.000\.000 \(\d+ ms\)/);
    expect(await textOf(page, "supplier-last-test")).toContain("OK");
    await keepScreenshot(page, "suppliers-2-tested");

    // Import its catalog: the progress bar runs to the end and the report shows what was skipped and why.
    await page.getByTestId("supplier-import").click();
    await expect
      .poll(() => page.getByTestId("imports-supplier").inputValue(), { timeout: 10_000 })
      .toBe(String(supplier.id));
    await pressMain(page, "Mulai impor");
    await expect
      .poll(() => page.getByTestId("imports-progress").getAttribute("data-percent"), { timeout: 20_000 })
      .toBe("100");
    await expect.poll(() => page.getByTestId("imports-report").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => barFill(page)).toBe(1);
    expect(await textOf(page, "imports-report-imported")).toBe("312");
    expect(await textOf(page, "imports-report-skipped")).toBe("6");
    expect(await textOf(page, "imports-skipped")).toContain("Nama kosong");
    expect(await textOf(page, "imports-phase")).toContain("Selesai");
    await keepScreenshot(page, "import-1-report");

    // Find a service and give it its own margin, then a fixed price.
    await back(page, 3);
    await page.getByTestId("nav-services").click();
    await page.getByTestId("services-search").fill("Instagram Followers [Real Global]");
    const mid = (
      await kit.container.catalog.page(
        { text: "Instagram Followers [Real Global]", providerId: supplier.id },
        { offset: 0, limit: 1 },
      )
    ).services[0]!.mid;
    await expect.poll(() => textOf(page, "services-list"), { timeout: 10_000 }).toMatch(/^1 layanan/i);
    expect(await page.getByTestId(`service-row-${mid}`).count()).toBe(1);
    await keepScreenshot(page, "services-1-search");
    await page.getByTestId(`service-row-${mid}`).click();
    await expect.poll(() => page.getByTestId("service-price").count(), { timeout: 10_000 }).toBe(1);
    const before = (await kit.container.catalog.findByMid(mid))!;

    await page.getByTestId("service-edit-price").click();
    await page.getByTestId("price-margin").fill("50");
    // The new price shows before saving.
    await expect
      .poll(() => textOf(page, "price-margin-preview"), { timeout: 10_000 })
      .toContain(`Harga baru jika disimpan: ${rupiah(before.unitPrice)} → `);
    const previewed = await textOf(page, "price-margin-preview");
    await pressMain(page, "Simpan harga");
    await expect.poll(() => textOf(page, "service-margin"), { timeout: 10_000 }).toContain("50% (khusus layanan ini)");
    const margined = (await kit.container.catalog.findByMid(mid))!;
    expect(previewed).toContain(`→ ${rupiah(margined.unitPrice)}`);
    expect(margined.unitPrice).toBeGreaterThan(before.unitPrice);
    expect(await textOf(page, "service-price")).toContain(rupiah(margined.unitPrice));

    await page.getByTestId("service-edit-price").click();
    await page.getByTestId("price-mode-fixed").click();
    await page.getByTestId("price-fixed").fill(String(before.unitCost - 1));
    await pressMain(page, "Simpan harga");
    await expect.poll(() => page.getByTestId("error").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "error")).toContain("below the supplier's cost");
    await keepScreenshot(page, "services-2-below-cost-refused");
    await page.getByTestId("price-fixed").fill("15000");
    await pressMain(page, "Simpan harga");
    await expect.poll(() => textOf(page, "service-price"), { timeout: 10_000 }).toContain(rupiah(15_000));
    expect(await textOf(page, "service-fixed")).toContain(rupiah(15_000));
    expect((await kit.container.catalog.findByMid(mid))!.unitPrice).toBe(15_000);
    await keepScreenshot(page, "services-3-fixed-price");

    // Stop selling it, then sell it again.
    await page.getByTestId("service-sold-cell").click();
    await expect.poll(() => textOf(page, "service-state"), { timeout: 10_000 }).toBe("Tidak dijual");
    expect((await kit.container.catalog.findByMid(mid))!).toMatchObject({ active: false, disabledReason: "admin" });
    await keepScreenshot(page, "services-4-disabled");
    await page.getByTestId("service-sold-cell").click();
    await expect.poll(() => textOf(page, "service-state"), { timeout: 10_000 }).toBe("Dijual");
    expect((await kit.container.catalog.findByMid(mid))!.active).toBe(true);

    const actions = (await kit.db.selectFrom("audit_log").select(["action", "actor"]).orderBy("id").execute())
      .filter((a) => a.actor === `telegram:${ADMIN_ID}`)
      .map((a) => a.action);
    expect(actions).toEqual([
      "provider.add",
      "provider.reveal",
      "catalog.import",
      "pricing.margin",
      "service.price",
      "service.disable",
      "service.enable",
    ]);
    expect(JSON.stringify(await kit.db.selectFrom("audit_log").selectAll().execute())).not.toContain(
      kit.sandbox.smm.key,
    );

    // Two customers buy it at the fixed price; the dashboard shows the sale, the chart and each supplier's balance.
    for (const userId of [100_001, 100_002]) {
      const { transaction } = await buyUntilInvoice(kit, {
        mid,
        target: `https://instagram.com/buyer_${userId}`,
        quantity: 1000,
        userId,
      });
      await kit.sandbox.midtrans.pay(transaction.order_id);
    }
    await kit.runJobs();
    await back(page, 2);
    await page.getByTestId("nav-dashboard").click();
    await expect.poll(() => textOf(page, "dashboard-balances"), { timeout: 10_000 }).toContain("Panel Simulator");
    await expect.poll(() => page.getByTestId(`dashboard-balance-${supplier.id}`).innerText()).toMatch(/Rp \d/);
    expect(await textOf(page, "dashboard-revenue")).toBe(rupiah(30_000));
    expect(await textOf(page, "dashboard-profit")).toBe(rupiah(2 * (15_000 - before.unitCost)));
    expect(await textOf(page, "dashboard-orders")).toBe("2");
    expect(await page.getByTestId("dashboard-chart").locator("rect").count()).toBe(30);
    await keepScreenshot(page, "dashboard-1");
    await page.context().close();
  });

  it("shows an operator the suppliers and services without keys, imports or changes", async () => {
    await kit.container.admins.grant({ telegramId: 900_102, role: "operator", name: "Oki" }, `telegram:${ADMIN_ID}`);
    const supplier = await kit.container.providers.requireByName("Panel Simulator");
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: 900_102, firstName: "Oki" },
    });
    await page.getByTestId("nav-suppliers").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("nav-imports").count()).toBe(0);
    expect(await page.getByTestId("nav-dashboard").count()).toBe(1);
    await page.getByTestId("nav-suppliers").click();
    expect(await page.getByTestId("suppliers-add").count()).toBe(0);
    await page.getByTestId(`supplier-row-${supplier.id}`).click();
    await expect.poll(() => page.getByTestId("supplier-last-test").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("supplier-keys").count()).toBe(0);
    expect(await page.getByTestId("supplier-test").count()).toBe(0);
    expect(await page.getByTestId("supplier-edit").count()).toBe(0);
    expect(await page.content()).not.toContain(kit.sandbox.smm.key);
    await keepScreenshot(page, "suppliers-3-operator");
    await back(page, 2);
    await page.getByTestId("nav-services").click();
    await page.getByTestId("service-row-2").click();
    await expect.poll(() => page.getByTestId("service-price").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("service-sold").isDisabled()).toBe(true);
    expect(await page.getByTestId("service-edit-price").count()).toBe(0);
    await page.context().close();
  });
});
