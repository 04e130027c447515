import OpenAI from "openai";

export interface OpenAiClientOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, a proxy, the sandbox simulator); unset means api.openai.com. */
  baseUrl?: string | undefined;
  /** Per attempt. The SDK retries timeouts too, so the worst case is about (maxRetries + 1) × timeoutMs. */
  timeoutMs: number;
  maxRetries: number;
  /** For tests that need to see or shape the HTTP calls. */
  fetch?: typeof fetch;
}

/**
 * The one place the chat client is built. A timeout and a retry count are always set: the SDK's
 * defaults (10 minutes, 2 retries) would hold a customer's chat far longer than the rules take.
 */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
