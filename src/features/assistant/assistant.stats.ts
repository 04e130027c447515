import type { LlmFailure, LlmUsage } from "../../infra/llm/chat-model.js";
import type { BudgetRefusal } from "./llm-budget.js";
import type { LlmPurpose } from "./llm-usage.table.js";

/**
 * In-process counters for measuring the assistant (benchmarks count LLM calls per customer
 * message, tokens and cache hits, and why the rules answered). They reset with the process; the
 * durable per-day figures are in `llm_usage`.
 */
export type RulesReason = "command" | "confident" | "not_configured";
export type FallbackReason = LlmFailure | BudgetRefusal | "guard_rejected";

export interface AssistantStats {
  messages: number;
  /** Messages read by the rules without asking the LLM, by why. */
  rulesOnly: Record<RulesReason, number>;
  /** Messages for which the LLM's (guarded) reading was used. */
  llmReadings: number;
  /** Messages the LLM was meant to read but the rules did, by why. */
  fallbacks: Partial<Record<FallbackReason, number>>;
  /** Calls sent to the model, by purpose (a retried call counts once). */
  llmCalls: Record<LlmPurpose, number>;
  tokens: { prompt: number; completion: number; cached: number };
  /** Fields the guard dropped because they were not in the message, and intents it overruled. */
  guard: { droppedFields: number; overruled: number };
  answers: { composed: number; rejected: number; unavailable: number };
  latencyMs: { count: number; p50: number; p95: number; max: number };
}

const LATENCY_WINDOW = 2_000;

export function createAssistantStats() {
  let s = fresh();
  let latencies: number[] = [];
  return {
    message(): void {
      s.messages++;
    },
    rulesOnly(reason: RulesReason): void {
      s.rulesOnly[reason]++;
    },
    fallback(reason: FallbackReason): void {
      s.fallbacks[reason] = (s.fallbacks[reason] ?? 0) + 1;
    },
    llmReading(dropped: number, overruled: boolean): void {
      s.llmReadings++;
      s.guard.droppedFields += dropped;
      if (overruled) s.guard.overruled++;
    },
    call(purpose: LlmPurpose, usage: LlmUsage, latencyMs: number): void {
      s.llmCalls[purpose]++;
      s.tokens.prompt += usage.promptTokens;
      s.tokens.completion += usage.completionTokens;
      s.tokens.cached += usage.cachedTokens;
      latencies.push(latencyMs);
      if (latencies.length > LATENCY_WINDOW) latencies = latencies.slice(-LATENCY_WINDOW);
    },
    answer(outcome: keyof AssistantStats["answers"]): void {
      s.answers[outcome]++;
    },
    snapshot(): AssistantStats {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) =>
        sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      return structuredClone({
        ...s,
        latencyMs: { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 },
      });
    },
    reset(): void {
      s = fresh();
      latencies = [];
    },
  };
}

export type AssistantStatsCounter = ReturnType<typeof createAssistantStats>;

function fresh(): Omit<AssistantStats, "latencyMs"> {
  return {
    messages: 0,
    rulesOnly: { command: 0, confident: 0, not_configured: 0 },
    llmReadings: 0,
    fallbacks: {},
    llmCalls: { understand: 0, answer: 0 },
    tokens: { prompt: 0, completion: 0, cached: 0 },
    guard: { droppedFields: 0, overruled: 0 },
    answers: { composed: 0, rejected: 0, unavailable: 0 },
  };
}
