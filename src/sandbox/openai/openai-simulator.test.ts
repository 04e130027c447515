import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startOpenAiStandIn } from "../../../test/kit/openai-stand-in.js";

const Intent = z.object({
  intent: z.enum(["browse", "unknown"]),
  quantity: z.number().int().nullable(),
  query: z.string().nullable(),
});

describe("OpenAI simulator over loopback, through the official SDK", () => {
  let standIn: Awaited<ReturnType<typeof startOpenAiStandIn>>;
  let client: OpenAI;

  beforeAll(async () => {
    standIn = await startOpenAiStandIn();
    client = new OpenAI({ apiKey: standIn.sim.apiKey, baseURL: standIn.baseUrl, maxRetries: 0, timeout: 500 });
  });
  afterAll(() => standIn.close());
  beforeEach(() => standIn.sim.reset());

  it("answers a json_schema request with a parsed object in the real wire format", async () => {
    standIn.sim.enqueue({ content: { intent: "browse", quantity: 1000, query: "indonesia aktif" } });
    const completion = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "followers 1000" }],
      response_format: zodResponseFormat(Intent, "intent"),
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]!.message.parsed).toEqual({
      intent: "browse",
      quantity: 1000,
      query: "indonesia aktif",
    });
    expect(completion.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      prompt_tokens_details: { cached_tokens: 0 },
    });
    const sent = standIn.sim.chatRequests()[0]!;
    expect(sent.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "intent", strict: true } });
  });

  it("fills the schema with its neutral brain when nothing is scripted", async () => {
    const completion = await client.chat.completions.parse({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "halo" }],
      response_format: zodResponseFormat(Intent, "intent"),
    });
    expect(completion.choices[0]!.message.parsed).toEqual({ intent: "unknown", quantity: null, query: null });
  });

  it("reports cached prompt tokens when a long prompt repeats its prefix", async () => {
    const prefix = "Static instructions. ".repeat(400);
    const ask = (text: string) =>
      client.chat.completions.create({
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: prefix },
          { role: "user", content: text },
        ],
      });
    const first = await ask("first question");
    const second = await ask("second question");
    const cached = second.usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(first.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(cached).toBeGreaterThanOrEqual(1_024);
    expect(cached % 128).toBe(0);
  });

  it("refuses a wrong key with OpenAI's 401 error", async () => {
    const stranger = new OpenAI({ apiKey: "sk-wrong", baseURL: standIn.baseUrl, maxRetries: 0 });
    await expect(stranger.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect(standIn.sim.requests[0]!.authorized).toBe(false);
  });

  it("lists its models", async () => {
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toContain("gpt-4o-mini");
  });

  it("returns the same deterministic vectors as floats and as base64", async () => {
    const asFloat = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["followers instagram", "likes tiktok"],
      dimensions: 64,
      encoding_format: "float",
    });
    // The SDK asks for base64 by default and decodes it.
    const asBase64 = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["followers instagram", "likes tiktok"],
      dimensions: 64,
    });
    expect(asFloat.data).toHaveLength(2);
    expect(asFloat.data[0]!.embedding).toHaveLength(64);
    expect(asBase64.data[0]!.embedding.map((v) => v.toFixed(6))).toEqual(
      asFloat.data[0]!.embedding.map((v) => v.toFixed(6)),
    );
    expect(standIn.sim.requests.at(-1)!.body).toMatchObject({ encoding_format: "base64" });
    const norm = Math.hypot(...asFloat.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 5);
  });

  it.each([
    ["http500", OpenAI.InternalServerError],
    ["http429", OpenAI.RateLimitError],
  ] as const)("fails with %s when told to", async (fault, errorClass) => {
    standIn.sim.enqueue({ fault });
    await expect(
      client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toBeInstanceOf(errorClass);
  });

  it("hangs until the client gives up", async () => {
    standIn.sim.enqueue({ fault: "hang" });
    await expect(
      client.chat.completions.create(
        { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] },
        { timeout: 150 },
      ),
    ).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it("sends garbage and schema-invalid JSON that the SDK's parser rejects", async () => {
    standIn.sim.enqueue({ fault: "garbage" }, { fault: "schema_invalid" });
    const parse = () =>
      client.chat.completions.parse({
        model: "gpt-4o-mini",
        messages: [{ role: "user", content: "x" }],
        response_format: zodResponseFormat(Intent, "intent"),
      });
    await expect(parse()).rejects.toBeInstanceOf(SyntaxError);
    await expect(parse()).rejects.toThrow(/invalid|expected/i);
  });

  it("keeps failing while a standing fault is on, and stops when it is cleared", async () => {
    standIn.sim.setFault("http500");
    await expect(client.models.list()).resolves.toBeDefined();
    await expect(
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    standIn.sim.setFault(undefined);
    await expect(
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }] }),
    ).resolves.toMatchObject({ object: "chat.completion" });
  });

  it("rejects a malformed request as the API does", async () => {
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [] })).rejects.toBeInstanceOf(
      OpenAI.BadRequestError,
    );
  });

  it("answers 404 on routes it does not serve and records them", async () => {
    await expect(client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "x" })).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
    expect(standIn.sim.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/completions"]);
  });
});
