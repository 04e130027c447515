import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAiSimulator, type OpenAiSimulator } from "../../sandbox/openai/openai-simulator.js";
import { listen, type RunningServer } from "../../server/listen.js";
import { createOpenAIEmbedder } from "./embedder.js";

/** OpenAIEmbeddings (@langchain/openai) against the OpenAI-compatible simulator on loopback. */
describe("OpenAI embeddings through a custom base URL", () => {
  let simulator: OpenAiSimulator;
  let server: RunningServer;
  let baseUrl: string;

  beforeAll(async () => {
    simulator = createOpenAiSimulator({ apiKey: "sk-test-embeddings", embeddingDimensions: 768 });
    server = await listen(new Hono().route("/", simulator.routes), "127.0.0.1", 0);
    baseUrl = `http://127.0.0.1:${server.port}/v1`;
  });
  afterAll(async () => {
    simulator.close();
    await server.close();
  });
  beforeEach(() => simulator.reset());

  const embeddingRequests = () => simulator.requests.filter((r) => r.path === "/v1/embeddings");

  it("asks text-embedding-3-small for 512 float dimensions and gets vectors of that length", async () => {
    const embedder = createOpenAIEmbedder({ apiKey: "sk-test-embeddings", baseUrl, model: "text-embedding-3-small" });
    expect(embedder.model).toBe("openai:text-embedding-3-small:512");
    expect(await embedder.dimensions()).toBe(512);
    const vectors = await embedder.embeddings.embedDocuments(["followers instagram", "diamond mobile legends"]);
    expect(vectors.map((v) => v.length)).toEqual([512, 512]);
    const [request] = embeddingRequests();
    expect(request!.authorized).toBe(true);
    // Servers other than OpenAI may ignore base64 and send floats, which the SDK would misread.
    expect(request!.body).toMatchObject({
      model: "text-embedding-3-small",
      dimensions: 512,
      encoding_format: "float",
      input: ["followers instagram", "diamond mobile legends"],
    });
  });

  it("learns the length of a model that takes no dimensions from its first vector", async () => {
    const embedder = createOpenAIEmbedder({ apiKey: "sk-test-embeddings", baseUrl, model: "nomic-embed-text" });
    expect(embedder.model).toBe("openai:nomic-embed-text");
    expect(await embedder.dimensions()).toBe(768);
    expect(await embedder.dimensions()).toBe(768);
    expect(embeddingRequests()).toHaveLength(1);
    expect(embeddingRequests()[0]!.body).not.toHaveProperty("dimensions");
  });

  it("honours a configured dimension and names the vector space after it", async () => {
    const embedder = createOpenAIEmbedder({
      apiKey: "sk-test-embeddings",
      baseUrl,
      model: "text-embedding-3-large",
      dimensions: 256,
    });
    expect(embedder.model).toBe("openai:text-embedding-3-large:256");
    expect((await embedder.embeddings.embedQuery("views tiktok")).length).toBe(256);
  });

  it("fails with the server's error when the key is wrong", async () => {
    const embedder = createOpenAIEmbedder({ apiKey: "sk-wrong", baseUrl, model: "text-embedding-3-small" });
    await expect(embedder.embeddings.embedQuery("likes")).rejects.toThrow(/API key/i);
  });
});
