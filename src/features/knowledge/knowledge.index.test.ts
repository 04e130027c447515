import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeShop, sharedKnowledgeDatabase, type KnowledgeShop } from "../../../test/kit/knowledge-shop.js";
import type { Embedder } from "../../infra/llm/embedder.js";
import { HashingEmbeddings } from "../../infra/llm/hashing-embeddings.js";
import { embeddingFeatures } from "./knowledge.features.js";
import { VECTOR_TABLE } from "./knowledge.index.js";

/** The local embedder, counting every text it is asked to embed for documents. */
function countingEmbedder(dimensions = 256, model = `local-lexicon-v1:${dimensions}`) {
  const embedded: string[] = [];
  class Counting extends HashingEmbeddings {
    override async embedDocuments(texts: string[]): Promise<number[][]> {
      embedded.push(...texts);
      return super.embedDocuments(texts);
    }
  }
  const embedder: Embedder = {
    model,
    embeddings: new Counting({ dimensions, featurize: embeddingFeatures }),
    dimensions: async () => dimensions,
  };
  return { embedder, embedded };
}

const names = async (shop: KnowledgeShop, text: string, limit = 20) =>
  (await shop.knowledge.findProducts({ text, limit })).services.map((s) => s.name);
const indexedServices = async (shop: KnowledgeShop) =>
  Number(
    (
      await sql<{ n: number }>`select count(*) as n from knowledge_documents where source = 'service'`.execute(
        shop.container.db,
      )
    ).rows[0]!.n,
  );
const vectorCount = async (shop: KnowledgeShop) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(VECTOR_TABLE)}`.execute(shop.container.db)).rows[0]!
      .n,
  );

describe("the index follows the catalog, re-embedding only what changed", () => {
  let shop: KnowledgeShop;
  let counter: ReturnType<typeof countingEmbedder>;

  beforeAll(async () => {
    counter = countingEmbedder();
    shop = await openKnowledgeShop({ embedder: counter.embedder });
  });
  afterAll(() => shop.close());

  it("indexes every sellable service once, words and vectors alike", async () => {
    const sellable = await shop.sellable();
    expect(await indexedServices(shop)).toBe(sellable.length);
    expect(await vectorCount(shop)).toBe(sellable.length);
    expect(counter.embedded.map((t) => t.split("\n")[0]).sort()).toEqual(sellable.map((s) => s.name).sort());
  });

  it("a re-sync in which nothing changed embeds nothing", async () => {
    const before = counter.embedded.length;
    const report = await shop.knowledge.syncServices();
    await shop.resync();
    expect(report).toMatchObject({ upserted: 0, removed: 0, embedded: 0 });
    expect(counter.embedded.length).toBe(before);
  });

  it("a supplier's cost change reprices the index's 'cheapest' order without re-embedding", async () => {
    const cheapestBefore = (await shop.knowledge.findProducts({ text: "likes ig murah", limit: 1 })).services[0]!;
    const row = shop.smmCatalog.find((s) => s.service === Number(cheapestBefore.providerServiceId))!;
    row.rate = (Number(row.rate) * 50).toFixed(2);
    const before = counter.embedded.length;
    await shop.resync();
    expect(counter.embedded.length).toBe(before);
    const after = (await shop.knowledge.findProducts({ text: "likes ig murah", limit: 30 })).services;
    expect(after[0]!.id).not.toBe(cheapestBefore.id);
    const moved = after.find((s) => s.id === cheapestBefore.id)!;
    expect(moved.unitPrice).toBe((await shop.catalog.findById(cheapestBefore.id))!.unitPrice);
    expect(moved.unitPrice).toBeGreaterThan(after[0]!.unitPrice);
  });

  it("renamed services are re-embedded, only those, and found by their new name only", async () => {
    const renamed = shop.smmCatalog.filter((s) => s.name.startsWith("TikTok Shares")).slice(0, 3);
    const oldName = renamed[0]!.name;
    renamed.forEach((s, i) => (s.name = `TikTok Shares Sultan Edition ${i + 1}`));
    const before = counter.embedded.length;
    await shop.resync();
    expect(counter.embedded.slice(before).map((t) => t.split("\n")[0])).toEqual(renamed.map((s) => s.name));
    expect(await names(shop, "tiktok shares sultan")).toEqual(expect.arrayContaining(renamed.map((s) => s.name)));
    expect((await names(shop, "sultan edition", 3)).every((n) => n.includes("Sultan"))).toBe(true);
    expect(await names(shop, "tiktok shares", 50)).not.toContain(oldName);
  });

  it("a service the supplier stops listing drops out of the index", async () => {
    const index = shop.smmCatalog.findIndex((s) => s.name.startsWith("Spotify Plays"));
    const [gone] = shop.smmCatalog.splice(index, 1);
    const count = await indexedServices(shop);
    await shop.resync();
    expect(await indexedServices(shop)).toBe(count - 1);
    expect(await names(shop, "spotify plays", 50)).not.toContain(gone!.name);
  });

  it("an admin turning a service off takes it out at once; turning it on brings it back from the cache", async () => {
    const [service] = (await shop.knowledge.findProducts({ text: "youtube watch hours", limit: 1 })).services;
    await shop.container.catalogManagement.setEnabled(service!.mid, false);
    expect(await names(shop, "youtube watch hours", 50)).not.toContain(service!.name);
    const before = counter.embedded.length;
    await shop.container.catalogManagement.setEnabled(service!.mid, true);
    await shop.knowledge.idle();
    expect(counter.embedded.length).toBe(before);
    expect(await names(shop, "youtube watch hours", 50)).toContain(service!.name);
  });

  it("an admin's fixed price is what 'cheapest' ranks by", async () => {
    const [cheapest, runnerUp] = (await shop.knowledge.findProducts({ text: "views tiktok termurah", limit: 2 }))
      .services;
    await shop.container.catalogManagement.setFixedPrice(cheapest!.mid, cheapest!.unitPrice * 20);
    const after = (await shop.knowledge.findProducts({ text: "views tiktok termurah", limit: 50 })).services;
    expect(after[0]!.mid).toBe(runnerUp!.mid);
    expect(after.find((s) => s.mid === cheapest!.mid)!.unitPrice).toBe(cheapest!.unitPrice * 20);
  });

  it("changes arriving together are indexed in order, none lost", async () => {
    const reports = await Promise.all([
      shop.knowledge.syncServices(),
      shop.knowledge.syncServices(),
      shop.knowledge.syncServices(),
    ]);
    expect(reports.every((r) => r.embedded === 0)).toBe(true);
    expect(await indexedServices(shop)).toBe((await shop.sellable()).length);
  });
});

describe("one index per database: embedding model and dimension, several processes", () => {
  const dir = mkdtempSync(join(tmpdir(), "knowledge-model-"));
  const databases: Array<{ drop(): Promise<void> }> = [];
  const database = async (name: string) => {
    const shared = await sharedKnowledgeDatabase(dir, name);
    databases.push(shared);
    return shared.url;
  };
  /** The vec0 table's declared dimension on SQLite; on PostgreSQL the stored vectors' (pgvector's, or float32 bytes / 4). */
  const vectorDimension = async (shop: KnowledgeShop) => {
    if (shop.container.dialect === "postgres") {
      const row = await sql<{
        type: string;
      }>`select format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = ${VECTOR_TABLE}::regclass and attname = 'embedding'`.execute(
        shop.container.db,
      );
      const { type } = row.rows[0]!;
      if (type.startsWith("vector(")) return Number(/vector\((\d+)\)/.exec(type)![1]);
      return Number(
        (
          await sql<{
            n: number;
          }>`select octet_length(embedding) / 4 as n from ${sql.table(VECTOR_TABLE)} limit 1`.execute(shop.container.db)
        ).rows[0]!.n,
      );
    }
    const row = await sql<{ sql: string }>`select sql from sqlite_master where name = ${VECTOR_TABLE}`.execute(
      shop.container.db,
    );
    return Number(/float\[(\d+)\]/.exec(row.rows[0]!.sql)![1]);
  };
  afterAll(async () => {
    for (const shared of databases) await shared.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a change another process makes (the operator CLI beside the running bot) is what the bot's search sees", async () => {
    const shared = await database("shared.db");
    const bot = await openKnowledgeShop({ databasePath: shared });
    const cli = await openKnowledgeShop({ databasePath: shared, importCatalog: false });
    try {
      const [best] = (await bot.knowledge.findProducts({ text: "spotify monthly listeners", limit: 1 })).services;
      await cli.container.catalogManagement.setEnabled(best!.mid, false);
      await cli.knowledge.idle();
      expect(
        (await bot.knowledge.findProducts({ text: "spotify monthly listeners", limit: 50 })).services.map((s) => s.mid),
      ).not.toContain(best!.mid);
    } finally {
      await cli.close();
      await bot.close();
    }
  });

  it("rebuilds the vectors when the model or dimension changes, and reuses the cache when it changes back", async () => {
    const databasePath = await database("shop.db");
    const first = countingEmbedder(256);
    let shop = await openKnowledgeShop({ embedder: first.embedder, databasePath });
    await shop.knowledge.sync();
    const documents = (await shop.sellable()).length + (await shop.knowledge.faq.list()).length;
    expect(await vectorDimension(shop)).toBe(256);
    await shop.close();

    const smaller = countingEmbedder(128);
    shop = await openKnowledgeShop({ embedder: smaller.embedder, databasePath, importCatalog: false });
    const found = await shop.knowledge.findProducts({ text: "folower instagarm", limit: 1 });
    expect([found.services[0]!.platform, found.services[0]!.kind]).toEqual(["instagram", "followers"]);
    expect(await vectorDimension(shop)).toBe(128);
    expect(smaller.embedded).toHaveLength(documents);
    expect(await vectorCount(shop)).toBe(documents);
    await shop.close();

    const back = countingEmbedder(256);
    shop = await openKnowledgeShop({ embedder: back.embedder, databasePath, importCatalog: false });
    expect((await shop.knowledge.searchFaq("cara bayar pakai qris"))[0]!.document.slug).toBe("cara-bayar");
    expect(await vectorDimension(shop)).toBe(256);
    expect(back.embedded).toHaveLength(0);
    await shop.close();
  });
});
