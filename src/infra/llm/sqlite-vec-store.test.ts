import { Document } from "@langchain/core/documents";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "../db/open-database.js";
import { HashingEmbeddings } from "./hashing-embeddings.js";
import { SqliteVecStore } from "./sqlite-vec-store.js";

/** Words as features: texts sharing words point the same way. */
const embeddings = new HashingEmbeddings({
  dimensions: 64,
  featurize: (text) =>
    text
      .toLowerCase()
      .split(/\W+/)
      .filter(Boolean)
      .map((w) => [w, 1] as const),
});

describe("SqliteVecStore: LangChain's VectorStore contract over sqlite-vec", () => {
  let database: OpenedDatabase;
  let store: SqliteVecStore;

  beforeEach(async () => {
    database = openDatabase(":memory:");
    store = new SqliteVecStore(embeddings, { db: database.db, table: "test_vectors", dimensions: 64 });
    await store.ensureTable();
  });
  afterEach(() => database.close());

  const docs = [
    new Document({
      pageContent: "instagram followers indonesia",
      metadata: { shelf: "instagram", kind: "followers", mid: 1 },
    }),
    new Document({ pageContent: "instagram likes murah", metadata: { shelf: "instagram", kind: "likes", mid: 2 } }),
    new Document({ pageContent: "tiktok followers fast", metadata: { shelf: "tiktok", kind: "followers", mid: 3 } }),
    new Document({ pageContent: "youtube subscribers", metadata: { shelf: "youtube", kind: "subscribers", mid: 4 } }),
  ];

  it("adds documents under integer ids and finds the nearest first, with their metadata and a similarity score", async () => {
    expect(await store.addDocuments(docs, { ids: [10, 20, 30, 40] })).toEqual(["10", "20", "30", "40"]);
    const [best, second] = await store.similaritySearchWithScore("followers indonesia instagram", 2);
    expect(best![0].pageContent).toBe("instagram followers indonesia");
    expect(best![0].id).toBe("10");
    expect(best![0].metadata).toMatchObject({ mid: 1, shelf: "instagram", kind: "followers" });
    expect(best![1]).toBeCloseTo(1, 5);
    expect(second![1]).toBeLessThan(best![1]);
  });

  it("searches one shelf (partition) or a list of kinds when asked", async () => {
    await store.addDocuments(docs, { ids: [10, 20, 30, 40] });
    const onTiktok = await store.similaritySearch("instagram followers", 4, { shelf: "tiktok" });
    expect(onTiktok.map((d) => d.pageContent)).toEqual(["tiktok followers fast"]);
    const followers = await store.similaritySearch("instagram", 4, { kind: ["followers", "subscribers"] });
    expect(followers.map((d) => d.metadata.mid).sort()).toEqual([1, 3, 4]);
    expect(await store.similaritySearch("instagram", 4, { shelf: [] })).toEqual([]);
  });

  it("overwrites a document added again under the same id, and deletes by id", async () => {
    await store.addDocuments(docs, { ids: [10, 20, 30, 40] });
    await store.addDocuments([new Document({ pageContent: "spotify plays", metadata: { shelf: "spotify" } })], {
      ids: ["20"],
    });
    expect((await store.similaritySearch("spotify plays", 1))[0]!.id).toBe("20");
    expect((await store.similaritySearch("instagram likes murah", 4)).map((d) => d.pageContent)).not.toContain(
      "instagram likes murah",
    );
    await store.delete({ ids: [20, "30"] });
    expect((await store.similaritySearch("anything", 10)).map((d) => d.id).sort()).toEqual(["10", "40"]);
  });

  it("numbers documents itself when no ids are given, after the highest one stored", async () => {
    await store.addDocuments(docs.slice(0, 1), { ids: [7] });
    expect(await store.addDocuments(docs.slice(1, 3))).toEqual(["8", "9"]);
  });

  it("works as a LangChain retriever", async () => {
    await store.addDocuments(docs, { ids: [1, 2, 3, 4] });
    const found = await store.asRetriever({ k: 1 }).invoke("youtube subscribers");
    expect(found[0]!.pageContent).toBe("youtube subscribers");
  });

  it("refuses a vector of the wrong length and an id that is not an integer, writing nothing", async () => {
    await expect(store.addVectors([[1, 2, 3]], docs.slice(0, 1), { ids: [1] })).rejects.toThrow(
      /3 dimensions; the table holds 64/,
    );
    await expect(store.addDocuments(docs.slice(0, 2), { ids: [1, "x"] })).rejects.toThrow(/integers/);
    expect(await store.similaritySearch("instagram", 5)).toEqual([]);
  });

  it("writes inside the caller's transaction when bound to it (rolled back with it)", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await store.withDb(trx).addDocuments(docs.slice(0, 1), { ids: [1] });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await store.similaritySearch("instagram", 5)).toEqual([]);
  });
});
