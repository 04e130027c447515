import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { BotContext } from "../../bot/context.js";
import { countMisunderstanding, resetMisunderstanding } from "./handoff.bot.js";
import { createHandoffService } from "./handoff.service.js";

let kit: ShopKit;
let nextUser = 340_000;
const newCustomer = () => {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({ id, first_name: "Tono & <Co>", username: `t${id}`, language_code: "id" });
  return kit.customer(id);
};
const admin = () => kit.customer(ADMIN_ID);
const customerOf = async (telegramId: number) => (await kit.container.customers.findByTelegramId(telegramId))!;
const openNumber = async (telegramId: number) =>
  (await kit.container.handoff.openFor((await customerOf(telegramId)).id))?.number;

beforeAll(async () => {
  kit = await createShopKit();
});
afterAll(async () => {
  await kit.close();
});

describe("hand-off commands for admins", () => {
  it("explains wrong numbers, closed hand-offs and missing text", async () => {
    const customer = newCustomer();
    await customer.say("/cs");
    const number = (await openNumber(customer.id))!;
    expect((await admin().say("/balas 99999 halo"))[0]!.plain).toContain("Tidak ada hand-off #99999");
    expect((await admin().say("/selesai 99999"))[0]!.plain).toContain("Tidak ada hand-off #99999");
    expect((await admin().say("/balas"))[0]!.plain).toContain("Cara pakai: /balas nomor teks");
    expect((await admin().say(`/balas ${number}`))[0]!.plain).toContain("Cara pakai: /balas nomor teks");
    expect((await admin().say("/selesai abc"))[0]!.plain).toContain("Cara pakai: /selesai nomor");

    await admin().say(`/end ${number}`);
    expect((await admin().say(`/reply ${number} masih di sana?`))[0]!.plain).toContain(
      `Hand-off #${number} sudah selesai; pesan tidak dikirim`,
    );
    expect((await admin().say(`/selesai ${number}`))[0]!.plain).toContain(`Hand-off #${number} sudah selesai`);
    expect(customer.botMessages().some((m) => m.plain.includes("masih di sana?"))).toBe(false);
  });

  it("refuses admin commands from customers", async () => {
    const customer = newCustomer();
    const other = newCustomer();
    await other.say("/cs");
    const number = await openNumber(other.id);
    for (const command of [
      `/balas ${number} hai`,
      `/selesai ${number}`,
      "/handoffs",
      `/reply ${number} hai`,
      `/end ${number}`,
    ]) {
      expect((await customer.say(command))[0]!.plain).toBe("⛔ Perintah ini khusus admin toko.");
    }
    expect(await openNumber(other.id)).toBe(number);
    expect(other.botMessages().some((m) => m.plain.includes("hai"))).toBe(false);
  });

  it("ends a hand-off from the alert's button and with /selesai sent as a reply", async () => {
    const first = newCustomer();
    await first.say("/cs");
    const number = (await openNumber(first.id))!;
    await kit.runJobs();
    await admin().pressButton(new RegExp(`^ho:end:${number}$`));
    expect(kit.sandbox.telegram.toastsIn(ADMIN_ID).at(-1)!.text).toBe(`Hand-off #${number} selesai.`);
    expect(await openNumber(first.id)).toBeUndefined();
    await kit.runJobs();
    expect(first.lastText()).toContain("Bot siap membantu lagi");

    const second = newCustomer();
    await second.say("/cs");
    const other = (await openNumber(second.id))!;
    await kit.runJobs();
    const alert = admin()
      .botMessages()
      .find((m) => m.plain.startsWith(`🙋 Hand-off #${other} `))!;
    await kit.bot.handleUpdate(
      kit.sandbox.telegram.userSays(ADMIN_ID, "/selesai", { replyTo: alert.message_id }) as never,
    );
    expect(await openNumber(second.id)).toBeUndefined();
  });

  it("lists the open hand-offs", async () => {
    const customer = newCustomer();
    await customer.say("/cs");
    const number = await openNumber(customer.id);
    const [list] = await admin().say("/handoffs");
    expect(list!.plain).toMatch(/^Hand-off terbuka \(\d+\)/);
    expect(list!.plain).toContain(
      `#${number} · Tono & <Co> (@t${customer.id}) · id ${customer.id} · minta admin · sejak`,
    );
  });

  it("keeps alerts and relayed texts within Telegram's limits, escaped", async () => {
    const customer = newCustomer();
    await customer.say("halo");
    const { id } = await customerOf(customer.id);
    for (let i = 0; i < 12; i++)
      await kit.container.transcripts.record({
        customerId: id,
        role: i % 2 ? "bot" : "customer",
        text: `<b>${"&".repeat(900)}</b> ${i}`,
      });
    await customer.say("/cs");
    const number = (await openNumber(customer.id))!;
    await customer.say(`${"<&>".repeat(1500)}`);
    expect(await kit.runJobs()).toBeGreaterThan(0);
    const alert = admin()
      .botMessages()
      .find((m) => m.plain.startsWith(`🙋 Hand-off #${number} `));
    expect(alert, "the alert was accepted by Telegram (valid HTML, at most 4096 characters)").toBeDefined();
    expect(alert!.plain).toContain("Tono & <Co>");
    expect(alert!.plain).toContain("👤 /cs");
    expect(alert!.text!.length).toBeLessThanOrEqual(4096);
    const relay = admin()
      .botMessages()
      .find((m) => m.plain.startsWith(`💬 #${number} `));
    expect(relay!.plain).toContain("<&><&>");
    expect(relay!.plain.endsWith("…")).toBe(true);
    expect(relay!.text!.length).toBeLessThanOrEqual(4096);
  });

  it("opens no hand-off when no admin is configured", async () => {
    const customer = newCustomer();
    await customer.say("halo");
    const lonely = createHandoffService({ ...kit.container, adminTelegramIds: [] });
    expect(await lonely.open((await customerOf(customer.id)).id, "asked")).toEqual({ kind: "unavailable" });
  });
});

describe("misunderstanding helpers for the dialog", () => {
  it("hands the customer to a person after assistant.handoff_after_misunderstandings in a row", async () => {
    const customer = newCustomer();
    await customer.say("halo");
    await kit.container.settings.set("assistant.handoff_after_misunderstandings", 2);
    const replies: string[] = [];
    const ctx = {
      session: { checkout: { stage: "idle" } },
      customer: await customerOf(customer.id),
      deps: { ...kit.container, adminTelegramIds: kit.config.adminTelegramIds },
      t: (key: string) => key,
      reply: async (text: string) => void replies.push(text),
    } as unknown as BotContext;

    expect(await countMisunderstanding(ctx)).toBe(false);
    resetMisunderstanding(ctx);
    expect(await countMisunderstanding(ctx)).toBe(false);
    expect(await openNumber(customer.id)).toBeUndefined();
    expect(await countMisunderstanding(ctx)).toBe(true);
    expect(replies).toEqual(["handoff-opened-misunderstood"]);
    const handoff = await kit.container.handoff.openFor(ctx.customer.id);
    expect(handoff?.reason).toBe("misunderstood");
    expect(ctx.session.misunderstood).toBe(0);
    await kit.container.settings.set("assistant.handoff_after_misunderstandings", 3);
  });
});
