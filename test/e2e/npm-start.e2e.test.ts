import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../kit/free-port.js";

/**
 * `npm start` as a newcomer runs it (the compiled src/main.ts in its own process, built first when
 * the sources are newer, no configuration): what the console shows. The banner names every page,
 * each of which answers, and the log lines around it are for people, not JSON.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let child: ChildProcess;
let dataDir: string;
let output = "";
let banner = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "npm-start-"));
  const port = await freePort();
  child = spawn(process.execPath, ["scripts/run-built.mjs", "main.js"], {
    cwd: ROOT,
    // What a newcomer's shell has: no LOG_LEVEL or NODE_ENV from the test runner.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? ROOT,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: join(dataDir, "shop.db"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += String(chunk)));
  child.stderr!.on("data", (chunk: Buffer) => (output += String(chunk)));
  await new Promise<void>((resolve, reject) => {
    // Longer than the start itself: a changed tree compiles first.
    const timer = setTimeout(() => reject(new Error(`no banner after 240 s:\n${output}`)), 240_000);
    const check = () => {
      const match = /\n\s*Sandbox shop is running[\s\S]*?\.env\.example[^\n]*\n/.exec(output);
      if (match) (clearTimeout(timer), (banner = match[0]), resolve());
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}, 270_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await gone;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start's console", () => {
  it("lists the chat page, the admin app and the health check, and each of them answers", async () => {
    const urls = [...banner.matchAll(/http:\/\/\S+/g)].map((m) => m[0]);
    expect(urls.map((u) => new URL(u).pathname)).toEqual(["/sandbox", "/sandbox/admin", "/healthz"]);
    expect((await fetch(urls[0]!)).status).toBe(200);
    const admin = await fetch(urls[1]!, { redirect: "manual" });
    expect(admin.status).toBe(302);
    expect(admin.headers.get("location")).toContain("/miniapp/");
    expect(await (await fetch(urls[2]!)).json()).toEqual({ status: "ok" });
  });

  it("writes human log lines in development, not JSON", () => {
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: shop bot running/m);
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\] WARN: MASTER_KEY not set/m);
    expect(output.split("\n").filter((line) => line.trimStart().startsWith("{"))).toEqual([]);
  });

  it("stops cleanly on Ctrl-C", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 30_000);
});
