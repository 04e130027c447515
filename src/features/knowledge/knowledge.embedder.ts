import { createLocalEmbedder, createOpenAIEmbedder, type Embedder } from "../../infra/llm/embedder.js";
import { embeddingFeatures } from "./knowledge.features.js";

/**
 * 256 hashed dimensions: enough room for the lexicon's meanings and the trigrams of a catalog's
 * own words, and a quarter of the vec0 scan cost of 1024.
 */
export const LOCAL_DIMENSIONS = 256;

/** OpenAI embeddings when a key is configured; otherwise the offline embedder over the shop's lexicon. */
export function knowledgeEmbedder(openai: {
  apiKey: string | undefined;
  baseUrl: string | undefined;
  embeddingModel: string;
  embeddingDimensions: number | undefined;
}): Embedder {
  if (openai.apiKey) {
    return createOpenAIEmbedder({
      apiKey: openai.apiKey,
      baseUrl: openai.baseUrl,
      model: openai.embeddingModel,
      dimensions: openai.embeddingDimensions,
    });
  }
  return createLocalEmbedder({ dimensions: LOCAL_DIMENSIONS, featurize: embeddingFeatures });
}
