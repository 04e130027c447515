import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
  await kit.addTopupSupplier("vip-reseller");
});
afterEach(async () => {
  await kit.close();
});

const midOf = async (provider: string, providerServiceId: string) => {
  const row = await kit.db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .select("services.mid")
    .where("providers.name", "=", provider)
    .where("services.provider_service_id", "=", providerServiceId)
    .executeTakeFirstOrThrow();
  return row.mid;
};

describe("game top-ups", () => {
  it("understands a whole request in one message, checks the nickname and quotes the item price", async () => {
    const customer = kit.customer();
    const [list] = await customer.say("mau top up ML 86 diamond id 12345678 (1234)");
    const mid = await midOf("vip", "MLA86");
    expect(list!.plain).toMatch(new RegExp(`ID ${mid} · Mobile Legends 86 Diamonds`));
    // The product named in the message comes first, before cheaper ones.
    expect(list!.buttons[0]![0]!.callback_data).toBe(`pick:${mid}`);
    const replies = await customer.press(list!.message_id, `pick:${mid}`);
    const quote = replies.at(-1)!.plain;
    expect(quote).toContain("ID pemain: 12345678 (1234)");
    expect(quote).toContain("Nickname: BudiGamer");
    const service = await kit.container.catalog.findByMid(mid);
    expect(quote).toContain(`Total: Rp\u00a0${service!.unitPrice.toLocaleString("id-ID")}`);
    const nicknameChecks = kit.sandbox.vip.requests.filter((r) => r.type === "get-nickname");
    expect(nicknameChecks.at(-1)?.fields).toMatchObject({
      code: "mobile-legends",
      target: "12345678",
      additional_target: "1234",
    });
  });

  it("asks for the zone when a game needs one, and takes it on its own", async () => {
    const customer = kit.customer();
    await customer.say(`ID ${await midOf("vip", "MLA172")}`);
    const noZone = await customer.say("12345678");
    expect(noZone.at(-1)!.plain).toContain("Zone/Server ID");
    const quote = await customer.say("1234");
    expect(quote.at(-1)!.plain).toContain("Nickname: BudiGamer");
  });

  it("refuses an account the game does not know, before any payment", async () => {
    const customer = kit.customer();
    await customer.say(`ID ${await midOf("vip", "MLA86")}`);
    const replies = await customer.say("11111111 (1234)");
    expect(replies.at(-1)!.plain).toContain("tidak ditemukan");
    expect(await kit.db.selectFrom("quotes").selectAll().execute()).toHaveLength(0);
  });

  it("does not ask a zone for games without one", async () => {
    const customer = kit.customer();
    await customer.say(`ID ${await midOf("vip", "FF140")}`);
    const replies = await customer.say("123456789");
    expect(replies.at(-1)!.plain).toContain("Nickname: RizkyFF");
  });

  it("delivers a paid top-up and tells the customer its serial number", async () => {
    const customer = kit.customer();
    await customer.say(`ID ${await midOf("vip", "MLA86")} 12345678 (1234)`);
    await customer.pressButton(/^pay:/);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(order).toMatchObject({ status: "processing", target: "12345678", zone: "1234", nickname: "BudiGamer" });
    expect(kit.sandbox.vip.requests.find((r) => r.type === "order")?.fields).toMatchObject({
      service: "MLA86",
      data_no: "12345678",
      data_zone: "1234",
    });
    clock.advance(60_000);
    await kit.container.statusSync.syncAll();
    await kit.runJobs();
    const done = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(done.status).toBe("completed");
    expect(done.supplier_note).toMatch(/SN/);
    expect(customer.lastText()).toContain(`Pesanan #${order.id} selesai`);
    expect(customer.lastText()).toContain(done.supplier_note!);
  });
});

describe("phone top-ups through Digiflazz", () => {
  beforeEach(async () => {
    await kit.addTopupSupplier("digiflazz");
  });

  it("takes a phone number in any common form", async () => {
    const customer = kit.customer();
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    await customer.say(`ID ${mid}`);
    const replies = await customer.say("+62 812-3456-7890");
    // A phone number is named as one, and there is no nickname line for an account without one.
    expect(replies.at(-1)!.plain).toContain("Nomor HP: 081234567890");
    expect(replies.at(-1)!.plain).not.toMatch(/Akun:|Nickname/);
  });

  it("completes a pending transaction when Digiflazz's signed callback arrives, and refuses a forged one", async () => {
    const customer = kit.customer();
    const mid = (
      await kit.db
        .selectFrom("services")
        .select("mid")
        .where("platform", "=", "pulsa")
        .where("active", "=", 1)
        .orderBy("mid")
        .executeTakeFirstOrThrow()
    ).mid;
    await customer.say(`ID ${mid} 081234567890`);
    await customer.pressButton(/^pay:/);
    await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
    await kit.runJobs();
    const order = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(order.status).toBe("processing");
    expect(order.provider_order_id).toBe(`TB${order.id}-0`);

    const forgedBody = JSON.stringify({
      data: { ref_id: order.provider_order_id, rc: "00", status: "Sukses", sn: "FAKE" },
    });
    const forged = await kit.app.request("/webhooks/digiflazz", {
      method: "POST",
      body: forgedBody,
      headers: { "X-Hub-Signature": `sha1=${createHmac("sha1", "wrong").update(forgedBody).digest("hex")}` },
    });
    expect(forged.status).toBe(401);
    expect((await kit.db.selectFrom("orders").select("status").executeTakeFirstOrThrow()).status).toBe("processing");

    clock.advance(60_000);
    await kit.sandbox.digiflazz.tick();
    await kit.sandbox.digiflazz.flushCallbacks();
    await kit.runJobs();
    const done = await kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
    expect(done.status).toBe("completed");
    expect(customer.lastText()).toContain("selesai");
    // Re-checking re-sends the same ref_id: still one transaction at Digiflazz.
    expect(kit.sandbox.digiflazz.transactions.size).toBe(1);
  });
});
