import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
let nextUser = 330_000;
const newCustomer = (language: "id" | "en" = "id") => {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({ id, first_name: "Sari", username: `s${id}`, language_code: language });
  return kit.customer(id);
};
const admin = () => kit.customer(ADMIN_ID);
/** The admin answers by replying (Telegram reply_to_message) to one of the bot's messages. */
const adminRepliesTo = async (messageId: number, text: string) => {
  const before = kit.sandbox.telegram.messagesIn(ADMIN_ID).length;
  await kit.bot.handleUpdate(kit.sandbox.telegram.userSays(ADMIN_ID, text, { replyTo: messageId }) as never);
  return kit.sandbox.telegram
    .messagesIn(ADMIN_ID)
    .slice(before)
    .filter((m) => m.from === "bot");
};
const adminMessages = (pattern: RegExp) =>
  admin()
    .botMessages()
    .filter((m) => pattern.test(m.plain));
const openNumber = async (telegramId: number) => {
  const customer = await kit.container.customers.findByTelegramId(telegramId);
  return (await kit.container.handoff.openFor(customer!.id))?.number;
};

beforeAll(async () => {
  kit = await createShopKit();
});
afterAll(async () => {
  await kit.close();
});

describe("hand-off to a person", () => {
  it("takes a customer from the bot to an admin and back", async () => {
    const customer = newCustomer();
    await customer.say("mau followers instagram");

    // The customer asks for a person.
    const opened = await customer.say("/cs");
    expect(opened.map((m) => m.plain).join()).toContain("admin kami akan membalas di sini");
    expect(
      opened
        .at(-1)!
        .buttons.flat()
        .map((b) => b.callback_data),
    ).toEqual(["ho:leave"]);
    const number = (await openNumber(customer.id))!;
    expect(number).toBeGreaterThan(0);

    // Every admin gets an alert with who, why and the recent conversation, and a button to end it.
    await kit.runJobs();
    const [alert] = adminMessages(new RegExp(`Hand-off #${number}\\b`));
    expect(alert!.plain).toContain(`Sari (@s${customer.id})`);
    expect(alert!.plain).toContain("pelanggan minta bicara dengan admin");
    expect(alert!.plain).toContain("👤 mau followers instagram");
    expect(alert!.plain).toMatch(/🤖 .*Instagram/);
    expect(alert!.plain).toContain("👤 /cs");
    expect(alert!.buttons.flat().map((b) => b.callback_data)).toEqual([`ho:end:${number}`]);

    // The customer's messages go to the admins; the dialog stays quiet (no lists, no quotes).
    for (const text of ["pesanan saya kemarin belum masuk", "followers ig", "ID 2 https://instagram.com/sari 1000"]) {
      expect(await customer.say(text)).toEqual([]);
    }
    const customerId = (await kit.container.customers.findByTelegramId(customer.id))!.id;
    expect(await kit.db.selectFrom("quotes").select("id").where("customer_id", "=", customerId).execute()).toEqual([]);
    await kit.runJobs();
    const relayed = adminMessages(new RegExp(`^💬 #${number} `));
    expect(relayed.map((m) => m.plain.split("\n")[1])).toEqual([
      "pesanan saya kemarin belum masuk",
      "followers ig",
      "ID 2 https://instagram.com/sari 1000",
    ]);

    // The admin answers by replying to the alert, to a relayed message, or with /balas.
    const sent = await adminRepliesTo(alert!.message_id, "Halo kak, kami cek dulu ya <3");
    expect(sent[0]!.plain).toContain(`✓ Terkirim ke Sari (@s${customer.id})`);
    expect(customer.lastText()).toBe("🧑‍💼 Admin: Halo kak, kami cek dulu ya <3");
    await adminRepliesTo(relayed[0]!.message_id, "Pesanan #12 sedang diproses");
    expect(customer.lastText()).toBe("🧑‍💼 Admin: Pesanan #12 sedang diproses");
    await admin().say(`/balas ${number} Sudah masuk ya kak`);
    expect(customer.lastText()).toBe("🧑‍💼 Admin: Sudah masuk ya kak");

    // The transcript tells the whole story, the admin's words as the admin's turns.
    const turns = await kit.container.transcripts.recent(customerId, 50);
    expect(turns.filter((t) => t.role === "admin").map((t) => t.text)).toEqual([
      "Halo kak, kami cek dulu ya <3",
      "Pesanan #12 sedang diproses",
      "Sudah masuk ya kak",
    ]);
    expect(turns.filter((t) => t.role === "customer").map((t) => t.text)).toContain("pesanan saya kemarin belum masuk");

    // The admin ends it; the customer is told and the dialog answers again.
    const ended = await admin().say(`/selesai ${number}`);
    expect(ended[0]!.plain).toContain(`Hand-off #${number} selesai`);
    await kit.runJobs();
    expect(customer.lastText()).toContain("Bot siap membantu lagi");
    expect(await openNumber(customer.id)).toBeUndefined();
    const list = await customer.say("followers ig");
    expect(list.map((m) => m.plain).join()).toMatch(/ID 2 · Instagram Followers/);
  });

  it("does not open a second hand-off while one is open", async () => {
    const customer = newCustomer();
    await customer.say("/cs");
    const number = await openNumber(customer.id);
    const again = await customer.say("/cs");
    expect(again[0]!.plain).toContain(`sudah terhubung dengan admin (#${number})`);
    const customerId = (await kit.container.customers.findByTelegramId(customer.id))!.id;
    expect(
      await kit.db.selectFrom("handoffs").select("id").where("customer_id", "=", customerId).execute(),
    ).toHaveLength(1);
    await kit.runJobs();
    expect(adminMessages(new RegExp(`^🙋 Hand-off #${number}\\b`))).toHaveLength(1);
  });

  it("speaks English to an English customer and takes /human", async () => {
    const customer = newCustomer("en");
    const opened = await customer.say("/human");
    expect(opened[0]!.plain).toContain("one of our team will answer you right here");
    expect(opened[0]!.buttons.flat()[0]!.text).toBe("🤖 Back to the bot");
    await admin().say(`/balas ${await openNumber(customer.id)} Hi, how can we help?`);
    expect(customer.lastText()).toBe("🧑‍💼 Admin: Hi, how can we help?");
  });

  it("lets the customer go back to the bot with /batal or the button, and tells the admins", async () => {
    const customer = newCustomer();
    await customer.say("/cs");
    const first = await openNumber(customer.id);
    expect((await customer.say("/batal"))[0]!.plain).toContain("kembali ke bot");
    expect(await openNumber(customer.id)).toBeUndefined();
    await kit.runJobs();
    expect(adminMessages(new RegExp(`Hand-off #${first} .*diakhiri oleh pelanggan`))).toHaveLength(1);

    await customer.say("/cs");
    const left = await customer.pressButton(/^ho:leave$/);
    expect(left.at(-1)!.plain).toContain("kembali ke bot");
    expect(await openNumber(customer.id)).toBeUndefined();
    expect((await customer.say("followers ig")).map((m) => m.plain).join()).toMatch(/Instagram/);
  });

  it("answers other commands during a hand-off with a hint instead of the dialog", async () => {
    const customer = newCustomer();
    await customer.say("/cs");
    const number = await openNumber(customer.id);
    const hint = await customer.say("/start");
    expect(hint.map((m) => m.plain)).toEqual([
      `Kamu sedang terhubung dengan admin (#${number}). Tulis pesanmu untuk admin, atau ketik /batal untuk kembali ke bot.`,
    ]);
  });
});
