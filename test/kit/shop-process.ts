import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/**
 * The shop as a real child process (`test/crash/run-shop.ts`), started the way an operator starts it:
 * configuration from the environment only. For tests where a process dies (SIGKILL) or several run
 * side by side. `killAllShops` in an `afterEach` removes what a failed test left running.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = "test/crash/run-shop.ts";
/** Upper bound for start-up under tsx and a clean stop. */
export const SHOP_WAIT_MS = 20_000;

export interface ShopProcess {
  child: ChildProcess;
  url: string;
  /** Resolves once the process is gone, with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote (stdout and stderr), for failure messages. */
  output(): string;
}

const children = new Set<ChildProcess>();

/** Rejects when `promise` has not settled after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts `run-shop.ts` as a child process and waits for its `READY <url>` line. */
export async function startShop(env: Record<string, string>): Promise<ShopProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    cwd: ROOT,
    // Only what the shop documents, plus what node and tsx need to run: no inherited FAILPOINTS,
    // LOG_LEVEL or NODE_OPTIONS from the test runner.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? ROOT,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const chunks: string[] = [];
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      chunks.push(String(chunk));
      stdout += String(chunk);
      const match = /^READY (\S+)$/m.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on("data", (chunk: Buffer) => chunks.push(String(chunk)));
    void exited.then(({ code, signal }) =>
      reject(new Error(`the shop exited before it was ready (code ${code}, signal ${signal}):\n${chunks.join("")}`)),
    );
  });
  const url = await within(ready, SHOP_WAIT_MS, `the shop to start:\n${chunks.join("")}`);
  return { child, url, exited, output: () => chunks.join("") };
}

/** SIGTERM, then the clean exit the entry point promises. */
export async function stopShop(shop: ShopProcess): Promise<void> {
  shop.child.kill("SIGTERM");
  const { code, signal } = await within(shop.exited, SHOP_WAIT_MS, "the shop to stop after SIGTERM");
  expect({ code, signal }, shop.output()).toEqual({ code: 0, signal: null });
}

/** Kills every shop process still running (after a failed test) and waits for each to exit. */
export async function killAllShops(): Promise<void> {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await within(gone, 5_000, "a leftover shop process to exit").catch(() => undefined);
    }
  }
  children.clear();
}
