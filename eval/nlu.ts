import { formatNluReport, runNluEval } from "./nlu-eval.js";

/**
 * `npm run eval:nlu`: the labelled customer messages through the rule reader and the product
 * search of a sandbox shop; prints the figures and every miss, and fails when a goal is missed
 * so CI can hold the line.
 */
const report = await runNluEval();
console.log(formatNluReport(report));
process.exitCode = report.goals.every((g) => g.ok) ? 0 : 1;
