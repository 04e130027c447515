import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { serviceDocument } from "../../src/features/knowledge/knowledge.documents.js";
import { insertDocuments } from "../../src/features/knowledge/knowledge.repository.js";
import { knowledgeSearchBackend } from "../../src/features/knowledge/knowledge.search-dialect.js";
import { plainWords } from "../../src/features/language/language.tokens.js";
import type { Service } from "../../src/features/catalog/catalog.service.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

/** A service as the catalog gives it, with only what the index reads filled in. */
const service = (id: number, name: string, platform: string, kind: string, category: string, price: number): Service =>
  ({
    id,
    name,
    category,
    description: "",
    platform,
    kind,
    brand: "",
    refill: false,
    refillDays: null,
    unitPrice: price,
  }) as unknown as Service;

const SERVICES = [
  service(
    1,
    "Instagram Followers Indonesia Real [Refill 30 Hari]",
    "instagram",
    "followers",
    "Instagram Followers",
    30,
  ),
  service(2, "Instagram Likes Murah", "instagram", "likes", "Instagram Likes", 5),
  service(3, "TikTok Followers Fast", "tiktok", "followers", "TikTok Followers", 25),
  service(4, "Telkomsel 100.000", "pulsa", "topup", "Pulsa Telkomsel", 100_500),
  service(5, "Pokémon Unite Aeos Gems (Café édition)", "other", "topup", "Game", 9_000),
  service(6, "Axis Bronet 2GB / 30 Hari", "data", "topup", "Paket Data Axis", 21_000),
];

/** The knowledge search's backend on each database, over the same documents. */
describe.each(DIALECTS)("the knowledge search on %s", (dialect) => {
  let opened: TestDatabase;
  const backend = knowledgeSearchBackend(dialect);
  let ids: Map<number, number>;
  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
    ids = await insertDocuments(opened.database.db, SERVICES.map(serviceDocument), 1);
  });
  afterEach(() => opened.close());

  const shopIds = (documentIds: number[]) => documentIds.map((id) => [...ids].find(([, d]) => d === id)![0]);

  it("finds words in names and meaning tokens in terms, within the facets asked for, names weighing most", async () => {
    const db = opened.database.db;
    expect(shopIds(await backend.searchText(db, { facets: [], terms: [], words: ["followers"] }, 10)).sort()).toEqual([
      1, 3,
    ]);
    expect(
      shopIds(await backend.searchText(db, { facets: [["pinstagram"]], terms: [], words: ["followers"] }, 10)),
    ).toEqual([1]);
    expect(
      shopIds(
        await backend.searchText(db, { facets: [["pinstagram", "ptiktok"], ["kfollowers"]], terms: [], words: [] }, 10),
      ).sort(),
    ).toEqual([1, 3]);
    // A meaning token matches the terms column only; a word the terms hold does not match there.
    expect(shopIds(await backend.searchText(db, { facets: [], terms: ["klikes"], words: [] }, 10))).toEqual([2]);
    expect(await backend.searchText(db, { facets: [], terms: [], words: ["klikes"] }, 10)).toEqual([]);
    // In a name outranks in the body only (the category of 4 says "telkomsel" too, the name of none other).
    expect(shopIds(await backend.searchText(db, { facets: [], terms: [], words: ["murah", "data"] }, 10))[0]).toBe(2);
    expect(await backend.searchText(db, { facets: [], terms: [], words: [] }, 10)).toEqual([]);
  });

  it("cuts names into the language module's words: numbers at their dots, accents off", async () => {
    const db = opened.database.db;
    for (const word of ["100", "000", "pokemon", "cafe", "edition", "2gb"]) {
      expect(shopIds(await backend.searchText(db, { facets: [], terms: [], words: [word] }, 10)), word).toHaveLength(1);
    }
    expect(await backend.searchText(db, { facets: [], terms: [], words: ["100000"] }, 10)).toEqual([]);
  });

  it("gives the spelling corrector the same dictionary: each word with the documents holding it in names and texts", async () => {
    const vocabulary = new Map((await backend.vocabulary(opened.database.db)).map((t) => [t.term, Number(t.doc)]));
    expect(vocabulary.get("instagram")).toBe(4); // names and categories of 1 and 2
    expect(vocabulary.get("pokemon")).toBe(1);
    expect(vocabulary.get("bronet")).toBe(1);
    expect(vocabulary.has("pinstagram")).toBe(false);
  });

  if (dialect === "postgres") {
    it("folds names in the database exactly as the language module does", async () => {
      const rows = await sql<{
        title: string;
        title_words: string;
      }>`select title, title_words from knowledge_documents order by id`.execute(opened.database.db);
      for (const row of rows.rows) expect(row.title_words).toBe(plainWords(row.title).join(" "));
    });

    it("finds names spelled like a typo nothing else caught, within the facets asked for", async () => {
      const db = opened.database.db;
      expect(
        shopIds(await backend.searchSimilarNames(db, { facets: [], words: ["instagarm", "folowers"] }, 10))[0],
      ).toBe(1);
      expect(shopIds(await backend.searchSimilarNames(db, { facets: [], words: ["bronett"] }, 10))).toEqual([6]);
      expect(await backend.searchSimilarNames(db, { facets: [["ptiktok"]], words: ["bronett"] }, 10)).toEqual([]);
    });
  } else {
    it("leaves typos to the spelling corrector and the vectors (no trigram search)", async () => {
      expect(await backend.searchSimilarNames(opened.database.db, { facets: [], words: ["instagarm"] }, 10)).toEqual(
        [],
      );
    });
  }
});
