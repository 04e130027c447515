import type { TestProject } from "vitest/node";
import { buildMiniAppIfStale } from "../scripts/miniapp-build.js";
import { requireChromium } from "./kit/browser.js";
import { requirePostgres, startThrowawayCluster } from "./setup/postgres-cluster.js";
import { createTemplateDatabase } from "./setup/postgres-template.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The throwaway PostgreSQL server's maintenance database (see test/kit/test-database.ts). */
    testDatabaseUrl: string;
  }
}

/**
 * Runs once before any test file: checks the prerequisites (Chromium, PostgreSQL 15), builds the
 * admin Mini App if its sources changed, and starts a throwaway PostgreSQL cluster with a migrated
 * template database, which it stops and deletes after the run. Building here, not in each browser
 * test file, keeps parallel test workers from building (and emptying miniapp/dist) under each
 * other's browsers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every missing prerequisite in one message, so one round of installing is enough.
  const missing = [requireChromium, () => requirePostgres()].flatMap((check) => {
    try {
      check();
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
  if (missing.length > 0) throw new Error(missing.join("\n\n"));
  await buildMiniAppIfStale();
  const cluster = await startThrowawayCluster();
  try {
    await createTemplateDatabase(cluster);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  const url = cluster.url("postgres");
  // Provided to the test files, and in the environment for the processes they start.
  process.env.TEST_DATABASE_URL = url;
  project.provide("testDatabaseUrl", url);
  return () => cluster.stop();
}
