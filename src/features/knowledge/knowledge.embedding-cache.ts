import type { Db } from "../../infra/db/open-database.js";
import type { Embedder } from "../../infra/llm/embedder.js";
import { findEmbeddings, insertEmbeddings } from "./knowledge.repository.js";

/** Texts per embedder call: one OpenAI request each, and a point where a stop request is honoured. */
const BATCH = 256;

export interface CachedEmbedding {
  hash: string;
  text: string;
}

/**
 * Vectors for texts, by (model, text hash): cached ones from the table, the rest from the embedder
 * in batches, each batch saved at once so an interrupted first indexing resumes where it stopped.
 * Never inside a transaction: the embedder may be a network call.
 */
export async function embedWithCache(
  db: Db,
  embedder: Embedder,
  wanted: readonly CachedEmbedding[],
  options: { now: number; stopped?: () => boolean },
): Promise<{ vectors: Map<string, number[]>; embedded: number }> {
  const vectors = await cachedVectors(
    db,
    embedder.model,
    wanted.map((w) => w.hash),
  );
  const missing = [...new Map(wanted.filter((w) => !vectors.has(w.hash)).map((w) => [w.hash, w])).values()];
  let embedded = 0;
  for (let i = 0; i < missing.length; i += BATCH) {
    if (options.stopped?.()) throw new Error("knowledge indexing stopped");
    const batch = missing.slice(i, i + BATCH);
    const fresh = await embedder.embeddings.embedDocuments(batch.map((b) => b.text));
    if (fresh.length !== batch.length)
      throw new Error(`the embedder returned ${fresh.length} vectors for ${batch.length} texts`);
    await db.transaction().execute(async (trx) => {
      await insertEmbeddings(
        trx,
        batch.map((b, j) => ({
          model: embedder.model,
          text_hash: b.hash,
          dimensions: fresh[j]!.length,
          vector: encode(fresh[j]!),
          created_at: options.now,
        })),
      );
    });
    batch.forEach((b, j) => vectors.set(b.hash, fresh[j]!));
    embedded += batch.length;
  }
  return { vectors, embedded };
}

async function cachedVectors(db: Db, model: string, hashes: readonly string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await findEmbeddings(db, model, unique.slice(i, i + 500));
    for (const row of rows) found.set(row.text_hash, decode(row.vector));
  }
  return found;
}

/** Little-endian float32, the layout sqlite-vec reads. */
function encode(vector: readonly number[]): Uint8Array {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes;
}

function decode(blob: Uint8Array): number[] {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  return Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
}
