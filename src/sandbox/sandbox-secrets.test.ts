import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxSecrets } from "./sandbox-secrets.js";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-secrets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the sandbox's made-up keys", () => {
  it("stay the same for one data directory, differ per label and per directory", () => {
    const dir = freshDir();
    const first = sandboxSecrets(dir);
    const again = sandboxSecrets(dir);
    expect(again("smm.key")).toBe(first("smm.key"));
    expect(first("smm.key")).toMatch(/^[0-9a-f]{24}$/);
    expect(first("smm.key")).not.toBe(first("vip.apiKey"));
    expect(sandboxSecrets(freshDir())("smm.key")).not.toBe(first("smm.key"));
  });

  it("keep their seed private to the owner of the data directory", () => {
    const dir = freshDir();
    sandboxSecrets(dir);
    expect(readFileSync(join(dir, "sandbox.seed"), "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, "sandbox.seed")).mode & 0o077).toBe(0);
  });

  it("are fresh for every sandbox without a data directory (tests)", () => {
    expect(sandboxSecrets(undefined)("smm.key")).not.toBe(sandboxSecrets(undefined)("smm.key"));
  });
});
