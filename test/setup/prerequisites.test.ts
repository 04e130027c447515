import { afterEach, describe, expect, it, vi } from "vitest";
import { requireChromium } from "../kit/browser.js";

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
