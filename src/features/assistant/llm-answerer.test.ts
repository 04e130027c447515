import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rulesBrain } from "../../sandbox-brain.js";
import { startOpenAiStandIn } from "../../../test/kit/openai-stand-in.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { ungroundedFacts } from "./answer-check.js";

const PAYMENT = {
  title: "Cara bayar",
  body: "Pembayaran lewat QRIS (semua e-wallet dan m-banking) atau saldo akun. QR berlaku 15 menit. Minimal top up saldo Rp 10.000.",
};
const SPEED = {
  title: "Lama proses",
  body: "Pesanan diproses otomatis 1-30 menit setelah pembayaran, paling lama 1x24 jam. Garansi refill 30 hari untuk layanan bertanda Refill.",
};

describe("ungroundedFacts: numbers in an answer must come from the documents", () => {
  it.each([
    ["Bayar pakai QRIS, QR-nya berlaku 15 menit.", []],
    ["You can pay by QRIS; the QR is valid for 15 minutes.", []],
    ["Minimum wallet top-up is Rp10.000.", []],
    ["Minimal top up 10rb ya kak.", []],
    ["Diproses 1-30 menit, paling lama 1x24 jam.", []],
    ["Ada garansi refill 30 hari.", []],
  ])("accepts %j", (answer, missing) => {
    expect(ungroundedFacts(answer, [PAYMENT.body, SPEED.body])).toEqual(missing);
  });

  it.each([
    ["Diproses dalam 5 menit.", ["5 menit"]],
    ["Refund 100% dalam 3 hari.", ["100%", "3 hari"]],
    ["Harganya Rp 25.000 per 1000.", ["Rp 25.000", "1000"]],
    ["Garansi refill 60 hari.", ["60 hari"]],
    ["QR berlaku 15 jam.", ["15 jam"]],
    ["Minimal top up Rp 15.", ["Rp 15"]],
    ["Hubungi @admin_toko atau https://wa.me/62812345", ["@admin_toko", "https://wa.me/62812345"]],
  ])("rejects %j", (answer, missing) => {
    expect(ungroundedFacts(answer, [PAYMENT.body, SPEED.body])).toEqual(missing);
  });

  it("ignores list numbering, which is layout", () => {
    expect(ungroundedFacts("1. Pilih layanan\n2. Bayar QRIS", [PAYMENT.body])).toEqual([]);
  });
});

describe("composeAnswer over loopback HTTP", () => {
  let standIn: Awaited<ReturnType<typeof startOpenAiStandIn>>;
  let kit: ShopKit;

  beforeAll(async () => {
    standIn = await startOpenAiStandIn({ brain: rulesBrain });
    kit = await createShopKit({ env: standIn.env, importCatalog: false });
  });
  afterAll(async () => {
    await kit.close();
    await standIn.close();
  });
  beforeEach(async () => {
    standIn.sim.reset();
    kit.container.assistant.resetStats();
    await kit.container.settings.set("assistant.llm_daily_token_budget", 300_000);
  });

  const compose = (question: string, language: "id" | "en" = "id", documents = [PAYMENT, SPEED]) =>
    kit.container.assistant.composeAnswer({ question, language, documents, customerId: 1 });

  it("returns a grounded answer and books its tokens as an answer", async () => {
    standIn.sim.enqueue({ content: "Bisa bayar pakai QRIS atau saldo akun, kak. QR-nya berlaku 15 menit." });
    expect(await compose("bisa bayar pakai apa?")).toBe(
      "Bisa bayar pakai QRIS atau saldo akun, kak. QR-nya berlaku 15 menit.",
    );
    expect(kit.container.assistant.stats()).toMatchObject({
      llmCalls: { answer: 1, understand: 0 },
      answers: { composed: 1 },
    });
    const row = await kit.db
      .selectFrom("llm_usage")
      .selectAll()
      .where("purpose", "=", "answer")
      .executeTakeFirstOrThrow();
    expect(row.calls).toBe(1);
  });

  it("asks in the customer's language, with the documents as data and the question last", async () => {
    standIn.sim.enqueue({ content: "You can pay with QRIS." });
    await compose("how can I pay?", "en");
    const messages = standIn.sim.chatRequests()[0]!.messages as Array<{ role: string; content: string }>;
    expect(messages.at(-1)).toEqual({ role: "user", content: "how can I pay?" });
    expect(messages.at(-2)!.content).toContain("Answer in English");
    expect(messages.at(-2)!.content).toContain("QR berlaku 15 menit");
    expect(standIn.sim.chatRequests()[0]!.response_format).toBeUndefined();
  });

  it.each([
    ["a duration the documents do not give", "Pesanan selesai dalam 5 menit."],
    ["a price", "Harga followers Rp 25.000 per 1000."],
    ["a percentage", "Refund 100% kalau gagal."],
    ["the no-answer marker", "NO_ANSWER"],
  ])("returns nothing for an answer with %s", async (_what, answer) => {
    standIn.sim.enqueue({ content: answer });
    expect(await compose("berapa lama?")).toBeUndefined();
    expect(kit.container.assistant.stats().answers.rejected).toBe(1);
  });

  it.each(["http500", "hang", "truncated"] as const)("returns nothing on %s", async (fault) => {
    standIn.sim.enqueue({ fault });
    expect(await compose("berapa lama?")).toBeUndefined();
    expect(kit.container.assistant.stats().answers.unavailable).toBe(1);
  });

  it("returns nothing without documents or without budget, and calls no model", async () => {
    expect(await compose("berapa lama?", "id", [])).toBeUndefined();
    await kit.container.settings.set("assistant.llm_daily_token_budget", 0);
    expect(await compose("berapa lama?")).toBeUndefined();
    expect(standIn.sim.requests).toHaveLength(0);
  });

  it("quotes the first document through the sandbox brain", async () => {
    expect(await compose("bisa bayar pakai apa?")).toBe(
      "Pembayaran lewat QRIS (semua e-wallet dan m-banking) atau saldo akun. QR berlaku 15 menit.",
    );
  });
});

describe("composeAnswer without an LLM", () => {
  it("returns nothing, so the caller shows the document", async () => {
    const kit = await createShopKit({ importCatalog: false });
    try {
      expect(
        await kit.container.assistant.composeAnswer({
          question: "bayar pakai apa?",
          language: "id",
          documents: [PAYMENT],
        }),
      ).toBeUndefined();
    } finally {
      await kit.close();
    }
  });
});
