import type { DocumentInterface } from "@langchain/core/documents";
import type { Kysely } from "kysely";

/** Only these narrow a search: `shelf` (the platform, or "faq") and `kind`. */
export interface VectorFilter {
  shelf?: string | readonly string[] | undefined;
  kind?: string | readonly string[] | undefined;
}

export interface VectorHit {
  id: number;
  /** Cosine distance: 0 is the same direction, 2 the opposite. */
  distance: number;
}

/**
 * What the knowledge index needs of a vector store, whichever database holds it: SQLite's vec0
 * table (`SqliteVecStore`) or PostgreSQL (`PostgresVectorStore`: pgvector, or vectors searched in
 * process where the server has no pgvector). Keys are the documents' integer ids; a store bound to a
 * transaction (`withDb`) writes inside it.
 */
export interface VectorSpace {
  readonly dimensions: number;
  withDb(db: Kysely<any>): VectorSpace;
  ensureTable(): Promise<void>;
  dropTable(): Promise<void>;
  addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: Array<string | number> },
  ): Promise<string[]>;
  delete(params?: { ids?: Array<string | number>; deleteAll?: boolean }): Promise<void>;
  /** Nearest ids only, nearest first. */
  search(query: readonly number[], k: number, filter?: VectorFilter): Promise<VectorHit[]>;
  /** Drops what this process holds in memory about the vectors (another process changed them). */
  forget(): void;
}

/** A filter value as a list: undefined (no filter) stays undefined; an empty list matches nothing. */
export function filterValues(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return value === undefined ? undefined : typeof value === "string" ? [value] : value;
}
