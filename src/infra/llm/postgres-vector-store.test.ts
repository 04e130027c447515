import { Document } from "@langchain/core/documents";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/kit/test-database.js";
import { HashingEmbeddings } from "./hashing-embeddings.js";
import { PostgresVectorStore } from "./postgres-vector-store.js";

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

/**
 * The vector store of PostgreSQL servers without pgvector (Debian 12's): vectors in a bytea column,
 * searched in process. The same contract as SqliteVecStore's tests, plus what its memory must not
 * get wrong: exact nearest-first order, and never answering from vectors another process replaced.
 */
describe("PostgresVectorStore without pgvector: LangChain's VectorStore contract, searched in process", () => {
  let opened: TestDatabase;
  let store: PostgresVectorStore;

  beforeEach(async () => {
    opened = await openTestDatabase("postgres");
    store = new PostgresVectorStore(embeddings, {
      db: opened.database.db,
      table: "test_vectors",
      dimensions: 64,
      mode: { kind: "in-process" },
    });
    await store.ensureTable();
  });
  afterEach(() => opened.close());

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

  it("searches one shelf or a list of kinds when asked", async () => {
    await store.addDocuments(docs, { ids: [10, 20, 30, 40] });
    const onTiktok = await store.similaritySearch("instagram followers", 4, { shelf: "tiktok" });
    expect(onTiktok.map((d) => d.pageContent)).toEqual(["tiktok followers fast"]);
    const followers = await store.similaritySearch("instagram", 4, { kind: ["followers", "subscribers"] });
    expect(followers.map((d) => d.metadata.mid).sort()).toEqual([1, 3, 4]);
    expect(await store.similaritySearch("instagram", 4, { shelf: [] })).toEqual([]);
    expect(await store.similaritySearch("instagram", 4, { shelf: "spotify" })).toEqual([]);
  });

  it("ranks by exact cosine distance, nearest first, the k best of many", async () => {
    const vectors = Array.from({ length: 300 }, (_, i) =>
      Array.from({ length: 64 }, (_, d) => Math.sin((i + 1) * (d + 1) * 0.37)),
    );
    await store.addVectors(
      vectors,
      vectors.map(
        (_, i) => new Document({ pageContent: `v${i}`, metadata: { shelf: i % 2 ? "odd" : "even", kind: "k" } }),
      ),
      { ids: vectors.map((_, i) => i + 1) },
    );
    const query = Array.from({ length: 64 }, (_, d) => Math.cos(d * 0.11));
    const cosine = (a: number[], b: number[]) =>
      a.reduce((s, v, i) => s + v * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
    const ranked = vectors
      .map((v, i) => ({ id: i + 1, distance: 1 - cosine(v, query) }))
      .sort((a, b) => a.distance - b.distance);
    const hits = await store.search(query, 25);
    expect(hits.map((h) => h.id)).toEqual(ranked.slice(0, 25).map((e) => e.id));
    hits.forEach((h, i) => expect(h.distance).toBeCloseTo(ranked[i]!.distance, 5));
    // Shelf "odd" holds the vectors of odd index, i.e. the even ids.
    const odd = await store.search(query, 10, { shelf: "odd" });
    expect(odd.map((h) => h.id)).toEqual(
      ranked
        .filter((e) => e.id % 2 === 0)
        .slice(0, 10)
        .map((e) => e.id),
    );
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

  it("answers from memory until told another process changed the vectors (forget), then reads them again", async () => {
    await store.addDocuments(docs, { ids: [10, 20, 30, 40] });
    const youtube = await embeddings.embedQuery("youtube subscribers");
    expect((await store.search(youtube, 1))[0]!.id).toBe(40);
    // Another process (its own store over the same table) removes the document.
    const other = new PostgresVectorStore(embeddings, {
      db: opened.database.db,
      table: "test_vectors",
      dimensions: 64,
      mode: { kind: "in-process" },
    });
    await other.delete({ ids: [40] });
    expect((await store.search(youtube, 1))[0]!.id).toBe(40);
    store.forget();
    expect((await store.search(youtube, 4)).map((h) => h.id)).not.toContain(40);
  });

  it("numbers documents itself when no ids are given, after the highest one stored", async () => {
    await store.addDocuments(docs.slice(0, 1), { ids: [7] });
    expect(await store.addDocuments(docs.slice(1, 3))).toEqual(["8", "9"]);
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
      opened.database.db.transaction().execute(async (trx) => {
        await store.withDb(trx).addDocuments(docs.slice(0, 1), { ids: [1] });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await store.similaritySearch("instagram", 5)).toEqual([]);
  });
});
