import { startApplication } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";

/**
 * The shop as a child process for crash-recovery tests: configuration from the environment only
 * (FAILPOINTS included), warnings and errors to stderr, and one line `READY <url>` on stdout once
 * the bot, the HTTP server and the worker are running. SIGTERM stops it cleanly (exit 0); a
 * failpoint stops it with SIGKILL, like a power cut.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger("warn", process.stderr);
  const app = await startApplication(config, logger);
  process.stdout.write(`READY ${app.url}\n`);

  let stopping = false;
  process.once("SIGTERM", () => {
    if (stopping) return;
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `stop failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
