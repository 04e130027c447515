import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
let nextUser = 200_000;
/** A fresh customer per test, so drafts never leak between tests. */
const newCustomer = (language: "id" | "en" = "id") => {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({
    id,
    first_name: language === "id" ? "Sari" : "Sam",
    username: `u${id}`,
    language_code: language,
  });
  return kit.customer(id);
};

beforeAll(async () => {
  kit = await createShopKit();
});
afterAll(async () => {
  await kit.close();
});

describe("the purchase dialog", () => {
  it("greets on /start and offers the product categories", async () => {
    const customer = newCustomer();
    const replies = await customer.say("/start");
    expect(replies[0]!.plain).toContain("Halo, Sari");
    // A compact keyboard under the welcome (issue 10); every platform is one press away.
    expect(replies).toHaveLength(1);
    expect(
      replies[0]!.buttons
        .flat()
        .map((b) => b.callback_data)
        .at(-1),
    ).toBe("cat");
    const [all] = await customer.pressButton(/^cat$/);
    const platforms = all!.buttons.flat().map((b) => b.callback_data);
    expect(platforms).toEqual(
      expect.arrayContaining([
        "plat:instagram",
        "plat:tiktok",
        "plat:youtube",
        "plat:facebook",
        "plat:twitter",
        "plat:telegram",
        "plat:spotify",
        "plat:shopee",
      ]),
    );
  });

  it("lists matching services with shop number, name and price per 1000 from the database", async () => {
    const [list] = await newCustomer().say("saya mau beli followers instagram");
    const service = await kit.container.catalog.findByMid(2);
    expect(list!.plain).toContain("Instagram — Followers");
    expect(list!.plain).toMatch(/ID 2 · Instagram Followers \[Real Global\]/);
    expect(list!.plain).toContain(`Rp\u00a0${service!.unitPrice.toLocaleString("id-ID")} / 1.000`);
    expect(list!.buttons.flat().map((b) => b.callback_data)).toContain("pick:2");
    expect(list!.plain).not.toMatch(/TikTok|YouTube/);
  });

  for (const pick of ["2", "ID 2", "saya pilih ID 2"]) {
    it(`understands the pick "${pick}" after a list and asks for link and quantity`, async () => {
      const customer = newCustomer();
      await customer.say("followers ig");
      const replies = await customer.say(pick);
      expect(replies[0]!.plain).toContain("✅ ID 2 — Instagram Followers");
      expect(replies[1]!.plain).toMatch(/link atau @username.*jumlah \(100–50\.000\)/s);
    });
  }

  it("takes a pick from a button", async () => {
    const customer = newCustomer();
    await customer.say("followers ig");
    const replies = await customer.pressButton(/^pick:3$/);
    expect(replies[0]!.plain).toContain("ID 3");
  });

  it("asks only for what is missing when slots arrive one by one, and remembers a quantity given with the request", async () => {
    const customer = newCustomer();
    await customer.say("mau beli followers IG 1000");
    const afterPick = await customer.say("2");
    expect(afterPick.at(-1)!.plain).toContain("Kirim link atau @username");
    expect(afterPick.at(-1)!.plain).not.toContain("jumlah");
    const quote = await customer.say("@budi.santoso");
    expect(quote.at(-1)!.plain).toContain("Ringkasan pesanan");
    expect(quote.at(-1)!.plain).toContain("Jumlah: 1.000");
  });

  it("quotes the total computed from the database price, stores the quote, and offers a Pay button carrying only its id", async () => {
    const customer = newCustomer();
    const replies = await customer.say("ID 2 https://instagram.com/budi_santoso 1500");
    const quote = await kit.db.selectFrom("quotes").selectAll().orderBy("created_at", "desc").executeTakeFirstOrThrow();
    const service = await kit.container.catalog.findByMid(2);
    expect(quote.amount).toBe(Math.ceil((service!.unitPrice * 1500) / 1000));
    expect(quote.status).toBe("open");
    expect(quote.expires_at).toBeGreaterThan(Date.now());
    const last = replies.at(-1)!;
    expect(last.plain).toContain(`Total: Rp\u00a0${quote.amount.toLocaleString("id-ID")}`);
    // An empty wallet is not offered as a way to pay; the quote says what is missing instead. ID 2
    // allows drip-feed, so its quote also offers it (issue 11).
    expect(last.buttons.flat().map((b) => b.callback_data)).toEqual([
      `pay:${quote.id}`,
      `pays:${quote.id}`,
      "draft:cancel",
      "drip",
    ]);
    expect(last.plain).toContain(
      `Saldo Rp\u00a00 kurang Rp\u00a0${quote.amount.toLocaleString("id-ID")} untuk bayar pakai saldo — isi dulu dengan /topup`,
    );
  });

  it("offers the wallet button once the balance covers the total, with no shortfall line", async () => {
    const customer = newCustomer();
    await customer.say("/saldo"); // the customer now exists
    const { id } = await kit.db
      .selectFrom("customers")
      .select("id")
      .where("telegram_id", "=", customer.id)
      .executeTakeFirstOrThrow();
    await kit.db.transaction().execute((trx) =>
      kit.container.wallet.credit(trx, {
        customerId: id,
        amount: 100_000,
        reason: "adjustment",
        reference: `test:${id}`,
        orderId: null,
      }),
    );
    const replies = await customer.say("ID 2 https://instagram.com/budi_santoso 1500");
    const quote = await kit.db.selectFrom("quotes").selectAll().orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(
      replies
        .at(-1)!
        .buttons.flat()
        .map((b) => b.callback_data),
    ).toEqual([`pay:${quote.id}`, `payw:${quote.id}`, `pays:${quote.id}`, "draft:cancel", "drip"]);
    expect(
      replies
        .at(-1)!
        .buttons.flat()
        .map((b) => b.text),
    ).toContain("👛 Bayar pakai saldo (Rp\u00a0100.000)");
    expect(replies.at(-1)!.plain).not.toContain("kurang");
  });

  it("explains a quantity out of range with the service's limits and keeps the valid link", async () => {
    const customer = newCustomer();
    const replies = await customer.say("ID 2 https://instagram.com/budi 20");
    const text = replies.map((m) => m.plain).join("\n");
    expect(text).toContain("Jumlah 20 tidak bisa");
    expect(text).toContain("minimal 100 dan maksimal 50.000");
    const quote = await customer.say("1000");
    expect(quote.at(-1)!.plain).toContain("Target: https://instagram.com/budi");
  });

  it("says clearly when a shop number does not exist", async () => {
    const replies = await newCustomer().say("ID 99999");
    expect(replies[0]!.plain).toContain("ID 99999 tidak ditemukan");
  });

  it("refuses a link of another platform and names the right one", async () => {
    const replies = await newCustomer().say("ID 2 https://www.tiktok.com/@budi 1000");
    expect(replies.map((m) => m.plain).join("\n")).toContain("bukan link Instagram");
  });

  it("refuses text that is neither a link nor an @username", async () => {
    const customer = newCustomer();
    await customer.say("ID 2");
    const replies = await customer.say("akun saya budi 1000");
    expect(replies.map((m) => m.plain).join("\n")).toMatch(/Target belum benar|Kirim link/);
  });

  it("does not offer a service of an order type the bot does not know", async () => {
    const unknown = await kit.db
      .selectFrom("services")
      .select(["id", "mid", "type"])
      .where("mid", "=", 40)
      .executeTakeFirstOrThrow();
    await kit.db.updateTable("services").set({ type: "Invites from Groups" }).where("id", "=", unknown.id).execute();
    try {
      const replies = await newCustomer().say(`ID ${unknown.mid}`);
      expect(replies[0]!.plain).toContain("belum bisa dipesan lewat bot");
    } finally {
      await kit.db.updateTable("services").set({ type: unknown.type }).where("id", "=", unknown.id).execute();
    }
  });

  it("offers a package, asking only for the link (its size is fixed)", async () => {
    const packaged = await kit.db
      .selectFrom("services")
      .select("mid")
      .where("type", "=", "Package")
      .executeTakeFirstOrThrow();
    const replies = await newCustomer().say(`ID ${packaged.mid}`);
    expect(replies[0]!.plain).toContain(`ID ${packaged.mid}`);
    expect(replies.at(-1)!.plain).toContain("Kirim link atau @username");
    expect(replies.at(-1)!.plain).not.toContain("jumlah");
  });

  it("answers an English-speaking customer in English", async () => {
    const customer = newCustomer("en");
    const replies = await customer.say("I want to buy tiktok views");
    expect(replies[0]!.plain).toContain("TikTok — Views");
    expect(replies[0]!.plain).toContain("Showing");
  });

  it("follows the language the customer writes in", async () => {
    const customer = newCustomer("en");
    const replies = await customer.say("saya mau beli likes instagram dong");
    expect(replies[0]!.plain).toContain("Menampilkan");
  });

  it("cancels the order in progress on request", async () => {
    const customer = newCustomer();
    await customer.say("ID 2");
    const replies = await customer.say("batal");
    expect(replies[0]!.plain).toContain("dibatalkan");
    const after = await customer.say("1000");
    // With nothing selected any more, a number is read as a shop number again.
    expect(after[0]!.plain).toContain("ID 1000");
  });

  it("pays a quote by saying yes", async () => {
    const customer = newCustomer();
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const replies = await customer.say("ya");
    expect(replies.at(-1)!.photo).toBeTruthy();
    expect(replies.at(-1)!.plain).toContain("Bayar sebelum");
  });

  it("shows the existing invoice again on a double tap instead of charging twice", async () => {
    const customer = newCustomer();
    await customer.say("ID 2 https://instagram.com/budi 1000");
    const quote = customer.botMessages().at(-1)!;
    const data = quote.buttons[0]![0]!.callback_data!;
    const first = await customer.press(quote.message_id, data);
    // A second client (or a replayed update) taps the same button before the buttons disappear.
    const update = kit.sandbox.telegram.userSays(customer.id, "x");
    await kit.bot.handleUpdate({
      update_id: update.update_id + 1_000_000,
      callback_query: {
        id: "dup",
        from: { id: customer.id, is_bot: false, first_name: "Sari" },
        chat_instance: "1",
        data,
        message: {
          message_id: quote.message_id,
          date: 0,
          chat: { id: customer.id, type: "private", first_name: "Sari" },
        },
      },
    } as never);
    const charges = [...kit.sandbox.midtrans.transactions.values()].filter((t) => t.gross_amount > 0);
    const orders = await kit.db.selectFrom("orders").select("id").where("quote_id", "=", data.slice(4)).execute();
    expect(orders).toHaveLength(1);
    const payments = await kit.db.selectFrom("payments").selectAll().where("order_id", "=", orders[0]!.id).execute();
    expect(payments).toHaveLength(1);
    expect(charges.filter((t) => t.order_id === payments[0]!.reference)).toHaveLength(1);
    expect(first.at(-1)!.photo).toBeTruthy();
  });

  it("stays silent in group chats (the shop sells in private chats)", async () => {
    const before = kit.sandbox.telegram.calls.length;
    await kit.bot.handleUpdate({
      update_id: 9_000_000_001,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -100123, type: "group", title: "Arisan" },
        from: { id: 100001, is_bot: false, first_name: "Budi" },
        text: "followers ig",
      },
    } as never);
    expect(kit.sandbox.telegram.calls.length).toBe(before);
  });

  it("shows the wallet balance with /saldo and the order history with /pesanan", async () => {
    const customer = newCustomer();
    expect((await customer.say("/saldo"))[0]!.plain).toContain("Saldo dompet: Rp\u00a00");
    expect((await customer.say("/pesanan"))[0]!.plain).toContain("belum punya pesanan");
  });
});
