import { randomUUID } from "node:crypto";
import type { Clock } from "../../infra/clock/clock.js";
import { dialectOf } from "../../infra/db/dialect.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Embedder } from "../../infra/llm/embedder.js";
import type { VectorSpace } from "../../infra/llm/vector-space.js";
import type { Logger } from "../../logger.js";
import { shelfOf, type IndexDocument } from "./knowledge.documents.js";
import { embedWithCache } from "./knowledge.embedding-cache.js";
import {
  clearIndex,
  deleteDocuments,
  getMeta,
  insertDocuments,
  listDocuments,
  listDocumentsForVectors,
  platformsIndexed,
  setMeta,
  updateDocument,
  type Source,
} from "./knowledge.repository.js";
import { VECTOR_TABLE, type KnowledgeSearchBackend } from "./knowledge.search-backend.js";
import { knowledgeSearchBackend } from "./knowledge.search-dialect.js";
import { createSpelling, type Spelling } from "./knowledge.spelling.js";
import type { KnowledgeDocumentRow } from "./knowledge.table.js";
import type { IndexSyncReport } from "./knowledge.types.js";

export { VECTOR_TABLE };

export interface KnowledgeIndexDeps {
  db: Db;
  clock: Clock;
  embedder: Embedder;
  logger?: Logger | undefined;
  /** How this database searches (the dialect's backend); read from the database when not given. */
  backend?: KnowledgeSearchBackend | undefined;
}

/**
 * Keeps `knowledge_documents` (and through triggers FTS5) and the vec0 table equal to what should
 * be indexed. Only documents whose embedded text changed get a new vector, and a text embedded
 * once under a model is never embedded again (the cache). The vec0 table belongs to one model and
 * dimension, recorded in `knowledge_meta`: when the embedder changes, the vectors are rebuilt.
 * Callers serialise writes (the service runs one at a time).
 */
export function createKnowledgeIndex(deps: KnowledgeIndexDeps) {
  const { db, clock, embedder, logger } = deps;
  const backend = deps.backend ?? knowledgeSearchBackend(dialectOf(db));
  let store: VectorSpace | undefined;
  let spelling: Spelling | undefined;
  let platforms: Set<string> | undefined;
  let stopping = false;
  const queryVectors = new Map<string, number[]>();
  let version: string | undefined;

  /** Another process (the operator CLI beside the bot) may write the index too: a version says when caches are stale. */
  const bumpVersion = async () => {
    version = `${clock.now()}-${randomUUID()}`;
    await setMeta(db, "index.version", version);
    spelling = undefined;
    platforms = undefined;
    store?.forget();
  };

  const toVectorDocument = (
    row: Pick<KnowledgeDocumentRow, "source" | "source_id" | "platform" | "kind" | "embed_text">,
  ) => ({
    pageContent: row.embed_text,
    metadata: { shelf: shelfOf(row), kind: row.kind, source: row.source, sourceId: row.source_id },
  });

  /** Creates or rebuilds the vec0 table for the current embedder; true when it was (re)built. */
  async function ensureVectorSpace(): Promise<boolean> {
    const dimensions = await embedder.dimensions();
    store ??= await backend.openVectorSpace(db, embedder.embeddings, dimensions);
    if (
      (await backend.vectorTableReady(db, store)) &&
      (await getMeta(db, "vectors.model")) === embedder.model &&
      (await getMeta(db, "vectors.dimensions")) === String(dimensions)
    )
      return false;

    const started = performance.now();
    const rows = await listDocumentsForVectors(db);
    const { vectors, embedded } = await embedWithCache(
      db,
      embedder,
      rows.map((r) => ({ hash: r.text_hash, text: r.embed_text })),
      { now: clock.now(), stopped: () => stopping },
    );
    await db.transaction().execute(async (trx) => {
      await store!.withDb(trx).dropTable();
      await store!.withDb(trx).ensureTable();
      await setMeta(trx, "vectors.model", "");
    });
    for (const chunk of chunks(rows)) {
      await db.transaction().execute((trx) =>
        store!.withDb(trx).addVectors(
          chunk.map((r) => vectors.get(r.text_hash)!),
          chunk.map(toVectorDocument),
          { ids: chunk.map((r) => r.id) },
        ),
      );
    }
    // Recorded last: a rebuild cut short is done again from the start (cached vectors make that quick).
    await setMeta(db, "vectors.dimensions", String(dimensions));
    await setMeta(db, "vectors.model", embedder.model);
    await bumpVersion();
    queryVectors.clear();
    logger?.info(
      {
        model: embedder.model,
        dimensions,
        documents: rows.length,
        embedded,
        ms: Math.round(performance.now() - started),
      },
      "knowledge vectors rebuilt for the embedding model",
    );
    return true;
  }

  /** Makes the index hold exactly `desired` for one source. */
  async function syncSource(source: Source, desired: readonly IndexDocument[]): Promise<IndexSyncReport> {
    const started = performance.now();
    await ensureVectorSpace();
    const existing = new Map((await listDocuments(db, source)).map((row) => [row.source_id, row]));
    const inserts: IndexDocument[] = [];
    const updates: Array<{ row: KnowledgeDocumentRow; document: IndexDocument }> = [];
    for (const document of desired) {
      const row = existing.get(document.sourceId);
      existing.delete(document.sourceId);
      if (!row) inserts.push(document);
      else if (differs(row, document)) updates.push({ row, document });
    }
    const removed = [...existing.values()].map((row) => row.id);
    // A new text needs a vector; so does a moved shelf or kind (the vector row carries both).
    const revectored = new Set(
      updates.filter(
        ({ row, document }) =>
          row.text_hash !== document.textHash || row.platform !== document.platform || row.kind !== document.kind,
      ),
    );
    const needVectors = [...inserts, ...[...revectored].map((u) => u.document)];
    const now = clock.now();
    const { vectors, embedded } = await embedWithCache(
      db,
      embedder,
      needVectors.map((d) => ({ hash: d.textHash, text: d.embedText })),
      { now, stopped: () => stopping },
    );

    // Short transactions: SQLite has one connection, and payments must not wait for a catalog's worth of index writes.
    const vectorsOf = (documents: readonly IndexDocument[]) => documents.map((d) => vectors.get(d.textHash)!);
    for (const chunk of chunks(removed)) {
      await db.transaction().execute(async (trx) => {
        await deleteDocuments(trx, chunk);
        await store!.withDb(trx).delete({ ids: chunk });
      });
    }
    for (const chunk of chunks(updates)) {
      await db.transaction().execute(async (trx) => {
        for (const { row, document } of chunk) await updateDocument(trx, row.id, document, now);
        const moved = chunk.filter((u) => revectored.has(u));
        await store!.withDb(trx).addVectors(
          vectorsOf(moved.map((u) => u.document)),
          moved.map((u) => toVectorDocument(rowOf(u.document))),
          { ids: moved.map((u) => u.row.id) },
        );
      });
    }
    for (const chunk of chunks(inserts)) {
      await db.transaction().execute(async (trx) => {
        const ids = await insertDocuments(trx, chunk, now);
        await store!.withDb(trx).addVectors(
          vectorsOf(chunk),
          chunk.map((d) => toVectorDocument(rowOf(d))),
          { ids: chunk.map((d) => ids.get(d.sourceId)!) },
        );
      });
    }
    if (inserts.length + updates.length + removed.length > 0) await bumpVersion();
    await setMeta(db, `${source}.synced_at`, String(now));
    const textChanged = updates.filter(
      ({ row, document }) =>
        row.text_hash !== document.textHash ||
        row.title !== document.title ||
        row.body !== document.body ||
        row.terms !== document.terms,
    ).length;
    return {
      upserted: inserts.length + textChanged,
      removed: removed.length,
      embedded,
      ms: Math.round(performance.now() - started),
    };
  }

  return {
    ensureVectorSpace,
    syncSource,

    /** How this database searches words and names (the dialect's backend). */
    backend,

    /** The vector store (after `ensureVectorSpace`), for searches. */
    store(): VectorSpace {
      if (!store) throw new Error("knowledge index not ready: call ensureVectorSpace first");
      return store;
    },

    /** Whether a source was ever indexed (a shop that had none gets built once). */
    async everSynced(source: Source): Promise<boolean> {
      return (await getMeta(db, `${source}.synced_at`)) !== undefined;
    },

    /** Drops every document and vector (the cache stays): the next syncs index from scratch. */
    async clear(): Promise<void> {
      await db.transaction().execute((trx) => clearIndex(trx, VECTOR_TABLE));
      store?.forget();
      spelling = undefined;
      platforms = undefined;
      queryVectors.clear();
    },

    /** A query's vector; the last few hundred are kept, because customers ask alike. */
    async embedQuery(text: string): Promise<number[]> {
      const cached = queryVectors.get(text);
      if (cached) return cached;
      const vector = await embedder.embeddings.embedQuery(text);
      if (queryVectors.size >= 500) queryVectors.delete(queryVectors.keys().next().value!);
      queryVectors.set(text, vector);
      return vector;
    },

    async spelling(): Promise<Spelling> {
      spelling ??= createSpelling(await backend.vocabulary(db));
      return spelling;
    },

    /** Drops what this process remembers about the index when another process changed it. */
    async refresh(): Promise<void> {
      const current = await getMeta(db, "index.version");
      if (current === version) return;
      version = current;
      spelling = undefined;
      platforms = undefined;
      store?.forget();
    },

    /** Platforms with at least one indexed service. */
    async platforms(): Promise<ReadonlySet<string>> {
      platforms ??= new Set(await platformsIndexed(db));
      return platforms;
    },

    /** Asks a running embedding loop to stop at its next batch (shutdown). */
    stop(): void {
      stopping = true;
    },
  };
}

export type KnowledgeIndex = ReturnType<typeof createKnowledgeIndex>;

/** Documents per write transaction. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function rowOf(d: IndexDocument) {
  return { source: d.source, source_id: d.sourceId, platform: d.platform, kind: d.kind, embed_text: d.embedText };
}

function differs(row: KnowledgeDocumentRow, d: IndexDocument): boolean {
  return (
    row.title !== d.title ||
    row.body !== d.body ||
    row.terms !== d.terms ||
    row.facets !== d.facets ||
    row.platform !== d.platform ||
    row.kind !== d.kind ||
    row.language !== d.language ||
    row.price !== d.price ||
    row.embed_text !== d.embedText ||
    row.text_hash !== d.textHash
  );
}
