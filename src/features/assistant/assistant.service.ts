import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { ChatModel } from "../../infra/llm/chat-model.js";
import type { Logger } from "../../logger.js";
import type { SettingsService } from "../settings/settings.service.js";
import { createAssistantStats } from "./assistant.stats.js";
import { createLlmAnswerer, type AnswerRequest } from "./llm-answerer.js";
import { createLlmBudget } from "./llm-budget.js";
import { createLlmExtractor } from "./llm-extractor.js";
import { guardReading } from "./llm-guard.js";
import { readMessage } from "./rules-extractor.js";
import type { DialogContext, Understanding } from "../language/language.understanding.js";
import { readText, type Reading } from "../language/language.reading.js";

export interface AssistantDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
  /** Undefined when no OPENAI_API_KEY is configured: the rules read everything. */
  chat: ChatModel | undefined;
}

export interface UnderstandRequest {
  /** customers.id: the per-customer daily LLM budget is kept on it. */
  customerId: number;
  text: string;
  /** The message as the language module read it this turn (`readText(text)`); read here when absent. */
  reading?: Reading | undefined;
  context?: DialogContext | undefined;
}

/**
 * Who reads a customer message. Simple turns (commands, bare numbers, yes/no, cancel, messages the
 * rules read completely) never reach the LLM. Others go to the LLM when one is configured and the
 * day's budgets allow, and its reading is believed only as far as the guard lets it; on any error,
 * timeout, invalid output or exhausted budget the rules' reading is the answer. Nothing here
 * touches money: the result is an understanding the bot acts on with prices from the database.
 */
export function createAssistant(deps: AssistantDeps) {
  const log = deps.logger.child({ module: "assistant" });
  const stats = createAssistantStats();
  const budget = createLlmBudget(deps);
  const extractor = deps.chat ? createLlmExtractor({ chat: deps.chat }) : undefined;
  const answerer = createLlmAnswerer({ chat: deps.chat, budget, stats, logger: log });

  async function understand(request: UnderstandRequest): Promise<Understanding> {
    stats.message();
    const { text, context, customerId } = request;
    const reading = request.reading ?? readText(text);
    const rules = readMessage(reading, context);
    if (text.trim().startsWith("/")) return rulesOnly("command", rules.understanding);
    if (rules.confident) return rulesOnly("confident", rules.understanding);
    if (!extractor) return rulesOnly("not_configured", rules.understanding);

    const refusal = await budget.check(customerId);
    if (refusal) return fallback(refusal, rules.understanding, customerId);

    const result = await extractor.read(text, context);
    const usage = result.ok ? result.value.usage : result.error.usage;
    stats.call("understand", usage, result.ok ? result.value.latencyMs : result.error.latencyMs);
    await budget.record({ customerId, purpose: "understand", usage, failed: !result.ok });
    if (!result.ok) {
      log.warn(
        { customerId, failure: result.error.failure, latencyMs: result.error.latencyMs },
        "LLM reading failed; the rules answer",
      );
      return fallback(result.error.failure, rules.understanding, customerId);
    }
    const guarded = guardReading(result.value.value, reading, rules.understanding);
    if (!guarded) return fallback("guard_rejected", rules.understanding, customerId);
    stats.llmReading(guarded.dropped.length, guarded.overruled);
    // Field names only: the values are customer data (links, phone numbers).
    if (guarded.dropped.length > 0 || guarded.overruled)
      log.info(
        { customerId, dropped: guarded.dropped, overruled: guarded.overruled, intent: guarded.understanding.intent },
        "LLM reading corrected by the guard",
      );
    return guarded.understanding;
  }

  function rulesOnly(reason: "command" | "confident" | "not_configured", u: Understanding): Understanding {
    stats.rulesOnly(reason);
    return u;
  }

  function fallback(reason: Parameters<typeof stats.fallback>[0], u: Understanding, customerId: number): Understanding {
    stats.fallback(reason);
    log.debug({ customerId, reason }, "rules read the message instead of the LLM");
    return u;
  }

  return {
    /** True when an LLM is configured (it may still be out of budget today). */
    llmConfigured: deps.chat !== undefined,
    understand,
    /** A grounded answer from the shop's documents, or undefined (then show the document itself). */
    composeAnswer: (request: AnswerRequest) => answerer.composeAnswer(request),
    /** Counters since start (or the last reset), for benchmarks and the admin view. */
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    /** Today's LLM usage from the database (Asia/Jakarta day). */
    usageToday: (customerId?: number) => budget.today(customerId),
    /** Housekeeping: forgets LLM usage older than USAGE_KEPT_DAYS (llm-budget.ts). */
    pruneUsage: () => budget.prune(),
  };
}

export type Assistant = ReturnType<typeof createAssistant>;
