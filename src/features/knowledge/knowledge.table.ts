import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** The shop's FAQ, one row per slug and language; admins edit it (CLI, Mini App). */
export interface FaqDocumentTable {
  id: Generated<number>;
  slug: string;
  language: "id" | "en";
  title: string;
  body: string;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export type FaqDocumentRow = Selectable<FaqDocumentTable>;
export type NewFaqDocumentRow = Insertable<FaqDocumentTable>;
export type FaqDocumentUpdate = Updateable<FaqDocumentTable>;

/**
 * One indexed thing (a sellable service or an active FAQ document). Its id is the FTS5 rowid and
 * the vector's key; the FTS5 table follows it through triggers.
 */
export interface KnowledgeDocumentTable {
  id: Generated<number>;
  source: "service" | "faq";
  source_id: number;
  title: string;
  body: string;
  terms: string;
  facets: string;
  platform: Generated<string>;
  kind: Generated<string>;
  language: string | null;
  price: number | null;
  embed_text: string;
  text_hash: string;
  updated_at: number;
}

export type KnowledgeDocumentRow = Selectable<KnowledgeDocumentTable>;
export type NewKnowledgeDocumentRow = Insertable<KnowledgeDocumentTable>;
export type KnowledgeDocumentUpdate = Updateable<KnowledgeDocumentTable>;

export interface KnowledgeEmbeddingTable {
  model: string;
  text_hash: string;
  dimensions: number;
  vector: Uint8Array;
  created_at: number;
}

export interface KnowledgeMetaTable {
  key: string;
  value: string;
}
