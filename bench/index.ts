import { execSync } from "node:child_process";
import { benchAdminCatalog } from "./admin-catalog.bench.js";
import { benchAssistant } from "./assistant.bench.js";
import { benchCatalogImport } from "./catalog-import.bench.js";
import { printTable } from "./measure.js";
import { benchPurchaseLlm } from "./purchase-llm.bench.js";
import { benchRetrieval, benchRetrievalPostgres } from "./retrieval.bench.js";
import { benchStatusSync } from "./status-sync.bench.js";
import { benchStatusSyncFamilies } from "./status-sync-families.bench.js";
import { benchWebhook } from "./webhook.bench.js";

/** `npm run bench`: every benchmark, printed as tables. Targets live here, never in tests. */
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
console.log(`commit ${commit} · node ${process.version} · SQLite WAL, synchronous=FULL · ${new Date().toISOString()}`);

const benches: Array<[string, string, () => Promise<Awaited<ReturnType<typeof benchCatalogImport>>>]> = [
  ["catalog", "Catalog import and re-sync (issue 3)", benchCatalogImport],
  ["webhook", "Midtrans webhook ingest (issue 4, P1/P2)", benchWebhook],
  ["status-sync", "Status sync of 10,000 open orders (issue 4, P7)", benchStatusSync],
  [
    "status-sync-families",
    "Status sync of 10,000 open orders over four supplier families, in parallel (issue 11, point 4)",
    benchStatusSyncFamilies,
  ],
  ["admin-catalog", "Admin app: service list over 20,000 services (issue 6)", benchAdminCatalog],
  ["retrieval", "Knowledge base: hybrid product and FAQ search over 20,000 services (issue 5)", benchRetrieval],
  [
    "retrieval-postgres",
    "Knowledge base on PostgreSQL: the same search over 20,000 services (issue 13, point 2)",
    benchRetrievalPostgres,
  ],
  ["assistant", "Assistant: rules vs LLM calls, prompt caching and cost per message (issue 5, P11)", benchAssistant],
  ["purchase-llm", "Assistant: LLM calls in scripted purchases through the real bot (issue 5, P11)", benchPurchaseLlm],
];

// `npm run bench -- webhook` runs only the benchmarks named.
const only = process.argv.slice(2);
let missed = 0;
for (const [name, title, run] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  const rows = await run();
  printTable(title, rows);
  missed += rows.filter((r) => r.ok === false).length;
}
process.exit(missed > 0 ? 1 : 0);
