import { loadDotEnv } from "../config.js";
import { runCli } from "./index.js";

/** `npm run cli -- …`: the operator CLI as a process (runCli itself is importable for tests and benches). */
loadDotEnv();
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
