import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type Transformer } from "grammy";
import { recordOutgoing } from "../features/assistant/transcripts.bot.js";
import type { TranscriptsService } from "../features/assistant/transcripts.service.js";
import type { StarsApi } from "../features/payments/payments.stars.js";
import type { Logger } from "../logger.js";

export interface TelegramApiOptions {
  token: string;
  apiRoot: string;
  /** Replaces the HTTP client (tests). */
  fetch?: typeof fetch;
  transcripts: TranscriptsService;
  adminTelegramIds: readonly number[];
  logger: Logger;
}

/**
 * The shop's one Telegram Bot API client, built from the token before the bot exists (grammY's
 * `Api` needs no `Bot`). Notifications, Stars refunds and the bot itself all speak through it, so
 * every message the shop sends gets the same retries and lands in the transcript once.
 */
export function createTelegramApi(options: TelegramApiOptions): Api {
  const api = new Api(options.token, { apiRoot: options.apiRoot, ...(options.fetch ? { fetch: options.fetch } : {}) });
  api.config.use(telegramRetries());
  // Installed after auto-retry, so it wraps the retries and records a message once, when it went out.
  api.config.use(recordOutgoing(options));
  return api;
}

/**
 * Retries on Telegram's flood limits and server errors. Also installed on the fresh client every
 * conversation step gets (bot/conversations.ts): transformers on this client do not reach there.
 */
export function telegramRetries(): Transformer {
  return autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 });
}

/** The Stars feature's view of the API: a refund of a whole Stars payment. */
export function telegramStarsApi(api: Api): StarsApi {
  return { refundStarPayment: async (userId, chargeId) => void (await api.refundStarPayment(userId, chargeId)) };
}
