import { loadConfig, type Config } from "../../src/config.js";

/** A fixed master key for tests: never a real one. */
export const TEST_MASTER_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ DATABASE_URL: ":memory:", MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: "silent", PORT: "0", ...env });
}
