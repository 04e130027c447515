import { z } from "zod";
import { KINDS, PLATFORMS } from "../catalog/catalog.vocabulary.js";
import { INTENTS } from "../language/language.understanding.js";

/**
 * What the LLM may return: one stable schema (a new schema costs the first request extra latency
 * with structured outputs), every field required and nullable as strict mode wants. There is no
 * price, total, discount or status field: the model cannot say anything about money.
 */
export const LlmReading = z.object({
  intent: z.enum(INTENTS),
  platform: z.enum(PLATFORMS).nullable(),
  kind: z.enum(KINDS).nullable(),
  /** The customer's descriptive words for the product, copied from the message. */
  query: z.string().nullable(),
  mid: z.number().int().nullable(),
  target: z.string().nullable(),
  zone: z.string().nullable(),
  quantity: z.number().int().nullable(),
  order_id: z.number().int().nullable(),
  amount: z.number().int().nullable(),
  language: z.enum(["id", "en"]).nullable(),
});
export type LlmReading = z.infer<typeof LlmReading>;

export const LLM_READING_NAME = "customer_intent";

/** A full reading from a partial one, for the prompt's examples and for tests. */
export function reading(partial: Partial<LlmReading> & Pick<LlmReading, "intent">): LlmReading {
  return {
    platform: null,
    kind: null,
    query: null,
    mid: null,
    target: null,
    zone: null,
    quantity: null,
    order_id: null,
    amount: null,
    language: null,
    ...partial,
  };
}
