import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The orders, customers and audit areas of the admin Mini App in headless Chromium, against the
 * real product and the sandbox stand-ins: Budi (100001) and Alex (100002) buy through the bot and
 * pay the QRIS invoice (Midtrans simulator); the owner then finds Budi's order, follows it, forces
 * a sync, refunds part of it and then the rest, sees Budi's balance and ledger, adjusts the
 * balance, and reads the audit log. Screenshots are kept in test-artifacts/miniapp/.
 */

let kit: ShopKit;
let clock: ManualClock;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  // The shop's clock starts at real time: the browser's signed initData is checked against it.
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

/** A customer buys `quantity` of sample mid 2 through the bot and pays; the supplier takes it. */
async function buyAndPay(userId: number, target: string, quantity: number) {
  const { transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity, userId });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
  return kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
}

const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat("id-ID").format(amount)}`;

describe("orders, customers and the audit log in the admin app", () => {
  it("finds a paid order, syncs it, refunds part then the rest, adjusts the customer's balance and shows it all in the audit log", async () => {
    const budiOrder = await buyAndPay(100_001, "https://instagram.com/budi_browser", 1000);
    const alexOrder = await buyAndPay(100_002, "https://instagram.com/alex_browser", 500);
    expect([budiOrder.status, alexOrder.status]).toEqual(["processing", "processing"]);
    const amount = budiOrder.amount;

    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
      now: new Date(clock.now()),
    });
    await page.getByTestId("nav-orders").click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId(`order-row-${alexOrder.id}`).count(), { timeout: 10_000 }).toBe(1);
    await snap(page, "orders-1-list");

    // Filter by status, then by customer: only Budi's order is left.
    await page.getByTestId("orders-status").selectOption("processing");
    await page.getByTestId("orders-customer").fill("@budi_sandbox");
    await expect.poll(() => page.getByTestId(`order-row-${alexOrder.id}`).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByTestId(`order-row-${budiOrder.id}`).count()).toBe(1);
    expect(await textOf(page, "orders-list")).toContain("1 pesanan");
    await snap(page, "orders-2-filtered");

    // The order and its timeline: created, paid by QRIS, placed with the supplier.
    await page.getByTestId(`order-row-${budiOrder.id}`).click();
    await expect.poll(() => page.getByTestId("timeline-placed").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "timeline-paid")).toContain("QRIS (Midtrans)");
    expect(await textOf(page, "timeline-placed")).toContain(
      (
        await kit.db
          .selectFrom("orders")
          .select("provider_order_id")
          .where("id", "=", budiOrder.id)
          .executeTakeFirstOrThrow()
      ).provider_order_id!,
    );
    expect(await textOf(page, "order-status")).toContain("Diproses");
    await snap(page, "orders-3-detail");

    // The supplier finishes it (25 s in the simulator); a forced sync brings the news.
    clock.advance(60_000);
    await page.getByTestId("action-sync").click();
    await page.getByTestId("reason").fill("pelanggan tanya lewat WhatsApp");
    await snap(page, "orders-4-sync-form");
    await pressMain(page, /Sinkronkan/);
    await expect.poll(() => textOf(page, "order-status"), { timeout: 10_000 }).toContain("Selesai");
    expect(await page.getByTestId("timeline-finished").count()).toBe(1);
    await snap(page, "orders-5-synced");

    // Refund part of it…
    await page.getByTestId("action-refund").click();
    await expect.poll(() => textOf(page, "refund-left"), { timeout: 10_000 }).toBe(rupiah(amount));
    await page.getByTestId("refund-part").click();
    await page.getByTestId("refund-amount").fill("2500");
    expect(await page.getByTestId("refund-amount").inputValue()).toBe("2.500");
    await page.getByTestId("reason").fill("kompensasi keterlambatan");
    await snap(page, "orders-6-refund-part");
    await pressMain(page, `Refund ${rupiah(2_500)}`);
    await expect.poll(() => textOf(page, "order-refunded"), { timeout: 10_000 }).toBe(rupiah(2_500));
    expect(await textOf(page, "order-left")).toBe(rupiah(amount - 2_500));

    // …then all that is left: the order closes as refunded.
    await page.getByTestId("action-refund").click();
    await expect.poll(() => textOf(page, "refund-left"), { timeout: 10_000 }).toBe(rupiah(amount - 2_500));
    await page.getByTestId("reason").fill("pelanggan minta sisanya");
    await pressMain(page, `Refund ${rupiah(amount - 2_500)}`);
    await expect.poll(() => textOf(page, "order-status"), { timeout: 10_000 }).toContain("Dana dikembalikan");
    expect(await textOf(page, "order-left")).toBe(rupiah(0));
    expect(await page.getByTestId("action-refund").count()).toBe(0);
    await snap(page, "orders-7-refunded");

    // Budi's wallet now holds the whole amount, in two ledger entries.
    await page.getByTestId("order-customer").click();
    await expect.poll(() => textOf(page, "customer-balance"), { timeout: 10_000 }).toBe(rupiah(amount));
    // The ledger is a request of its own: it may arrive after the balance.
    await expect.poll(() => textOf(page, "customer-ledger"), { timeout: 10_000 }).toContain(`+${rupiah(2_500)}`);
    const ledger = await textOf(page, "customer-ledger");
    expect(ledger).toContain(`+${rupiah(2_500)}`);
    expect(ledger).toContain(`+${rupiah(amount - 2_500)}`);
    await snap(page, "customers-1-detail");

    // A balance adjustment, with its reason.
    await page.getByTestId("customer-adjust").click();
    await page.getByTestId("adjust-debit").click({ timeout: 10_000 });
    await page.getByTestId("adjust-amount").fill("5000");
    await page.getByTestId("reason").fill("koreksi bonus ganda");
    await snap(page, "customers-2-adjust");
    await pressMain(page, `Kurangi ${rupiah(5_000)}`);
    await expect.poll(() => textOf(page, "customer-balance"), { timeout: 10_000 }).toBe(rupiah(amount - 5_000));
    await expect.poll(() => textOf(page, "customer-ledger"), { timeout: 10_000 }).toContain(`−${rupiah(5_000)}`);

    // The customer's audit log: the adjustment with its balance before and after.
    await page.getByTestId("customer-audit").click();
    await expect.poll(() => textOf(page, "audit-list"), { timeout: 10_000 }).toContain("Saldo disesuaikan");
    const customerAudit = await textOf(page, "audit-list");
    expect(customerAudit).toContain("koreksi bonus ganda");
    expect(customerAudit).toContain(
      `Saldo: ${new Intl.NumberFormat("id-ID").format(amount)} → ${new Intl.NumberFormat("id-ID").format(amount - 5_000)}`,
    );
    await snap(page, "audit-1-customer");

    // The whole log from the menu, narrowed to the order: the sync and both refunds, by the owner.
    // Telegram's BackButton all the way home (audit ← customer ← order ← orders ← home).
    for (let i = 0; i < 4; i++) await page.getByTestId("back-button").click();
    expect(await page.getByTestId("back-button").count()).toBe(0);
    await page.getByTestId("nav-audit").click({ timeout: 10_000 });
    await page.getByTestId("audit-subject").fill(`order:${budiOrder.id}`);
    await expect.poll(() => textOf(page, "audit-list"), { timeout: 10_000 }).toContain("3 entri");
    const orderAudit = await textOf(page, "audit-list");
    expect(orderAudit).toContain("Sinkron status paksa");
    expect(orderAudit).toContain("kompensasi keterlambatan");
    expect(orderAudit).toContain("pelanggan minta sisanya");
    expect(orderAudit).toContain("Status: Diproses → Selesai");
    await snap(page, "audit-2-order");

    // What the customer was told, and what the database holds, agree with the screens.
    await kit.runJobs();
    expect(
      kit
        .customer(100_001)
        .botMessages()
        .map((m) => m.plain)
        .join("\n"),
    ).toContain(`untuk pesanan #${budiOrder.id} dikembalikan ke saldo dompetmu oleh admin`);
    expect(await kit.container.wallet.balance(budiOrder.customer_id)).toBe(amount - 5_000);
    await page.context().close();
  });

  it("makes a manual order paid outside the bot, sets its outcome, and resolves an unknown order as an operator (who cannot refund)", async () => {
    const owner = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
      now: new Date(clock.now()),
    });
    await owner.getByTestId("nav-customers").click({ timeout: 15_000 });
    await owner.getByTestId("customers-search").fill("alex");
    const alex = await kit.db
      .selectFrom("customers")
      .selectAll()
      .where("telegram_id", "=", 100_002)
      .executeTakeFirstOrThrow();
    await expect
      .poll(() => owner.getByTestId("customers-list").locator("[data-testid^=customer-row-]").count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await owner.getByTestId(`customer-row-${alex.id}`).count()).toBe(1);
    await snap(owner, "customers-3-search");
    await owner.getByTestId(`customer-row-${alex.id}`).click();
    await owner.getByTestId("customer-manual-order").click({ timeout: 10_000 });

    // The price comes from the catalogue; then how it was paid, and why.
    await owner.getByTestId("manual-mid").fill("2");
    await owner.getByTestId("manual-target").fill("https://instagram.com/alex_cash");
    await owner.getByTestId("manual-quantity").fill("300");
    await pressMain(owner, "Hitung harga");
    await expect.poll(() => owner.getByTestId("manual-amount").count(), { timeout: 10_000 }).toBe(1);
    const price = await textOf(owner, "manual-amount");
    await owner.getByTestId("manual-pay-external").click();
    await owner.getByTestId("reason").fill("dibayar tunai di toko");
    await snap(owner, "orders-8-manual-form");
    await pressMain(owner, `Buat pesanan · ${price}`);
    await expect.poll(() => textOf(owner, "order-status"), { timeout: 10_000 }).toContain("Manual");
    expect(await textOf(owner, "timeline-paid")).toContain("di luar bot");
    const manual = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(manual).toMatchObject({ status: "manual", is_manual: 1, paid_with: "external", customer_id: alex.id });
    expect(`Rp ${new Intl.NumberFormat("id-ID").format(manual.amount)}`).toBe(price);

    await owner.getByTestId("action-outcome").click();
    await owner.getByTestId("outcome-completed").click({ timeout: 10_000 });
    await owner.getByTestId("start-count").fill("120");
    await owner.getByTestId("note").fill("dikirim manual dari panel reseller");
    await owner.getByTestId("reason").fill("sudah terkirim");
    await snap(owner, "orders-9-outcome-form");
    await pressMain(owner, "Simpan hasil");
    await expect.poll(() => textOf(owner, "order-status"), { timeout: 10_000 }).toContain("Selesai");
    await snap(owner, "orders-10-manual-completed");
    await owner.context().close();

    // An order whose supplier call hung: the operator resolves it, and is never offered a refund.
    await kit.container.admins.grant({ telegramId: 900_102, role: "operator", name: "Oki" }, `telegram:${ADMIN_ID}`);
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/budi_hang",
      quantity: 400,
      userId: 100_001,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id);
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.runJobs();
    const unknown = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(unknown.status).toBe("unknown");
    const supplierOrder = [...kit.sandbox.smm.orders.values()].at(-1)!;

    const operator = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: 900_102, firstName: "Oki" },
      now: new Date(clock.now()),
    });
    await operator.getByTestId("nav-orders").click({ timeout: 15_000 });
    await operator.getByTestId("orders-status").selectOption("unknown");
    await operator.getByTestId(`order-row-${unknown.id}`).click({ timeout: 10_000 });
    await expect.poll(() => operator.getByTestId("action-resolve").count(), { timeout: 10_000 }).toBe(1);
    expect(await operator.getByTestId("action-refund").count()).toBe(0);
    await operator.getByTestId("action-resolve").click();
    await expect.poll(() => operator.getByTestId("resolve-placed").count(), { timeout: 10_000 }).toBe(1);
    expect(await operator.getByTestId("resolve-refund").count()).toBe(0);
    await operator.getByTestId("provider-order-id").fill(String(supplierOrder.order));
    await operator.getByTestId("reason").fill("ada di panel supplier");
    await snap(operator, "orders-11-resolve-operator");
    await pressMain(operator, "Tandai sudah di supplier");
    await expect.poll(() => textOf(operator, "order-status"), { timeout: 10_000 }).toContain("Diproses");
    expect(
      (
        await kit.db
          .selectFrom("orders")
          .select("provider_order_id")
          .where("id", "=", unknown.id)
          .executeTakeFirstOrThrow()
      ).provider_order_id,
    ).toBe(String(supplierOrder.order));

    // The same screens in English.
    while ((await operator.getByTestId("back-button").count()) > 0) await operator.getByTestId("back-button").click();
    await operator.getByText("English").click();
    await operator.getByTestId("nav-orders").click();
    expect(await operator.getByTestId("orders-status").inputValue()).toBe("unknown"); // filters stay while the app is open
    await operator.getByTestId("orders-status").selectOption("");
    await expect.poll(() => textOf(operator, "orders-list"), { timeout: 10_000 }).toContain("Processing");
    expect(await textOf(operator, "orders-list")).toMatch(/\d+ orders/);
    await snap(operator, "orders-12-english");
    await operator.context().close();
  });
});
