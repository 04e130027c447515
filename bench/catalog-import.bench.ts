import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../src/cli/index.js";
import { createContainer } from "../src/container.js";
import { migrateToLatest } from "../src/infra/db/migrations.js";
import { generateSampleCatalog, JUNK_ROWS } from "../src/sandbox/smm/sample-catalog.js";
import { TEST_MASTER_KEY, testConfig } from "../test/kit/config.js";
import { captureLogs } from "../test/kit/log-capture.js";
import { startSandboxServer } from "../test/kit/sandbox-server.js";
import { measure, type BenchRow } from "./measure.js";

const SERVICES = 20_000;

/** Reprices every 20th service by +12% (5% of the catalog), as a supplier's daily change would. */
function repriceFivePercent(catalog: Array<{ rate: string }>): number {
  let changed = 0;
  for (let i = 0; i < catalog.length; i += 20) {
    catalog[i]!.rate = (Number(catalog[i]!.rate) * 1.12).toFixed(2);
    changed++;
  }
  return changed;
}

/**
 * Issue 3's import benchmark: 20,000 services from the SMM simulator over loopback HTTP into an
 * on-disk database (WAL, synchronous=FULL), then a re-sync with 5% repriced — through the service
 * layer, and through the CLI (start-up excluded: the CLI runs in-process).
 */
export async function benchCatalogImport(): Promise<BenchRow[]> {
  const services = generateSampleCatalog(SERVICES);
  const catalog = [...services, ...JUNK_ROWS]; // the simulator reads this array on every call
  const standIns = await startSandboxServer({ smm: { catalog } });
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  const rows: BenchRow[] = [];
  try {
    const container = createContainer(
      testConfig({ DATABASE_URL: join(dir, "service.db"), DATA_DIR: dir }),
      captureLogs("warn").logger,
    );
    await migrateToLatest(container.database);
    await container.providers.add({
      name: "panel",
      kind: "smm-v2",
      url: standIns.smmUrl,
      credentials: { key: standIns.sandbox.smm.key },
    });
    const first = await measure(() => container.catalog.importFromProvider("panel"));
    // The search index follows the import in the background; let it finish so it is not timed as part of the re-sync.
    await container.knowledge.idle();
    const repriced = repriceFivePercent(services);
    const resync = await measure(() => container.catalog.importFromProvider("panel"));
    await container.close();
    if (first.result.imported !== SERVICES) throw new Error(`imported ${first.result.imported}, expected ${SERVICES}`);
    if (resync.result.updated !== repriced) throw new Error(`updated ${resync.result.updated}, expected ${repriced}`);
    rows.push(
      {
        metric: `import ${SERVICES} services (service layer)`,
        value: `${(first.ms / 1000).toFixed(2)} s`,
        goal: "< 5 s",
        ok: first.ms < 5_000,
      },
      {
        metric: "  rows/s",
        value: Math.round(SERVICES / (first.ms / 1000)).toLocaleString("en"),
        goal: "",
        ok: undefined,
      },
      { metric: "  peak RSS", value: `${first.peakRssMb.toFixed(0)} MB`, goal: "", ok: undefined },
      {
        metric: `re-sync, ${repriced} costs changed (5%)`,
        value: `${(resync.ms / 1000).toFixed(2)} s`,
        goal: "< 2 s",
        ok: resync.ms < 2_000,
      },
      {
        metric: "  rows/s",
        value: Math.round(SERVICES / (resync.ms / 1000)).toLocaleString("en"),
        goal: "",
        ok: undefined,
      },
      { metric: "  peak RSS", value: `${resync.peakRssMb.toFixed(0)} MB`, goal: "", ok: undefined },
    );

    // The same through the operator CLI, on a fresh database.
    const env = {
      ...standIns.env,
      TELEGRAM_BOT_TOKEN: undefined,
      DATABASE_URL: join(dir, "cli.db"),
      DATA_DIR: dir,
      MASTER_KEY: TEST_MASTER_KEY,
      LOG_LEVEL: "warn",
    };
    const quiet = { log: () => undefined, error: (line: string) => console.error(line) };
    await runCli(
      [
        "provider",
        "add",
        "--name",
        "panel",
        "--kind",
        "smm-v2",
        "--url",
        standIns.smmUrl,
        "--key",
        standIns.sandbox.smm.key,
      ],
      quiet,
      env,
    );
    const cliImport = await measure(() => runCli(["catalog", "import", "panel"], quiet, env));
    repriceFivePercent(services);
    const cliResync = await measure(() => runCli(["catalog", "sync", "panel"], quiet, env));
    rows.push(
      {
        metric: `CLI catalog import (${SERVICES})`,
        value: `${(cliImport.ms / 1000).toFixed(2)} s`,
        goal: "< 10 s",
        ok: cliImport.ms < 10_000 && cliImport.result === 0,
      },
      {
        metric: "CLI catalog sync (5% repriced)",
        value: `${(cliResync.ms / 1000).toFixed(2)} s`,
        goal: "< 5 s",
        ok: cliResync.ms < 5_000 && cliResync.result === 0,
      },
    );
    return rows;
  } finally {
    await standIns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
