import { NLU_HOLDOUT_CASES } from "./nlu-holdout-cases.js";
import { formatNluReport, runNluEval } from "./nlu-eval.js";
import { providePostgresForScript } from "../test/setup/postgres-for-scripts.js";

/**
 * `npm run eval:nlu`: the labelled customer messages through the rule reader and the product
 * search of a sandbox shop; prints the figures and every miss, and fails when a goal is missed
 * so CI can hold the line. The held-out messages (never used to tune the reader) follow,
 * reported for reading only: they say how the reader does on messages it was not shaped for.
 *
 * `npm run eval:nlu -- --postgres [postgres://server/postgres]`: the same on PostgreSQL (a throwaway
 * cluster, as the tests start, or the server given), to compare its search with SQLite's.
 */
const flag = process.argv.indexOf("--postgres");
const given = process.argv[flag + 1]?.startsWith("postgres") ? process.argv[flag + 1] : undefined;
const postgres = flag >= 0 ? await providePostgresForScript(given) : undefined;
if (postgres) console.log("Database: PostgreSQL (knowledge search: tsvector + trigrams + vectors)\n");
try {
  const report = await runNluEval();
  console.log(formatNluReport(report, "NLU evaluation (labelled set, the goals apply)"));
  const heldOut = await runNluEval(NLU_HOLDOUT_CASES);
  console.log(`\n${"=".repeat(72)}\n`);
  console.log(formatNluReport(heldOut, "Held-out messages (never tuned on; informational)"));
  process.exitCode = report.goals.every((g) => g.ok) ? 0 : 1;
} finally {
  await postgres?.stop();
}
