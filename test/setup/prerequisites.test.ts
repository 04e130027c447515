import { afterEach, describe, expect, it, vi } from "vitest";
import { requireChromium } from "../kit/browser.js";
import { requirePostgres } from "./postgres-cluster.js";

describe("a machine without Chromium", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is told once, before the tests, the one command that installs it", () => {
    vi.stubEnv("CHROMIUM_PATH", "/nowhere/chromium");
    expect(() => requireChromium()).toThrow(/sudo apt-get install -y chromium fonts-noto-color-emoji/);
  });

  it("passes when Chromium is where the README puts it", () => {
    vi.stubEnv("CHROMIUM_PATH", process.execPath);
    expect(requireChromium()).toBe(process.execPath);
  });
});

describe("a machine without the PostgreSQL server", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is told once, before the tests, the package that installs it", () => {
    vi.stubEnv("POSTGRES_BIN", "/nowhere/postgresql/bin");
    expect(() => requirePostgres()).toThrow(
      /PostgreSQL 15.*\/nowhere\/postgresql\/bin[\s\S]*sudo apt-get install -y postgresql-15/,
    );
  });

  it("passes where Debian's postgresql-15 puts its binaries", () => {
    expect(requirePostgres("/usr/lib/postgresql/15/bin")).toBe("/usr/lib/postgresql/15/bin");
  });
});
