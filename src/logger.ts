import { pino } from "pino";
import type { DestinationStream, Logger as PinoLogger } from "pino";
import { PinoPretty } from "pino-pretty";
import type { Config, LogLevel } from "./config.js";

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

export type ConsoleFormat = "pretty" | "json";

/**
 * What the console shows: JSON lines in production (log collectors read them), human lines for a
 * person in development, that is in a terminal or when running the sandbox.
 */
export function consoleFormat(input: { production: boolean; sandbox: boolean; tty: boolean }): ConsoleFormat {
  return !input.production && (input.tty || input.sandbox) ? "pretty" : "json";
}

/**
 * The process's logger on stdout, in the format above. Redaction happens before either format
 * writes, so pretty lines hide secrets just as JSON does.
 */
export function createConsoleLogger(
  config: Pick<Config, "logLevel" | "production" | "mode">,
  output: { tty: boolean; stream?: NodeJS.WritableStream } = { tty: process.stdout.isTTY === true },
): Logger {
  const format = consoleFormat({ production: config.production, sandbox: config.mode === "sandbox", tty: output.tty });
  if (format === "json") return createLogger(config.logLevel, output.stream as DestinationStream | undefined);
  const pretty = PinoPretty({
    colorize: output.tty,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
    singleLine: true,
    sync: true,
    ...(output.stream ? { destination: output.stream } : {}),
  });
  return createLogger(config.logLevel, pretty);
}
