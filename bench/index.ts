import { execSync } from "node:child_process";
import { benchCatalogImport } from "./catalog-import.bench.js";
import { printTable } from "./measure.js";

/** `npm run bench`: every benchmark, printed as tables. Targets live here, never in tests. */
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
console.log(`commit ${commit} · node ${process.version} · SQLite WAL, synchronous=FULL · ${new Date().toISOString()}`);

const benches: Array<[string, () => Promise<Awaited<ReturnType<typeof benchCatalogImport>>>]> = [["Catalog import and re-sync (issue 3)", benchCatalogImport]];

let missed = 0;
for (const [title, run] of benches) {
  const rows = await run();
  printTable(title, rows);
  missed += rows.filter((r) => r.ok === false).length;
}
process.exit(missed > 0 ? 1 : 0);
