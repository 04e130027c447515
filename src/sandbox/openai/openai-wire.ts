import { createHash, randomBytes } from "node:crypto";

/**
 * The bodies an OpenAI-compatible server sends back, in the real wire format (Chat Completions and
 * Embeddings), and the token figures it reports: prompt tokens counted from characters, and the
 * prompt cache modelled like OpenAI's (prompts of 1,024 tokens or more, the longest prefix seen
 * before, in steps of 128 tokens).
 */
export interface WireMessage {
  role: string;
  content: unknown;
}

export function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The text a prompt is made of, in order: what a prefix cache would compare. */
export function promptText(messages: readonly WireMessage[], responseFormat: unknown): string {
  const schema = responseFormat ? JSON.stringify(responseFormat) : "";
  return (
    schema +
    messages
      .map((m) => `<|${m.role}|>${typeof m.content === "string" ? m.content : JSON.stringify(m.content)}`)
      .join("")
  );
}

const CACHE_MIN_TOKENS = 1_024;
const CACHE_STEP = 128;
const CACHE_ENTRIES = 64;

export function createPromptCache() {
  const seen: string[] = [];
  return {
    /** Cached tokens for this prompt, then remembers it. */
    lookup(prompt: string): number {
      const total = tokensOf(prompt);
      let longest = 0;
      for (const earlier of seen) longest = Math.max(longest, commonPrefix(earlier, prompt));
      seen.push(prompt);
      if (seen.length > CACHE_ENTRIES) seen.shift();
      if (total < CACHE_MIN_TOKENS) return 0;
      return Math.min(total, Math.floor(Math.floor(longest / 4) / CACHE_STEP) * CACHE_STEP);
    },
    clear(): void {
      seen.length = 0;
    },
  };
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export function chatCompletion(input: {
  model: string;
  content: string;
  promptTokens: number;
  cachedTokens: number;
  created: number;
  finishReason?: "stop" | "length";
}) {
  const completionTokens = tokensOf(input.content);
  return {
    id: `chatcmpl-${randomBytes(12).toString("base64url")}`,
    object: "chat.completion",
    created: Math.floor(input.created / 1000),
    model: input.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: input.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: input.finishReason ?? "stop",
      },
    ],
    usage: {
      prompt_tokens: input.promptTokens,
      completion_tokens: completionTokens,
      total_tokens: input.promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: input.cachedTokens, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: "default",
    system_fingerprint: "fp_sandbox",
  };
}

/**
 * A deterministic unit vector for a text: words and character trigrams hashed into the
 * dimensions, so texts that share words point the same way (enough for retrieval tests).
 */
export function embeddingOf(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  const lower = text.toLowerCase();
  const features = [
    ...lower.split(/[^a-z0-9]+/).filter(Boolean),
    ...Array.from({ length: Math.max(0, lower.length - 2) }, (_, i) => `#${lower.slice(i, i + 3)}`),
  ];
  for (const feature of features) {
    const hash = createHash("sha1").update(feature).digest();
    const index = hash.readUInt32LE(0) % dimensions;
    vector[index]! += hash[4]! & 1 ? 1 : -1;
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (norm === 0) vector[0] = 1;
  else for (let i = 0; i < dimensions; i++) vector[i]! /= Math.sqrt(norm);
  return vector;
}

export function encodeEmbedding(vector: Float32Array, format: "float" | "base64"): number[] | string {
  return format === "base64"
    ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64")
    : Array.from(vector);
}

export function apiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}
