import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { freePort } from "../kit/free-port.js";
import { captureLogs } from "../kit/log-capture.js";

/**
 * `npm start` without OPENAI_API_KEY: the assistant's LLM path runs against the sandbox's OpenAI
 * stand-in (mounted at /sandbox/openai/v1), whose brain reads with the rule reader.
 */
let app: RunningApplication;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "shop-sandbox-llm-"));
  const config = loadConfig({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: join(dataDir, "shop.db"),
    LOG_LEVEL: "silent",
  });
  app = await startApplication(config, captureLogs().logger);
});
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the sandbox's assistant", () => {
  it("reads an unclear message through the OpenAI stand-in over HTTP", async () => {
    const u = await app.container.assistant.understand({
      customerId: 1,
      text: "kak kalau mau nambah folower ig yg real buat olshop, ada?",
    });
    expect(u).toMatchObject({ source: "llm", intent: "browse", platform: "instagram", kind: "followers" });
    expect(app.sandbox!.openai.chatRequests()).toHaveLength(1);
    expect(app.sandbox!.openai.unexpected).toEqual([]);
    expect((await app.container.assistant.usageToday(1)).calls).toBe(1);
  });

  it("composes an answer from a document", async () => {
    const answer = await app.container.assistant.composeAnswer({
      question: "bayar pakai apa?",
      language: "id",
      documents: [{ title: "Cara bayar", body: "Bayar dengan QRIS. QR berlaku 15 menit." }],
    });
    expect(answer).toBe("Bayar dengan QRIS. QR berlaku 15 menit.");
  });
});
