import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { build, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import { SHARED_WITH_APP } from "../../miniapp/shared-modules.mjs";

/**
 * The admin app shares the server's contract without carrying server code: what it takes from
 * src/ is the contract files' types (erased) and a few leaf modules listed in
 * miniapp/shared-modules.mjs. The lint refuses anything else as it is written; the bundle check
 * builds the app and reads the module graph, so a path the lint cannot see (a re-export, a type
 * import turned value import) fails too.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the admin app's imports from the server (lint)", () => {
  it.each([
    [
      "a value from a feature",
      "miniapp/src/screens/X.tsx",
      'import { ORDER_STATUSES } from "../../../src/features/orders/orders.lifecycle";',
      /takes only the contract files/,
    ],
    [
      "a type from outside the contracts",
      "miniapp/src/screens/X.tsx",
      'import type { OrderListItem } from "../../../src/features/orders/orders.queries";',
      /takes only the contract files/,
    ],
    [
      "a value from a contract file",
      "miniapp/src/screens/x.ts",
      'import { Page } from "../../../src/features/admin/contracts/common.contract";',
      /imported with `import type`/,
    ],
    ["a server package", "miniapp/src/components/X.tsx", 'import { z } from "zod";', /server package/],
    ["a server package's subpath", "miniapp/src/api.ts", 'import { hc } from "hono/client";', /server package/],
  ])("refuses: %s", async (_why, file, code, message) => {
    expect((await problems(file, code)).join("\n")).toMatch(message);
  });

  it.each([
    [
      "a contract type",
      "miniapp/src/screens/X.tsx",
      'import type { OrderDetail } from "../../../src/features/admin/contracts/orders.contract";',
    ],
    [
      "a listed leaf module's value",
      "miniapp/src/components/X.tsx",
      'import { parseTelegramHtml } from "../../../src/shared/telegram-html";',
    ],
    [
      "the app's own modules and packages",
      "miniapp/src/screens/X.tsx",
      'import { api } from "../api";\nimport { useState } from "react";',
    ],
  ])("allows: %s", async (_why, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

describe("the admin app's bundle", () => {
  it("holds no server source but the listed leaf modules, and no server package", async () => {
    const result = await build({
      configFile: `${ROOT}miniapp/vite.config.ts`,
      logLevel: "silent",
      build: { write: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const modules = new Set(outputs.flatMap((o) => o.output.flatMap((c) => (c.type === "chunk" ? c.moduleIds : []))));
    const fromServer = [...modules].filter((id) => id.startsWith(`${ROOT}src/`)).map((id) => id.slice(ROOT.length));
    expect(fromServer.sort()).toEqual([...SHARED_WITH_APP].sort());

    const serverPackages = Object.keys(
      (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { dependencies: Record<string, string> })
        .dependencies,
    );
    const packagesIn = new Set(
      [...modules]
        .map((id) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1])
        .filter((name) => name !== undefined),
    );
    expect(serverPackages.filter((name) => packagesIn.has(name))).toEqual([]);
    // The check reads a real graph: the app's own code and its UI kit are in it.
    expect(packagesIn.has("react")).toBe(true);
  });

  it("bundles leaf modules only: each listed module imports nothing", () => {
    for (const path of SHARED_WITH_APP)
      expect(readFileSync(`${ROOT}${path}`, "utf8"), path).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s/m);
  });
});
