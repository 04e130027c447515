import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { ensureMiniAppBuilt, launchBrowser, openMiniApp, pressMain, snap, textOf } from "../kit/browser.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The hand-off inbox, broadcasts and staff areas of the admin Mini App in headless Chromium, against
 * the real product and the sandbox's Telegram: a customer asks the bot for a person, the owner reads
 * the conversation in the app, answers (the customer gets it in the bot's chat) and ends it; a
 * broadcast is previewed (a typo in its HTML first), sent after confirming, and followed to its end;
 * someone is added to the staff as an operator, made admin and removed. Screenshots are kept in
 * test-artifacts/miniapp/.
 */

let kit: ShopKit;
let clock: ManualClock;
let browser: Browser;
beforeAll(async () => {
  await ensureMiniAppBuilt();
  // The shop's clock starts at real time: the browser's signed initData is checked against it.
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock, importCatalog: false });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await kit?.close();
});

const open = (user: { id: number; firstName: string }) =>
  openMiniApp(browser, {
    productUrl: kit.productUrl,
    botToken: kit.sandbox.telegram.token,
    user,
    now: new Date(clock.now()),
  });

async function home(page: Page): Promise<void> {
  while ((await page.getByTestId("back-button").count()) > 0) await page.getByTestId("back-button").click();
}

describe("hand-offs, broadcasts and staff in the admin app", () => {
  it("answers a customer who asked for a person, then ends the hand-off", async () => {
    const budi = kit.customer(100_001);
    await budi.say("pesanan saya kemarin belum masuk kak");
    const opened = await budi.say("/cs");
    expect(opened.map((m) => m.plain).join()).toContain("admin kami akan membalas di sini");
    await budi.say("tolong dicek ya, link instagram.com/budi");
    const customer = (await kit.container.customers.findByTelegramId(100_001))!;
    const number = (await kit.container.handoff.openFor(customer.id))!.number;

    const page = await open({ id: ADMIN_ID, firstName: "Owner" });
    await page.getByTestId("nav-handoffs").click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId(`handoff-row-${number}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "handoffs-open")).toContain("Budi (@budi_sandbox)");
    expect(await textOf(page, "handoffs-open")).toContain("Pelanggan minta admin");
    await snap(page, "handoffs-1-inbox");

    // The conversation as a chat: the customer's words, and what the bot answered.
    await page.getByTestId(`handoff-row-${number}`).click();
    await expect.poll(() => page.getByTestId("turn-customer").count(), { timeout: 10_000 }).toBe(3);
    const chat = await textOf(page, "handoff-chat");
    expect(chat).toContain("pesanan saya kemarin belum masuk kak");
    expect(chat).toContain("tolong dicek ya, link instagram.com/budi");
    expect(chat).toContain("admin kami akan membalas di sini");
    expect(await textOf(page, "handoff-status")).toContain("Terbuka");
    await snap(page, "handoffs-2-conversation");

    // The answer goes to Budi through the bot at once, and joins the conversation.
    await page.getByTestId("handoff-reply").fill("Halo kak Budi, pesanan #12 sedang kami cek <3");
    await snap(page, "handoffs-3-reply");
    await pressMain(page, "Kirim");
    await expect.poll(() => page.getByTestId("handoff-sent").count(), { timeout: 10_000 }).toBe(1);
    expect(budi.lastText()).toBe("🧑‍💼 Admin: Halo kak Budi, pesanan #12 sedang kami cek <3");
    await expect.poll(() => page.getByTestId("turn-admin").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("handoff-reply").inputValue()).toBe("");

    // Budi writes again; the screen follows by itself.
    await budi.say("oke makasih kak");
    await expect.poll(() => page.getByTestId("turn-customer").count(), { timeout: 10_000 }).toBe(4);

    // Ending asks first; Budi is told the bot is back.
    await page.getByTestId("handoff-end").click();
    await snap(page, "handoffs-4-end-confirm");
    await page.getByTestId("handoff-end-yes").click();
    await expect.poll(() => textOf(page, "handoff-status"), { timeout: 10_000 }).toContain("Selesai");
    expect(await page.getByTestId("handoff-reply").count()).toBe(0);
    expect(await page.getByTestId("main-button").count()).toBe(0);
    await snap(page, "handoffs-5-ended");
    await kit.runJobs();
    expect(budi.lastText()).toContain("Bot siap membantu lagi");
    expect((await kit.container.handoff.find(number))!).toMatchObject({ status: "closed" });

    await page.getByTestId("back-button").click();
    await expect.poll(() => page.getByTestId("handoffs-recent").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "handoffs-recent")).toContain(`#${number}`);
    expect(await textOf(page, "handoffs-open")).toContain("Tidak ada pelanggan yang menunggu admin");
    await page.context().close();
  });

  it("previews a broadcast, sends it after confirming and follows it to the end", async () => {
    // Customers who started the bot: Budi and Alex from the sandbox, and a few more.
    await kit.customer(100_002).say("/start");
    for (let id = 440_001; id <= 440_006; id++) {
      kit.sandbox.telegram.addUser({ id, first_name: `Pelanggan ${id}`, username: `p${id}`, language_code: "id" });
      await kit.customer(id).say("/start");
    }
    kit.sandbox.telegram.setBlocked(440_006);
    const audience = Number(
      (
        await kit.db
          .selectFrom("customers")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("chat_id", ">", 0)
          .executeTakeFirstOrThrow()
      ).n,
    );

    const page = await open({ id: ADMIN_ID, firstName: "Owner" });
    await page.getByTestId("nav-broadcasts").click({ timeout: 15_000 });
    await page.getByTestId("broadcasts-new").click({ timeout: 10_000 });

    // A typo in the HTML: the server says what is wrong, and sending stays off.
    await page.getByTestId("broadcast-html").fill("<b>Promo 12.12</b>\nDiskon 20% & bonus <i>saldo");
    await expect
      .poll(() => textOf(page, "broadcast-problem"), { timeout: 10_000 })
      .toContain("Telegram akan menolak pesan ini");
    expect(await textOf(page, "broadcast-problem")).toContain('a lone "&"');
    expect(await page.getByTestId("main-button").isEnabled()).toBe(false);
    await snap(page, "broadcast-1-problem");

    // Fixed: the preview as Telegram shows it, and how many it reaches.
    const html =
      '<b>Promo 12.12</b>\nDiskon 20% &amp; bonus <i>saldo</i> — <a href="https://t.me/toko_sandbox_bot">pesan di sini</a>';
    await page.getByTestId("broadcast-html").fill(html);
    await expect.poll(() => page.getByTestId("broadcast-rendered").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId("broadcast-rendered").locator("b").innerText()).toBe("Promo 12.12");
    expect(await page.getByTestId("broadcast-rendered").locator("a").getAttribute("href")).toBe(
      "https://t.me/toko_sandbox_bot",
    );
    expect(await textOf(page, "broadcast-rendered")).toContain("Diskon 20% & bonus saldo");
    expect(await textOf(page, "broadcast-recipients")).toContain(`Akan dikirim ke ${audience} pelanggan`);
    // Buyers of the last 30 days: nobody has bought yet, so nothing can be sent to them.
    await page.getByTestId("broadcast-audience-buyers").click();
    await expect
      .poll(() => textOf(page, "broadcast-recipients"), { timeout: 10_000 })
      .toContain("Belum ada pelanggan untuk penerima ini");
    expect(await page.getByTestId("main-button").isEnabled()).toBe(false);
    await page.getByTestId("broadcast-audience-all").click();
    await expect
      .poll(() => textOf(page, "broadcast-recipients"), { timeout: 10_000 })
      .toContain(`Akan dikirim ke ${audience} pelanggan`);
    await snap(page, "broadcast-2-preview");

    // Sending asks first.
    await pressMain(page, `Lanjut: kirim ke ${audience} pelanggan`);
    await expect.poll(() => page.getByTestId("broadcast-confirm").count(), { timeout: 10_000 }).toBe(1);
    await snap(page, "broadcast-3-confirm");
    expect(await kit.db.selectFrom("broadcasts").select("id").execute()).toEqual([]);
    await pressMain(page, `Ya, kirim ke ${audience} pelanggan`);

    // The progress screen, before the outbox has run and then to the end.
    await expect.poll(() => page.getByTestId("broadcast-progress").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "broadcast-status")).toBe("Mengirim");
    expect(await textOf(page, "broadcast-count-pending")).toBe(String(audience));
    await snap(page, "broadcast-4-queued");
    kit.container.worker.start();
    try {
      await expect
        .poll(() => page.getByTestId("broadcast-progress").getAttribute("data-percent"), { timeout: 20_000 })
        .toBe("100");
      await expect.poll(() => textOf(page, "broadcast-status"), { timeout: 10_000 }).toBe("Selesai");
    } finally {
      await kit.container.worker.stop();
    }
    expect(await textOf(page, "broadcast-count-sent")).toBe(String(audience - 1));
    expect(await textOf(page, "broadcast-count-blocked")).toBe("1");
    expect(await textOf(page, "broadcast-count-failed")).toBe("0");
    expect(await textOf(page, "broadcast-processed")).toContain(`${audience} dari ${audience} diproses`);
    expect(await page.getByTestId("broadcast-cancel").count()).toBe(0);
    await snap(page, "broadcast-5-done");

    // Every customer but the one who blocked the bot got it, as Telegram HTML.
    for (const id of [100_001, 100_002, 440_001, 440_005])
      expect(kit.customer(id).botMessages().at(-1)!.text, String(id)).toBe(html);
    expect(
      kit
        .customer(440_006)
        .botMessages()
        .some((m) => m.text === html),
    ).toBe(false);

    // The list of past broadcasts shows it.
    await page.getByTestId("back-button").click();
    const sent = await kit.db.selectFrom("broadcasts").select("id").executeTakeFirstOrThrow();
    await expect.poll(() => page.getByTestId(`broadcast-row-${sent.id}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, `broadcast-row-${sent.id}`)).toContain(`${audience - 1} dari ${audience} terkirim`);
    await snap(page, "broadcast-6-list");
    await page.context().close();
  });

  it("adds a staff member as operator, makes them admin and removes them, all audited", async () => {
    const page = await open({ id: ADMIN_ID, firstName: "Owner" });
    await page.getByTestId("nav-staff").click({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId(`staff-row-${ADMIN_ID}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, `staff-row-${ADMIN_ID}`)).toContain("ADMIN_TELEGRAM_IDS");

    await page.getByTestId("staff-add").click();
    await page.getByTestId("staff-telegram-id").fill("12ab");
    expect(await page.getByTestId("main-button").isEnabled()).toBe(false);
    await page.getByTestId("staff-telegram-id").fill("700123");
    await page.getByTestId("staff-name").fill("Rina Operator");
    await snap(page, "staff-1-add");
    await pressMain(page, "Tambahkan sebagai Operator");
    await expect.poll(() => page.getByTestId("staff-row-700123").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "staff-row-700123")).toContain("Operator");
    expect(await kit.container.admins.roleOf(700_123)).toBe("operator");
    await snap(page, "staff-2-list");

    // The new operator sees the hand-off inbox, but not broadcasts or staff.
    const operator = await open({ id: 700_123, firstName: "Rina" });
    await expect.poll(() => operator.getByTestId("nav-handoffs").count(), { timeout: 15_000 }).toBe(1);
    expect(await operator.getByTestId("nav-broadcasts").count()).toBe(0);
    expect(await operator.getByTestId("nav-staff").count()).toBe(0);
    await snap(operator, "staff-3-operator-home");
    await operator.context().close();

    // A new role asks first.
    await page.getByTestId("staff-row-700123").click();
    await page.getByTestId("staff-role-admin").click({ timeout: 10_000 });
    await pressMain(page, "Simpan peran");
    await expect.poll(() => page.getByTestId("staff-change-confirm").count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, "staff-change-confirm")).toContain("dari Operator menjadi Admin");
    await snap(page, "staff-4-change-confirm");
    await pressMain(page, "Ya, jadikan Admin");
    await expect.poll(() => textOf(page, "staff-row-700123"), { timeout: 10_000 }).toContain("Admin");
    expect(await kit.container.admins.roleOf(700_123)).toBe("admin");

    // Removing asks first, and takes effect at once.
    await page.getByTestId("staff-row-700123").click();
    await page.getByTestId("staff-remove").click({ timeout: 10_000 });
    await snap(page, "staff-5-remove-confirm");
    await page.getByTestId("staff-remove-yes").click();
    await expect.poll(() => page.getByTestId("staff-list").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId("staff-row-700123").count(), { timeout: 10_000 }).toBe(0);
    expect(await kit.container.admins.roleOf(700_123)).toBeUndefined();
    await snap(page, "staff-6-removed");

    const audit = await kit.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("subject", "=", "admin:700123")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => [a.action, a.before && JSON.parse(a.before), a.after && JSON.parse(a.after)])).toEqual([
      ["staff.grant", null, { role: "operator", name: "Rina Operator" }],
      ["staff.grant", { role: "operator", name: "Rina Operator" }, { role: "admin", name: "Rina Operator" }],
      ["staff.revoke", { role: "admin" }, null],
    ]);

    // The same screens in English.
    await home(page);
    await page.getByText("English").click();
    await page.getByTestId("nav-staff").click();
    await expect.poll(() => textOf(page, "staff-list"), { timeout: 10_000 }).toContain("Staff (1)");
    await snap(page, "staff-7-english");
    await page.context().close();
  });
});
