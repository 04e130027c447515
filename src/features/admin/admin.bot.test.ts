import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { formatRupiah } from "../../shared/money.js";
import { STAFF } from "../../../test/kit/admin-client.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * /admin in chat through bot.handleUpdate, against the sandbox's supplier and Midtrans: the owner
 * (ADMIN_TELEGRAM_IDS), an operator added in the app, and a stranger who must learn nothing.
 * Menu buttons are pressed by their callback data, as Telegram sends them.
 */

const STRANGER = 555_321;
const BUDI = 100_001;
let kit: ShopKit;
let clock: ManualClock;
beforeAll(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock, env: { PUBLIC_URL: "https://shop.example.com" } });
  await kit.container.admins.grant(
    { telegramId: STAFF.operator, role: "operator", name: "Oki" },
    `telegram:${ADMIN_ID}`,
  );
  for (const [id, name] of [
    [STAFF.operator, "Oki"],
    [STRANGER, "Stranger"],
  ] as const)
    kit.sandbox.telegram.addUser({ id, first_name: name, username: `u${id}`, language_code: "id" });
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

/** A paid order the supplier has taken (processing). */
async function processingOrder(target: string) {
  const { transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity: 1000, userId: BUDI });
  // With PUBLIC_URL set, Midtrans would notify the public address: the notification is delivered here by hand.
  await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
  await kit.postNotification(kit.sandbox.midtrans.notificationFor(transaction.order_id));
  await kit.runJobs();
  const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  expect(order.status).toBe("processing");
  return order;
}

const buttonsOf = (m: {
  buttons: Array<Array<{ text: string; callback_data?: string; url?: string; web_app?: { url: string } }>>;
}) => m.buttons.flat();
const pressLabel = async (userId: number, label: RegExp) => {
  const who = kit.customer(userId);
  const message = [...who.botMessages()]
    .reverse()
    .find((m) => buttonsOf(m).some((b) => b.callback_data && label.test(b.text)))!;
  expect(message, `a button labelled ${label}`).toBeDefined();
  const button = buttonsOf(message).find((b) => b.callback_data && label.test(b.text))!;
  const replies = await who.press(message.message_id, button.callback_data!);
  return {
    message,
    replies,
    edited: kit.sandbox.telegram.messagesIn(userId).find((m) => m.message_id === message.message_id)!,
  };
};

/** A callback query for `data` on a message, whatever buttons it shows now (replays, forged data). */
let forged = 990_000_000;
async function pressAnyway(userId: number, messageId: number, data: string) {
  const shown = kit.sandbox.telegram.messagesIn(userId).find((m) => m.message_id === messageId)!;
  const from = { id: userId, is_bot: false, first_name: "Someone", username: `u${userId}`, language_code: "id" };
  const message = {
    message_id: messageId,
    date: shown.date,
    chat: { id: userId, type: "private", first_name: "Someone" },
    from: kit.sandbox.telegram.bot,
    text: shown.text,
  };
  await kit.bot.handleUpdate({
    update_id: ++forged,
    callback_query: { id: `${userId}-f${forged}`, from, chat_instance: String(userId), data, message },
  } as never);
}

describe("/admin in chat", () => {
  it("answers a stranger exactly as it answers any unknown command, and reveals nothing", async () => {
    const stranger = kit.customer(STRANGER);
    const [unknown] = await stranger.say("/perintahasal");
    const [admin] = await stranger.say("/admin");
    const [withOrder] = await stranger.say("/admin 1");
    expect(admin!.plain).toBe(unknown!.plain);
    expect(withOrder!.plain).toBe(unknown!.plain);
    expect(admin!.buttons).toEqual([]);
    expect(admin!.plain).not.toMatch(/admin/i);
  });

  it("shows staff the menu, with the admin app as a Mini App button on an https address", async () => {
    const [menu] = await kit.customer(ADMIN_ID).say("/admin");
    expect(menu!.plain).toContain("Admin toko");
    const labels = buttonsOf(menu!).map((b) => b.text);
    expect(labels).toEqual([
      "📊 Hari ini",
      "💰 Saldo supplier",
      "🔄 Sync semua pesanan",
      "🔎 Cari pesanan",
      "🙋 Hand-off terbuka",
      "📱 Buka aplikasi admin",
    ]);
    expect(buttonsOf(menu!).at(-1)).toEqual({
      text: "📱 Buka aplikasi admin",
      web_app: { url: "https://shop.example.com/miniapp/" },
    });
  });

  it("shows today's numbers, supplier balances and open hand-offs in the menu's message", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_stats");
    await kit.customer(ADMIN_ID).say("/admin");
    const stats = await pressLabel(ADMIN_ID, /Hari ini/);
    expect(stats.edited.plain).toContain("Hari ini");
    expect(stats.edited.plain).toContain(`Omzet: ${formatRupiah(order.amount)}`);
    expect(stats.edited.plain).toContain("Pesanan dibayar: 1");
    expect(stats.edited.plain).toContain("diproses: 1");
    expect(buttonsOf(stats.edited)).toHaveLength(6); // the menu stays under the message

    const balances = await pressLabel(ADMIN_ID, /Saldo supplier/);
    expect(balances.edited.plain).toMatch(/• panel: Rp\s[\d.]+/);

    await kit.customer(100_002).say("/cs");
    const handoffs = await pressLabel(ADMIN_ID, /Hand-off terbuka/);
    expect(handoffs.edited.plain).toMatch(/Hand-off terbuka \(1\)/);
    expect(handoffs.edited.plain).toContain("Alex");
  });

  it("syncs every order in progress now, and says what changed", async () => {
    clock.advance(60_000); // the simulator finishes an order 25 s after taking it
    await kit.customer(ADMIN_ID).say("/admin");
    const sync = await pressLabel(ADMIN_ID, /Sync semua/);
    expect(sync.edited.plain).toMatch(/Sync selesai: \d+ pesanan dicek, [1-9]\d* berubah, 0 supplier tidak menjawab/);
    expect(kit.sandbox.telegram.toastsIn(ADMIN_ID).at(-1)!.text).toContain("Sedang sync");
    const audit = await kit.container.audit.recent({ subject: "orders" });
    expect(audit[0]).toMatchObject({ action: "order.sync_all", actor: `telegram:${ADMIN_ID}` });
  });

  it("finds an order by the number typed after the button, and with /admin <number>", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_find");
    await kit.customer(ADMIN_ID).say("/admin");
    const ask = await pressLabel(ADMIN_ID, /Cari pesanan/);
    expect(ask.replies.at(-1)!.plain).toContain("Kirim nomor pesanan");
    expect((await kit.customer(ADMIN_ID).say("abc"))[0]!.plain).toContain("Nomor pesanan berupa angka");
    const [found] = await kit.customer(ADMIN_ID).say(String(order.id));
    expect(found!.plain).toContain(`Pesanan #${order.id} — diproses`);
    expect(found!.plain).toContain("https://instagram.com/budi_admin_find");
    expect(found!.plain).toContain("Budi");
    expect(buttonsOf(found!).map((b) => b.text)).toEqual(["🔄 Sync pesanan ini", "💸 Refund penuh"]);

    const [direct] = await kit.customer(ADMIN_ID).say(`/admin ${order.id}`);
    expect(direct!.plain).toBe(found!.plain);
    expect((await kit.customer(ADMIN_ID).say("/admin 999999"))[0]!.plain).toBe("Pesanan #999999 tidak ada.");
    // The step is over: a number typed now is not read as an order number.
    expect(
      (await kit.customer(ADMIN_ID).say(String(order.id))).some((m) => m.plain.includes(`Pesanan #${order.id} —`)),
    ).toBe(false);
  });

  it("syncs one order from its buttons", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_sync_one");
    clock.advance(60_000);
    await kit.customer(ADMIN_ID).say(`/admin ${order.id}`);
    const pressed = await pressLabel(ADMIN_ID, /Sync pesanan ini/);
    expect(kit.sandbox.telegram.toastsIn(ADMIN_ID).at(-1)!.text).toBe("Status supplier dicek.");
    expect(pressed.edited.plain).toContain(`Pesanan #${order.id} — selesai`);
    expect(buttonsOf(pressed.edited).map((b) => b.text)).toEqual(["💸 Refund penuh"]); // nothing left to sync
  });

  it("refunds in full only after a reason and a confirmation", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_refund");
    const admin = kit.customer(ADMIN_ID);
    await admin.say(`/admin ${order.id}`);
    const ask = await pressLabel(ADMIN_ID, /Refund penuh/);
    expect(ask.replies.at(-1)!.plain).toContain(`Refund penuh pesanan #${order.id}`);
    const [confirm] = await admin.say("pelanggan <minta> batal");
    expect(confirm!.plain).toContain("Alasan: pelanggan <minta> batal");
    expect(buttonsOf(confirm!).map((b) => b.text)).toEqual(["✅ Ya, refund", "Batal"]);
    const yes = buttonsOf(confirm!)[0]!.callback_data!;
    const balanceBefore = await kit.container.wallet.balance(order.customer_id);

    const done = await pressLabel(ADMIN_ID, /Ya, refund/);
    expect(done.edited.plain).toContain(`untuk pesanan #${order.id} sudah dikembalikan`);
    expect(done.edited.buttons).toEqual([]);
    expect(await kit.container.wallet.balance(order.customer_id)).toBe(balanceBefore + order.amount);
    const row = await kit.db.selectFrom("orders").select("status").where("id", "=", order.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("refunded");
    const [entry] = await kit.container.audit.recent({ subject: `order:${order.id}` });
    expect(entry).toMatchObject({
      action: "order.refund",
      actor: `telegram:${ADMIN_ID}`,
      reason: "pelanggan <minta> batal",
    });

    // The same confirmation pressed again (a double tap delivered twice) refunds nothing more.
    await pressAnyway(ADMIN_ID, confirm!.message_id, yes);
    expect(await kit.container.wallet.balance(order.customer_id)).toBe(balanceBefore + order.amount);
  });

  it("drops a refund when asked to, and with /batal while the reason is awaited", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_refund_no");
    const admin = kit.customer(ADMIN_ID);
    await admin.say(`/admin ${order.id}`);
    await pressLabel(ADMIN_ID, /Refund penuh/);
    expect((await admin.say("/batal"))[0]!.plain).toBe("Oke, dibatalkan.");
    await pressLabel(ADMIN_ID, /Refund penuh/);
    await admin.say("salah pesan");
    const dropped = await pressLabel(ADMIN_ID, /^Batal$/);
    expect(dropped.edited.plain).toBe("Refund dibatalkan.");
    expect(
      (await kit.db.selectFrom("orders").select("status").where("id", "=", order.id).executeTakeFirstOrThrow()).status,
    ).toBe("processing");
  });

  it("gives an operator the menu and sync, but no refund", async () => {
    const order = await processingOrder("https://instagram.com/budi_admin_operator");
    const operator = kit.customer(STAFF.operator);
    expect((await operator.say("/admin"))[0]!.plain).toContain("Admin toko");
    const [found] = await operator.say(`/admin ${order.id}`);
    expect(buttonsOf(found!).map((b) => b.text)).toEqual(["🔄 Sync pesanan ini"]);
  });

  it("ignores the admin menu's buttons when pressed by someone who is not staff", async () => {
    const [menu] = await kit.customer(ADMIN_ID).say("/admin");
    const data = buttonsOf(menu!).find((b) => b.text.includes("Sync semua"))!.callback_data!;
    // A stranger's client forging the admin menu's callback data in their own chat.
    const [own] = await kit.customer(STRANGER).say("halo");
    const before = (await kit.container.audit.recent({ subject: "orders" })).length;
    await pressAnyway(STRANGER, own!.message_id, data);
    expect(kit.sandbox.telegram.toastsIn(STRANGER).at(-1)!.text).toBe("Tombol ini sudah tidak berlaku.");
    expect((await kit.container.audit.recent({ subject: "orders" })).length).toBe(before);
  });

  it("stops answering someone whose staff role was removed", async () => {
    await kit.container.admins.grant({ telegramId: 555_400, role: "operator", name: "Temp" }, `telegram:${ADMIN_ID}`);
    kit.sandbox.telegram.addUser({ id: 555_400, first_name: "Temp", username: "temp", language_code: "id" });
    expect((await kit.customer(555_400).say("/admin"))[0]!.plain).toContain("Admin toko");
    await kit.container.admins.revoke(555_400, `telegram:${ADMIN_ID}`);
    const [after] = await kit.customer(555_400).say("/admin");
    expect(after!.plain).toBe((await kit.customer(555_400).say("/perintahasal"))[0]!.plain);
  });
});

describe("/admin without an https address", () => {
  it("links the admin app with a plain URL button (Telegram opens Mini Apps only over https)", async () => {
    const local = await createShopKit({ importCatalog: false, env: { PUBLIC_URL: "http://127.0.0.1:3000" } });
    try {
      const [menu] = await local.customer(ADMIN_ID).say("/admin");
      expect(menu!.buttons.flat().at(-1)).toEqual({
        text: "📱 Buka aplikasi admin",
        url: "http://127.0.0.1:3000/miniapp/",
      });
    } finally {
      await local.close();
    }
  });
});
