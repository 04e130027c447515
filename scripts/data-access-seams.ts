import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { mutualFeatureImports } from "./language-seams.js";

/**
 * The measure of issue 12 point 4: query-builder sites (`selectFrom`, `insertInto`, `updateTable`,
 * `deleteFrom`) outside repositories (`*.repository.ts`), declared read models (`*.queries.ts`) and the
 * database layer (`src/infra/db/`), tests left out; goal 0. `npx tsx scripts/data-access-seams.ts [dir]` prints them per file, the
 * total, and the feature pairs that import each other both ways.
 */
const QUERY_SITE = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/g;

export function querySitesOutsideRepositories(root = "src"): Record<string, number> {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  const sites: Record<string, number> = {};
  for (const file of walk(root)) {
    if (!file.endsWith(".ts") || file.includes("test") || /repository\.ts$|queries\.ts$/.test(file)) continue;
    // The database layer itself (migrations, copying a whole shop between dialects) works on every table by design.
    if (file.split(sep).join("/").includes("src/infra/db/")) continue;
    const count = readFileSync(file, "utf8").match(QUERY_SITE)?.length ?? 0;
    if (count > 0) sites[file] = count;
  }
  return sites;
}

if (process.argv[1]?.endsWith("data-access-seams.ts")) {
  const sites = querySitesOutsideRepositories(process.argv[2] ?? "src");
  for (const [file, count] of Object.entries(sites).sort(([, a], [, b]) => b - a))
    console.log(`${String(count).padStart(4)}  ${file}`);
  console.log(
    `query sites outside repositories and read models: ${Object.values(sites).reduce((a, b) => a + b, 0)} in ${Object.keys(sites).length} files`,
  );
  const pairs = mutualFeatureImports();
  console.log(
    `feature pairs importing each other both ways: ${pairs.length}${pairs.map(([a, b]) => `\n  ${a} <-> ${b}`).join("")}`,
  );
}
