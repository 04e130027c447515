import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * `npm run test:postgres`: every integration and end-to-end test built on the shop kits (the ones
 * that open a shop's database) again, on PostgreSQL (`TEST_DIALECT=postgres`; the global setup starts
 * the throwaway cluster). Browser tests stay on SQLite: they test pages, not SQL. Extra arguments go
 * to vitest.
 */
const KITS = /kit\/(shop-kit|knowledge-shop|admin-client)\.js"/;
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const files = ["src", "test"]
  .flatMap(walk)
  .filter((f) => f.endsWith(".test.ts") && !f.startsWith(join("test", "browser")) && KITS.test(readFileSync(f, "utf8")))
  .sort();
console.log(`${files.length} test files on PostgreSQL`);
const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2), ...files], {
  stdio: "inherit",
  env: { ...process.env, TEST_DIALECT: "postgres" },
});
process.exit(run.status ?? 1);
