import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules in eslint.config.js, run by `npm run lint` (the first step of `npm test`): each
 * case lints one line as if it sat in the named file, with the project's own configuration.
 */
const eslint = new ESLint({ cwd: fileURLToPath(new URL("../../", import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the lint's layer rules", () => {
  it.each([
    [
      "shared imports a feature",
      "src/shared/x.ts",
      "import { a } from '../features/catalog/catalog.service.js';",
      /infra and shared sit below the features/,
    ],
    [
      "infra imports a feature",
      "src/infra/http/x.ts",
      "import { a } from '../../features/catalog/catalog.service.js';",
      /infra and shared sit below the features/,
    ],
    [
      "the database map imports a feature's value",
      "src/infra/db/database.ts",
      "import { a } from '../../features/catalog/catalog.table.js';",
      /infra and shared sit below/,
    ],
    ["infra imports grammY", "src/infra/http/x.ts", "import { Bot } from 'grammy';", /grammY and Hono belong to/],
    [
      "a feature service imports grammY",
      "src/features/catalog/x.service.ts",
      "import { InlineKeyboard } from 'grammy';",
      /grammY and Hono belong to/,
    ],
    [
      "a feature imports OpenAI",
      "src/features/catalog/x.ts",
      "import OpenAI from 'openai';",
      /Vendor SDKs live behind an adapter/,
    ],
    [
      "a chat file imports better-sqlite3",
      "src/features/catalog/x.bot.ts",
      "import Database from 'better-sqlite3';",
      /Vendor SDKs live behind an adapter/,
    ],
    ["the bot imports croner", "src/bot/x.ts", "import { Cron } from 'croner';", /Vendor SDKs live behind an adapter/],
    ["the CLI imports Hono", "src/cli/x.ts", "import { Hono } from 'hono';", /grammY and Hono belong to/],
    [
      "a chat file imports the bot's wiring",
      "src/features/catalog/x.bot.ts",
      "import { a } from '../../bot/index.js';",
      /Imports point downwards/,
    ],
    [
      "a feature imports the server",
      "src/features/catalog/x.ts",
      "import { a } from '../../server/index.js';",
      /Imports point downwards/,
    ],
    [
      "a feature service calls the bot's staff check",
      "src/features/catalog/x.ts",
      "import { isAdmin } from '../../bot/admins.js';",
      /Only the chat files/,
    ],
    [
      "a feature reads process.env",
      "src/features/catalog/x.ts",
      "export const a = process.env.X;",
      /Read settings through src\/config.ts/,
    ],
    [
      "infra destructures process.env",
      "src/infra/http/x.ts",
      "export const { env } = process;",
      /Read settings through src\/config.ts/,
    ],
  ])("refuses: %s", async (_why, file, code, message) => {
    expect((await problems(file, code)).join("\n")).toMatch(message);
  });

  it.each([
    [
      "the database map names a feature's table type",
      "src/infra/db/database.ts",
      "import type { a } from '../../features/catalog/catalog.table.js';",
    ],
    [
      "a chat file uses grammY and the staff check",
      "src/features/catalog/x.bot.ts",
      "import { Bot } from 'grammy';\nimport { isAdmin } from '../../bot/admins.js';",
    ],
    ["an admin API file uses Hono", "src/features/admin/x.api.ts", "import { Hono } from 'hono';"],
    [
      "a feature names grammY's and the bot context's types",
      "src/features/catalog/x.ts",
      "import type { Context } from 'grammy';\nimport type { BotContext } from '../../bot/context.js';",
    ],
    [
      "infra wraps an SDK",
      "src/infra/llm/x.ts",
      "import OpenAI from 'openai';\nimport Database from 'better-sqlite3';",
    ],
    ["config reads the environment", "src/config.ts", "export const a = process.env.X;"],
  ])("allows: %s", async (_why, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
