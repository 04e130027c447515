import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "./config.js";

/** `.env.example` is the operator's list of settings: every variable the process reads is in it, and nothing else. */
describe(".env.example", () => {
  it("documents every variable the configuration reads", () => {
    const text = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});
