import { Hono } from "hono";
import type { Brain } from "../../src/sandbox/openai/openai-schema-brain.js";
import { createOpenAiSimulator } from "../../src/sandbox/openai/openai-simulator.js";
import { listen } from "../../src/server/listen.js";

/**
 * The OpenAI stand-in on its own loopback port, with the environment that points the product at
 * it. Short timeouts and no retries by default, so fault tests take milliseconds.
 */
export async function startOpenAiStandIn(options: { brain?: Brain; timeoutMs?: number; maxRetries?: number } = {}) {
  const sim = createOpenAiSimulator({ apiKey: "sk-test-standin", ...(options.brain ? { brain: options.brain } : {}) });
  const app = new Hono();
  app.route("/", sim.routes);
  const server = await listen(app, "127.0.0.1", 0);
  const baseUrl = `http://127.0.0.1:${server.port}/v1`;
  return {
    sim,
    baseUrl,
    env: {
      OPENAI_API_KEY: sim.apiKey,
      OPENAI_BASE_URL: baseUrl,
      OPENAI_TIMEOUT_MS: String(options.timeoutMs ?? 400),
      OPENAI_MAX_RETRIES: String(options.maxRetries ?? 0),
    },
    async close() {
      sim.close();
      await server.close();
    },
  };
}
