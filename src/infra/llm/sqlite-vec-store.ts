import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import { sql, type Kysely } from "kysely";
import type { VectorFilter, VectorHit, VectorSpace } from "./vector-space.js";
import { checkVectorBatch } from "./vector-batch.js";

export type { VectorHit };

/** Only these narrow a search: `shelf` is the vec0 partition key (cheap), `kind` a metadata column. */
export type SqliteVecFilter = VectorFilter;

export interface SqliteVecStoreArgs {
  // Any schema: the vec0 table is not part of the typed Database (its dimension is decided at run time).
  db: Kysely<any>;
  table: string;
  dimensions: number;
  /** Rows per storage chunk. vec0 allocates whole chunks per shelf, so small shelves waste less with less. */
  chunkSize?: number;
}

/**
 * LangChain's VectorStore over a sqlite-vec `vec0` table (LangChain JS has none for SQLite).
 * Keys are integers (a document's id must be one); `metadata.shelf` becomes the partition key and
 * `metadata.kind` a filterable column, so a search within one shelf scans only that shelf.
 * Writes go through the Kysely instance it was given, so a store bound to a transaction
 * (`withDb(trx)`) writes inside it.
 */
export class SqliteVecStore extends VectorStore implements VectorSpace {
  declare FilterType: SqliteVecFilter;
  readonly table: string;
  readonly dimensions: number;
  private readonly db: Kysely<any>;
  private readonly chunkSize: number;

  constructor(embeddings: EmbeddingsInterface, args: SqliteVecStoreArgs) {
    super(embeddings, args);
    if (!/^[a-z_][a-z0-9_]*$/.test(args.table)) throw new Error(`invalid vector table name "${args.table}"`);
    if (!Number.isInteger(args.dimensions) || args.dimensions <= 0)
      throw new Error(`invalid vector dimension ${args.dimensions}`);
    this.db = args.db;
    this.table = args.table;
    this.dimensions = args.dimensions;
    this.chunkSize = args.chunkSize ?? 256;
  }

  _vectorstoreType(): string {
    return "sqlite-vec";
  }

  /** The same table through another connection or transaction. */
  withDb(db: Kysely<any>): SqliteVecStore {
    return new SqliteVecStore(this.embeddings, {
      db,
      table: this.table,
      dimensions: this.dimensions,
      chunkSize: this.chunkSize,
    });
  }

  async ensureTable(): Promise<void> {
    await sql
      .raw(
        `create virtual table if not exists ${this.table} using vec0(doc_id integer primary key, embedding float[${this.dimensions}] distance_metric=cosine, ` +
          `shelf text partition key, kind text, +content text, +metadata text, chunk_size=${this.chunkSize})`,
      )
      .execute(this.db);
  }

  /** Nothing is held in memory: vec0 searches the table itself. */
  forget(): void {}

  async dropTable(): Promise<void> {
    await sql.raw(`drop table if exists ${this.table}`).execute(this.db);
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
    const write = async (db: Kysely<any>) => {
      let next: number | undefined;
      const ids: string[] = [];
      for (const [i, document] of documents.entries()) {
        const given = options?.ids?.[i] ?? document.id;
        next ??= given === undefined ? await this.nextId(db) : undefined;
        const id = given === undefined ? next!++ : Number(given);
        if (!Number.isSafeInteger(id)) throw new Error(`vector ids are integers; got "${given}"`);
        const { shelf, kind, ...metadata } = document.metadata as { shelf?: unknown; kind?: unknown };
        // vec0 keys must be bound as integers: a JS number binds as REAL and is refused.
        await sql`delete from ${sql.table(this.table)} where doc_id = ${BigInt(id)}`.execute(db);
        await sql`insert into ${sql.table(this.table)} (doc_id, embedding, shelf, kind, content, metadata)
          values (${BigInt(id)}, ${new Float32Array(vectors[i]!)}, ${String(shelf ?? "")}, ${String(kind ?? "")}, ${document.pageContent}, ${JSON.stringify(metadata)})`.execute(
          db,
        );
        ids.push(String(id));
      }
      return ids;
    };
    return this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write);
  }

  async delete(params?: { ids?: Array<string | number>; deleteAll?: boolean }): Promise<void> {
    if (params?.deleteAll) {
      await sql`delete from ${sql.table(this.table)}`.execute(this.db);
      return;
    }
    for (const id of params?.ids ?? [])
      await sql`delete from ${sql.table(this.table)} where doc_id = ${BigInt(id)}`.execute(this.db);
  }

  /** Nearest ids only: the fast path (no auxiliary columns read). */
  async search(query: readonly number[], k: number, filter?: SqliteVecFilter): Promise<VectorHit[]> {
    const result = await sql<VectorHit>`select doc_id as id, distance from ${sql.table(this.table)}
      where embedding match ${new Float32Array(query)} and k = ${Math.max(1, Math.floor(k))}${this.where(filter)} order by distance`.execute(
      this.db,
    );
    return result.rows;
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: SqliteVecFilter,
  ): Promise<[DocumentInterface, number][]> {
    const result = await sql<{
      id: number;
      distance: number;
      shelf: string;
      kind: string;
      content: string;
      metadata: string;
    }>`
      select doc_id as id, distance, shelf, kind, content, metadata from ${sql.table(this.table)}
      where embedding match ${new Float32Array(query)} and k = ${Math.max(1, Math.floor(k))}${this.where(filter)} order by distance`.execute(
      this.db,
    );
    return result.rows.map((row) => [
      new Document({
        id: String(row.id),
        pageContent: row.content,
        metadata: { ...(JSON.parse(row.metadata) as Record<string, unknown>), shelf: row.shelf, kind: row.kind },
      }),
      // LangChain scores are "higher is more similar": cosine similarity.
      1 - row.distance,
    ]);
  }

  private where(filter: SqliteVecFilter | undefined) {
    const clause = (column: "shelf" | "kind", value: string | readonly string[] | undefined) => {
      if (value === undefined) return sql``;
      const values = typeof value === "string" ? [value] : value;
      // An empty list matches nothing; vec0 would reject "in ()".
      if (values.length === 0) return sql` and ${sql.ref(column)} = ${"\u0000"}`;
      return sql` and ${sql.ref(column)} in (${sql.join(values.map((v) => sql`${v}`))})`;
    };
    return sql`${clause("shelf", filter?.shelf)}${clause("kind", filter?.kind)}`;
  }

  private async nextId(db: Kysely<any>): Promise<number> {
    const row = await sql<{ max: number | null }>`select max(doc_id) as max from ${sql.table(this.table)}`.execute(db);
    return (row.rows[0]?.max ?? 0) + 1;
  }
}
