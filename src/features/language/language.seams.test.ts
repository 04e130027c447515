import { describe, expect, it } from "vitest";
import {
  customerTextReaders,
  duplicatedWords,
  mutualFeatureImports,
  tokenisingSites,
} from "../../../scripts/language-seams.js";
import { FILLERS, QUESTION_STOPWORDS, STOPWORDS } from "./language.stopwords.js";

describe("one reader of customer text", () => {
  it("writes every filler and stopword once, in the group of the readers that drop it", () => {
    const { lists, duplicated } = duplicatedWords([
      "src/features/assistant/rules-words.ts",
      "src/features/language/language.stopwords.ts",
    ]);
    expect(Object.keys(lists).length).toBeGreaterThanOrEqual(7);
    expect(duplicated).toBe(0);
  });

  it("lets each reader keep the words that carry its meaning", () => {
    // Every reader drops address and particles.
    for (const list of [FILLERS, STOPWORDS, QUESTION_STOPWORDS]) expect(list.has("kak") && list.has("dong")).toBe(true);
    // "beli" and "harga" are the intent for the rules and noise for product search.
    expect(FILLERS.has("beli") || FILLERS.has("harga")).toBe(false);
    expect(STOPWORDS.has("beli") && STOPWORDS.has("harga")).toBe(true);
    // "admin", "id" and "akun" carry a question to the shop.
    expect(["admin", "id", "akun"].some((w) => QUESTION_STOPWORDS.has(w))).toBe(false);
    // "murah" is a search term (cheapest first), explained by the rules as a filler.
    expect(FILLERS.has("murah") && !STOPWORDS.has("murah")).toBe(true);
  });

  it("leaves tokenising and stripping customer text to the language module: the others take the turn's reading", () => {
    const readers = customerTextReaders();
    expect(readers).toEqual(
      expect.arrayContaining([
        "src/features/assistant/rules-extractor.ts",
        "src/features/assistant/llm-guard.ts",
        "src/features/knowledge/knowledge.query.ts",
        "src/features/knowledge/knowledge.faq.ts",
      ]),
    );
    expect(tokenisingSites(readers)).toEqual({});
    // The measure sees tokenising where it is: in the language module that does it.
    expect(
      tokenisingSites(["src/features/language/language.reading.ts"])["src/features/language/language.reading.ts"],
    ).toBeGreaterThan(0);
  });

  // checkout <-> payments is the purchase flow's own seam (issue 12 point 1), not the reader's.
  it("leaves no feature importing the assistant, retrieval or the reader while they import it", () => {
    const pairs = mutualFeatureImports().map((p) => p.join("<->"));
    for (const feature of ["assistant", "checkout", "knowledge", "language"]) {
      expect(pairs.filter((p) => p.split("<->").includes(feature) && !p.includes("payments"))).toEqual([]);
    }
  });
});
