import { describe, expect, it } from "vitest";
import { readMessage } from "../assistant/rules-extractor.js";
import { readText } from "./language.reading.js";
import { readProductText } from "./language.retrieval.js";
import { productQueryFor } from "./language.understanding.js";

interface Case {
  text: string;
  link?: string;
  handle?: string;
  linkPlatform?: string;
  /** The words the intent rules read: the link or handle already cut out. */
  words: string[];
  detected?: "id" | "en";
  /** Every value the numbers in the message can stand for (links and handles left out). */
  numbers: number[];
  /** Tokens of the whole message, numbers as their value. */
  tokens?: Array<string | number>;
  product: { platform?: string; kind?: string; descriptors?: string[] };
  questionLanguage?: "id" | "en";
  account?: { target: string; zone: string | undefined };
}

const CASES: Case[] = [
  {
    text: "kak mau followers ig 1k dong https://instagram.com/budi.santoso 🙏",
    link: "https://instagram.com/budi.santoso",
    linkPlatform: "instagram",
    words: ["kak", "mau", "followers", "ig", "1k", "dong"],
    detected: "id",
    numbers: [1000, 1],
    product: { platform: "instagram", kind: "followers", descriptors: [] },
    questionLanguage: "id",
  },
  {
    text: "min, like tiktok 1.000 buat @budi.santoso ya 😁",
    handle: "@budi.santoso",
    words: ["min", "like", "tiktok", "1", "000", "buat", "ya"],
    detected: "id",
    numbers: [1000],
    tokens: ["min", "like", "tiktok", 1000, "buat", "budi", "santoso", "ya"],
    product: { platform: "tiktok", kind: "likes", descriptors: [] },
    questionLanguage: "id",
  },
  {
    text: "followers ig 1rb aja kak",
    words: ["followers", "ig", "1rb", "aja", "kak"],
    detected: "id",
    numbers: [1000, 1],
    tokens: ["followers", "ig", 1000, "aja", "kak"],
    product: { platform: "instagram", kind: "followers", descriptors: [] },
    questionLanguage: "id",
  },
  {
    text: "pulsa telkomsel 10rb ke 0812-3456-7890",
    words: ["pulsa", "telkomsel", "10rb", "ke", "0812", "3456", "7890"],
    // Every value a number can stand for ("10rb" may be 10): the LLM guard never drops one the customer wrote.
    numbers: [10_000, 10, 812, 3456, 7890],
    product: { platform: "pulsa", descriptors: ["btelkomsel", "n10000"] },
    account: { target: "081234567890", zone: undefined },
  },
  {
    text: "ML 86 diamond id 12345678 (1234)",
    words: ["ml", "86", "diamond", "id", "12345678", "1234"],
    numbers: [86, 12_345_678, 1234],
    product: { platform: "mobile_legends", kind: "diamonds", descriptors: ["n86"] },
    account: { target: "12345678", zone: "1234" },
  },
  {
    text: "I'd like to buy 2,5rb youtube views for youtu.be/abc123, thanks!",
    link: "youtu.be/abc123",
    linkPlatform: "youtube",
    words: ["i", "d", "like", "to", "buy", "2", "5rb", "youtube", "views", "for", "thanks"],
    detected: "en",
    numbers: [2500],
    product: { platform: "youtube", kind: "views", descriptors: [] },
    questionLanguage: "en",
  },
  {
    text: "gimana cara bayar pakai qris?",
    words: ["gimana", "cara", "bayar", "pakai", "qris"],
    detected: "id",
    numbers: [],
    product: { descriptors: ["cpay", "cqris"] },
    questionLanguage: "id",
  },
  {
    text: "How long does processing take?",
    words: ["how", "long", "does", "processing", "take"],
    detected: "en",
    numbers: [],
    product: { descriptors: ["cduration", "cprocess"] },
    questionLanguage: "en",
  },
  { text: "wkwk 🔥🔥", words: ["wkwk"], numbers: [], tokens: ["wkwk"], product: { descriptors: [] } },
  { text: "  ", words: [], numbers: [], tokens: [], product: { descriptors: [] } },
];

describe("readText: one reading of a customer message", () => {
  it.each(CASES)("reads $text", (c) => {
    const r = readText(c.text);
    expect(r.text).toBe(c.text);
    expect(r.link).toBe(c.link);
    expect(r.handle).toBe(c.handle);
    expect(r.linkPlatform).toBe(c.linkPlatform);
    expect(r.words).toEqual(c.words);
    expect(r.detected).toBe(c.detected);
    expect(new Set(r.numbers)).toEqual(new Set(c.numbers));
    if (c.tokens) expect(r.tokens.map((t) => (t.kind === "number" ? t.value : t.text))).toEqual(c.tokens);
    expect(r.product).toMatchObject({ platform: c.product.platform, kind: c.product.kind });
    if (c.product.descriptors) expect(r.product.descriptors).toEqual(c.product.descriptors);
    expect(r.question.language).toBe(c.questionLanguage);
    expect(r.account).toEqual(c.account);
  });

  it("answers in the customer's language when the words do not say which", () => {
    expect(readText("followers 1000", "en")).toMatchObject({ detected: undefined, language: "en" });
    expect(readText("saya mau beli followers", "en")).toMatchObject({ detected: "id", language: "id" });
  });

  it("keeps the link and the handle out of the words every reader sees", () => {
    const r = readText("tambah views https://vt.tiktok.com/ZS123abc/ 500");
    expect(r.link).toBe("https://vt.tiktok.com/ZS123abc/");
    expect(r.words).toEqual(["tambah", "views", "500"]);
    expect(r.linkPlatform).toBe("tiktok");
    // "123" inside the link is part of the link, never a quantity.
    expect([...r.numbers]).not.toContain(123);
    expect(r.product.platform).toBe("tiktok");
  });

  it("reads each part once per message, however many readers ask", () => {
    const r = readText("followers ig indonesia aktif 1000");
    expect(r.product).toBe(r.product);
    expect(r.question).toBe(r.question);
    expect(r.searchTerms("indonesia aktif")).toBe(r.searchTerms("indonesia aktif"));
    expect(r.searchTerms(undefined)).toBe(r.product);
  });
});

describe("the rules and retrieval take the same reading", () => {
  const turns = [
    "followers ig indonesia aktif 1000",
    "mau top up ML 86 diamond id 12345678 (1234)",
    "pulsa telkomsel 50rb",
    "kak mau followers ig 1k dong https://instagram.com/budi.santoso 🙏",
    "cheapest tiktok likes for @budi",
  ];

  it.each(turns)("searches the terms the rules left of %s, read by the language module", (text) => {
    const reading = readText(text);
    const u = readMessage(reading).understanding;
    expect(u).toEqual(readMessage(text).understanding);
    const query = productQueryFor(u, reading);
    expect(query.text).toBe(productQueryFor(u, text).text);
    expect(query.reading).toEqual(readProductText(u.query ?? text));
  });
});
