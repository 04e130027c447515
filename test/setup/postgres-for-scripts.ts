import { startThrowawayCluster, TEMPLATE_DATABASE } from "./postgres-cluster.js";
import { createTemplateDatabase } from "./postgres-template.js";

/**
 * PostgreSQL for scripts run outside vitest (`npm run eval:nlu -- --postgres`, the benchmarks), the
 * way the test global setup provides it: a throwaway cluster with the migrated template database,
 * or the server `url` names (its maintenance database; the template is created there and dropped
 * again). `TEST_DATABASE_URL` and `TEST_DIALECT=postgres` are set, so the test kits (shop kit,
 * knowledge shop) open fresh PostgreSQL databases. `stop` undoes it all.
 */
export async function providePostgresForScript(url?: string): Promise<{ url: string; stop(): Promise<void> }> {
  const server = url ? givenServer(url) : await startThrowawayCluster();
  try {
    await createTemplateDatabase(server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const maintenance = server.url("postgres");
  const previous = { url: process.env.TEST_DATABASE_URL, dialect: process.env.TEST_DIALECT };
  process.env.TEST_DATABASE_URL = maintenance;
  process.env.TEST_DIALECT = "postgres";
  return {
    url: maintenance,
    async stop() {
      restore("TEST_DATABASE_URL", previous.url);
      restore("TEST_DIALECT", previous.dialect);
      await server.stop();
    },
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** A server someone runs: only the template this script made is removed afterwards. */
function givenServer(url: string) {
  const at = (database: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  return {
    url: at,
    async stop() {
      const pg = (await import("pg")).default;
      const admin = new pg.Client({ connectionString: at("postgres") });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
