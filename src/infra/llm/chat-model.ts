import OpenAI from "openai";
import { ContentFilterFinishReasonError } from "openai/error";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletion } from "openai/resources/chat/completions";
import type { z } from "zod";
import { err, ok, type Result } from "../../shared/result.js";

/**
 * A chat model as features see it: structured output validated by a zod schema, or plain text,
 * with the token usage of every call and failures sorted into the few kinds a caller acts on.
 * Features never import the SDK; they pass a zod schema and get a parsed value or a failure.
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the provider's prompt cache (a prefix seen recently). */
  cachedTokens: number;
  /** The server reported no usage (or the call failed): counted from characters instead. */
  estimated: boolean;
}

export type LlmFailure =
  "timeout" | "rate_limited" | "server_error" | "network" | "auth" | "bad_request" | "invalid_output" | "refused";

export interface LlmCall<T> {
  value: T;
  usage: LlmUsage;
  latencyMs: number;
}

export interface LlmProblem {
  failure: LlmFailure;
  message: string;
  /** What the failed call may have cost: estimated, because a failed call reports nothing. */
  usage: LlmUsage;
  latencyMs: number;
}

export interface ChatModel {
  readonly model: string;
  structured<T>(input: {
    messages: ChatMessage[];
    schema: z.ZodType<T>;
    schemaName: string;
    maxTokens: number;
  }): Promise<Result<LlmCall<T>, LlmProblem>>;
  text(input: { messages: ChatMessage[]; maxTokens: number }): Promise<Result<LlmCall<string>, LlmProblem>>;
}

export interface ChatModelOptions {
  /**
   * How the answer length is capped. OpenAI deprecated `max_tokens` (its reasoning models reject
   * it) while Ollama, llama.cpp and other compatible servers read only `max_tokens`.
   */
  limitField?: "max_completion_tokens" | "max_tokens";
}

export function createChatModel(client: OpenAI, model: string, options: ChatModelOptions = {}): ChatModel {
  const limit = (maxTokens: number) => ({ [options.limitField ?? "max_completion_tokens"]: maxTokens });
  // One response format per schema: building it converts the schema to JSON Schema every time.
  const formats = new WeakMap<z.ZodType, ReturnType<typeof zodResponseFormat>>();
  const formatFor = (schema: z.ZodType, name: string) => {
    let format = formats.get(schema);
    if (!format) formats.set(schema, (format = zodResponseFormat(schema, name)));
    return format;
  };

  return {
    model,
    async structured<T>({
      messages,
      schema,
      schemaName,
      maxTokens,
    }: {
      messages: ChatMessage[];
      schema: z.ZodType<T>;
      schemaName: string;
      maxTokens: number;
    }): Promise<Result<LlmCall<T>, LlmProblem>> {
      const started = performance.now();
      try {
        const completion = await client.chat.completions.parse({
          model,
          messages,
          response_format: formatFor(schema, schemaName),
          ...limit(maxTokens),
          temperature: 0,
        });
        const message = completion.choices[0]?.message;
        const latencyMs = elapsed(started);
        if (!message || message.refusal)
          return err({
            failure: "refused",
            message: "the model refused",
            usage: usageOf(completion, messages, maxTokens),
            latencyMs,
          });
        if (message.parsed === null || message.parsed === undefined)
          return err({
            failure: "invalid_output",
            message: "no structured content",
            usage: usageOf(completion, messages, maxTokens),
            latencyMs,
          });
        return ok({ value: message.parsed as T, usage: usageOf(completion, messages, maxTokens), latencyMs });
      } catch (error) {
        return err(problemOf(error, messages, maxTokens, started));
      }
    },

    async text({ messages, maxTokens }) {
      const started = performance.now();
      try {
        const completion = await client.chat.completions.create({
          model,
          messages,
          ...limit(maxTokens),
          temperature: 0,
        });
        const choice = completion.choices[0];
        const latencyMs = elapsed(started);
        const content = choice?.message.content;
        if (choice?.finish_reason === "length")
          return err({
            failure: "invalid_output",
            message: "answer cut at the token limit",
            usage: usageOf(completion, messages, maxTokens),
            latencyMs,
          });
        if (!content || choice.message.refusal)
          return err({
            failure: "refused",
            message: "no answer",
            usage: usageOf(completion, messages, maxTokens),
            latencyMs,
          });
        return ok({ value: content, usage: usageOf(completion, messages, maxTokens), latencyMs });
      } catch (error) {
        return err(problemOf(error, messages, maxTokens, started));
      }
    },
  };
}

const elapsed = (started: number) => Math.round(performance.now() - started);

/** About four characters a token for English and Indonesian; used only when the server says nothing. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptEstimate(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
}

function usageOf(completion: ChatCompletion, messages: readonly ChatMessage[], maxTokens: number): LlmUsage {
  const u = completion.usage;
  if (!u)
    return { promptTokens: promptEstimate(messages), completionTokens: maxTokens, cachedTokens: 0, estimated: true };
  return {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    cachedTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
    estimated: false,
  };
}

/**
 * Sorts an SDK error. Output that does not fit the schema (`SyntaxError` from JSON.parse, a zod
 * error from the SDK's parser, a truncated answer) is `invalid_output`; so is a body that is not
 * a chat completion at all.
 */
function problemOf(error: unknown, messages: readonly ChatMessage[], maxTokens: number, started: number): LlmProblem {
  const latencyMs = elapsed(started);
  // The server may have done the work; charge the prompt and the longest answer it could have given.
  const usage: LlmUsage = {
    promptTokens: promptEstimate(messages),
    completionTokens: maxTokens,
    cachedTokens: 0,
    estimated: true,
  };
  const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
  return { failure: failureOf(error), message, usage, latencyMs };
}

function failureOf(error: unknown): LlmFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) return "timeout";
  if (error instanceof OpenAI.APIConnectionError) return "network";
  if (error instanceof OpenAI.RateLimitError) return "rate_limited";
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) return "auth";
  if (error instanceof ContentFilterFinishReasonError) return "refused";
  if (error instanceof OpenAI.APIError)
    return error.status !== undefined && error.status >= 500 ? "server_error" : "bad_request";
  return "invalid_output";
}
