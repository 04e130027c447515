import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import type { IndexDocument } from "./knowledge.documents.js";
import type { FaqDocumentRow, KnowledgeDocumentRow, NewFaqDocumentRow } from "./knowledge.table.js";

export type Source = "service" | "faq";

/** Every indexed row of a source, for diffing against what should be indexed. */
export async function listDocuments(db: Db, source: Source): Promise<KnowledgeDocumentRow[]> {
  return db.selectFrom("knowledge_documents").selectAll().where("source", "=", source).execute();
}

/** Inserts and returns source id → document id (the FTS rowid and vector key). */
export async function insertDocuments(
  db: Db,
  documents: readonly IndexDocument[],
  now: number,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  // 13 columns per row: 400 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < documents.length; i += 400) {
    const chunk = documents.slice(i, i + 400);
    const rows = await db
      .insertInto("knowledge_documents")
      .values(chunk.map((d) => ({ ...columns(d), source: d.source, source_id: d.sourceId, updated_at: now })))
      .returning(["id", "source_id"])
      .execute();
    for (const row of rows) ids.set(row.source_id, row.id);
  }
  return ids;
}

export async function updateDocument(db: Db, id: number, document: IndexDocument, now: number): Promise<void> {
  await db
    .updateTable("knowledge_documents")
    .set({ ...columns(document), updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function deleteDocuments(db: Db, ids: readonly number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .deleteFrom("knowledge_documents")
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
}

function columns(d: IndexDocument) {
  return {
    title: d.title,
    body: d.body,
    terms: d.terms,
    facets: d.facets,
    platform: d.platform,
    kind: d.kind,
    language: d.language,
    price: d.price,
    embed_text: d.embedText,
    text_hash: d.textHash,
  };
}

export type RankRow = Pick<
  KnowledgeDocumentRow,
  "id" | "source" | "source_id" | "title" | "terms" | "platform" | "kind" | "language" | "price"
>;

export async function documentsByIds(db: Db, ids: readonly number[]): Promise<RankRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("knowledge_documents")
    .select(["id", "source", "source_id", "title", "terms", "platform", "kind", "language", "price"])
    .where("id", "in", [...ids])
    .execute();
}

export interface Tier {
  platforms?: readonly string[] | undefined;
  kinds?: readonly string[] | undefined;
}

function inTier(db: Db, tier: Tier) {
  let query = db.selectFrom("knowledge_documents").where("source", "=", "service");
  if (tier.platforms) query = query.where("platform", "in", [...tier.platforms]);
  if (tier.kinds) query = query.where("kind", "in", [...tier.kinds]);
  return query;
}

/**
 * The services of a platform and kind, cheapest first, whatever their words: a list of "followers
 * instagram" must hold every one (paged, each once), and "murah" must not miss the cheapest.
 */
export async function cheapestInTier(db: Db, tier: Tier, limit: number): Promise<number[]> {
  const rows = await inTier(db, tier).select("id").orderBy("price").orderBy("source_id").limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function countInTier(db: Db, tier: Tier): Promise<number> {
  const row = await inTier(db, tier)
    .select(sql<number>`count(*)`.as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Shelves (platforms) that hold at least one service, for routing vector searches. */
export async function platformsIndexed(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("knowledge_documents")
    .select("platform")
    .distinct()
    .where("source", "=", "service")
    .execute();
  return rows.map((r) => r.platform);
}

export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom("knowledge_meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto("knowledge_meta")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/** Every indexed document with what its vector needs (for rebuilding the vector table). */
export async function listDocumentsForVectors(
  db: Db,
): Promise<
  Array<Pick<KnowledgeDocumentRow, "id" | "source" | "source_id" | "platform" | "kind" | "embed_text" | "text_hash">>
> {
  return db
    .selectFrom("knowledge_documents")
    .select(["id", "source", "source_id", "platform", "kind", "embed_text", "text_hash"])
    .execute();
}

/** Drops every document, the vector table and the index's bookkeeping; the embedding cache stays. */
export async function clearIndex(db: Db, vectorTable: string): Promise<void> {
  await db.deleteFrom("knowledge_documents").execute();
  await sql.raw(`drop table if exists ${vectorTable}`).execute(db);
  await db.deleteFrom("knowledge_meta").execute();
}

/* The embedding cache (`knowledge_embeddings`): vectors by model and text hash. */

export async function findEmbeddings(
  db: Db,
  model: string,
  hashes: readonly string[],
): Promise<Array<{ text_hash: string; vector: Uint8Array }>> {
  return db
    .selectFrom("knowledge_embeddings")
    .select(["text_hash", "vector"])
    .where("model", "=", model)
    .where("text_hash", "in", hashes)
    .execute();
}

export async function insertEmbeddings(
  db: Db,
  rows: ReadonlyArray<{ model: string; text_hash: string; dimensions: number; vector: Uint8Array; created_at: number }>,
): Promise<void> {
  await db
    .insertInto("knowledge_embeddings")
    .values([...rows])
    .onConflict((oc) => oc.columns(["model", "text_hash"]).doNothing())
    .execute();
}

/* The FAQ (`faq_documents`): what admins edit. */

export async function listFaqRows(
  db: Db,
  filter: { language?: "id" | "en" | undefined; activeOnly: boolean },
): Promise<FaqDocumentRow[]> {
  let query = db.selectFrom("faq_documents").selectAll().orderBy("slug").orderBy("language", "desc");
  if (filter.language) query = query.where("language", "=", filter.language);
  if (filter.activeOnly) query = query.where("active", "=", 1);
  return query.execute();
}

export async function findFaqRow(db: Db, slug: string, language: "id" | "en"): Promise<FaqDocumentRow | undefined> {
  return db
    .selectFrom("faq_documents")
    .selectAll()
    .where("slug", "=", slug)
    .where("language", "=", language)
    .executeTakeFirst();
}

/** Creates the entry for (slug, language) or replaces its text (and `active`, when given). */
export async function upsertFaqRow(
  db: Db,
  row: NewFaqDocumentRow & { updated_at: number },
  activeGiven: boolean,
): Promise<FaqDocumentRow> {
  return db
    .insertInto("faq_documents")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["slug", "language"]).doUpdateSet({
        title: row.title,
        body: row.body,
        updated_at: row.updated_at,
        ...(activeGiven ? { active: row.active } : {}),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes one language of a slug, or every language; returns how many rows went. */
export async function deleteFaqRows(db: Db, slug: string, language?: "id" | "en"): Promise<number> {
  let query = db.deleteFrom("faq_documents").where("slug", "=", slug);
  if (language) query = query.where("language", "=", language);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

export async function activeFaqRowsByIds(db: Db, ids: readonly number[]): Promise<FaqDocumentRow[]> {
  return db.selectFrom("faq_documents").selectAll().where("id", "in", ids).where("active", "=", 1).execute();
}

export async function activeFaqRowsBySlugs(
  db: Db,
  slugs: readonly string[],
  language: "id" | "en",
): Promise<FaqDocumentRow[]> {
  return db
    .selectFrom("faq_documents")
    .selectAll()
    .where("slug", "in", slugs)
    .where("language", "=", language)
    .where("active", "=", 1)
    .execute();
}
