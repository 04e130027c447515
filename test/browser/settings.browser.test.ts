import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { back, ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The settings area of the admin Mini App in headless Chromium, against the real product and the
 * sandbox stand-ins: the owner changes the QRIS invoice expiry (a bad value refused with the
 * server's message first) and the late-payment policy, saves Midtrans keys in sandbox mode (a wrong
 * key the simulator refuses, then the right one) and tests the connection, rewrites the welcome
 * text (a broken tag caught by the preview and the server) and adds an FAQ entry the bot then
 * answers from. Screenshots are kept in test-artifacts/miniapp/.
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

/** What the bot answers a new Indonesian customer, as they read it. */
async function botSays(userId: number, message: string): Promise<string> {
  return (await kit.customer(userId).say(message)).map((m) => m.plain).join("\n");
}

describe("settings in the admin app", () => {
  it("changes settings, saves and tests Midtrans keys, rewrites the welcome text and adds an FAQ entry", async () => {
    const page = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: ADMIN_ID, firstName: "Owner" },
    });
    await page.getByTestId("nav-settings").click({ timeout: 15_000 });
    await expect
      .poll(() => textOf(page, "setting-value-payments.invoice_expiry_minutes"), { timeout: 10_000 })
      .toBe("15");
    expect(await textOf(page, "settings-group-payments")).toContain("Masa berlaku tagihan QRIS (menit)");
    expect(await textOf(page, "setting-value-payments.late_payment_policy")).toBe(
      "Proses pesanan jika harganya masih berlaku (jika tidak, masuk saldo)",
    );
    expect(await textOf(page, "setting-value-payments.rails")).toBe("QRIS, Saldo dompet, Telegram Stars");
    await snap(page, "settings-1-list");

    // The invoice expiry: 0 is refused in Indonesian as it is typed, from the limits the server sent, and never sent; 30 is saved and shown.
    await page.getByTestId("setting-row-payments.invoice_expiry_minutes").click();
    await expect.poll(() => page.getByTestId("setting-input").inputValue(), { timeout: 10_000 }).toBe("15");
    expect(await textOf(page, "setting-editor")).toContain("Antara 1 dan 1.440.");
    await page.getByTestId("setting-input").fill("0");
    await expect
      .poll(() => textOf(page, "setting-problem"), { timeout: 10_000 })
      .toBe("Masa berlaku tagihan QRIS (menit): paling kecil 1.");
    await expect.poll(() => page.getByTestId("main-button").isEnabled()).toBe(false);
    await page.getByTestId("setting-input").fill("2000");
    await expect
      .poll(() => textOf(page, "setting-problem"))
      .toBe("Masa berlaku tagihan QRIS (menit): paling besar 1.440.");
    expect(await page.getByTestId("error").count()).toBe(0);
    expect(await kit.container.settings.get("payments.invoice_expiry_minutes")).toBe(15);
    await snap(page, "settings-2-refused");
    await page.getByTestId("setting-input").fill("30");
    await pressMain(page, "Simpan pengaturan");
    await expect
      .poll(() => textOf(page, "setting-value-payments.invoice_expiry_minutes"), { timeout: 10_000 })
      .toBe("30");
    expect(await textOf(page, "setting-row-payments.invoice_expiry_minutes")).toContain("Bawaan: 15");
    expect(await kit.container.settings.get("payments.invoice_expiry_minutes")).toBe(30);

    // The late-payment policy, one of two choices.
    await page.getByTestId("setting-row-payments.late_payment_policy").click();
    await page.getByTestId("setting-option-wallet").click({ timeout: 10_000 });
    await pressMain(page, "Simpan pengaturan");
    await expect
      .poll(() => textOf(page, "setting-value-payments.late_payment_policy"), { timeout: 10_000 })
      .toBe("Selalu masukkan ke saldo dompet");
    expect(await kit.container.settings.get("payments.late_payment_policy")).toBe("wallet");
    await snap(page, "settings-3-saved");

    // Midtrans: keys from the environment, masked; a wrong sandbox key fails the test, the right one passes.
    const serverKey = kit.sandbox.midtrans.serverKey;
    await page.getByTestId("settings-midtrans").click();
    await expect.poll(() => textOf(page, "midtrans-source"), { timeout: 10_000 }).toContain("Lingkungan (MIDTRANS_*)");
    expect(await textOf(page, "midtrans-key-serverKey")).toBe("••••••••");
    expect(await textOf(page, "midtrans-key-clientKey")).toBe("Belum diisi");
    expect(await page.content()).not.toContain(serverKey);
    await page.getByTestId("midtrans-form-serverKey").fill("SB-Mid-server-notthekey123");
    await pressMain(page, "Simpan kunci");
    await expect.poll(() => textOf(page, "midtrans-source"), { timeout: 10_000 }).toContain("Aplikasi admin");
    expect(await textOf(page, "midtrans-saved")).toContain("Kunci tersimpan");
    expect(await page.getByTestId("midtrans-form-serverKey").inputValue()).toBe("");
    await page.getByTestId("midtrans-test").click();
    await expect.poll(() => page.getByTestId("midtrans-test-result").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "midtrans-test-result")).toContain("Kunci ditolak Midtrans");
    expect(await textOf(page, "midtrans-test-result")).toContain("Midtrans refused the key for sandbox (401)");

    // Production needs its own server key: switching without one is refused with the reason.
    await page.getByTestId("midtrans-env-production").click();
    expect(await textOf(page, "midtrans-form")).toContain("Production menagih uang sungguhan");
    await pressMain(page, "Simpan kunci");
    await expect.poll(() => page.getByTestId("error").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "error")).toContain(
      "enter the production server key: sandbox and production keys differ",
    );
    await snap(page, "settings-4-midtrans-production-refused");

    await page.getByTestId("midtrans-env-sandbox").click();
    await page.getByTestId("midtrans-form-serverKey").fill(serverKey);
    await page.getByTestId("midtrans-form-clientKey").fill("SB-Mid-client-browser01");
    await pressMain(page, "Simpan kunci");
    await expect.poll(() => page.getByTestId("midtrans-test-result").count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => textOf(page, "midtrans-key-clientKey")).toBe("••••••••");
    expect(await textOf(page, "midtrans-environment")).toBe("Sandbox");
    await page.getByTestId("midtrans-test").click();
    await expect.poll(() => page.getByTestId("midtrans-test-result").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "midtrans-test-result")).toMatch(/Terhubung: Midtrans menerima kunci\s+\d+ ms/);
    expect(await page.content()).not.toContain(serverKey);
    expect(await kit.container.midtrans.view()).toMatchObject({
      source: "app",
      environment: "sandbox",
      lastTest: { ok: true, outcome: "valid" },
    });
    await snap(page, "settings-5-midtrans-tested");

    // The owner reads the server key back (audited), then hides it.
    await page.getByTestId("midtrans-key-reveal-serverKey").click();
    await page.getByTestId("midtrans-key-reveal-serverKey-yes").click();
    await expect.poll(() => page.getByTestId("midtrans-key-value-serverKey").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "midtrans-key-value-serverKey")).toBe(serverKey);
    await page.getByTestId("midtrans-key-hide-serverKey").click();
    expect(await page.content()).not.toContain(serverKey);

    // The welcome text: a tag left open is caught by the preview and refused by the server; a good one is what /start sends.
    await back(page);
    await page.getByTestId("settings-texts").click();
    await page.getByTestId("bot-text-welcome-id").click({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId("bot-text-input").inputValue(), { timeout: 10_000 })
      .toMatch(/^Halo, <b>\{name\}<\/b>! 👋/);
    await expect.poll(() => textOf(page, "bot-text-preview")).toMatch(/^Halo, Budi! 👋/);
    await page.getByTestId("bot-text-input").fill("Selamat datang, <b>{name}! Toko buka 24 jam.");
    await expect
      .poll(() => textOf(page, "bot-text-preview-problem"))
      .toBe("Telegram akan menolak teks ini: <b> is never closed");
    await pressMain(page, "Simpan teks");
    await expect.poll(() => page.getByTestId("error").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "error")).toContain("the text cannot be sent by Telegram: <b> is never closed");
    await snap(page, "settings-6-text-refused");
    await page.getByTestId("bot-text-input").fill("Selamat datang, <b>{name}</b>! Toko buka <i>24 jam</i>.");
    await expect.poll(() => textOf(page, "bot-text-preview")).toBe("Selamat datang, Budi! Toko buka 24 jam.");
    expect(await page.getByTestId("bot-text-preview").locator("b").innerText()).toBe("Budi");
    await snap(page, "settings-7-text-preview");
    await pressMain(page, "Simpan teks");
    await expect.poll(() => textOf(page, "bot-text-welcome-id"), { timeout: 10_000 }).toContain("Diubah");
    expect(await textOf(page, "bot-text-welcome-en")).toContain("Bawaan");
    const [greeting] = await kit.customer(100_001).say("/start");
    expect(greeting!.plain).toBe("Selamat datang, Budi! Toko buka 24 jam.");

    // An FAQ entry: its slug follows the title; the bot answers from it at once.
    await back(page);
    await page.getByTestId("settings-faq").click();
    await expect.poll(() => textOf(page, "faq-list"), { timeout: 10_000 }).toContain("Cara bayar");
    expect(await botSays(310_001, "toko buka jam berapa?")).not.toContain("08.00");
    await page.getByTestId("faq-add").click();
    await page.getByTestId("faq-title").fill("Jam buka toko");
    expect(await page.getByTestId("faq-slug").inputValue()).toBe("jam-buka-toko");
    await page
      .getByTestId("faq-body")
      .fill("Toko buka setiap hari dari jam 08.00 sampai 22.00 WIB; pesanan otomatis tetap jalan 24 jam.");
    await snap(page, "settings-8-faq-new");
    await pressMain(page, "Simpan FAQ");
    await expect.poll(() => page.getByTestId("faq-row-jam-buka-toko-id").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "faq-row-jam-buka-toko-id")).toContain("Jam buka toko");
    expect(await botSays(310_002, "toko buka jam berapa?")).toContain(
      "Toko buka setiap hari dari jam 08.00 sampai 22.00 WIB",
    );
    await snap(page, "settings-9-faq-list");

    // …and deleting it asks first.
    await page.getByTestId("faq-row-jam-buka-toko-id").click();
    await expect.poll(() => page.getByTestId("faq-title").inputValue(), { timeout: 10_000 }).toBe("Jam buka toko");
    await page.getByTestId("faq-delete").click();
    expect(await textOf(page, "faq-delete-yes")).toBe("Ya");
    await page.getByTestId("faq-delete-yes").click();
    await expect.poll(() => page.getByTestId("faq-list").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId("faq-row-jam-buka-toko-id").count()).toBe(0);
    expect(await botSays(310_003, "toko buka jam berapa?")).not.toContain("08.00");

    const actions = (await kit.db.selectFrom("audit_log").select(["action", "actor"]).orderBy("id").execute())
      .filter((a) => a.actor === `telegram:${ADMIN_ID}`)
      .map((a) => a.action);
    expect(actions).toEqual([
      "settings.change",
      "settings.change",
      "payments.midtrans_keys",
      "payments.midtrans_keys",
      "payments.midtrans_reveal",
      "bot_text.set",
      "faq.add",
      "faq.remove",
    ]);
    expect(JSON.stringify(await kit.db.selectFrom("audit_log").selectAll().execute())).not.toContain(serverKey);
    await page.context().close();
  });

  it("shows an admin the keys without Reveal, and an operator no settings at all", async () => {
    await kit.container.admins.grant({ telegramId: 900_101, role: "admin", name: "Ayu" }, `telegram:${ADMIN_ID}`);
    await kit.container.admins.grant({ telegramId: 900_102, role: "operator", name: "Oki" }, `telegram:${ADMIN_ID}`);
    const admin = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: 900_101, firstName: "Ayu" },
    });
    await admin.getByTestId("nav-settings").click({ timeout: 15_000 });
    await admin.getByTestId("settings-midtrans").click({ timeout: 10_000 });
    await expect.poll(() => textOf(admin, "midtrans-key-serverKey"), { timeout: 10_000 }).toBe("••••••••");
    expect(await admin.getByTestId("midtrans-key-reveal-serverKey").count()).toBe(0);
    expect(await admin.getByTestId("midtrans-test").count()).toBe(1);
    await snap(admin, "settings-10-admin-keys");
    await admin.context().close();

    const operator = await openMiniApp(browser, {
      productUrl: kit.productUrl,
      botToken: kit.sandbox.telegram.token,
      user: { id: 900_102, firstName: "Oki" },
    });
    await operator.getByTestId("nav-orders").waitFor({ timeout: 15_000 });
    expect(await operator.getByTestId("nav-settings").count()).toBe(0);
    await operator.context().close();
  });
});
