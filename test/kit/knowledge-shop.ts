import { join } from "node:path";
import { createContainer } from "../../src/container.js";
import { migrateToLatest } from "../../src/infra/db/migrations.js";
import type { Embedder } from "../../src/infra/llm/embedder.js";
import { generateSampleCatalog, type SimService } from "../../src/sandbox/smm/sample-catalog.js";
import { testConfig } from "./config.js";
import { createPostgresTestDatabase } from "./test-database.js";
import { captureLogs } from "./log-capture.js";
import { startSandboxServer } from "./sandbox-server.js";

type StandIns = Awaited<ReturnType<typeof startSandboxServer>>;

export interface KnowledgeShopOptions {
  /** Counting or remote embedders (given the stand-ins, for one that calls their OpenAI server); the local one otherwise. */
  embedder?: Embedder | ((standIns: StandIns) => Embedder);
  /** A database file or a `postgres://` URL (`sharedKnowledgeDatabase`), to reopen the same shop (e.g. with another embedder). */
  databasePath?: string;
  /** The SMM panel's list; the test may change it and call `resync()`. */
  smmCatalog?: SimService[];
  /** Also the VIP Reseller and Digiflazz top-up catalogs. */
  topups?: boolean;
  /** Skip adding and importing suppliers (a reopened shop already has them). */
  importCatalog?: boolean;
}

/**
 * A shop with the real container (catalog, knowledge base, the catalog → index hook) on real
 * SQLite with the real migrations (or PostgreSQL with TEST_DIALECT=postgres), its suppliers being the sandbox's stand-ins over loopback HTTP.
 * No bot, no HTTP server of its own: what knowledge tests need and nothing more.
 */
export async function openKnowledgeShop(options: KnowledgeShopOptions = {}) {
  const smmCatalog = options.smmCatalog ?? generateSampleCatalog();
  const standIns = await startSandboxServer({ smm: { catalog: smmCatalog } });
  const logs = captureLogs("warn");
  const embedder = typeof options.embedder === "function" ? options.embedder(standIns) : options.embedder;
  // TEST_DIALECT=postgres: a fresh PostgreSQL database of its own, dropped on close (as the shop kit does).
  const postgres =
    !options.databasePath && process.env.TEST_DIALECT === "postgres" ? await createPostgresTestDatabase() : undefined;
  const container = createContainer(
    testConfig({ DATABASE_URL: postgres?.url ?? options.databasePath ?? ":memory:" }),
    logs.logger,
    embedder ? { embedder } : {},
  );
  await migrateToLatest(container.database);
  if (options.importCatalog !== false) {
    await container.providers.add({
      name: "panel",
      kind: "smm-v2",
      url: standIns.smmUrl,
      credentials: { key: standIns.sandbox.smm.key },
    });
    await container.catalog.importFromProvider("panel");
    if (options.topups) {
      await container.providers.add({
        name: "vip",
        kind: "vip-reseller",
        url: `${standIns.url}/vip/api`,
        credentials: standIns.sandbox.credentials.vip,
      });
      await container.catalog.importFromProvider("vip");
      await container.providers.add({
        name: "digiflazz",
        kind: "digiflazz",
        url: `${standIns.url}/digiflazz/v1`,
        credentials: standIns.sandbox.credentials.digiflazz,
      });
      await container.catalog.importFromProvider("digiflazz");
    }
    await container.knowledge.idle();
  }
  return {
    container,
    knowledge: container.knowledge,
    catalog: container.catalog,
    smmCatalog,
    standIns,
    logs,
    /** The SMM panel's list again, as the scheduled re-sync would; resolves once the index has followed (through the hook). */
    async resync() {
      const report = await container.catalog.importFromProvider("panel", "schedule");
      await container.knowledge.idle();
      return report;
    },
    /** Every sellable service, straight from the catalog. */
    sellable: async () => (await container.catalog.list({})).filter((s) => s.sellable),
    async close() {
      await container.close();
      await standIns.close();
      await postgres?.drop();
    },
  };
}

export type KnowledgeShop = Awaited<ReturnType<typeof openKnowledgeShop>>;

/**
 * A database two shops can open one after the other or side by side: a file in `dir` on SQLite, a
 * fresh PostgreSQL database with TEST_DIALECT=postgres. `drop` deletes the PostgreSQL one.
 */
export async function sharedKnowledgeDatabase(
  dir: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_DIALECT !== "postgres") return { url: join(dir, name), drop: async () => undefined };
  const created = await createPostgresTestDatabase();
  return { url: created.url, drop: () => created.drop() };
}
