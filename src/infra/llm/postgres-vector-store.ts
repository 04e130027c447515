import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import { sql, type Kysely } from "kysely";
import { filterValues, type VectorFilter, type VectorHit, type VectorSpace } from "./vector-space.js";
import { checkVectorBatch } from "./vector-batch.js";

/**
 * Where the vectors live on PostgreSQL: `pgvector` (the server has the `vector` extension: a
 * `vector(n)` column, HNSW, searched in the database) or `in-process` (no pgvector, as on Debian
 * 12: little-endian float32 in a bytea column, read once per shelf and searched in this process).
 */
export type PostgresVectorMode = { kind: "pgvector"; version: string } | { kind: "in-process" };

export interface PostgresVectorStoreArgs {
  db: Kysely<any>;
  table: string;
  dimensions: number;
  mode: PostgresVectorMode;
}

/** pgvector indexes `vector` columns of at most 2,000 dimensions; larger ones are scanned exactly. */
const HNSW_MAX_DIMENSIONS = 2000;

/** One shelf's vectors in memory, unit length, row after row. */
interface Shelf {
  ids: number[];
  kinds: string[];
  vectors: Float32Array;
}

/** What every copy of a store (one per transaction) shares: the shelves read so far. */
class ShelfCache {
  shelves = new Map<string, Promise<Shelf>>();
  /** Every shelf was read at once (a search without a shelf filter). */
  all: Promise<Map<string, Shelf>> | undefined;
  clear(): void {
    this.shelves.clear();
    this.all = undefined;
  }
}

/**
 * LangChain's VectorStore on PostgreSQL for the knowledge index, as `SqliteVecStore` is on SQLite:
 * integer keys (the document ids), `metadata.shelf` and `metadata.kind` as filter columns, writes
 * through the Kysely instance given (a transaction's, with `withDb`).
 *
 * Without pgvector, a search reads the shelves it needs once (20,000 services of 256 dimensions
 * are 20 MB) and ranks them by cosine in process; every write through this store, and `forget()`
 * (the index calls it when another process changed the index), drops what was read.
 */
export class PostgresVectorStore extends VectorStore implements VectorSpace {
  declare FilterType: VectorFilter;
  readonly table: string;
  readonly dimensions: number;
  readonly mode: PostgresVectorMode;
  private readonly db: Kysely<any>;
  private readonly cache: ShelfCache;

  constructor(embeddings: EmbeddingsInterface, args: PostgresVectorStoreArgs, cache = new ShelfCache()) {
    super(embeddings, args);
    if (!/^[a-z_][a-z0-9_]*$/.test(args.table)) throw new Error(`invalid vector table name "${args.table}"`);
    if (!Number.isInteger(args.dimensions) || args.dimensions <= 0)
      throw new Error(`invalid vector dimension ${args.dimensions}`);
    this.db = args.db;
    this.table = args.table;
    this.dimensions = args.dimensions;
    this.mode = args.mode;
    this.cache = cache;
  }

  // Called by LangChain's constructor, before this class's fields are set.
  _vectorstoreType(): string {
    return "postgres";
  }

  withDb(db: Kysely<any>): PostgresVectorStore {
    return new PostgresVectorStore(
      this.embeddings,
      { db, table: this.table, dimensions: this.dimensions, mode: this.mode },
      this.cache,
    );
  }

  /** The embedding column's type as PostgreSQL names it (`format_type`): tells a table of the other mode or dimension. */
  get columnType(): string {
    return this.mode.kind === "pgvector" ? `vector(${this.dimensions})` : "bytea";
  }

  forget(): void {
    this.cache.clear();
  }

  async ensureTable(): Promise<void> {
    this.forget();
    const table = sql.table(this.table);
    await sql`create table if not exists ${table} (
      doc_id bigint primary key, shelf text not null, kind text not null, content text not null, metadata jsonb not null,
      embedding ${sql.raw(this.columnType)} not null)`.execute(this.db);
    await sql`create index if not exists ${sql.id(`${this.table}_shelf`)} on ${table} (shelf, kind)`.execute(this.db);
    if (this.mode.kind === "pgvector" && this.dimensions <= HNSW_MAX_DIMENSIONS) {
      await sql`create index if not exists ${sql.id(`${this.table}_hnsw`)} on ${table} using hnsw (embedding vector_cosine_ops)`.execute(
        this.db,
      );
    }
  }

  async dropTable(): Promise<void> {
    this.forget();
    await sql`drop table if exists ${sql.table(this.table)}`.execute(this.db);
  }

  async addDocuments(documents: DocumentInterface[], options?: { ids?: Array<string | number> }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  /** Adds or replaces: a document whose id is already stored is overwritten. */
  async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: Array<string | number> },
  ): Promise<string[]> {
    checkVectorBatch(vectors, documents, this.dimensions);
    if (documents.length === 0) return [];
    this.forget();
    let next: number | undefined;
    const ids: number[] = [];
    for (const [i, document] of documents.entries()) {
      const given = options?.ids?.[i] ?? document.id;
      next ??= given === undefined ? await this.nextId() : undefined;
      const id = given === undefined ? next!++ : Number(given);
      if (!Number.isSafeInteger(id)) throw new Error(`vector ids are integers; got "${given}"`);
      ids.push(id);
    }
    const metadata = documents.map((d) => d.metadata as { shelf?: unknown; kind?: unknown });
    const embedding = this.mode.kind === "pgvector" ? sql`e::${sql.raw(this.columnType)}` : sql`e`;
    const embeddings =
      this.mode.kind === "pgvector" ? vectors.map((v) => `[${v.join(",")}]`) : vectors.map(encodeFloat32);
    // One statement per batch (arrays unnested), not one round trip per vector.
    await sql`insert into ${sql.table(this.table)} (doc_id, shelf, kind, content, metadata, embedding)
      select d, s, k, c, m, ${embedding}
      from unnest(${ids}::bigint[], ${metadata.map((m) => String(m.shelf ?? ""))}::text[], ${metadata.map((m) => String(m.kind ?? ""))}::text[],
                  ${documents.map((d) => d.pageContent)}::text[], ${metadata.map(({ shelf: _s, kind: _k, ...rest }) => JSON.stringify(rest))}::jsonb[],
                  ${embeddings}::${sql.raw(this.mode.kind === "pgvector" ? "text[]" : "bytea[]")}) as v(d, s, k, c, m, e)
      on conflict (doc_id) do update set shelf = excluded.shelf, kind = excluded.kind, content = excluded.content, metadata = excluded.metadata, embedding = excluded.embedding`.execute(
      this.db,
    );
    return ids.map(String);
  }

  async delete(params?: { ids?: Array<string | number>; deleteAll?: boolean }): Promise<void> {
    this.forget();
    if (params?.deleteAll) {
      await sql`delete from ${sql.table(this.table)}`.execute(this.db);
      return;
    }
    const ids = (params?.ids ?? []).map(Number);
    if (ids.length > 0)
      await sql`delete from ${sql.table(this.table)} where doc_id = any(${ids}::bigint[])`.execute(this.db);
  }

  async search(query: readonly number[], k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const limit = Math.max(1, Math.floor(k));
    const shelves = filterValues(filter?.shelf);
    const kinds = filterValues(filter?.kind);
    if (shelves?.length === 0 || kinds?.length === 0) return [];
    return this.mode.kind === "pgvector"
      ? this.searchInDatabase(query, limit, shelves, kinds)
      : this.searchInProcess(query, limit, shelves, kinds);
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: VectorFilter,
  ): Promise<[DocumentInterface, number][]> {
    const hits = await this.search(query, k, filter);
    if (hits.length === 0) return [];
    const result = await sql<{
      id: number;
      shelf: string;
      kind: string;
      content: string;
      metadata: Record<string, unknown>;
    }>`
      select doc_id as id, shelf, kind, content, metadata from ${sql.table(this.table)} where doc_id = any(${hits.map((h) => h.id)}::bigint[])`.execute(
      this.db,
    );
    const rows = new Map(result.rows.map((r) => [Number(r.id), r]));
    return hits.flatMap((hit) => {
      const row = rows.get(hit.id);
      if (!row) return [];
      // LangChain scores are "higher is more similar": cosine similarity.
      return [
        [
          new Document({
            id: String(hit.id),
            pageContent: row.content,
            metadata: { ...row.metadata, shelf: row.shelf, kind: row.kind },
          }),
          1 - hit.distance,
        ] as [DocumentInterface, number],
      ];
    });
  }

  /**
   * pgvector: the HNSW index answers, so `ef_search` must be at least k (its default, 40, would cut
   * a pool of 100 to 40), and from 0.8 an iterative scan keeps a shelf or kind filter from leaving
   * fewer than k rows. Both are set for this one statement's transaction only.
   */
  private async searchInDatabase(
    query: readonly number[],
    limit: number,
    shelves: readonly string[] | undefined,
    kinds: readonly string[] | undefined,
  ): Promise<VectorHit[]> {
    const vector = `[${query.join(",")}]`;
    const search = async (db: Kysely<any>) => {
      await sql`select set_config('hnsw.ef_search', ${String(Math.min(1000, Math.max(40, limit)))}, true)`.execute(db);
      if (atLeast(this.mode.kind === "pgvector" ? this.mode.version : "0", [0, 8]))
        await sql`select set_config('hnsw.iterative_scan', 'strict_order', true)`.execute(db);
      const result = await sql<{ id: number; distance: number }>`
        select doc_id as id, embedding <=> ${vector}::vector as distance from ${sql.table(this.table)}
        where true${shelves ? sql` and shelf = any(${[...shelves]}::text[])` : sql``}${kinds ? sql` and kind = any(${[...kinds]}::text[])` : sql``}
        order by embedding <=> ${vector}::vector, doc_id limit ${limit}`.execute(db);
      return result.rows.map((r) => ({ id: Number(r.id), distance: Number(r.distance) }));
    };
    return this.db.isTransaction ? search(this.db) : this.db.transaction().execute(search);
  }

  /** Every vector of the shelves asked for, by cosine to the query; ties by id, so answers are stable. */
  private async searchInProcess(
    query: readonly number[],
    limit: number,
    shelves: readonly string[] | undefined,
    kinds: readonly string[] | undefined,
  ): Promise<VectorHit[]> {
    const q = unit(Float32Array.from(query));
    const wanted = kinds ? new Set(kinds) : undefined;
    const top = new TopK(limit);
    const dimensions = this.dimensions;
    for (const shelf of await this.shelves(shelves)) {
      const { ids, kinds: rowKinds, vectors } = shelf;
      for (let row = 0; row < ids.length; row++) {
        if (wanted && !wanted.has(rowKinds[row]!)) continue;
        let dot = 0;
        const offset = row * dimensions;
        for (let i = 0; i < dimensions; i++) dot += q[i]! * vectors[offset + i]!;
        top.offer(ids[row]!, 1 - dot);
      }
    }
    return top.sorted();
  }

  private async shelves(names: readonly string[] | undefined): Promise<Shelf[]> {
    if (!names) {
      this.cache.all ??= this.readShelves(undefined).catch((error: unknown) => {
        this.cache.all = undefined;
        throw error;
      });
      return [...(await this.cache.all).values()];
    }
    if (this.cache.all) {
      const all = await this.cache.all;
      return names.flatMap((n) => (all.has(n) ? [all.get(n)!] : []));
    }
    const missing = names.filter((n) => !this.cache.shelves.has(n));
    if (missing.length > 0) {
      const reading = this.readShelves(missing);
      for (const name of missing) {
        const shelf = reading.then((read) => read.get(name) ?? { ids: [], kinds: [], vectors: new Float32Array(0) });
        // A failed read is tried again by the next search, not remembered.
        shelf.catch(() => this.cache.shelves.get(name) === shelf && this.cache.shelves.delete(name));
        this.cache.shelves.set(name, shelf);
      }
    }
    return Promise.all(names.map((n) => this.cache.shelves.get(n)!));
  }

  private async readShelves(names: readonly string[] | undefined): Promise<Map<string, Shelf>> {
    const result = await sql<{ id: number; shelf: string; kind: string; embedding: Uint8Array }>`
      select doc_id as id, shelf, kind, embedding from ${sql.table(this.table)}
      ${names ? sql`where shelf = any(${[...names]}::text[])` : sql``} order by doc_id`.execute(this.db);
    const grouped = new Map<string, Array<{ id: number; kind: string; embedding: Uint8Array }>>();
    for (const row of result.rows) {
      const list = grouped.get(row.shelf) ?? [];
      list.push(row);
      grouped.set(row.shelf, list);
    }
    const shelves = new Map<string, Shelf>();
    for (const [name, rows] of grouped) {
      const vectors = new Float32Array(rows.length * this.dimensions);
      rows.forEach((row, i) => {
        const vector = decodeFloat32(row.embedding);
        if (vector.length !== this.dimensions)
          throw new Error(`a stored vector has ${vector.length} dimensions; the store holds ${this.dimensions}`);
        vectors.set(unit(vector), i * this.dimensions);
      });
      shelves.set(name, { ids: rows.map((r) => Number(r.id)), kinds: rows.map((r) => r.kind), vectors });
    }
    return shelves;
  }

  private async nextId(): Promise<number> {
    const row = await sql<{ max: number | null }>`select max(doc_id) as max from ${sql.table(this.table)}`.execute(
      this.db,
    );
    return Number(row.rows[0]?.max ?? 0) + 1;
  }
}

/** The k smallest distances seen, kept in a max-heap (the worst on top), so a whole shelf is one pass. */
class TopK {
  private readonly ids: number[] = [];
  private readonly distances: number[] = [];
  constructor(private readonly k: number) {}

  private worse(a: number, b: number): boolean {
    return (
      this.distances[a]! > this.distances[b]! ||
      (this.distances[a] === this.distances[b] && this.ids[a]! > this.ids[b]!)
    );
  }

  offer(id: number, distance: number): void {
    if (this.ids.length < this.k) {
      this.ids.push(id);
      this.distances.push(distance);
      let i = this.ids.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    if (distance > this.distances[0]! || (distance === this.distances[0] && id > this.ids[0]!)) return;
    this.ids[0] = id;
    this.distances[0] = distance;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < this.ids.length && this.worse(left, largest)) largest = left;
      if (right < this.ids.length && this.worse(right, largest)) largest = right;
      if (largest === i) break;
      this.swap(i, largest);
      i = largest;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.distances[a], this.distances[b]] = [this.distances[b]!, this.distances[a]!];
  }

  sorted(): VectorHit[] {
    return this.ids
      .map((id, i) => ({ id, distance: this.distances[i]! }))
      .sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  return vector.map((v) => v / norm);
}

/** Little-endian float32, the layout of the embedding cache and of sqlite-vec. */
export function encodeFloat32(vector: readonly number[]): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes;
}

function decodeFloat32(blob: Uint8Array): Float32Array {
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

/** Whether a version string ("0.8.1") is at least major.minor. */
function atLeast(version: string, [major, minor]: [number, number]): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  return a > major || (a === major && b >= minor);
}
