import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../test/kit/shop-kit.js";
import { createManualClock } from "../infra/clock/clock.js";
import type { BotContext } from "./context.js";
import { createBot } from "./index.js";

let kit: ShopKit;
let bot: Bot<BotContext>;
let nextUser = 320_000;

/**
 * A bot of its own, created after the limit is set (it is read when the bot is created), with the
 * plugin's one-minute window under the test's control: only setInterval is faked, so the window
 * never turns over by chance in the middle of a test, and HTTP to the emulator runs normally.
 */
// The shop's clock too: on a shared database (TEST_DIALECT=postgres) the counters' window is timed by it.
const clock = createManualClock(Date.now());

beforeAll(async () => {
  kit = await createShopKit({ clock });
  await kit.container.settings.set("assistant.rate_limit_per_minute", 3);
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
  bot = createBot({
    api: kit.container.telegram,
    deps: { ...kit.container, adminTelegramIds: kit.config.adminTelegramIds },
    i18n: kit.container.i18n,
    botInfo: kit.sandbox.telegram.bot as unknown as UserFromGetMe,
  });
});
afterAll(async () => {
  vi.useRealTimers();
  await kit.close();
});

const person = (language: "id" | "en" = "id", id = nextUser++) => {
  if (id !== ADMIN_ID)
    kit.sandbox.telegram.addUser({ id, first_name: "Dodi", username: `d${id}`, language_code: language });
  const botReplies = async (update: { update_id: number }) => {
    const before = kit.sandbox.telegram.messagesIn(id).length;
    await bot.handleUpdate(update as never);
    return kit.sandbox.telegram
      .messagesIn(id)
      .slice(before)
      .filter((m) => m.from === "bot");
  };
  return {
    id,
    say: (text: string) => botReplies(kit.sandbox.telegram.userSays(id, text)),
    press: (messageId: number, data: string) => botReplies(kit.sandbox.telegram.userPresses(id, messageId, data)),
  };
};

describe("the per-customer rate limit", () => {
  it("drops messages past the limit and says so once, in the customer's language", async () => {
    const customer = person("id");
    for (let i = 0; i < 3; i++) expect((await customer.say("halo")).length).toBeGreaterThan(0);
    const notice = await customer.say("halo");
    expect(notice.map((m) => m.plain)).toEqual([expect.stringContaining("Pelan-pelan ya kak")]);
    for (let i = 0; i < 3; i++) expect(await customer.say("followers ig")).toEqual([]);

    // Dropped messages are neither answered nor stored.
    const stored = await kit.db
      .selectFrom("transcripts")
      .innerJoin("customers", "customers.id", "transcripts.customer_id")
      .select("text")
      .where("customers.telegram_id", "=", customer.id)
      .where("role", "=", "customer")
      .execute();
    expect(stored.map((r) => r.text)).toEqual(["halo", "halo", "halo"]);
  });

  it("tells an English speaker in English", async () => {
    const customer = person("en");
    for (let i = 0; i < 3; i++) await customer.say("hello");
    expect((await customer.say("hello"))[0]!.plain).toContain("Slow down a little");
  });

  it("lets a normal pace through: a new minute starts a new allowance", async () => {
    const customer = person("id");
    for (let i = 0; i < 3; i++) expect((await customer.say("halo")).length).toBeGreaterThan(0);
    vi.advanceTimersByTime(60_000);
    clock.advance(60_000);
    for (let i = 0; i < 3; i++) {
      const replies = await customer.say("halo");
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.map((m) => m.plain).join()).not.toContain("Pelan-pelan");
    }
  });

  it("keeps button presses of a purchase working while messages are limited", async () => {
    const customer = person("id");
    const start = await customer.say("/start");
    for (let i = 0; i < 2; i++) await customer.say("halo");
    expect((await customer.say("halo"))[0]!.plain).toContain("Pelan-pelan");
    const categories = start.find((m) => m.buttons.flat().some((b) => b.callback_data === "plat:instagram"))!;
    const replies = await customer.press(categories.message_id, "plat:instagram");
    expect(replies.map((m) => m.plain).join("\n")).toMatch(/Instagram/);
  });

  it("never limits admins", async () => {
    const admin = person("id", ADMIN_ID);
    for (let i = 0; i < 6; i++) {
      const replies = await admin.say("halo");
      expect(replies.length).toBeGreaterThan(0);
      expect(replies.map((m) => m.plain).join()).not.toContain("Pelan-pelan");
    }
  });
});
