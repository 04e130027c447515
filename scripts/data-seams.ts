import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The measure of issue 12 point 4: query-builder calls (`selectFrom`, `insertInto`, `updateTable`,
 * `deleteFrom`) outside a repository (`*.repository.ts`) or a declared read model (`*.queries.ts`),
 * counted as lines per file like `grep -c`. `npx tsx scripts/data-seams.ts [paths…]` (default `src`).
 */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/;

export function querySitesOutsideRepositories(paths: readonly string[] = ["src"]): Record<string, number> {
  const files = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((f) => files(join(path, f))) : [path]);
  const counts: Record<string, number> = {};
  for (const file of paths.flatMap(files)) {
    if (!file.endsWith(".ts") || file.includes("test") || /(repository|queries)\.ts$/.test(file)) continue;
    const sites = readFileSync(file, "utf8").split("\n").filter((line) => QUERY.test(line)).length;
    if (sites > 0) counts[file] = sites;
  }
  return counts;
}

if (process.argv[1]?.endsWith("data-seams.ts")) {
  const counts = querySitesOutsideRepositories(process.argv.length > 2 ? process.argv.slice(2) : undefined);
  for (const [file, n] of Object.entries(counts)) console.log(`${file}: ${n}`);
  console.log(`query sites outside repositories and read models: ${Object.values(counts).reduce((a, b) => a + b, 0)} in ${Object.keys(counts).length} files`);
}
