import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { KnowledgeIndex } from "./knowledge.index.js";
import { coversQuestion } from "./knowledge.faq-relevance.js";
import { questionReadingOf } from "./knowledge.query.js";
import type { Reading } from "../language/language.reading.js";
import { reciprocalRankFusion } from "./knowledge.ranking.js";
import {
  activeFaqRowsByIds,
  activeFaqRowsBySlugs,
  deleteFaqRows,
  documentsByIds,
  findFaqRow,
  listFaqRows,
  upsertFaqRow,
} from "./knowledge.repository.js";
import type { FaqDocumentRow } from "./knowledge.table.js";
import type { FaqDocument, FaqHit, FaqLanguage } from "./knowledge.types.js";

// Each field names itself when it is missing or of the wrong type: zod's own "expected string,
// received undefined" is not something an admin in the Mini App or the CLI can act on.
export const FaqInputSchema = z.object(
  {
    slug: z
      .string({ error: "a slug is needed, e.g. cara-bayar" })
      .trim()
      .toLowerCase()
      .max(64, "a slug has at most 64 characters")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a slug is lower-case words joined by hyphens, e.g. cara-bayar"),
    language: z.enum(["id", "en"], { error: 'language is "id" or "en"' }),
    title: z
      .string({ error: "a title is needed" })
      .trim()
      .min(1, "a title is needed")
      .max(200, "a title has at most 200 characters"),
    body: z
      .string({ error: "a body is needed" })
      .trim()
      .min(1, "a body is needed")
      .max(4000, "a body has at most 4000 characters"),
    active: z.boolean({ error: "active is true or false" }).optional(),
  },
  { error: "an FAQ entry is { slug, language, title, body }" },
);
export type FaqInput = z.input<typeof FaqInputSchema>;

const Language = z.enum(["id", "en"], { error: 'language is "id" or "en"' });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "knowledge.invalid_input",
      parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
    );
  return parsed.data;
}

export function toFaqDocument(row: FaqDocumentRow): FaqDocument {
  return {
    id: row.id,
    slug: row.slug,
    language: row.language,
    title: row.title,
    body: row.body,
    active: row.active === 1,
    updatedAt: row.updated_at,
  };
}

/** The FAQ rows themselves (what admins edit); indexing them is the service's job. */
export function createFaqStore(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(
      filter: { language?: FaqLanguage | undefined; includeInactive?: boolean | undefined } = {},
    ): Promise<FaqDocument[]> {
      const language = filter.language ? parse(Language, filter.language) : undefined;
      return (await listFaqRows(db, { language, activeOnly: !filter.includeInactive })).map(toFaqDocument);
    },

    async get(slug: string, language: FaqLanguage = "id"): Promise<FaqDocument | undefined> {
      const row = await findFaqRow(db, slug.trim().toLowerCase(), parse(Language, language));
      return row ? toFaqDocument(row) : undefined;
    },

    /** Creates or replaces the document for (slug, language). */
    async upsert(input: FaqInput): Promise<FaqDocument> {
      const v = parse(FaqInputSchema, input);
      const now = clock.now();
      const active = v.active === undefined ? undefined : v.active ? 1 : 0;
      const row = await upsertFaqRow(
        db,
        {
          slug: v.slug,
          language: v.language,
          title: v.title,
          body: v.body,
          active: active ?? 1,
          created_at: now,
          updated_at: now,
        },
        active !== undefined,
      );
      return toFaqDocument(row);
    },

    /** Removes one language, or every language of the slug; fails when there was nothing to remove. */
    async remove(slug: string, language?: FaqLanguage): Promise<number> {
      const removed = await deleteFaqRows(
        db,
        slug.trim().toLowerCase(),
        language ? parse(Language, language) : undefined,
      );
      if (removed === 0)
        throw new AppError("knowledge.not_found", `no FAQ "${slug}"${language ? ` in language ${language}` : ""}`);
      return removed;
    },
  };
}

export type FaqStore = ReturnType<typeof createFaqStore>;

/** A vector-only match must be at least this similar (cosine) to count: keeps unrelated questions out. */
const MIN_SIMILARITY = 0.3;

/**
 * FAQ search: BM25 and vectors fused by reciprocal rank, kept only where the document covers the
 * question (knowledge.faq-relevance.ts), one hit per slug, each shown in the customer's language
 * when that version exists (else the language of the best match).
 */
export async function searchFaq(
  deps: { db: Db; index: KnowledgeIndex },
  question: string | Reading,
  options: { language?: FaqLanguage | undefined; limit?: number | undefined },
): Promise<FaqHit[]> {
  const { db, index } = deps;
  const limit = Math.min(Math.max(options.limit ?? 3, 1), 20);
  const { text, question: reading } = questionReadingOf(question);
  const spelling = await index.spelling();
  const words = [...new Set(reading.words.map((w) => spelling.correct(w)))];
  if (reading.descriptors.length === 0 && words.length === 0) return [];
  const textIds = await index.backend.searchText(db, { facets: [["sfaq"]], terms: reading.descriptors, words }, 20);
  const vector = await index.embedQuery(reading.embedText || text);
  const vectorIds = (await index.store().search(vector, 20, { shelf: "faq" }))
    .filter((h) => 1 - h.distance >= MIN_SIMILARITY)
    .map((h) => h.id);
  const scores = reciprocalRankFusion([textIds, vectorIds]);
  const rows = (await documentsByIds(db, [...scores.keys()])).filter((r) => r.source === "faq");
  if (rows.length === 0) return [];
  const faqRows = await activeFaqRowsByIds(
    db,
    rows.map((r) => r.source_id),
  );
  const byId = new Map(faqRows.map((r) => [r.id, toFaqDocument(r)]));
  const matched = rows
    .flatMap((r) => {
      const document = byId.get(r.source_id);
      return document && coversQuestion(reading.units, { title: document.title, body: document.body, terms: r.terms })
        ? [{ document, score: scores.get(r.id)! }]
        : [];
    })
    .sort((a, b) => b.score - a.score || a.document.id - b.document.id);
  const language = options.language ?? reading.language ?? matched[0]?.document.language;

  const bestBySlug = new Map<string, FaqHit>();
  for (const hit of matched) if (!bestBySlug.has(hit.document.slug)) bestBySlug.set(hit.document.slug, hit);
  const slugs = [...bestBySlug.keys()].slice(0, limit);
  const translations = language ? await activeFaqRowsBySlugs(db, slugs.length > 0 ? slugs : [""], language) : [];
  const inLanguage = new Map(translations.map((r) => [r.slug, toFaqDocument(r)]));
  return slugs.map((slug) => {
    const hit = bestBySlug.get(slug)!;
    return { document: inLanguage.get(slug) ?? hit.document, score: hit.score };
  });
}
