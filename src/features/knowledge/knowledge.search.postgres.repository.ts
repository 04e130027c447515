import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { PostgresVectorStore, type PostgresVectorMode } from "../../infra/llm/postgres-vector-store.js";
import { VECTOR_TABLE, type KnowledgeSearchBackend, type TextQuery } from "./knowledge.search-backend.js";

/**
 * FTS5's `bm25(4, 1, 2, 0)` as tsvector weights {D, C, B, A}: names (A) weigh most, meaning tokens
 * (B), texts (C); facets (D) only filter.
 */
const WEIGHTS = sql.raw(`'{0, 0.25, 0.5, 1}'`);

/**
 * The knowledge search on PostgreSQL (migration 20261208T1120): full-text search with the `simple`
 * configuration over the words as the language module folds them (`title_words`, `body_words`,
 * `terms`), trigram similarity on the folded names for typos, `ts_stat` as the spelling dictionary,
 * and vectors in pgvector when the server has it, else searched in process.
 */
export const postgresSearchBackend: KnowledgeSearchBackend = {
  dialect: "postgres",

  /**
   * FTS5's column filters become tsquery weight labels: `kfollowers:B` (in the terms), `ig:AC` (in
   * the name or text), and each facet group `(pinstagram:D | ptiktok:D)` ANDed in front, so one GIN
   * lookup answers filter and words together.
   */
  async searchText(db, query, limit) {
    const tsquery = tsqueryOf(query);
    if (!tsquery) return [];
    // Ranked by the words alone: with the facets ANDed in, ts_rank would score the query as a
    // conjunction (by how close its items stand), which the facets have nothing to do with.
    const words = tsqueryOf({ facets: [], terms: query.terms, words: query.words });
    const order = words ? sql`ts_rank(${WEIGHTS}, search, to_tsquery('simple', ${words})) desc, id` : sql`id`;
    const result = await sql<{ id: number }>`select id from knowledge_documents
      where search @@ to_tsquery('simple', ${tsquery}) order by ${order} limit ${limit}`.execute(db);
    return result.rows.map((r) => Number(r.id));
  },

  /**
   * Each word's `word_similarity` to the name (how well it matches some stretch of it, so a short
   * word is not drowned by a long name), summed: "instagarm folowers" finds "Instagram Followers
   * Indonesia Real". A name qualifies when one word passes pg_trgm's threshold (`<%`, 0.6), which
   * the trigram index answers. Words under four letters and numbers have too few trigrams to judge.
   */
  async searchSimilarNames(db, query, limit) {
    const words = clean(query.words).filter((w) => w.length >= 4 && !/^\d+$/.test(w));
    if (words.length === 0) return [];
    const anyClose = sql.join(
      words.map((w) => sql`${w} <% title_words`),
      sql` or `,
    );
    const closeness = sql.join(
      words.map((w) => sql`word_similarity(${w}, title_words)`),
      sql` + `,
    );
    const facets = tsqueryOf({ facets: query.facets, terms: [], words: [] });
    const result = await sql<{ id: number }>`select id from knowledge_documents
      where (${anyClose})${facets ? sql` and search @@ to_tsquery('simple', ${facets})` : sql``}
      order by ${closeness} desc, id limit ${limit}`.execute(db);
    return result.rows.map((r) => Number(r.id));
  },

  /** Documents per word in names plus in texts, as SQLite's fts5vocab `col` table sums them. */
  async vocabulary(db) {
    const result = await sql<{ term: string; doc: number }>`select word as term, sum(ndoc)::int as doc from (
        select word, ndoc from ts_stat('select to_tsvector(''simple'', title_words) from knowledge_documents')
        union all
        select word, ndoc from ts_stat('select to_tsvector(''simple'', body_words) from knowledge_documents')) w
      group by word`.execute(db);
    return result.rows;
  },

  async openVectorSpace(db, embeddings, dimensions) {
    return new PostgresVectorStore(embeddings, { db, table: VECTOR_TABLE, dimensions, mode: await vectorMode(db) });
  },

  /** The table exists with the column the store would create (`vector(256)`, or bytea): a table of another mode or dimension is rebuilt. */
  async vectorTableReady(db, store) {
    const result = await sql<{ type: string | null }>`select format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = to_regclass(${VECTOR_TABLE}) and attname = 'embedding' and not attisdropped`.execute(db);
    return result.rows[0]?.type === (store as PostgresVectorStore).columnType;
  },
};

/** pgvector when the extension is installed in this database (the migration installs it where it can). */
async function vectorMode(db: Db): Promise<PostgresVectorMode> {
  const result = await sql<{
    version: string;
  }>`select extversion as version from pg_extension where extname = 'vector'`.execute(db);
  const version = result.rows[0]?.version;
  return version ? { kind: "pgvector", version } : { kind: "in-process" };
}

/** Only a-z and 0-9 reach a tsquery: the language module's words are made of nothing else, and nothing can break the syntax. */
function clean(tokens: readonly string[]): string[] {
  return [...new Set(tokens.map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, "")).filter(Boolean))];
}

/** `(facet:D | …) & … & (term:B | … | word:AC | …)`, each part only when there is one. */
export function tsqueryOf(query: TextQuery): string {
  const any = [...clean(query.terms).map((t) => `${t}:B`), ...clean(query.words).map((w) => `${w}:AC`)];
  const facets = query.facets.map((group) => clean(group).map((f) => `${f}:D`)).filter((group) => group.length > 0);
  return [...facets.map((group) => `(${group.join(" | ")})`), ...(any.length > 0 ? [`(${any.join(" | ")})`] : [])].join(
    " & ",
  );
}
