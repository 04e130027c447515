import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { consoleFormat, createConsoleLogger } from "./logger.js";

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => lines.join("") };
}

describe("the console's format", () => {
  it("is human lines in development (a terminal, or the sandbox) and JSON in production", () => {
    expect(consoleFormat({ production: false, sandbox: true, tty: false })).toBe("pretty");
    expect(consoleFormat({ production: false, sandbox: false, tty: true })).toBe("pretty");
    // A live bot under a process manager (no terminal) writes JSON for its log collector.
    expect(consoleFormat({ production: false, sandbox: false, tty: false })).toBe("json");
    expect(consoleFormat({ production: true, sandbox: true, tty: true })).toBe("json");
  });

  it("prints a readable line with the time, level and message, and still redacts secrets", () => {
    const out = sink();
    const logger = createConsoleLogger(
      { logLevel: "info", production: false, mode: "sandbox" },
      { tty: false, stream: out.stream },
    );
    logger.info(
      { supplier: "sandbox-panel", key: "smm-supersecret", credentials: { apiKey: "vip-secret" } },
      "sandbox catalog imported",
    );
    const line = out.text();
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: sandbox catalog imported/);
    expect(line).toContain('"supplier":"sandbox-panel"'); // the details follow on the same line
    expect(line).not.toMatch(/^\{/);
    expect(line).not.toContain("supersecret");
    expect(line).not.toContain("vip-secret");
    expect(line).toContain("[REDACTED]");
  });

  it("writes JSON lines in production, redacted the same way", () => {
    const out = sink();
    const logger = createConsoleLogger(
      { logLevel: "info", production: true, mode: "live" },
      { tty: true, stream: out.stream },
    );
    logger.info({ key: "smm-supersecret" }, "shop bot running");
    const entry = JSON.parse(out.text()) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: "shop bot running", key: "[REDACTED]", level: 30 });
  });

  it("stays silent at LOG_LEVEL=silent, as the tests run", () => {
    const out = sink();
    const logger = createConsoleLogger(
      { logLevel: "silent", production: false, mode: "sandbox" },
      { tty: true, stream: out.stream },
    );
    logger.error("nobody should see this");
    expect(out.text()).toBe("");
  });
});
