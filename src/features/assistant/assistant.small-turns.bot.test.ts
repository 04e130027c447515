import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Answers in proportion (issue 10): /start, a hello, gibberish and emoji each get a short answer,
 * in the customer's language, instead of the whole platform keyboard (17 buttons in a shop that
 * also sells top-ups).
 */
describe("short turns get short answers", () => {
  let kit: ShopKit;
  let nextUser = 330_001;
  beforeAll(async () => {
    kit = await createShopKit();
    await kit.addTopupSupplier("vip-reseller");
    await kit.container.knowledge.sync();
  });
  afterAll(async () => {
    await kit.close();
  });
  const someone = (language: "id" | "en" = "id") => {
    const id = nextUser++;
    kit.sandbox.telegram.addUser({
      id,
      first_name: language === "id" ? "Sari" : "Sam",
      username: `u${id}`,
      language_code: language,
    });
    return kit.customer(id);
  };
  const buttonsOf = (replies: Awaited<ReturnType<ReturnType<typeof someone>["say"]>>) =>
    replies.flatMap((m) => m.buttons.flat());

  it("/start welcomes a new customer in one message with a compact keyboard, the rest one press away", async () => {
    const platforms = await kit.container.catalog.platformsWithServices();
    expect(platforms.length).toBeGreaterThan(10);
    for (const [language, hello, all] of [
      ["id", "Halo, Sari", "Semua platform"],
      ["en", "Hi, Sam", "All platforms"],
    ] as const) {
      const customer = someone(language);
      const replies = await customer.say("/start");
      expect(replies).toHaveLength(1);
      expect(replies[0]!.plain).toContain(hello);
      const buttons = buttonsOf(replies);
      expect(buttons.length).toBeLessThanOrEqual(7);
      expect(buttons.at(-1)!.text).toContain(all);
      const [full] = await customer.pressButton(/^cat$/);
      expect(full!.buttons.flat()).toHaveLength(platforms.length);
    }
  });

  it.each([
    ["id", "hi", "Halo, Sari", "followers ig"],
    ["id", "halo kak", "Halo, Sari", "followers ig"],
    ["en", "hello", "Hi, Sam", "instagram followers"],
  ] as const)(
    "a %s greeting %j gets a greeting back with a hint of what to type",
    async (language, text, hello, example) => {
      const replies = await someone(language).say(text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.plain).toContain(hello);
      expect(replies[0]!.plain).toContain(example);
      expect(buttonsOf(replies)).toEqual([]);
    },
  );

  it.each([
    ["id", "asdfgh", "belum paham"],
    ["id", "😀😀😀", "belum paham"],
    ["en", "🙈", "didn't get that"],
    ["en", "qwrtzp xkcd", "didn't get that"],
  ] as const)(
    "%s gibberish or emoji %j gets a short 'didn't get that' with an example, without the keyboard",
    async (language, text, sorry) => {
      const replies = await someone(language).say(text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.plain).toContain(sorry);
      expect(replies[0]!.plain).toMatch(/instagram (?:followers )?1000|followers instagram 1000/);
      expect(buttonsOf(replies)).toEqual([]);
    },
  );

  it("still hands the chat to a person after three messages in a row it cannot read", async () => {
    const customer = someone();
    await customer.say("asdfgh");
    await customer.say("😀😀");
    const replies = await customer.say("zzqx wq");
    expect(replies.at(-1)!.plain).toMatch(/admin/i);
    expect(
      await kit.container.handoff.openFor((await kit.container.customers.findByTelegramId(customer.id))!.id),
    ).toBeDefined();
  });
});
