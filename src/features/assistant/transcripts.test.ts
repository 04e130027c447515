import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { plainFromHtml } from "./transcripts.bot.js";

let kit: ShopKit;
let nextUser = 310_000;
const newCustomer = (language: "id" | "en" = "id") => {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({ id, first_name: "Rina", username: `r${id}`, language_code: language });
  return kit.customer(id);
};
const customerIdOf = async (telegramId: number) => (await kit.container.customers.findByTelegramId(telegramId))!.id;
const DAY = 86_400_000;

beforeAll(async () => {
  kit = await createShopKit();
});
afterAll(async () => {
  await kit.close();
});

describe("conversation transcripts", () => {
  it("keeps what the customer wrote and what the bot answered, in order, as the customer read it", async () => {
    const customer = newCustomer();
    const replies = await customer.say("mau followers instagram");
    const turns = await kit.container.transcripts.recent(await customerIdOf(customer.id), 50);
    expect(turns[0]).toMatchObject({ role: "customer", text: "mau followers instagram" });
    expect(turns.slice(1).map((t) => t.role)).toEqual(replies.map(() => "bot"));
    expect(turns.slice(1).map((t) => t.text)).toEqual(replies.map((r) => r.plain));
    expect(turns.map((t) => t.text).join("\n")).not.toMatch(/<\/?b>|<i>/);
  });

  it("records QR captions, edited texts and queued notifications, but never button data", async () => {
    const customer = newCustomer();
    const { replies } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/rina",
      quantity: 1000,
      userId: customer.id,
    });
    const qr = replies.find((m) => m.photo)!;
    const id = await customerIdOf(customer.id);
    await kit.bot.api.editMessageText(
      customer.id,
      customer.botMessages()[0]!.message_id,
      "Teks <b>baru</b> &amp; rapi",
      { parse_mode: "HTML" },
    );
    await kit.db
      .transaction()
      .execute((trx) => kit.container.notifications.toCustomer(trx, id, { key: "handoff-closed" }));
    await kit.runJobs();

    const texts = (await kit.container.transcripts.recent(id, 50)).map((t) => t.text);
    expect(texts).toContain(qr.plain);
    expect(texts).toContain("Teks baru & rapi");
    expect(texts.at(-1)).toContain("Bot siap membantu lagi");
    const stored = (await kit.db.selectFrom("transcripts").select("text").where("customer_id", "=", id).execute())
      .map((r) => r.text)
      .join("\n");
    const quote = await kit.db
      .selectFrom("quotes")
      .select("id")
      .where("customer_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored).not.toContain(quote.id);
    expect(stored).not.toContain("pay:");
  });

  it("keeps the last turns oldest first", async () => {
    const customer = newCustomer();
    const id = await customerIdOf((await customer.say("halo"), customer.id));
    for (const text of ["satu", "dua", "tiga"])
      await kit.container.transcripts.record({ customerId: id, role: "customer", text });
    expect((await kit.container.transcripts.recent(id, 2)).map((t) => t.text)).toEqual(["dua", "tiga"]);
  });

  it("records nothing for admin chats, neither the admin's messages nor alerts to them", async () => {
    await kit.customer(ADMIN_ID).say("halo");
    await kit.db
      .transaction()
      .execute((trx) => kit.container.notifications.toAdmins(trx, { key: "handoff-list-empty" }));
    await kit.runJobs();
    const admin = await kit.container.customers.findByTelegramId(ADMIN_ID);
    expect(await kit.container.transcripts.recent(admin!.id, 10)).toEqual([]);
  });

  it("still answers the customer when the transcript cannot be written", async () => {
    const customer = newCustomer();
    const failing = vi.spyOn(kit.container.transcripts, "recordForChat").mockRejectedValue(new Error("disk I/O error"));
    const record = vi.spyOn(kit.container.transcripts, "record").mockRejectedValue(new Error("disk I/O error"));
    try {
      const replies = await customer.say("followers ig");
      expect(replies.length).toBeGreaterThan(0);
      expect(failing).toHaveBeenCalled();
      expect(kit.logs.text()).toContain("cannot record the bot's message in the transcript");
    } finally {
      failing.mockRestore();
      record.mockRestore();
    }
  });

  it("prunes turns older than assistant.transcript_retention_days", async () => {
    const customer = newCustomer();
    await customer.say("halo");
    const id = await customerIdOf(customer.id);
    const now = Date.now();
    await kit.db
      .insertInto("transcripts")
      .values([
        { customer_id: id, role: "customer", text: "lama sekali", created_at: now - 10 * DAY },
        { customer_id: id, role: "bot", text: "agak lama", created_at: now - 2 * DAY },
      ])
      .execute();
    await kit.container.settings.set("assistant.transcript_retention_days", 3);
    expect(await kit.container.transcripts.prune()).toBeGreaterThanOrEqual(1);
    let texts = (await kit.container.transcripts.recent(id, 50)).map((t) => t.text);
    expect(texts).not.toContain("lama sekali");
    expect(texts).toContain("agak lama");
    expect(texts).toContain("halo");

    await kit.container.settings.set("assistant.transcript_retention_days", 1);
    await kit.container.transcripts.prune();
    texts = (await kit.container.transcripts.recent(id, 50)).map((t) => t.text);
    expect(texts).not.toContain("agak lama");
    expect(texts).toContain("halo");
    await kit.container.settings.set("assistant.transcript_retention_days", 30);
  });
});

describe("plainFromHtml", () => {
  it("drops tags and decodes the entities Telegram HTML uses", () => {
    expect(plainFromHtml("<b>ID 2</b> &lt;tag&gt; &amp;lt; &quot;x&quot; &#128512;")).toBe('ID 2 <tag> &lt; "x" 😀');
  });
});
