import { pino } from "pino";
import type { DestinationStream, Logger as PinoLogger } from "pino";
import type { LogLevel } from "./config.js";

export type Logger = PinoLogger;

/**
 * Key paths that may hold a secret. pino redacts key paths only: it never looks inside strings,
 * so code must also never log URLs to Telegram (the token is in the path) or raw supplier bodies.
 */
const REDACT_PATHS = [
  "token",
  "key",
  "apiKey",
  "api_key",
  "secret",
  "secret_key",
  "serverKey",
  "masterKey",
  "password",
  "authorization",
  "*.token",
  "*.key",
  "*.apiKey",
  "*.api_key",
  "*.secret",
  "*.secret_key",
  "*.serverKey",
  "*.password",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  'req.headers["x-telegram-bot-api-secret-token"]',
  "signature_key",
  "*.signature_key",
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[REDACTED]" }, base: undefined }, destination);
}
