import pg from "pg";
import { migrateToLatest } from "../../src/infra/db/migrations.js";
import { openDatabase } from "../../src/infra/db/open-database.js";
import { TEMPLATE_DATABASE, type ThrowawayCluster } from "./postgres-cluster.js";

/**
 * Creates the template every test database is copied from, with the real PostgreSQL migrations
 * applied once: `CREATE DATABASE … TEMPLATE` is a file copy, far cheaper than migrating per file.
 * Every connection to it is closed afterwards (PostgreSQL copies only an unused template).
 */
export async function createTemplateDatabase(cluster: ThrowawayCluster): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const database = openDatabase(cluster.url(TEMPLATE_DATABASE), { poolSize: 1 });
  try {
    await migrateToLatest(database);
  } finally {
    await database.close();
  }
}
