import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { createConsoleLogger } from "./logger.js";
import { startApplication } from "./app.js";
import { sandboxBanner } from "./sandbox/sandbox-banner.js";

/** `npm start`: the real bot with a token, the local sandbox without one. */
async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createConsoleLogger(config);
  const app = await startApplication(config, logger);
  if (app.sandbox) console.log(sandboxBanner(app.url));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
