import { asReading, readText, type Reading } from "../language/language.reading.js";
import type { ProductReading } from "../language/language.retrieval.js";
import type { ProductQuery } from "./knowledge.types.js";

export type { ProductReading, QuestionReading, QuestionUnit } from "../language/language.retrieval.js";

/**
 * What retrieval searches for. The language module reads customer text (`readText`); the chat
 * hands its reading of the turn in (`ProductQuery.reading`, a `Reading` for the FAQ), and text typed
 * elsewhere (the CLI, tests) is read by the same module here. Retrieval never tokenises itself.
 */
export function productReadingOf(query: ProductQuery): ProductReading {
  return query.reading ?? readText(query.text).product;
}

/** A question to the FAQ, read once: the turn's reading, or the text read now. */
export function questionReadingOf(question: string | Reading): Reading {
  return asReading(question);
}
