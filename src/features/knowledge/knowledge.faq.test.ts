import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeShop, type KnowledgeShop } from "../../../test/kit/knowledge-shop.js";
import { createOpenAIEmbedder } from "../../infra/llm/embedder.js";
import { AppError } from "../../shared/errors.js";

const SEEDED = [
  "cara-bayar",
  "cara-order",
  "garansi-refill",
  "hubungi-admin",
  "refund",
  "tanpa-password",
  "top-up-game",
  "waktu-proses",
];

describe("the shop's FAQ: seeded, searchable in both languages, editable", () => {
  let shop: KnowledgeShop;
  beforeAll(async () => {
    shop = await openKnowledgeShop();
  });
  afterAll(() => shop.close());

  const best = async (text: string, language?: "id" | "en") =>
    (await shop.knowledge.searchFaq(text, { language }))[0]?.document;

  it("comes seeded with every topic in Indonesian and English", async () => {
    const all = await shop.knowledge.faq.list();
    expect([...new Set(all.map((d) => d.slug))].sort()).toEqual(SEEDED);
    for (const language of ["id", "en"] as const)
      expect((await shop.knowledge.faq.list({ language })).map((d) => d.slug).sort()).toEqual(SEEDED);
    expect((await shop.knowledge.faq.get("refund", "id"))!.body).toMatch(/pro rata ke saldo dompet/);
    expect((await shop.knowledge.faq.get("refund", "en"))!.body).toMatch(/pro rata to your wallet/);
  });

  it.each([
    ["gimana cara bayarnya kak?", "cara-bayar", "id"],
    ["bisa bayar pake qris atau telegram stars?", "cara-bayar", "id"],
    ["how do I pay?", "cara-bayar", "en"],
    ["berapa lama prosesnya", "waktu-proses", "id"],
    ["how long does it take", "waktu-proses", "en"],
    ["kalau followers turun gimana", "garansi-refill", "id"],
    ["is there a refill guarantee", "garansi-refill", "en"],
    ["refund kalau partial?", "refund", "id"],
    ["do I get my money back if it is canceled", "refund", "en"],
    ["perlu password ga?", "tanpa-password", "id"],
    ["do you need my pasword", "tanpa-password", "en"],
    ["id zone ml itu apa", "top-up-game", "id"],
    ["what is the player id for top up", "top-up-game", "en"],
    ["mau ngomong sama admin", "hubungi-admin", "id"],
    ["how to contact admin", "hubungi-admin", "en"],
    ["ID layanan itu apa", "cara-order", "id"],
  ])("%j → %s (%s)", async (question, slug, language) => {
    const document = await best(question);
    expect(document?.slug).toBe(slug);
    expect(document?.language).toBe(language);
  });

  it.each([["aman gak min?"], ["is it safe"]])("%j → is it safe (tanpa-password)", async (question) => {
    expect((await best(question))?.slug).toBe("tanpa-password");
  });

  // A question the FAQ does not cover gets no answer (the assistant then offers a person) rather than the nearest topic.
  it.each([
    ["apakah toko ini punya cabang offline di bandung?"],
    ["siapa presiden indonesia"],
    ["kamu bisa masak?"],
    ["what is the weather today"],
    ["is this legit?"],
  ])("%j → nothing", async (question) => {
    expect(await shop.knowledge.searchFaq(question, {})).toEqual([]);
  });

  it("answers in the customer's language, whatever language the question matched", async () => {
    expect(await best("how do I pay with qris", "id")).toMatchObject({ slug: "cara-bayar", language: "id" });
    expect(await best("bayar pakai saldo", "en")).toMatchObject({ slug: "cara-bayar", language: "en" });
  });

  it("adds, changes and removes a document; search follows at once", async () => {
    const added = await shop.knowledge.faq.upsert({
      slug: "Jam-Buka",
      language: "id",
      title: "Jam operasional",
      body: "Toko buka 24 jam setiap hari, termasuk hari libur.",
    });
    expect(added).toMatchObject({ slug: "jam-buka", language: "id", active: true });
    await shop.knowledge.faq.upsert({
      slug: "jam-buka",
      language: "en",
      title: "Opening hours",
      body: "The shop is open 24 hours a day, holidays included.",
    });
    expect(await best("toko buka jam berapa")).toMatchObject({ slug: "jam-buka", language: "id" });
    expect(await best("opening hours on holidays")).toMatchObject({ slug: "jam-buka", language: "en" });

    await shop.knowledge.faq.upsert({
      slug: "jam-buka",
      language: "id",
      title: "Jam operasional",
      body: "Admin membalas pukul 08.00-22.00 WIB; pesanan otomatis jalan terus.",
    });
    expect((await shop.knowledge.faq.get("jam-buka"))!.body).toMatch(/08\.00-22\.00/);
    expect(await best("pukul berapa WIB")).toMatchObject({ slug: "jam-buka", language: "id" });
    expect((await shop.knowledge.searchFaq("toko libur")).map((h) => h.document.slug)).not.toContain("jam-buka");

    expect(await shop.knowledge.faq.remove("jam-buka", "id")).toBe(1);
    expect(await shop.knowledge.faq.get("jam-buka", "id")).toBeUndefined();
    // The English version stays and is what the Indonesian customer now gets.
    expect(await best("opening hours", "id")).toMatchObject({ slug: "jam-buka", language: "en" });
    expect(await shop.knowledge.faq.remove("jam-buka")).toBe(1);
    expect((await shop.knowledge.searchFaq("opening hours holidays")).map((h) => h.document.slug)).not.toContain(
      "jam-buka",
    );
  });

  it("hides a document switched off, and finds it again when switched on", async () => {
    const refund = (await shop.knowledge.faq.get("refund", "en"))!;
    await shop.knowledge.faq.upsert({
      slug: "refund",
      language: "en",
      title: refund.title,
      body: refund.body,
      active: false,
    });
    expect(
      (await shop.knowledge.searchFaq("refund partial canceled", { language: "en" })).map((h) => h.document.language),
    ).not.toContain("en");
    await shop.knowledge.faq.upsert({
      slug: "refund",
      language: "en",
      title: refund.title,
      body: refund.body,
      active: true,
    });
    expect(await best("refund partial canceled", "en")).toMatchObject({ slug: "refund", language: "en" });
  });

  it("refuses bad input with a clear error and changes nothing", async () => {
    const error = async (run: () => Promise<unknown>) =>
      run().then(
        () => undefined,
        (e: unknown) => e,
      );
    const badSlug = await error(() =>
      shop.knowledge.faq.upsert({ slug: "cara bayar!", language: "id", title: "x", body: "y" }),
    );
    expect(badSlug).toBeInstanceOf(AppError);
    expect(badSlug).toMatchObject({
      code: "knowledge.invalid_input",
      message: expect.stringMatching(/slug: a slug is lower-case words joined by hyphens/),
    });
    expect(
      await error(() => shop.knowledge.faq.upsert({ slug: "x", language: "fr" as "id", title: "x", body: "y" })),
    ).toMatchObject({ code: "knowledge.invalid_input", message: expect.stringMatching(/language/) });
    expect(
      await error(() => shop.knowledge.faq.upsert({ slug: "x", language: "id", title: "  ", body: "y" })),
    ).toMatchObject({ code: "knowledge.invalid_input", message: expect.stringMatching(/title: a title is needed/) });
    expect(await error(() => shop.knowledge.faq.remove("no-such-thing"))).toMatchObject({
      code: "knowledge.not_found",
    });
    expect((await shop.knowledge.faq.list()).map((d) => d.slug)).not.toContain("x");
  });
});

describe("with OpenAI embeddings (the OpenAI-compatible sandbox server on loopback)", () => {
  let shop: KnowledgeShop;
  const embeddingCalls = () => shop.standIns.sandbox.openai.requests.filter((r) => r.path.endsWith("/v1/embeddings"));

  beforeAll(async () => {
    shop = await openKnowledgeShop({
      topups: true,
      embedder: (standIns) =>
        createOpenAIEmbedder({
          apiKey: standIns.sandbox.openai.apiKey,
          baseUrl: `${standIns.url}/openai/v1`,
          model: "text-embedding-3-small",
        }),
    });
  });
  afterAll(() => shop.close());

  it("embeds over POST /v1/embeddings, records the model, and still finds products and answers", async () => {
    expect(embeddingCalls().length).toBeGreaterThan(0);
    expect(embeddingCalls().every((r) => r.authorized && (r.body as { dimensions?: number }).dimensions === 512)).toBe(
      true,
    );
    const [top] = (await shop.knowledge.findProducts({ text: "diamon ml 86", limit: 1 })).services;
    expect([top!.platform, top!.kind, top!.name]).toEqual([
      "mobile_legends",
      "diamonds",
      expect.stringMatching(/\b86 Diamond/),
    ]);
    expect((await shop.knowledge.searchFaq("how do I pay"))[0]!.document).toMatchObject({
      slug: "cara-bayar",
      language: "en",
    });
    const meta = await sql<{
      key: string;
      value: string;
    }>`select key, value from knowledge_meta where key like 'vectors.%' order by key`.execute(shop.container.db);
    expect(meta.rows).toEqual([
      { key: "vectors.dimensions", value: "512" },
      { key: "vectors.model", value: "openai:text-embedding-3-small:512" },
    ]);
  });

  it("asks the server once for a repeated question", async () => {
    await shop.knowledge.findProducts({ text: "followers tiktok murah" });
    const before = embeddingCalls().length;
    await shop.knowledge.findProducts({ text: "followers tiktok murah" });
    expect(embeddingCalls().length).toBe(before);
  });
});
