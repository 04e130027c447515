import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.js";

/** A real pino logger writing into memory, so tests can look for secrets in what was logged. */
export function captureLogs(level: "debug" | "info" | "warn" = "debug"): { logger: Logger; text(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, stream), text: () => lines.join("") };
}
