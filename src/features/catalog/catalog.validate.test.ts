import { describe, expect, it } from "vitest";
import type { ServiceCandidate } from "../providers/provider.types.js";
import { validateServices } from "./catalog.validate.js";

/** A supplier row that is valid unless a test overrides a field. */
function row(overrides: Partial<ServiceCandidate> = {}): ServiceCandidate {
  return {
    id: 1,
    name: "Instagram Followers [Real]",
    type: "Default",
    category: "Instagram Followers",
    rate: "0.90",
    min: 100,
    max: 10000,
    refill: false,
    cancel: false,
    dripfeed: false,
    description: "",
    ...overrides,
  };
}

describe("validateServices: rows the shop can sell", () => {
  it("keeps a supplier rate such as 0.90 as an exact decimal and as the supplier's own text", () => {
    const { valid, skipped } = validateServices([row()]);
    expect(skipped).toEqual([]);
    expect(valid).toHaveLength(1);
    expect(valid[0]).toMatchObject({
      providerServiceId: "1",
      name: "Instagram Followers [Real]",
      type: "Default",
      category: "Instagram Followers",
      rate: { units: 90n, scale: 2 },
      rateText: "0.90",
      min: 100,
      max: 10000,
      refill: false,
      cancel: false,
      dripfeed: false,
    });
  });

  it("accepts ids sent as numbers or as strings, and stores both as trimmed text", () => {
    const { valid } = validateServices([row({ id: 7 }), row({ id: " 8 " }), row({ id: "abc-9" })]);
    expect(valid.map((v) => v.providerServiceId)).toEqual(["7", "8", "abc-9"]);
  });

  it("accepts min and max sent as numeric strings", () => {
    const [service] = validateServices([row({ min: "10", max: " 5000 " })]).valid;
    expect(service).toMatchObject({ min: 10, max: 5000 });
  });

  it("accepts a rate sent as a JSON number", () => {
    const [service] = validateServices([row({ rate: 0.9 })]).valid;
    expect(service!.rate).toEqual({ units: 9n, scale: 1 });
    expect(service!.rateText).toBe("0.9");
  });

  it('reads refill, cancel and drip-feed flags from true, 1, "1" and "true"', () => {
    const { valid } = validateServices([
      row({ id: 1, refill: true, cancel: 1, dripfeed: "1" }),
      row({ id: 2, refill: "true", cancel: "TRUE", dripfeed: " 1 " }),
    ]);
    for (const service of valid) expect(service).toMatchObject({ refill: true, cancel: true, dripfeed: true });
  });

  it("reads other flag values as false", () => {
    const [service] = validateServices([row({ refill: "false", cancel: 0, dripfeed: null })]).valid;
    expect(service).toMatchObject({ refill: false, cancel: false, dripfeed: false });
  });

  it("tidies whitespace in names and categories and gives a blank type the default", () => {
    const [service] = validateServices([
      row({ name: "  Instagram   Likes \n", category: " Instagram   Likes ", type: "  " }),
    ]).valid;
    expect(service).toMatchObject({ name: "Instagram Likes", category: "Instagram Likes", type: "Default" });
  });

  it("accepts min equal to max", () => {
    expect(validateServices([row({ min: 1000, max: 1000 })]).valid).toHaveLength(1);
  });
});

describe("validateServices: rows the shop skips, with the reason and 1-based row number", () => {
  const skipOf = (candidates: ServiceCandidate[]) => validateServices(candidates).skipped;

  it("skips a row with no id", () => {
    const skipped = skipOf([row({ id: 1 }), row({ id: undefined }), row({ id: "   " })]);
    expect(skipped).toEqual([
      { row: 2, providerServiceId: undefined, code: "missing_id", reason: expect.any(String) },
      { row: 3, providerServiceId: undefined, code: "missing_id", reason: expect.any(String) },
    ]);
  });

  it("skips a repeated id and names the row where it first appeared", () => {
    const { valid, skipped } = validateServices([row({ id: 5 }), row({ id: 6 }), row({ id: "5" })]);
    expect(valid.map((v) => v.providerServiceId)).toEqual(["5", "6"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ row: 3, providerServiceId: "5", code: "duplicate_id" });
    expect(skipped[0]!.reason).toContain("row 1");
  });

  it.each([
    ["empty", ""],
    ["only whitespace", "  \t "],
    ["not text", 123],
  ])("skips a row whose name is %s", (_label, name) => {
    expect(skipOf([row({ id: 3, name })])).toEqual([
      { row: 1, providerServiceId: "3", code: "name_empty", reason: expect.any(String) },
    ]);
  });

  it.each([["abc"], ["-5"], ["1.5"], [0], [-5], [1.5], [""], [undefined]])("skips a row whose min is %j", (min) => {
    const [skip] = skipOf([row(), row({ id: 2, min })]);
    expect(skip).toMatchObject({ row: 2, providerServiceId: "2", code: "min_invalid" });
  });

  it.each([["abc"], ["-5"], ["1.5"], [0]])("skips a row whose max is %j", (max) => {
    const [skip] = skipOf([row({ id: 2, max })]);
    expect(skip).toMatchObject({ row: 1, providerServiceId: "2", code: "max_invalid" });
  });

  it("shows the supplier's bad value in the reason", () => {
    expect(skipOf([row({ min: "abc" })])[0]!.reason).toContain('"abc"');
  });

  it("skips a row whose min is greater than its max", () => {
    const [skip] = skipOf([row({ min: 500, max: 100 })]);
    expect(skip).toMatchObject({ row: 1, code: "min_above_max" });
    expect(skip!.reason).toContain("500");
    expect(skip!.reason).toContain("100");
  });

  it.each([[0], ["0.00"], ["-1"], [-0.5], ["abc"], ["1e3"], [""], [null]])("skips a row whose rate is %j", (rate) => {
    const [skip] = skipOf([row({ id: 4, rate })]);
    expect(skip).toMatchObject({ row: 1, providerServiceId: "4", code: "rate_invalid" });
  });

  it("keeps valid rows around skipped ones and reports every skip", () => {
    const { valid, skipped } = validateServices([
      row({ id: 1 }),
      row({ id: 2, rate: 0 }),
      row({ id: 3 }),
      row({ id: 4, name: "" }),
    ]);
    expect(valid.map((v) => v.providerServiceId)).toEqual(["1", "3"]);
    expect(skipped.map((s) => [s.row, s.code])).toEqual([
      [2, "rate_invalid"],
      [4, "name_empty"],
    ]);
  });
});
