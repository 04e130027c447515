import type { Service } from "../catalog/catalog.service.js";
import type { Kind, Platform } from "../catalog/catalog.vocabulary.js";
import type { ProductReading } from "../language/language.retrieval.js";

/**
 * The knowledge base's contract: products and the shop's FAQ, searched by meaning and by words.
 * It ranks; it never decides a price (every product comes back as the catalog's `Service`, with
 * the price the database holds).
 */

export type FaqLanguage = "id" | "en";

export interface FaqDocument {
  id: number;
  /** Stable name an admin edits by ("cara-bayar"); one per language. */
  slug: string;
  language: FaqLanguage;
  title: string;
  body: string;
  active: boolean;
  updatedAt: number;
}

export interface FaqHit {
  document: FaqDocument;
  /** Fused rank score (reciprocal rank fusion); higher is better. Comparable within one search. */
  score: number;
}

export interface ProductQuery {
  /** The customer's words (the whole message, or the descriptive part of it). */
  text: string;
  /** `text` as the language module read it this turn (`Reading.searchTerms`); read from `text` when absent. */
  reading?: ProductReading | undefined;
  /** When known, results are limited to it. */
  platform?: Platform | undefined;
  kind?: Kind | undefined;
  limit?: number | undefined;
}

export interface ProductResults {
  /** Best first; sellable services only (active, supplier active). */
  services: Service[];
  /** How many sellable services matched in all (for "showing 8 of 23"). */
  total: number;
}

export interface IndexSyncReport {
  /** Documents whose text changed or that are new. */
  upserted: number;
  removed: number;
  /** Texts sent to the embedder (the rest came from the cache). */
  embedded: number;
  ms: number;
}
