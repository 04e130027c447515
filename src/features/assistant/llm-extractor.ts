import type { ChatModel, LlmCall, LlmProblem } from "../../infra/llm/chat-model.js";
import type { Result } from "../../shared/result.js";
import { intentMessages } from "./llm-prompt.js";
import { LLM_READING_NAME, LlmReading } from "./llm-schema.js";
import type { DialogContext } from "../language/language.understanding.js";

/** Room for one reading (about 60-90 tokens) and no more: a long answer is a wrong answer. */
const MAX_READING_TOKENS = 200;

/**
 * Reads one customer message with the LLM: one structured-output call, no tools, no prose. The
 * result is the model's raw claim; `guardReading` decides what of it is believed.
 */
export function createLlmExtractor(deps: { chat: ChatModel }) {
  return {
    model: deps.chat.model,
    read(text: string, context: DialogContext | undefined): Promise<Result<LlmCall<LlmReading>, LlmProblem>> {
      return deps.chat.structured({
        messages: intentMessages(text, context),
        schema: LlmReading,
        schemaName: LLM_READING_NAME,
        maxTokens: MAX_READING_TOKENS,
      });
    },
  };
}

export type LlmExtractor = ReturnType<typeof createLlmExtractor>;
