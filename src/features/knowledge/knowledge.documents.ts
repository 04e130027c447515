import { createHash } from "node:crypto";
import type { Service } from "../catalog/catalog.service.js";
import { KINDS, PLATFORM_LABELS, type Platform } from "../catalog/catalog.vocabulary.js";
import { readItems } from "../language/language.concepts.js";
import type { FaqDocument } from "./knowledge.types.js";
import { tokenize } from "../language/language.tokens.js";
import { facetToken } from "./knowledge.text.js";

/** What the index holds for one service or FAQ document (a `knowledge_documents` row to be). */
export interface IndexDocument {
  source: "service" | "faq";
  sourceId: number;
  title: string;
  body: string;
  terms: string;
  facets: string;
  platform: string;
  kind: string;
  language: string | null;
  price: number | null;
  embedText: string;
  textHash: string;
}

/** Suppliers write long marketing texts; the first sentences say what the product is. */
const DESCRIPTION_CHARS = 240;

export function serviceDocument(service: Service): IndexDocument {
  const description = service.description.trim().replace(/\s+/g, " ").slice(0, DESCRIPTION_CHARS);
  const kindLabel = (KINDS as readonly string[]).includes(service.kind) ? service.kind.replace(/_/g, " ") : "";
  const platformLabel = PLATFORM_LABELS[service.platform as Platform] ?? service.platform;
  const embedText = [service.name, service.category, `${platformLabel} ${kindLabel}`.trim(), description]
    .filter(Boolean)
    .join("\n");
  const extras = [service.brand, service.refill ? (service.refillDays === 0 ? "lifetime refill" : "refill") : ""]
    .filter(Boolean)
    .join(" ");
  return {
    source: "service",
    sourceId: service.id,
    title: service.name,
    body: [service.category, description].filter(Boolean).join("\n"),
    terms: termsOf(`${service.name}\n${service.category}\n${extras}`, [
      facetToken("p", service.platform),
      facetToken("k", service.kind),
    ]),
    facets: ["sservice", facetToken("p", service.platform), facetToken("k", service.kind)].join(" "),
    platform: service.platform,
    kind: service.kind,
    language: null,
    price: service.unitPrice,
    embedText,
    textHash: hashText(embedText),
  };
}

/**
 * `serviceDocument` remembering its last answer per service: a re-sync of a big catalog where
 * little changed then reads each service's lexicon once, not on every pass.
 */
export function memoizedServiceDocuments(): (service: Service) => IndexDocument {
  const memo = new Map<number, { key: string; document: IndexDocument }>();
  return (service) => {
    const key = [
      service.name,
      service.category,
      service.description,
      service.platform,
      service.kind,
      service.brand,
      service.refill,
      service.refillDays,
      service.unitPrice,
    ].join("\u0001");
    const known = memo.get(service.id);
    if (known?.key === key) return known.document;
    const document = serviceDocument(service);
    memo.set(service.id, { key, document });
    return document;
  };
}

export function faqDocument(faq: FaqDocument): IndexDocument {
  const embedText = `${faq.title}\n${faq.body}`;
  return {
    source: "faq",
    sourceId: faq.id,
    title: faq.title,
    body: faq.body,
    terms: termsOf(embedText, []),
    facets: ["sfaq", facetToken("l", faq.language), facetToken("f", faq.slug)].join(" "),
    platform: "",
    kind: "",
    language: faq.language,
    price: null,
    embedText,
    textHash: hashText(embedText),
  };
}

/** Meanings and numbers of a text as FTS tokens ("Refill 30 Hari" → "crefill n30"). */
function termsOf(text: string, fixed: readonly string[]): string {
  const terms = new Set(fixed);
  for (const item of readItems(tokenize(text), { fuzzy: false })) {
    if (item.kind === "number") terms.add(`n${item.value}`);
    else if (item.kind === "concept" && item.concept.role !== "cheap") terms.add(item.concept.token);
  }
  return [...terms].join(" ");
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The vector store's view of a document: the shelf is the platform (FAQ documents have their own). */
export function shelfOf(document: Pick<IndexDocument, "source" | "platform">): string {
  return document.source === "faq" ? "faq" : document.platform || "other";
}
