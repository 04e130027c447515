import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { sandboxCatalog } from "../../sandbox/smm/sample-catalog.js";

/**
 * Every SMM order type bought through the real dialog (grammY `handleUpdate`), paid, placed by the
 * real fulfilment job, and checked at the sandbox panel, which validates each `add` like a real
 * Perfect Panel: the exact wire parameters the supplier received are asserted.
 */
let kit: ShopKit;
let nextUser = 310_000;
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

/** The shop number of a sandbox panel service. */
const midOf = async (providerServiceId: number) =>
  (
    await kit.db
      .selectFrom("services")
      .select("mid")
      .where("provider_service_id", "=", String(providerServiceId))
      .executeTakeFirstOrThrow()
  ).mid;

/** Pays the customer's newest quote by QRIS, runs the placement, and returns the supplier's copy of the order. */
async function payAndPlace(customer: ReturnType<ShopKit["customer"]>) {
  const before = kit.sandbox.smm.addCalls();
  await customer.pressButton(/^pay:/);
  await kit.sandbox.midtrans.pay(kit.latestTransaction().order_id);
  await kit.runJobs();
  expect(kit.sandbox.smm.addCalls()).toBe(before + 1);
  const placed = [...kit.sandbox.smm.orders.values()].at(-1)!;
  const order = await kit.db
    .selectFrom("orders")
    .selectAll()
    .where("provider_order_id", "=", String(placed.order))
    .executeTakeFirstOrThrow();
  return { placed, order };
}

const lastAdd = () => kit.sandbox.smm.requests.filter((r) => r.action === "add").at(-1)!;

beforeAll(async () => {
  // The sandbox shop's list: the generated services plus one of every order type.
  kit = await createShopKit({ smm: { catalog: sandboxCatalog() } });
});
afterAll(async () => {
  await kit.close();
});

describe("every SMM service type in chat", () => {
  it("custom comments: asks for the comments, counts the lines as the quantity, and sends them one per line", async () => {
    const customer = newCustomer();
    const mid = await midOf(1401);
    const asked = await customer.say(`ID ${mid} https://instagram.com/p/CxYz123`);
    expect(asked.at(-1)!.plain).toContain("satu komentar per baris");
    const quote = await customer.say("Mantap kak!\nKeren banget 🔥\nAuto follow\nBagus sekali\nMantul");
    expect(quote.at(-1)!.plain).toContain("Ringkasan pesanan");
    expect(quote.at(-1)!.plain).toContain("Jumlah: 5");
    expect(quote.at(-1)!.plain).toContain("Komentar (5)");
    const { placed, order } = await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1401",
      link: "https://instagram.com/p/CxYz123",
      comments: "Mantap kak!\nKeren banget 🔥\nAuto follow\nBagus sekali\nMantul",
    });
    expect(placed.quantity).toBe(5);
    expect(order.quantity).toBe(5);
    expect(JSON.parse(order.extras!)).toEqual({
      comments: ["Mantap kak!", "Keren banget 🔥", "Auto follow", "Bagus sekali", "Mantul"],
    });
    // The order's detail in chat shows what was sent.
    await customer.say("/pesanan");
    const detail = await customer.pressButton(new RegExp(`^ord:${order.id}$`));
    expect(detail.map((m) => m.plain).join("\n")).toContain("Komentar (5)");
  });

  it("custom comments: refuses too few lines with the service's limits, in the customer's language, and asks again", async () => {
    const customer = newCustomer("en");
    await customer.say(`ID ${await midOf(1401)} https://instagram.com/p/abc`);
    const replies = await customer.say("nice\ncool");
    expect(replies.at(-1)!.plain).toContain("That is 2 comment lines; this service takes 5–500.");
    expect(replies.at(-1)!.plain).toContain("Send the comments, one per line");
  });

  it("custom comments package: no quantity asked, the package's size billed, comments sent", async () => {
    const customer = newCustomer();
    await customer.say(`ID ${await midOf(1402)} https://instagram.com/p/pkg1`);
    const quote = await customer.say("Keren\nMantap");
    expect(quote.at(-1)!.plain).toContain("Jumlah: 10");
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1402",
      link: "https://instagram.com/p/pkg1",
      comments: "Keren\nMantap",
    });
  });

  it("mentions with a custom list: the usernames are the quantity", async () => {
    const customer = newCustomer();
    await customer.say(`ID ${await midOf(1403)} https://instagram.com/p/men1`);
    const names = Array.from({ length: 12 }, (_, i) => `@user_${i}`).join("\n");
    const quote = await customer.say(names);
    expect(quote.at(-1)!.plain).toContain("Jumlah: 12");
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1403",
      link: "https://instagram.com/p/men1",
      usernames: Array.from({ length: 12 }, (_, i) => `user_${i}`).join("\n"),
    });
  });

  it("mentions of a user's followers, of a hashtag, of a post's likers, and with usernames and hashtags", async () => {
    const cases: Array<{ id: number; answers: string[]; wire: Record<string, string> }> = [
      { id: 1404, answers: ["@budi.santoso"], wire: { username: "budi.santoso" } },
      { id: 1405, answers: ["#kuliner"], wire: { hashtag: "kuliner" } },
      { id: 1406, answers: ["https://instagram.com/p/source1"], wire: { media: "https://instagram.com/p/source1" } },
      { id: 1407, answers: ["@ani\n@budi"], wire: { usernames: "ani\nbudi" } },
      {
        id: 1408,
        answers: ["@ani @budi", "#kuliner #jakarta"],
        wire: { usernames: "ani\nbudi", hashtags: "kuliner\njakarta" },
      },
    ];
    for (const c of cases) {
      const customer = newCustomer();
      const link = `https://instagram.com/p/m${c.id}`;
      await customer.say(`ID ${await midOf(c.id)} ${link} 200`);
      let replies: Awaited<ReturnType<typeof customer.say>> = [];
      for (const answer of c.answers) replies = await customer.say(answer);
      expect(replies.at(-1)!.plain).toContain("Ringkasan pesanan");
      await payAndPlace(customer);
      expect(lastAdd().fields).toEqual({ action: "add", service: String(c.id), link, quantity: "200", ...c.wire });
    }
  });

  it("comment likes and comment replies: the comment's author, and replies one per line", async () => {
    const likes = newCustomer();
    await likes.say(`ID ${await midOf(1409)} https://instagram.com/p/cl1 100`);
    await likes.say("@pemilik_komen");
    await payAndPlace(likes);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1409",
      link: "https://instagram.com/p/cl1",
      quantity: "100",
      username: "pemilik_komen",
    });

    const replies = newCustomer();
    await replies.say(`ID ${await midOf(1410)} https://instagram.com/p/cr1`);
    const askComments = await replies.say("@pemilik_komen");
    expect(askComments.at(-1)!.plain).toContain("satu komentar per baris");
    await replies.say("Setuju\nBetul banget\nMantap\nIya kak\nSip");
    await payAndPlace(replies);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1410",
      link: "https://instagram.com/p/cr1",
      username: "pemilik_komen",
      comments: "Setuju\nBetul banget\nMantap\nIya kak\nSip",
    });
  });

  it("a poll vote: asks which answer, refuses one out of range, sends answer_number", async () => {
    const customer = newCustomer();
    await customer.say(`ID ${await midOf(1411)} https://t.me/channel/123 500`);
    const wrong = await customer.say("99");
    expect(wrong.at(-1)!.plain).toContain("Nomor jawaban harus angka 1–20");
    const quote = await customer.say("2");
    expect(quote.at(-1)!.plain).toContain("Jawaban polling: nomor 2");
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1411",
      link: "https://t.me/channel/123",
      quantity: "500",
      answer_number: "2",
    });
  });

  it("a package: no quantity asked, only the link sent", async () => {
    const customer = newCustomer();
    const replies = await customer.say(`ID ${await midOf(1412)} https://instagram.com/budi`);
    expect(replies.at(-1)!.plain).toContain("Ringkasan pesanan");
    expect(replies.at(-1)!.plain).toContain("Jumlah: 1.000");
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({ action: "add", service: "1412", link: "https://instagram.com/budi" });
  });

  it("SEO: keywords one per line with the quantity", async () => {
    const customer = newCustomer();
    await customer.say(`ID ${await midOf(1413)} https://tokobudi.com 1000`);
    await customer.say("jual kopi\nkopi arabika murah");
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1413",
      link: "https://tokobudi.com/",
      quantity: "1000",
      keywords: "jual kopi\nkopi arabika murah",
    });
  });

  it("a subscription: per-post range, posts, an allowed delay and an expiry, billed for posts × max", async () => {
    const customer = newCustomer();
    await customer.say(`ID ${await midOf(1414)} @budi.santoso`);
    const badRange = await customer.say("10-20");
    expect(badRange.at(-1)!.plain).toContain("harus di antara 50 dan 5.000");
    await customer.say("100-200");
    await customer.say("10");
    const badDelay = await customer.say("7");
    expect(badDelay.at(-1)!.plain).toContain("Jeda itu tidak tersedia");
    await customer.say("30");
    const badExpiry = await customer.say("31/02/2020");
    expect(badExpiry.at(-1)!.plain).toContain("Tanggal berakhir belum benar");
    const quote = await customer.say("31/12/2099");
    expect(quote.at(-1)!.plain).toContain("Jumlah: 2.000");
    expect(quote.at(-1)!.plain).toContain(
      "Langganan @budi.santoso: 100–200 per postingan, 10 postingan, jeda 30 menit",
    );
    const { order } = await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1414",
      username: "budi.santoso",
      min: "100",
      max: "200",
      posts: "10",
      delay: "30",
      expiry: "31/12/2099",
    });
    // The panel's own subscription status ("Active") reads as in progress.
    await kit.container.statusSync.syncOrders([order.id]);
    expect(
      (await kit.db.selectFrom("orders").select("status").where("id", "=", order.id).executeTakeFirstOrThrow()).status,
    ).toBe("processing");
  });

  it("drip-feed: offered on the quote of a service that allows it; runs and interval sent, the total billed", async () => {
    const customer = newCustomer();
    // ID 2 is "[Real Global]", a Default service with dripfeed.
    const quote = await customer.say("ID 2 https://instagram.com/dripbudi 1000");
    expect(
      quote
        .at(-1)!
        .buttons.flat()
        .map((b) => b.callback_data),
    ).toContain("drip");
    const ask = await customer.pressButton(/^drip$/);
    expect(ask.at(-1)!.plain).toContain("5x30");
    const wrong = await customer.say("1x30");
    expect(wrong.at(-1)!.plain).toContain("Kirim bertahap harus 2–100 kali");
    const dripQuote = await customer.say("5x30");
    expect(dripQuote.at(-1)!.plain).toContain("Jumlah: 5.000");
    expect(dripQuote.at(-1)!.plain).toContain("Bertahap: 5 × 1.000, tiap 30 menit");
    const service = await kit.container.catalog.findByMid(2);
    const stored = await kit.db
      .selectFrom("quotes")
      .selectAll()
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(stored.amount).toBe(Math.ceil((service!.unitPrice * 5000) / 1000));
    await payAndPlace(customer);
    expect(lastAdd().fields).toEqual({
      action: "add",
      service: "1002",
      link: "https://instagram.com/dripbudi",
      quantity: "1000",
      runs: "5",
      interval: "30",
    });
  });

  it("never offers drip-feed where the supplier does not allow it", async () => {
    const customer = newCustomer();
    const quote = await customer.say("ID 1 https://instagram.com/nodrip 1000");
    expect(
      quote
        .at(-1)!
        .buttons.flat()
        .map((b) => b.callback_data),
    ).not.toContain("drip");
  });
});
