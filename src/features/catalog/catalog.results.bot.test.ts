import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../sandbox/telegram/bot-api-emulator.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Product lists in the real bot, as a customer reads them: what comes first, and paging through a
 * whole list with "Lihat lainnya »" and "« Sebelumnya".
 */
describe("product lists in the chat", () => {
  let kit: ShopKit;
  let nextUser = 310_001;
  beforeAll(async () => {
    kit = await createShopKit();
    await kit.container.knowledge.sync();
  });
  afterAll(async () => {
    await kit.close();
  });
  const someone = () => kit.customer(nextUser++);
  const picks = (message: ChatMessage) =>
    message.buttons
      .flat()
      .flatMap((b) => (b.callback_data?.startsWith("pick:") ? [Number(b.callback_data.slice(5))] : []));
  const pricesIn = (message: ChatMessage) =>
    [...message.plain.matchAll(/Rp\s([\d.]+)\s\/\s1[.,]000/g)].map((m) => Number(m[1]!.replace(/\./g, "")));
  const sellable = async (platform: string, kind: string) =>
    (await kit.container.catalog.listSellable({ platform, kind }, 0, 1_000)).services;

  it("lists the cheapest first for every way of asking for it, in both languages", async () => {
    const cheapest = Math.min(...(await sellable("instagram", "followers")).map((s) => s.unitPrice));
    for (const text of [
      "followers ig paling murah yg mana kak",
      "followers ig yg murah",
      "followers ig termurah",
      "cheap instagram followers",
      "instagram followers lowest price, please",
    ]) {
      const [list] = await someone().say(text);
      const prices = pricesIn(list!);
      expect(prices[0], text).toBe(cheapest);
      expect(prices, text).toEqual([...prices].sort((a, b) => a - b));
    }
  });

  it("orders a list nobody asked to sort by price when the services are equally relevant", async () => {
    const [list] = await someone().say("mau followers instagram");
    const prices = pricesIn(list!);
    expect(prices.length).toBe((await sellable("instagram", "followers")).length);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("pages through a whole search result: each service once, in one order, and back again", async () => {
    const customer = someone();
    const expected = (await sellable("facebook", "likes")).map((s) => s.mid);
    expect(expected.length).toBeGreaterThan(8);
    const [first] = await customer.say("likes facebook");
    const pages = [picks(first!)];
    expect(first!.plain).toContain(`dari ${expected.length}`);
    for (let page = 1; page < 5 && pages.at(-1)!.length > 0; page++) {
      const last = customer.botMessages().at(-1)!;
      if (!last.buttons.flat().some((b) => b.text === "Lihat lainnya »")) break;
      const [next] = await customer.pressButton(/^page:\d+:\d+$/);
      pages.push(picks(next!));
      expect(next!.plain).toContain(
        `Menampilkan ${page * 8 + 1}–${page * 8 + pages.at(-1)!.length} dari ${expected.length}`,
      );
    }
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    // The last page has no "more", and "« Sebelumnya" goes back to the same services in the same order.
    const lastPage = customer.botMessages().at(-1)!;
    expect(lastPage.buttons.flat().map((b) => b.text)).not.toContain("Lihat lainnya »");
    const back = lastPage.buttons.flat().find((b) => b.text === "« Sebelumnya")!;
    const [previous] = await customer.press(lastPage.message_id, back.callback_data!);
    expect(picks(previous!)).toEqual(pages.at(-2));
  });

  it("says a list is out of date when its buttons are pressed after a newer search", async () => {
    const customer = someone();
    const [old] = await customer.say("likes facebook");
    await customer.say("followers instagram");
    const more = old!.buttons.flat().find((b) => b.text === "Lihat lainnya »")!;
    expect(await customer.press(old!.message_id, more.callback_data!)).toEqual([]);
    expect(customer.toasts().at(-1)!.text).toMatch(/sudah lama/);
  });

  it("pages the category buttons both ways too", async () => {
    const customer = someone();
    await customer.say("/start");
    await customer.pressButton(/^plat:facebook$/);
    const [first] = await customer.pressButton(/^list:facebook:likes:0$/);
    const [second] = await customer.pressButton(/^list:facebook:likes:1$/);
    expect(picks(second!).some((mid) => picks(first!).includes(mid))).toBe(false);
    const [back] = await customer.pressButton(/^list:facebook:likes:0$/);
    expect(picks(back!)).toEqual(picks(first!));
    expect(second!.buttons.flat().map((b) => b.text)).toContain("« Sebelumnya");
  });
});
