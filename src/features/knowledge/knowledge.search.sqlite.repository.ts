import { sql } from "kysely";
import { SqliteVecStore } from "../../infra/llm/sqlite-vec-store.js";
import { VECTOR_TABLE, type KnowledgeSearchBackend, type TextQuery } from "./knowledge.search-backend.js";

/**
 * The knowledge search on SQLite: FTS5 (`knowledge_fts`, BM25 weights set by the migration) for
 * words, `fts5vocab` as the spelling dictionary, sqlite-vec's vec0 table for vectors.
 */
export const sqliteSearchBackend: KnowledgeSearchBackend = {
  dialect: "sqlite",

  /**
   * `facets : (a OR b) AND … AND (terms : (…) OR {title body} : (…))`, each part only when there is
   * one. Filters ride inside the MATCH as column filters, so the statement stays `MATCH … ORDER BY
   * rank LIMIT n` and FTS5 can stop early.
   */
  async searchText(db, query, limit) {
    const expression = ftsExpression(query);
    if (!expression) return [];
    const result = await sql<{
      id: number;
    }>`select rowid as id from knowledge_fts where knowledge_fts match ${expression} order by rank limit ${limit}`.execute(
      db,
    );
    return result.rows.map((r) => r.id);
  },

  async searchSimilarNames() {
    // FTS5 has no trigram ranking here; typos are the spelling corrector's and the vectors' (hashed trigrams).
    return [];
  },

  async vocabulary(db) {
    const result = await sql<{
      term: string;
      doc: number;
    }>`select term, sum(doc) as doc from knowledge_fts_terms where col in ('title', 'body') group by term`.execute(db);
    return result.rows;
  },

  async openVectorSpace(db, embeddings, dimensions) {
    return new SqliteVecStore(embeddings, { db, table: VECTOR_TABLE, dimensions });
  },

  async vectorTableReady(db) {
    const exists = await sql<{
      n: number;
    }>`select count(*) as n from sqlite_master where name = ${VECTOR_TABLE}`.execute(db);
    return exists.rows[0]!.n > 0;
  },
};

export function ftsExpression(query: TextQuery): string {
  const any = [
    ...(query.terms.length > 0 ? [`terms : (${query.terms.map(quote).join(" OR ")})`] : []),
    ...(query.words.length > 0 ? [`{title body} : (${query.words.map(quote).join(" OR ")})`] : []),
  ];
  return [
    ...query.facets.map((group) => `facets : (${group.join(" OR ")})`),
    ...(any.length > 0 ? [`(${any.join(" OR ")})`] : []),
  ].join(" AND ");
}

const quote = (token: string) => `"${token.replace(/"/g, "")}"`;
