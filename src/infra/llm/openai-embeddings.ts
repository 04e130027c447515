import { OpenAIEmbeddings } from "@langchain/openai";

export interface OpenAIEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible server (Ollama, a proxy); unset means api.openai.com. */
  baseUrl?: string | undefined;
  model: string;
  /** Only text-embedding-3 models can shorten their vectors; others ignore or reject it. */
  dimensions?: number | undefined;
  timeoutMs?: number | undefined;
}

/** text-embedding-3 vectors cut to 512: a fraction of the scan cost of 1536, little recall lost. */
export const DEFAULT_OPENAI_DIMENSIONS = 512;

export function createOpenAIEmbeddings(options: OpenAIEmbedderOptions): {
  embeddings: OpenAIEmbeddings;
  dimensions: number | undefined;
} {
  const shortenable = options.model.startsWith("text-embedding-3");
  const dimensions = options.dimensions ?? (shortenable ? DEFAULT_OPENAI_DIMENSIONS : undefined);
  const embeddings = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey,
    ...(dimensions !== undefined ? { dimensions } : {}),
    // The SDK asks for base64 and decodes it; servers that ignore that and send floats (Ollama and
    // others) would come back as vectors a quarter of their length.
    ...(options.baseUrl ? { encodingFormat: "float" as const, configuration: { baseURL: options.baseUrl } } : {}),
    timeout: options.timeoutMs ?? 20_000,
    maxRetries: 2,
    batchSize: 256,
  });
  return { embeddings, dimensions };
}
