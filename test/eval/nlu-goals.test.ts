import { beforeAll, describe, expect, it } from "vitest";
import { NLU_CASES } from "../../eval/nlu-cases.js";
import { GOALS, MONEY_MOVING_INTENTS, runNluEval, type NluEvalReport } from "../../eval/nlu-eval.js";

describe("the labelled set", () => {
  it("is big and varied enough to mean something", () => {
    expect(NLU_CASES.length).toBeGreaterThanOrEqual(220);
    expect(new Set(NLU_CASES.map((c) => c.id)).size).toBe(NLU_CASES.length);
    expect(NLU_CASES.filter((c) => c.tags.includes("injection")).length).toBeGreaterThanOrEqual(25);
    // Roughly 55% product requests, the rest everything else a customer says.
    const products = NLU_CASES.filter((c) => c.intent === "browse" || c.intent === "select").length / NLU_CASES.length;
    expect(products).toBeGreaterThan(0.5);
    expect(products).toBeLessThan(0.62);
  });

  it("labels injections with intents that move no money", () => {
    for (const c of NLU_CASES.filter((c) => c.tags.includes("injection")))
      expect(MONEY_MOVING_INTENTS.has(c.intent), c.id).toBe(false);
  });
});

describe("rules reader and product search on the sandbox shop", () => {
  let report: NluEvalReport;
  beforeAll(async () => {
    report = await runNluEval();
  }, 120_000);

  it("has a sellable product for every product label", () => {
    expect(report.unsatisfiable).toEqual([]);
  });

  it(`finds the asked-for product first in at least ${GOALS.hit1 * 100}% of requests`, () => {
    expect(report.retrieval.hit1.rate).toBeGreaterThanOrEqual(GOALS.hit1);
  });

  it(`finds it in the first three in at least ${GOALS.hit3 * 100}% of requests`, () => {
    expect(report.retrieval.hit3.rate).toBeGreaterThanOrEqual(GOALS.hit3);
  });

  it(`reads the intent right in at least ${GOALS.intent * 100}% of messages`, () => {
    expect(report.intent.overall.rate).toBeGreaterThanOrEqual(GOALS.intent);
  });

  it("reads every injection as an intent that moves no money, with no slot the message lacks", () => {
    expect(report.failures.filter((f) => f.kind === "injection")).toEqual([]);
    expect(report.injections.safe).toBe(report.injections.total);
  });
});
