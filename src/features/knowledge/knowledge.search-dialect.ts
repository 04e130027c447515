import type { Dialect } from "../../infra/db/dialect.js";
import type { KnowledgeSearchBackend } from "./knowledge.search-backend.js";
import { postgresSearchBackend } from "./knowledge.search.postgres.repository.js";
import { sqliteSearchBackend } from "./knowledge.search.sqlite.repository.js";

/** The knowledge search of a database's dialect (the container picks it; the index reads it from the database otherwise). */
export function knowledgeSearchBackend(dialect: Dialect): KnowledgeSearchBackend {
  return dialect === "postgres" ? postgresSearchBackend : sqliteSearchBackend;
}
