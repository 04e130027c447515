import type { Embeddings } from "@langchain/core/embeddings";
import { HashingEmbeddings, type Featurizer } from "./hashing-embeddings.js";
import { createOpenAIEmbeddings, type OpenAIEmbedderOptions } from "./openai-embeddings.js";

/**
 * An embedding model as the knowledge base sees it: the LangChain `Embeddings`, plus the name of
 * its vector space. Vectors of different models never mix: the name keys the embedding cache, and
 * a change of name or dimension rebuilds the vector table.
 */
export interface Embedder {
  /** e.g. "local-lexicon-v1:256" or "openai:text-embedding-3-small:512". */
  readonly model: string;
  readonly embeddings: Embeddings;
  /** Vector length; asked of the model once when its configuration does not say. */
  dimensions(): Promise<number>;
}

/** Bump when the local features change: cached local vectors are then recomputed, not reused. */
export const LOCAL_EMBEDDER_VERSION = "local-lexicon-v1";

export function createLocalEmbedder(options: { dimensions: number; featurize: Featurizer }): Embedder {
  const embeddings = new HashingEmbeddings(options);
  return {
    model: `${LOCAL_EMBEDDER_VERSION}:${options.dimensions}`,
    embeddings,
    dimensions: async () => options.dimensions,
  };
}

/**
 * OpenAI (or any server speaking POST /v1/embeddings) when a key is configured. Models that take
 * no `dimensions` parameter report their length with the first vector.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const { embeddings, dimensions } = createOpenAIEmbeddings(options);
  let known = dimensions;
  return {
    model: `openai:${options.model}${dimensions ? `:${dimensions}` : ""}`,
    embeddings,
    async dimensions() {
      known ??= (await embeddings.embedQuery("dimension probe")).length;
      return known;
    },
  };
}
