import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LOCALES_DIR } from "../../src/bot/i18n.js";
import { MIGRATIONS_DIR } from "../../src/infra/db/migrations.js";
import { MINIAPP_DIST } from "../../src/server/miniapp-static.js";
import { TEST_MASTER_KEY } from "../kit/config.js";

/**
 * `npm run cli` and `npm start` run the compiled JavaScript in dist/ (built first when a source is
 * newer), not TypeScript compiled on every start. These run the same command npm runs, in a
 * process of its own, and check that the compiled code finds the files it reads beside the sources.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? ROOT,
        TMPDIR: process.env.TMPDIR ?? tmpdir(),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (stderr += String(chunk)));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the CLI as compiled JavaScript", () => {
  // The first run may compile the whole server (a changed tree, or a fresh clone without dist/).
  it("answers --help from dist/", async () => {
    const help = await run(["scripts/run-built.mjs", "cli/main.js", "--help"]);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run cli -- <command>/);
    expect(readdirSync(join(ROOT, "dist", "cli"))).toContain("main.js");
  }, 240_000);

  it("leaves a fresh build alone at npm install (the prepare step compiles only when sources changed)", async () => {
    await run(["scripts/run-built.mjs", "--prepare"]); // whatever the tree, it is built after this
    const stamp = statSync(join(ROOT, "dist", ".built")).mtimeMs;
    const again = await run(["scripts/run-built.mjs", "--prepare"]);
    expect(again.code, again.stderr).toBe(0);
    expect(statSync(join(ROOT, "dist", ".built")).mtimeMs).toBe(stamp);
  }, 240_000);

  it("applies every migration from the project's migrations/ folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-compiled-"));
    dirs.push(dir);
    const env = { DATABASE_URL: join(dir, "shop.db"), DATA_DIR: dir, MASTER_KEY: TEST_MASTER_KEY };
    const first = await run(["scripts/run-built.mjs", "cli/main.js", "migrate"], env);
    expect(first.code, first.stderr).toBe(0);
    const count = readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith(".sql")).length;
    expect(first.stdout).toContain(`Applied ${count} migration(s)`);
    const again = await run(["scripts/run-built.mjs", "cli/main.js", "migrate"], env);
    expect(again.stdout.trim()).toBe("Database is up to date.");
  }, 240_000);

  it("reads the locales, migrations and admin app from the same folders as the sources do", async () => {
    const script = `
      const [i18n, migrations, miniapp] = await Promise.all([import("./dist/bot/i18n.js"), import("./dist/infra/db/migrations.js"), import("./dist/server/miniapp-static.js")]);
      console.log(JSON.stringify([i18n.LOCALES_DIR, migrations.MIGRATIONS_DIR, miniapp.MINIAPP_DIST]));`;
    const printed = await run(["--input-type=module", "-e", script]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual([LOCALES_DIR, MIGRATIONS_DIR, MINIAPP_DIST]);
    expect(readdirSync(LOCALES_DIR)).toEqual(expect.arrayContaining(["en.ftl", "id.ftl"]));
  }, 60_000);
});
