import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Native SQLite and real sockets: separate processes keep tests from sharing handles.
    pool: "forks",
    // Builds the admin Mini App once, before any worker opens it in a browser.
    globalSetup: ["test/global-setup.ts"],
    allowOnly: !process.env.CI,
    env: { LOG_LEVEL: "silent" },
  },
});
