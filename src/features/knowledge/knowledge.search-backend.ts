import type { Dialect } from "../../infra/db/dialect.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Embedder } from "../../infra/llm/embedder.js";
import type { VectorSpace } from "../../infra/llm/vector-space.js";

/** The vector table of the knowledge index (vec0 on SQLite, a plain table on PostgreSQL). */
export const VECTOR_TABLE = "knowledge_vectors";

/** A word search, said once for both dialects; each backend writes it in its own syntax. */
export interface TextQuery {
  /** Groups of facet tokens (`sfaq`, `pinstagram`, `kfollowers`): a document carries one of each group. */
  facets: ReadonlyArray<readonly string[]>;
  /** The lexicon's meaning tokens (`kfollowers`, `n86`), matched in the `terms` column. */
  terms: readonly string[];
  /** Plain words as the language module reads them, matched in names and texts. */
  words: readonly string[];
}

/**
 * How the knowledge base searches on one database: words ranked by relevance (FTS5's BM25 on
 * SQLite, weighted `ts_rank` on PostgreSQL), names close in spelling (trigrams; PostgreSQL only),
 * the spelling corrector's dictionary, and the vector store. Chosen from the dialect where the
 * container builds the knowledge service; everything else (reading, fusion, ranking) is shared.
 */
export interface KnowledgeSearchBackend {
  readonly dialect: Dialect;
  /** Best word matches, best first; nothing when the query holds no facet, term or word. */
  searchText(db: Db, query: TextQuery, limit: number): Promise<number[]>;
  /** Names spelled like the words, closest first: a typo nothing else caught. Empty where the dialect has no such search. */
  searchSimilarNames(db: Db, query: Pick<TextQuery, "facets" | "words">, limit: number): Promise<number[]>;
  /** Words of names and texts with how many documents hold them: the spelling corrector's dictionary. */
  vocabulary(db: Db): Promise<Array<{ term: string; doc: number }>>;
  /** The vector store for the embedder's dimension (on PostgreSQL: pgvector when installed, else in process). */
  openVectorSpace(db: Db, embeddings: Embedder["embeddings"], dimensions: number): Promise<VectorSpace>;
  /** Whether the store's table exists as the store would create it (same kind of column and dimension). */
  vectorTableReady(db: Db, store: VectorSpace): Promise<boolean>;
}
