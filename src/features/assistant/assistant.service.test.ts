import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { createChatModel } from "../../infra/llm/chat-model.js";
import { createOpenAiClient } from "../../infra/llm/openai-client.js";
import { rulesBrain } from "../../sandbox-brain.js";
import { startOpenAiStandIn } from "../../../test/kit/openai-stand-in.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { createAssistant } from "./assistant.service.js";
import { jakartaDay, USAGE_KEPT_DAYS } from "./llm-budget.js";
import { reading } from "./llm-schema.js";
import { understand as readByRules } from "./rules-extractor.js";
import type { DialogContext } from "../language/language.understanding.js";
import { readText } from "../language/language.reading.js";

const UNCLEAR = "kalau mau nambah followers ig yang real buat jualan, ada?";
const choosing: DialogContext = {
  stage: "choosing",
  awaiting: "pick",
  selected: undefined,
  recent: [{ role: "bot", text: "Pilih layanan: ID 1, ID 2" }],
  language: "id",
};

describe("assistant: the LLM path over loopback HTTP", () => {
  let standIn: Awaited<ReturnType<typeof startOpenAiStandIn>>;
  let kit: ShopKit;
  const clock = createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0));

  beforeAll(async () => {
    standIn = await startOpenAiStandIn({ brain: rulesBrain, timeoutMs: 400 });
    kit = await createShopKit({ clock, env: standIn.env, importCatalog: false });
  });
  afterAll(async () => {
    await kit.close();
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.sim.reset();
    kit.container.assistant.resetStats();
    await kit.container.settings.set("assistant.llm_daily_token_budget", 300_000);
    await kit.container.settings.set("assistant.llm_customer_daily_calls", 60);
    clock.advance(24 * 3_600_000); // every test starts a fresh Jakarta day
  });

  const assistant = () => kit.container.assistant;

  describe("(a) an unclear message is read by the LLM", () => {
    it("sends one structured-output request and returns the guarded LLM reading", async () => {
      const u = await assistant().understand({ customerId: 1, text: UNCLEAR, context: choosing });
      expect(u).toMatchObject({ source: "llm", intent: "browse", platform: "instagram", kind: "followers" });
      const sent = standIn.sim.chatRequests();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        model: kit.config.openai.model,
        temperature: 0,
        response_format: { type: "json_schema", json_schema: { name: "customer_intent", strict: true } },
      });
      // A compatible server (a base URL is set) gets the length cap in the field it reads.
      expect(sent[0]).toMatchObject({ max_tokens: 200 });
      expect(standIn.sim.unexpected).toEqual([]);
      expect(assistant().stats()).toMatchObject({ messages: 1, llmReadings: 1, llmCalls: { understand: 1 } });
    });

    it("puts the static instructions first, the dialog state next and the customer's text alone at the end", async () => {
      await assistant().understand({ customerId: 1, text: UNCLEAR, context: choosing });
      const messages = standIn.sim.chatRequests()[0]!.messages as Array<{ role: string; content: string }>;
      expect(messages[0]!.role).toBe("system");
      expect(messages.at(-1)).toEqual({ role: "user", content: UNCLEAR });
      expect(messages.at(-2)!.content).toContain('"bot_asked_for":"pick"');
      expect(messages.at(-2)!.content).toContain("Pilih layanan");
      expect(
        messages
          .slice(0, -2)
          .map((m) => m.content)
          .join("\n"),
      ).not.toContain(UNCLEAR);
    });

    it("keeps the prompt's prefix identical from message to message, so the provider caches it", async () => {
      await assistant().understand({ customerId: 1, text: UNCLEAR });
      await assistant().understand({ customerId: 2, text: "bisa minta tolong carikan likes tiktok yg murah?" });
      const [first, second] = standIn.sim.chatRequests() as Array<{ messages: Array<{ content: string }> }>;
      const prefix = (r: { messages: Array<{ content: string }> }) => JSON.stringify(r.messages.slice(0, -2));
      expect(prefix(second!)).toBe(prefix(first!));
      const { tokens } = assistant().stats();
      expect(tokens.cached).toBeGreaterThan(0);
      expect(tokens.cached / tokens.prompt).toBeGreaterThan(0.4);
    });
  });

  describe("(b) the rules take over when the LLM cannot answer", () => {
    it.each([
      ["http500", "server_error"],
      ["http429", "rate_limited"],
      ["hang", "timeout"],
      ["garbage", "invalid_output"],
      ["garbage_body", "invalid_output"],
      ["schema_invalid", "invalid_output"],
      ["truncated", "invalid_output"],
    ] as const)("falls back to the rules on %s and counts it as %s", async (fault, reason) => {
      standIn.sim.enqueue({ fault });
      const u = await assistant().understand({ customerId: 3, text: UNCLEAR });
      expect(u).toEqual(readByRules(UNCLEAR));
      expect(u.source).toBe("rules");
      expect(assistant().stats().fallbacks).toEqual({ [reason]: 1 });
      // A failed call is still booked: it may have been paid for.
      expect((await assistant().usageToday(3)).failures).toBe(1);
    });

    it("falls back when the day's token budget is spent, without calling the LLM", async () => {
      await assistant().understand({ customerId: 4, text: UNCLEAR });
      const spent = await assistant().usageToday();
      await kit.container.settings.set("assistant.llm_daily_token_budget", spent.promptTokens + spent.completionTokens);
      const u = await assistant().understand({ customerId: 5, text: UNCLEAR });
      expect(u.source).toBe("rules");
      expect(standIn.sim.chatRequests()).toHaveLength(1);
      expect(assistant().stats().fallbacks).toEqual({ budget_tokens: 1 });
    });

    it("falls back for a customer past their daily calls, while others still get the LLM", async () => {
      await kit.container.settings.set("assistant.llm_customer_daily_calls", 2);
      for (let i = 0; i < 3; i++) await assistant().understand({ customerId: 6, text: UNCLEAR });
      expect((await assistant().understand({ customerId: 7, text: UNCLEAR })).source).toBe("llm");
      expect(standIn.sim.chatRequests()).toHaveLength(3);
      expect(assistant().stats().fallbacks).toEqual({ budget_customer: 1 });
      clock.advance(24 * 3_600_000);
      expect((await assistant().understand({ customerId: 6, text: UNCLEAR })).source).toBe("llm");
    });

    it("never calls the LLM when the token budget is 0", async () => {
      await kit.container.settings.set("assistant.llm_daily_token_budget", 0);
      expect((await assistant().understand({ customerId: 8, text: UNCLEAR })).source).toBe("rules");
      expect(standIn.sim.chatRequests()).toHaveLength(0);
      expect(assistant().stats().fallbacks).toEqual({ llm_disabled: 1 });
    });

    it("uses the guard's verdict: invented slots are dropped and counted", async () => {
      standIn.sim.enqueue({
        content: reading({
          intent: "browse",
          platform: "instagram",
          kind: "followers",
          quantity: 5000,
          target: "https://instagram.com/someone-else",
        }),
      });
      const u = await assistant().understand({ customerId: 9, text: UNCLEAR });
      expect(u).toMatchObject({ source: "llm", quantity: undefined, target: undefined });
      expect(assistant().stats().guard.droppedFields).toBe(2);
    });
  });

  describe("(c) simple turns never reach the LLM", () => {
    it.each([
      "1000",
      "3",
      "ya",
      "ok",
      "batal",
      "gak jadi",
      "/start",
      "/batal",
      "cek pesanan 12",
      "saldo",
      "ID 12 https://instagram.com/x 1000",
      "isi saldo 50rb",
      "makasih kak",
      "mau followers ig",
    ])("reads %j with the rules alone", async (text) => {
      const u = await assistant().understand({ customerId: 10, text, context: choosing });
      expect(u.source).toBe("rules");
      expect(standIn.sim.requests).toHaveLength(0);
      expect(assistant().stats().llmCalls.understand).toBe(0);
    });

    it("reads a number as a pick when the bot asked for one, without the LLM", async () => {
      expect(await assistant().understand({ customerId: 10, text: "3", context: choosing })).toMatchObject({
        intent: "select",
        mid: 3,
        source: "rules",
      });
    });
  });

  describe("(f) the turn's one reading", () => {
    it("reads the message from the reading it is handed, not again from the text", async () => {
      // A reading of other words than `text` shows which one the rules read (the bot always passes readText(text)).
      const u = await assistant().understand({
        customerId: 15,
        text: "?",
        reading: readText("mau followers ig 1k"),
        context: choosing,
      });
      expect(u).toMatchObject({
        source: "rules",
        intent: "browse",
        platform: "instagram",
        kind: "followers",
        quantity: 1000,
      });
    });

    it("checks the LLM's slots against the same reading", async () => {
      const text = "kalau mau nambah followers yang real buat jualan 2rb ke https://instagram.com/budi, ada?";
      standIn.sim.enqueue({
        content: reading({
          intent: "browse",
          platform: "instagram",
          kind: "followers",
          quantity: 2000,
          target: "instagram.com/budi",
        }),
      });
      const u = await assistant().understand({ customerId: 16, text, reading: readText(text) });
      expect(u).toMatchObject({ source: "llm", quantity: 2000, target: "https://instagram.com/budi" });
    });
  });

  describe("(e) usage is booked per day (Asia/Jakarta) and per customer", () => {
    it("books the tokens the server reported, for the customer and the shop", async () => {
      await assistant().understand({ customerId: 11, text: UNCLEAR });
      await assistant().understand({ customerId: 12, text: UNCLEAR });
      await assistant().understand({ customerId: 12, text: "tolong bantu pilihkan paket yg cocok buat olshop baru" });
      const { tokens } = assistant().stats();
      expect(await assistant().usageToday()).toEqual({
        calls: 3,
        failures: 0,
        promptTokens: tokens.prompt,
        completionTokens: tokens.completion,
        cachedTokens: tokens.cached,
      });
      expect((await assistant().usageToday(12)).calls).toBe(2);
      const rows = await kit.db.selectFrom("llm_usage").selectAll().where("customer_id", "in", [11, 12]).execute();
      expect(rows.map((r) => [r.day, r.customer_id, r.purpose, r.calls])).toEqual([
        [jakartaDay(clock.now()), 11, "understand", 1],
        [jakartaDay(clock.now()), 12, "understand", 2],
      ]);
    });

    it("forgets usage older than 90 days and keeps the rest", async () => {
      await assistant().understand({ customerId: 14, text: UNCLEAR });
      const booked = jakartaDay(clock.now());
      clock.advance(USAGE_KEPT_DAYS * 86_400_000);
      await assistant().understand({ customerId: 14, text: UNCLEAR });
      await assistant().pruneUsage();
      expect(
        (await kit.db.selectFrom("llm_usage").select("day").where("customer_id", "=", 14).execute()).map((r) => r.day),
      ).toEqual([booked, jakartaDay(clock.now())]);
      clock.advance(86_400_000);
      await assistant().pruneUsage();
      expect(
        (await kit.db.selectFrom("llm_usage").select("day").where("customer_id", "=", 14).execute()).map((r) => r.day),
      ).toEqual([jakartaDay(clock.now() - 86_400_000)]);
    });

    it("starts a new day at midnight in Jakarta, not in UTC", async () => {
      expect(jakartaDay(Date.UTC(2026, 10, 21, 16, 59))).toBe("2026-11-21");
      expect(jakartaDay(Date.UTC(2026, 10, 21, 17, 0))).toBe("2026-11-22");
      await kit.container.settings.set("assistant.llm_customer_daily_calls", 1);
      clock.set(Date.UTC(2026, 11, 1, 16, 30)); // 23:30 WIB
      await assistant().understand({ customerId: 13, text: UNCLEAR });
      expect((await assistant().understand({ customerId: 13, text: UNCLEAR })).source).toBe("rules");
      clock.set(Date.UTC(2026, 11, 1, 17, 5)); // 00:05 WIB, the next day
      expect((await assistant().understand({ customerId: 13, text: UNCLEAR })).source).toBe("llm");
    });
  });
});

describe("assistant: without an API key", () => {
  it("reads everything with the rules and says why", async () => {
    const kit = await createShopKit({ importCatalog: false });
    try {
      const u = await kit.container.assistant.understand({ customerId: 1, text: UNCLEAR });
      expect(u.source).toBe("rules");
      expect(kit.container.assistant.llmConfigured).toBe(false);
      expect(kit.container.assistant.stats().rulesOnly.not_configured).toBe(1);
    } finally {
      await kit.close();
    }
  });
});

describe("assistant: retries", () => {
  it("recovers from one server error with the SDK's retry, counting one call", async () => {
    const standIn = await startOpenAiStandIn({ brain: rulesBrain });
    const kit = await createShopKit({ importCatalog: false });
    try {
      const chat = createChatModel(
        createOpenAiClient({ apiKey: standIn.sim.apiKey, baseUrl: standIn.baseUrl, timeoutMs: 1_000, maxRetries: 1 }),
        "gpt-4o-mini",
      );
      const assistant = createAssistant({
        db: kit.db,
        clock: kit.container.clock,
        logger: kit.logs.logger,
        settings: kit.container.settings,
        chat,
      });
      standIn.sim.enqueue({ fault: "http500" });
      expect((await assistant.understand({ customerId: 1, text: UNCLEAR })).source).toBe("llm");
      expect(standIn.sim.chatRequests()).toHaveLength(2);
      expect(assistant.stats().llmCalls.understand).toBe(1);
    } finally {
      await kit.close();
      await standIn.close();
    }
  });
});
