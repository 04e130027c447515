import { Hono, type Context } from "hono";
import { neutralBrain, type Brain, type ChatRequest, type JsonSchema } from "./openai-schema-brain.js";
import {
  apiError,
  chatCompletion,
  createPromptCache,
  embeddingOf,
  encodeEmbedding,
  promptText,
  tokensOf,
} from "./openai-wire.js";

/**
 * An OpenAI-compatible server for tests, the sandbox and benchmarks, on the real wire format:
 * POST /v1/chat/completions (honouring `response_format: json_schema`), POST /v1/embeddings
 * (float or base64), GET /v1/models, with Bearer auth. Replies come from a queue of scripted ones,
 * else from a brain (injected; by default a neutral schema filler). Faults are switched on per
 * test: 500, 429, a hang, garbage, schema-invalid JSON, a truncated answer. Every request is
 * logged, and a route it does not serve answers 404 and is recorded in `unexpected`.
 */
export type SimFault = "http500" | "http429" | "hang" | "garbage" | "garbage_body" | "schema_invalid" | "truncated";
export type ScriptedReply = { content: unknown; delayMs?: number } | { fault: SimFault; delayMs?: number };

export interface OpenAiSimulatorOptions {
  apiKey: string;
  models?: string[];
  brain?: Brain;
  now?: () => number;
  /** Vector length when a request names no `dimensions`. */
  embeddingDimensions?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  authorized: boolean;
  body: unknown;
  at: number;
}

export function createOpenAiSimulator(options: OpenAiSimulatorOptions) {
  const now = options.now ?? (() => Date.now());
  const models = options.models ?? ["gpt-4o-mini", "text-embedding-3-small"];
  const requests: LoggedRequest[] = [];
  const unexpected: LoggedRequest[] = [];
  const queue: ScriptedReply[] = [];
  const hanging = new Set<() => void>();
  const cache = createPromptCache();
  let brain = options.brain ?? neutralBrain;
  let standingFault: SimFault | undefined;

  const routes = new Hono();
  const log = async (c: Context): Promise<LoggedRequest> => {
    const text = c.req.method === "GET" ? "" : await c.req.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // kept as text: the log shows what was sent
    }
    const entry = {
      method: c.req.method,
      path: c.req.path,
      authorized: c.req.header("authorization") === `Bearer ${options.apiKey}`,
      body,
      at: now(),
    };
    requests.push(entry);
    return entry;
  };
  const denied = (c: Context) =>
    c.json(
      apiError(
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key",
      ),
      401,
    );
  const hang = () => new Promise<Response>((resolve) => hanging.add(() => resolve(new Response("", { status: 504 }))));
  const wait = (ms: number | undefined) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  routes.post("/v1/chat/completions", async (c) => {
    const entry = await log(c);
    if (!entry.authorized) return denied(c);
    const body = entry.body as Record<string, any> | undefined;
    const request = chatRequestOf(body);
    if (typeof request === "string") return c.json(apiError(request, "invalid_request_error", null), 400);
    const scripted = queue.shift();
    await wait(scripted?.delayMs);
    const fault = scripted && "fault" in scripted ? scripted.fault : standingFault;
    if (fault === "http500")
      return c.json(
        apiError("The server had an error while processing your request. Sorry about that!", "server_error", null),
        500,
      );
    if (fault === "http429")
      return c.json(apiError("Rate limit reached for requests", "requests", "rate_limit_exceeded"), 429, {
        "retry-after": "1",
      });
    if (fault === "hang") return hang();
    if (fault === "garbage_body")
      return c.body("<html><body>502 Bad Gateway</body></html>", 200, { "content-type": "application/json" });
    const content =
      fault === "garbage"
        ? "Sure! Here is what the customer wants: followers"
        : fault === "schema_invalid"
          ? JSON.stringify({ intent: 42, surprise: true })
          : scripted && "content" in scripted
            ? asContent(scripted.content)
            : asContent(brain(request));
    const prompt = promptText(request.messages, body!.response_format);
    const promptTokens = tokensOf(prompt) + 3 * request.messages.length;
    const finishReason = fault === "truncated" ? "length" : "stop";
    return c.json(
      chatCompletion({
        model: request.model,
        content: fault === "truncated" ? content.slice(0, 10) : content,
        promptTokens,
        cachedTokens: cache.lookup(prompt),
        created: now(),
        finishReason,
      }),
    );
  });

  routes.post("/v1/embeddings", async (c) => {
    const entry = await log(c);
    if (!entry.authorized) return denied(c);
    const body = entry.body as Record<string, any> | undefined;
    const inputs =
      typeof body?.input === "string"
        ? [body.input]
        : Array.isArray(body?.input)
          ? (body.input as unknown[])
          : undefined;
    if (!inputs || inputs.length === 0 || typeof body?.model !== "string")
      return c.json(apiError("'input' and 'model' are required", "invalid_request_error", null, "input"), 400);
    const format = body.encoding_format === "base64" ? "base64" : "float";
    const dimensions =
      Number.isInteger(body.dimensions) && body.dimensions > 0
        ? (body.dimensions as number)
        : (options.embeddingDimensions ?? 256);
    const texts = inputs.map((i) => (typeof i === "string" ? i : JSON.stringify(i)));
    const tokens = texts.reduce((sum, t) => sum + tokensOf(t), 0);
    return c.json({
      object: "list",
      data: texts.map((text, index) => ({
        object: "embedding",
        index,
        embedding: encodeEmbedding(embeddingOf(text, dimensions), format),
      })),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  });

  routes.get("/v1/models", async (c) => {
    const entry = await log(c);
    if (!entry.authorized) return denied(c);
    return c.json({
      object: "list",
      data: models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "sandbox" })),
    });
  });

  routes.all("*", async (c) => {
    unexpected.push(await log(c));
    return c.json(apiError(`Invalid URL (${c.req.method} ${c.req.path})`, "invalid_request_error", "unknown_url"), 404);
  });

  return {
    routes,
    apiKey: options.apiKey,
    requests,
    unexpected,
    /** The chat requests received, parsed: what the product asked the model. */
    chatRequests: () =>
      requests.filter((r) => r.path.endsWith("/v1/chat/completions")).map((r) => r.body as Record<string, any>),
    /** The next chat completions answer these, in order, before the brain is asked again. */
    enqueue(...replies: ScriptedReply[]): void {
      queue.push(...replies);
    },
    /** Every chat completion fails this way until cleared (scripted replies still go first). */
    setFault(fault: SimFault | undefined): void {
      standingFault = fault;
    },
    setBrain(next: Brain): void {
      brain = next;
    },
    reset(): void {
      requests.length = 0;
      unexpected.length = 0;
      queue.length = 0;
      standingFault = undefined;
      cache.clear();
    },
    close(): void {
      hanging.forEach((release) => release());
      hanging.clear();
    },
  };
}

export type OpenAiSimulator = ReturnType<typeof createOpenAiSimulator>;

function chatRequestOf(body: Record<string, any> | undefined): ChatRequest | string {
  if (!body || typeof body.model !== "string") return "you must provide a model parameter";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "'messages' must be a non-empty array";
  const format = body.response_format as
    { type?: string; json_schema?: { name?: string; schema?: JsonSchema; strict?: boolean } } | undefined;
  if (format?.type === "json_schema" && (!format.json_schema?.name || !format.json_schema.schema))
    return "response_format.json_schema needs a name and a schema";
  const structured = format?.type === "json_schema";
  return {
    model: body.model,
    messages: body.messages,
    schema: structured ? format.json_schema!.schema : undefined,
    schemaName: structured ? format.json_schema!.name : undefined,
  };
}

function asContent(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
