import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication, type RunningApplication } from "../../src/app.js";
import { runCli } from "../../src/cli/index.js";
import { loadConfig } from "../../src/config.js";
import { signatureFor } from "../../src/sandbox/midtrans/midtrans-simulator.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { captureLogs } from "../kit/log-capture.js";
import { startSandboxServer } from "../kit/sandbox-server.js";

/**
 * The product as an outside operator runs it: the documented environment names and CLI, against
 * stand-ins of the Bot API, an SMM panel and Midtrans running as a separate server. Nothing here
 * reaches into the product's internals to make things happen.
 */
let standIns: Awaited<ReturnType<typeof startSandboxServer>>;
let app: RunningApplication;
let dir: string;
let env: Record<string, string>;
const appLogs = captureLogs("debug");
const cliText: string[] = [];
const cliLogs: string[] = [];
const USER = 100001;

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
  const sink = new Writable({ write: (chunk, _e, done) => (cliLogs.push(String(chunk)), done()) });
  const code = await runCli(argv, out, env, sink);
  cliText.push(...lines);
  return { code, out: lines.join("\n") };
}

beforeAll(async () => {
  standIns = await startSandboxServer();
  dir = mkdtempSync(join(tmpdir(), "shop-live-"));
  env = {
    ...standIns.env,
    DATABASE_URL: join(dir, "shop.db"),
    DATA_DIR: dir,
    MASTER_KEY: TEST_MASTER_KEY,
    PORT: "0",
    LOG_LEVEL: "debug",
    ADMIN_TELEGRAM_IDS: "900001",
  };
});
afterAll(async () => {
  await app?.stop();
  await standIns.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("operator CLI", () => {
  it("migrates, adds a supplier with its key encrypted, lists it without the key, and tests it", async () => {
    expect((await cli("migrate")).out).toContain("20261121T0900_initial_schema");
    const added = await cli(
      "provider",
      "add",
      "--name",
      "JAP",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      standIns.sandbox.smm.key,
    );
    expect(added.code).toBe(0);
    const list = await cli("provider", "list");
    expect(list.out).toMatch(/JAP\s+smm-v2/);
    expect(list.out).toContain("••••••••");
    const test = await cli("provider", "test", "JAP");
    expect(test.code).toBe(0);
    expect(test.out).toMatch(/JAP: OK — balance 25000000\.00000 IDR, latency \d+ ms/);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const duplicate = await cli(
      "provider",
      "add",
      "--name",
      "jap",
      "--kind",
      "smm-v2",
      "--url",
      standIns.smmUrl,
      "--key",
      "x",
    );
    expect(duplicate).toMatchObject({ code: 1, out: expect.stringContaining("already exists") });
    expect(
      (await cli("provider", "add", "--name", "X", "--kind", "nope", "--url", "ftp://x", "--key", "k")).out,
    ).toMatch(/kind must be one of: smm-v2[\s\S]*url must be an http\(s\) address/);
    expect((await cli("provider", "add", "--name", "X")).code).toBe(2);
    expect((await cli("provider", "test", "missing")).out).toContain('no supplier named "missing"');
    expect((await cli("provider", "list")).out.match(/smm-v2/g)).toHaveLength(1);
  });

  it("imports the catalog, reports every skipped row with its reason, and keeps shop numbers on re-import", async () => {
    const first = await cli("catalog", "import", "JAP");
    expect(first.out).toMatch(/imported:\s+312/);
    expect(first.out).toMatch(/skipped:\s+6/);
    expect(first.out).toContain("row 313 (service 9001): name is empty");
    expect(first.out).toContain("min 5000 is greater than max 100");
    expect(first.out).toContain("rate is not a positive number");
    const second = await cli("catalog", "import", "JAP");
    expect(second.out).toMatch(/imported:\s+0/);
    expect(second.out).toMatch(/unchanged:\s+312/);
  });

  it("shows what the bot would suggest", async () => {
    const search = await cli("catalog", "search", "yt subs murah");
    expect(search.out).toContain("platform=youtube kind=subscribers");
    expect(search.out).toMatch(/YouTube Subscribers/);
    expect(search.out).not.toMatch(/Instagram/);
  });
});

describe("the bot, live, against the stand-ins", () => {
  it("starts with the documented environment and completes a purchase", async () => {
    app = await startApplication(loadConfig(env), appLogs.logger);
    standIns.sandbox.midtrans.setNotificationUrl(`${app.url}/webhooks/midtrans`);
    const telegram = standIns.sandbox.telegram;

    telegram.userSays(USER, "mau beli followers ig");
    await telegram.waitForBotMessage(USER, (m) => m.plain.includes("Instagram — Followers"));
    telegram.userSays(USER, "ID 1 @budi.santoso 500");
    const quote = await telegram.waitForBotMessage(USER, (m) => m.plain.includes("Ringkasan pesanan"));
    telegram.userPresses(USER, quote.message_id, quote.buttons[0]![0]!.callback_data!);
    await telegram.waitForBotMessage(USER, (m) => Boolean(m.photo));

    const tx = [...standIns.sandbox.midtrans.transactions.values()][0]!;
    const service = await app.container.catalog.findByMid(1);
    expect(tx.gross_amount).toBe(Math.ceil((service!.unitPrice * 500) / 1000));

    // A forged notification first: refused, and nothing moves.
    const forged = await fetch(`${app.url}/webhooks/midtrans`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        order_id: tx.order_id,
        status_code: "200",
        gross_amount: `${tx.gross_amount}.00`,
        transaction_status: "settlement",
        signature_key: signatureFor(tx.order_id, "200", `${tx.gross_amount}.00`, "wrong-key"),
      }),
    });
    expect(forged.status).toBe(401);
    expect(standIns.sandbox.smm.addCalls()).toBe(0);

    // The genuine one, then Midtrans repeating itself.
    await standIns.sandbox.midtrans.pay(tx.order_id);
    await standIns.sandbox.midtrans.resend(tx.order_id, 3, true);
    await telegram.waitForBotMessage(USER, (m) => /Pesanan #\d+ sedang diproses/.test(m.plain));
    expect(standIns.sandbox.smm.addCalls()).toBe(1);
    expect(standIns.sandbox.smm.requests.find((r) => r.action === "add")?.fields).toMatchObject({
      link: "@budi.santoso",
      quantity: "500",
    });
  });

  it("never writes a secret to its logs or CLI output", () => {
    const secrets = [
      standIns.sandbox.telegram.token,
      standIns.sandbox.telegram.token.split(":")[1]!,
      standIns.sandbox.midtrans.serverKey,
      standIns.sandbox.smm.key,
      TEST_MASTER_KEY,
    ];
    const everything = [appLogs.text(), cliText.join("\n"), cliLogs.join("")].join("\n");
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
