import { Hono } from "hono";
import { NLU_CASES } from "../eval/nlu-cases.js";
import { createAssistant } from "../src/features/assistant/assistant.service.js";
import { readMessage } from "../src/features/assistant/rules-extractor.js";
import { createManualClock } from "../src/infra/clock/clock.js";
import { createChatModel } from "../src/infra/llm/chat-model.js";
import { createOpenAiClient } from "../src/infra/llm/openai-client.js";
import { migrateToLatest } from "../src/infra/db/migrations.js";
import { openDatabase } from "../src/infra/db/open-database.js";
import { createSettingsService } from "../src/features/settings/settings.service.js";
import { rulesBrain } from "../src/sandbox-brain.js";
import { createOpenAiSimulator } from "../src/sandbox/openai/openai-simulator.js";
import { listen } from "../src/server/listen.js";
import { captureLogs } from "../test/kit/log-capture.js";
import type { BenchRow } from "./measure.js";

// gpt-4o-mini list prices per token (reliability-matrix 11.5): input, cached input, output.
const PRICE = { input: 0.15e-6, cached: 0.075e-6, output: 0.6e-6 };

/**
 * P11 on the labelled customer messages of `eval/nlu-cases.ts`: how many turns the rules serve
 * without the LLM, how many LLM calls a customer message costs, the cached share of prompt tokens
 * and the cost per message at gpt-4o-mini prices. The model is the OpenAI stand-in on loopback
 * (tokens counted from characters, OpenAI's cache rules), so latency here is plumbing, not a model.
 */
export async function benchAssistant(): Promise<BenchRow[]> {
  const texts = NLU_CASES.map((c) => c.text);

  const ruleTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const text of texts) {
      const started = performance.now();
      readMessage(text);
      ruleTimes.push((performance.now() - started) * 1000);
    }
  }
  ruleTimes.sort((a, b) => a - b);

  const sim = createOpenAiSimulator({ apiKey: "sk-bench", brain: rulesBrain });
  const app = new Hono();
  app.route("/", sim.routes);
  const server = await listen(app, "127.0.0.1", 0);
  const database = openDatabase(":memory:");
  try {
    await migrateToLatest(database);
    const clock = createManualClock();
    const settings = createSettingsService({ db: database.db, clock });
    await settings.set("assistant.llm_customer_daily_calls", 100_000);
    await settings.set("assistant.llm_daily_token_budget", 1_000_000_000);
    const chat = createChatModel(
      createOpenAiClient({
        apiKey: "sk-bench",
        baseUrl: `http://127.0.0.1:${server.port}/v1`,
        timeoutMs: 5_000,
        maxRetries: 0,
      }),
      "gpt-4o-mini",
    );
    const assistant = createAssistant({ db: database.db, clock, logger: captureLogs().logger, settings, chat });
    for (const [i, text] of texts.entries()) await assistant.understand({ customerId: 1 + (i % 50), text });
    const s = assistant.stats();
    const calls = s.llmCalls.understand;
    const deterministic = (s.rulesOnly.command + s.rulesOnly.confident) / s.messages;
    const cachedShare = s.tokens.prompt === 0 ? 0 : s.tokens.cached / s.tokens.prompt;
    const cost =
      ((s.tokens.prompt - s.tokens.cached) * PRICE.input +
        s.tokens.cached * PRICE.cached +
        s.tokens.completion * PRICE.output) /
      s.messages;
    return [
      {
        metric: "rule reader, µs per message p50 / p95",
        value: `${ruleTimes[Math.floor(ruleTimes.length / 2)]!.toFixed(0)} / ${ruleTimes[Math.floor(ruleTimes.length * 0.95)]!.toFixed(0)}`,
        goal: "informational",
        ok: undefined,
      },
      {
        metric: `messages served by the rules alone (${s.messages} labelled messages)`,
        value: `${(deterministic * 100).toFixed(1)} %`,
        goal: "≥ 30 %",
        ok: deterministic >= 0.3,
      },
      {
        metric: "LLM calls per customer message",
        value: (calls / s.messages).toFixed(3),
        goal: "≤ 0.70",
        ok: calls / s.messages <= 0.7,
      },
      {
        metric: "prompt tokens per LLM call (stand-in count)",
        value: calls === 0 ? "-" : (s.tokens.prompt / calls).toFixed(0),
        goal: "static prefix ≥ 1,024 for caching",
        ok: calls === 0 || s.tokens.prompt / calls >= 1_024,
      },
      {
        metric: "cached share of prompt tokens (simulated cache)",
        value: `${(cachedShare * 100).toFixed(1)} %`,
        goal: "≥ 70 %",
        ok: cachedShare >= 0.7,
      },
      {
        metric: "cost per customer message at gpt-4o-mini prices",
        value: `$${cost.toFixed(6)}`,
        goal: "≤ $0.0003",
        ok: cost <= 0.0003,
      },
      {
        metric: "guard: fields dropped / intents overruled",
        value: `${s.guard.droppedFields} / ${s.guard.overruled}`,
        goal: "informational",
        ok: undefined,
      },
      {
        metric: "assistant round trip over loopback, p50 / p95 ms",
        value: `${s.latencyMs.p50} / ${s.latencyMs.p95}`,
        goal: "informational (no model)",
        ok: undefined,
      },
    ];
  } finally {
    sim.close();
    await server.close();
    await database.close();
  }
}
