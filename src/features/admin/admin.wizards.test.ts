import type { UserFromGetMe } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../bot/index.js";
import { CONVERSATION_KEY_PREFIX } from "../../bot/conversations.storage.js";
import { createManualClock } from "../../infra/clock/clock.js";
import { STAFF } from "../../../test/kit/admin-client.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The /admin wizards as conversations (admin.conversation.ts), through bot.handleUpdate against the
 * sandbox: leaving one half-way, a wrong answer asked again in the admin's own language, the rest
 * of /admin still working while one waits, and a wizard picked up by a new Bot on the same
 * database (a restart) where the old one left it.
 */

const ENGLISH_ADMIN = STAFF.admin; // role "admin": may refund
const BUDI = 100_001;
let kit: ShopKit;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.now()) });
  await kit.container.admins.grant({ telegramId: ENGLISH_ADMIN, role: "admin", name: "Ann" }, `telegram:${ADMIN_ID}`);
  kit.sandbox.telegram.addUser({ id: ENGLISH_ADMIN, first_name: "Ann", username: "ann", language_code: "en" });
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

/** A paid order the supplier has taken (processing). */
async function processingOrder(target: string) {
  const { transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity: 1000, userId: BUDI });
  await kit.sandbox.midtrans.pay(transaction.order_id, { notify: false });
  await kit.postNotification(kit.sandbox.midtrans.notificationFor(transaction.order_id));
  await kit.runJobs();
  const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  expect(order.status).toBe("processing");
  return order;
}

type Shown = { message_id: number; buttons: Array<Array<{ text: string; callback_data?: string }>> };
const buttonsOf = (m: Shown) => m.buttons.flat();

/** Presses the newest button labelled `label` in `userId`'s chat, through `bot` (default: the kit's). */
async function pressLabel(userId: number, label: RegExp, bot = kit.bot) {
  const who = kit.customer(userId);
  const message = [...who.botMessages()]
    .reverse()
    .find((m) => buttonsOf(m).some((b) => b.callback_data && label.test(b.text)));
  expect(message, `a button labelled ${label}`).toBeDefined();
  const button = buttonsOf(message!).find((b) => b.callback_data && label.test(b.text))!;
  const before = kit.sandbox.telegram.messagesIn(userId).length;
  await bot.handleUpdate(kit.sandbox.telegram.userPresses(userId, message!.message_id, button.callback_data!) as never);
  return {
    replies: kit.sandbox.telegram
      .messagesIn(userId)
      .slice(before)
      .filter((m) => m.from === "bot"),
    edited: kit.sandbox.telegram.messagesIn(userId).find((m) => m.message_id === message!.message_id)!,
  };
}

/** The chat's stored conversation (the `kv` row the conversations plugin writes), if one waits. */
async function storedConversation(chatId: number) {
  const row = await kit.db
    .selectFrom("kv")
    .select("value")
    .where("key", "=", `${CONVERSATION_KEY_PREFIX}${chatId}`)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as { state: Record<string, unknown[]> }) : undefined;
}

const statusOf = async (id: number) =>
  (await kit.db.selectFrom("orders").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

describe("/admin wizards", () => {
  it("leaves the order search on /cancel in the admin's language, and reads no later number as an order", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_cancel");
    const ann = kit.customer(ENGLISH_ADMIN);
    await ann.say("/admin");
    const ask = await pressLabel(ENGLISH_ADMIN, /Find an order/);
    expect(ask.replies.at(-1)!.plain).toContain("Send the order number");
    expect(await storedConversation(ENGLISH_ADMIN)).toMatchObject({ state: { adminFindOrder: [expect.anything()] } });

    expect((await ann.say("/cancel"))[0]!.plain).toBe("OK, dropped.");
    expect(await storedConversation(ENGLISH_ADMIN)).toBeUndefined();
    expect((await ann.say(String(order.id))).some((m) => m.plain.includes(`Order #${order.id} —`))).toBe(false);
  });

  it("asks again, in the admin's language, until the answer is an order number", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_reask");
    const ann = kit.customer(ENGLISH_ADMIN);
    await ann.say("/admin");
    await pressLabel(ENGLISH_ADMIN, /Find an order/);
    for (const wrong of ["abc", "12x", "#"]) {
      const [again] = await ann.say(wrong);
      expect(again!.plain).toBe("An order number is digits, for example 123. Try again, or /cancel.");
    }
    const [found] = await ann.say(`#${order.id}`);
    expect(found!.plain).toContain(`Order #${order.id} — processing`);
    expect(buttonsOf(found!).map((b) => b.text)).toEqual(["🔄 Sync this order", "💸 Refund in full"]);
    expect(await storedConversation(ENGLISH_ADMIN)).toBeUndefined();
  });

  it("drops a refund on /batal while the confirmation waits: no money moves and its buttons no longer act", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_batal");
    const admin = kit.customer(ADMIN_ID);
    await admin.say(`/admin ${order.id}`);
    await pressLabel(ADMIN_ID, /Refund penuh/);
    const [confirm] = await admin.say("salah input");
    expect(buttonsOf(confirm!).map((b) => b.text)).toEqual(["✅ Ya, refund", "Batal"]);
    expect((await admin.say("/batal"))[0]!.plain).toBe("Oke, dibatalkan.");

    const balance = await kit.container.wallet.balance(order.customer_id);
    await pressLabel(ADMIN_ID, /Ya, refund/);
    expect(kit.sandbox.telegram.toastsIn(ADMIN_ID).at(-1)!.text).toBe("Tombol ini sudah tidak berlaku.");
    expect(
      kit.sandbox.telegram.messagesIn(ADMIN_ID).find((m) => m.message_id === confirm!.message_id)!.buttons,
    ).toEqual([]);
    expect(await kit.container.wallet.balance(order.customer_id)).toBe(balance);
    expect(await statusOf(order.id)).toBe("processing");
  });

  it("keeps the menus working while a refund waits for its reason, and takes a newer reason over an older one", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_meanwhile");
    const admin = kit.customer(ADMIN_ID);
    await admin.say(`/admin ${order.id}`);
    await pressLabel(ADMIN_ID, /Refund penuh/);
    await admin.say("/admin");
    // /admin is a command: it ends the wizard and shows the menu, whose buttons act as usual.
    expect(await storedConversation(ADMIN_ID)).toBeUndefined();
    await admin.say(`/admin ${order.id}`);
    await pressLabel(ADMIN_ID, /Refund penuh/);
    const synced = await pressLabel(ADMIN_ID, /Sync pesanan ini/);
    expect(synced.edited.plain).toContain(`Pesanan #${order.id}`);
    expect(await storedConversation(ADMIN_ID)).toMatchObject({ state: { adminRefund: [expect.anything()] } });

    const [first] = await admin.say("alasan lama");
    const [second] = await admin.say("alasan baru");
    expect(first!.plain).toContain("Alasan: alasan lama");
    expect(second!.plain).toContain("Alasan: alasan baru");
    await pressLabel(ADMIN_ID, /Ya, refund/);
    expect(await statusOf(order.id)).toBe("refunded");
    const [entry] = await kit.container.audit.recent({ subject: `order:${order.id}` });
    expect(entry).toMatchObject({ action: "order.refund", reason: "alasan baru" });
  });

  it("asks for the refund permission at the press: a role lowered meanwhile moves no money", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_role");
    const ann = kit.customer(ENGLISH_ADMIN);
    await ann.say(`/admin ${order.id}`);
    await pressLabel(ENGLISH_ADMIN, /Refund in full/);
    await ann.say("customer asked");
    await kit.container.admins.grant(
      { telegramId: ENGLISH_ADMIN, role: "operator", name: "Ann" },
      `telegram:${ADMIN_ID}`,
    );
    try {
      await pressLabel(ENGLISH_ADMIN, /Yes, refund/);
      expect(kit.sandbox.telegram.toastsIn(ENGLISH_ADMIN).at(-1)!.text).toBe("Your role cannot do this.");
      expect(await statusOf(order.id)).toBe("processing");
    } finally {
      await kit.container.admins.grant(
        { telegramId: ENGLISH_ADMIN, role: "admin", name: "Ann" },
        `telegram:${ADMIN_ID}`,
      );
    }
    await pressLabel(ENGLISH_ADMIN, /Cancel/);
    expect(await storedConversation(ENGLISH_ADMIN)).toBeUndefined();
  });
});

describe("/admin wizards across a restart", () => {
  /** A second bot on the same container and database, as the process that runs after a restart builds it. */
  function restartedBot() {
    return createBot({
      api: kit.container.telegram,
      deps: { ...kit.container, adminTelegramIds: kit.config.adminTelegramIds },
      i18n: kit.container.i18n,
      botInfo: kit.sandbox.telegram.bot as unknown as UserFromGetMe,
    });
  }

  it("refunds with the reason given before the restart, when the confirmation is pressed after it", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_restart");
    const admin = kit.customer(ADMIN_ID);
    await admin.say(`/admin ${order.id}`);
    await pressLabel(ADMIN_ID, /Refund penuh/);
    await admin.say("dobel bayar");
    expect(await storedConversation(ADMIN_ID)).toMatchObject({ state: { adminRefund: [expect.anything()] } });

    const after = restartedBot();
    const balance = await kit.container.wallet.balance(order.customer_id);
    const done = await pressLabel(ADMIN_ID, /Ya, refund/, after);
    expect(done.edited.plain).toContain(`untuk pesanan #${order.id} sudah dikembalikan`);
    expect(done.edited.buttons).toEqual([]);
    expect(await kit.container.wallet.balance(order.customer_id)).toBe(balance + order.amount);
    const [entry] = await kit.container.audit.recent({ subject: `order:${order.id}` });
    expect(entry).toMatchObject({ action: "order.refund", actor: `telegram:${ADMIN_ID}`, reason: "dobel bayar" });
    expect(await storedConversation(ADMIN_ID)).toBeUndefined();
  });

  it("reads the order number typed after the restart as the answer the search asked for", async () => {
    const order = await processingOrder("https://instagram.com/budi_wizard_restart_find");
    const ann = kit.customer(ENGLISH_ADMIN);
    await ann.say("/admin");
    await pressLabel(ENGLISH_ADMIN, /Find an order/);

    const after = restartedBot();
    const before = kit.sandbox.telegram.messagesIn(ENGLISH_ADMIN).length;
    await after.handleUpdate(kit.sandbox.telegram.userSays(ENGLISH_ADMIN, "nope") as never);
    await after.handleUpdate(kit.sandbox.telegram.userSays(ENGLISH_ADMIN, String(order.id)) as never);
    const replies = kit.sandbox.telegram
      .messagesIn(ENGLISH_ADMIN)
      .slice(before)
      .filter((m) => m.from === "bot");
    expect(replies.map((m) => m.plain)).toEqual([
      "An order number is digits, for example 123. Try again, or /cancel.",
      expect.stringContaining(`Order #${order.id} — processing`),
    ]);
    expect(buttonsOf(replies[1]!).map((b) => b.text)).toEqual(["🔄 Sync this order", "💸 Refund in full"]);
  });
});
