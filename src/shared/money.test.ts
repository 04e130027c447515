import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountForQuantity,
  ceilDecimal,
  unitCostInRupiah,
  decimalEqualsInteger,
  formatRupiah,
  parseDecimal,
  proRataFloor,
  sellUnitPrice,
  toGatewayAmount,
  type Decimal,
} from "./money.js";

/** Test helper: a decimal the test knows is valid. */
function dec(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (!parsed) throw new Error(`test setup: ${text} is not a decimal`);
  return parsed;
}

describe("parseDecimal: reading supplier rates and gateway amounts", () => {
  it("keeps a supplier rate such as 0.90 as an exact decimal, trailing zero included", () => {
    expect(parseDecimal("0.90")).toEqual({ units: 90n, scale: 2 });
    expect(parseDecimal("150000.00")).toEqual({ units: 15000000n, scale: 2 });
    expect(parseDecimal("12")).toEqual({ units: 12n, scale: 0 });
  });

  it("accepts a rate sent as a JSON number", () => {
    expect(parseDecimal(1.5)).toEqual({ units: 15n, scale: 1 });
    expect(parseDecimal(150000)).toEqual({ units: 150000n, scale: 0 });
  });

  it("ignores whitespace around a rate string", () => {
    expect(parseDecimal("  0.90\n")).toEqual({ units: 90n, scale: 2 });
  });

  it("keeps the sign of a negative value so it can be rejected later", () => {
    expect(parseDecimal("-3.5")).toEqual({ units: -35n, scale: 1 });
  });

  it.each([
    ["exponent notation", "1e3"],
    ["an empty string", ""],
    ["only spaces", "   "],
    ["words", "abc"],
    ["a comma decimal", "1,5"],
    ["a trailing dot", "1."],
    ["a leading dot", ".5"],
    ["a currency prefix", "Rp 1000"],
  ])("refuses %s (%j)", (_label, input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it("refuses numbers that are not finite and values that are not numbers or strings", () => {
    expect(parseDecimal(Number.NaN)).toBeUndefined();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseDecimal(null)).toBeUndefined();
    expect(parseDecimal(undefined)).toBeUndefined();
    expect(parseDecimal({ value: "1" })).toBeUndefined();
    expect(parseDecimal(true)).toBeUndefined();
  });
});

describe("ceilDecimal", () => {
  it("rounds any fraction up to the next whole rupiah", () => {
    expect(ceilDecimal(dec("14625.01"))).toBe(14626n);
    expect(ceilDecimal(dec("0.001"))).toBe(1n);
  });

  it("leaves whole amounts unchanged, whatever the number of trailing zeros", () => {
    expect(ceilDecimal(dec("15000.00"))).toBe(15000n);
    expect(ceilDecimal(dec("0"))).toBe(0n);
  });

  it("rounds negative values towards zero (the ceiling)", () => {
    expect(ceilDecimal(dec("-1.5"))).toBe(-1n);
  });
});

describe("decimalEqualsInteger: does the gateway amount match the invoice?", () => {
  it("treats 150000.00 from the gateway as the invoice of 150000", () => {
    expect(decimalEqualsInteger(dec("150000.00"), 150000)).toBe(true);
    expect(decimalEqualsInteger(dec("150000"), 150000)).toBe(true);
  });

  it("does not treat a half rupiah or one rupiah more as the same amount", () => {
    expect(decimalEqualsInteger(dec("150000.5"), 150000)).toBe(false);
    expect(decimalEqualsInteger(dec("150001.00"), 150000)).toBe(false);
    expect(decimalEqualsInteger(dec("149999.99"), 150000)).toBe(false);
  });
});

describe("amountForQuantity: what the customer pays", () => {
  it("charges exactly the price for 1000 units", () => {
    expect(amountForQuantity(15000, 1000)).toBe(15000);
  });

  it("never charges a fraction of a rupiah less than the price", () => {
    // 1234 per 1000 × 3 = 3.702 rupiah
    expect(amountForQuantity(1234, 3)).toBe(4);
    // 1 per 1000 × 1 = 0.001 rupiah: still one rupiah
    expect(amountForQuantity(1, 1)).toBe(1);
    // 1500 per 1000 × 2500 = 3750 exactly: no rounding when none is needed
    expect(amountForQuantity(1500, 2500)).toBe(3750);
  });

  it("is exact for large orders with no floating-point error", () => {
    expect(amountForQuantity(9_999_999, 10_000_000)).toBe(99_999_990_000);
    // 9_999_999 × 1_000_000_001 = 9_999_999_009_999_999, beyond 2^53: floats would lose the last digits.
    expect(amountForQuantity(9_999_999, 1_000_000_001)).toBe(9_999_999_010_000);
  });

  it("refuses to produce an amount it cannot represent exactly", () => {
    expect(() => amountForQuantity(Number.MAX_SAFE_INTEGER, 10_000)).toThrow(RangeError);
  });

  it("is never below the exact price for any quantity (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (price, quantity) => {
          const amount = BigInt(amountForQuantity(price, quantity));
          const exactTimes1000 = BigInt(price) * BigInt(quantity);
          return amount * 1000n >= exactTimes1000 && (amount - 1n) * 1000n < exactTimes1000;
        },
      ),
    );
  });
});

describe("proRataFloor: partial refunds", () => {
  it("never refunds more than the customer's share", () => {
    expect(proRataFloor(10_000, 1, 3)).toBe(3333);
    expect(proRataFloor(10_001, 500, 1000)).toBe(5000);
  });

  it("refunds the whole amount when nothing was delivered", () => {
    expect(proRataFloor(15_000, 1000, 1000)).toBe(15_000);
    expect(proRataFloor(15_000, 0, 1000)).toBe(0);
  });

  it("refuses a whole that is zero or negative", () => {
    expect(() => proRataFloor(15_000, 1, 0)).toThrow(RangeError);
    expect(() => proRataFloor(15_000, 1, -5)).toThrow(RangeError);
  });
});

describe("sellUnitPrice: the shop's price list", () => {
  const usdRate = dec("16250.5");
  const supplierRate = dec("0.90");

  it("applies a decimal margin and a decimal currency rate exactly, then rounds up to the step", () => {
    // 0.90 × 16250.5 = 14625.45; × 1.125 = 16453.63125 → 16454 → next 100 = 16500
    expect(
      sellUnitPrice({ costRate: supplierRate, rateToIdr: usdRate, marginPercent: dec("12.5"), roundStep: 100 }),
    ).toBe(16500);
    expect(
      sellUnitPrice({ costRate: supplierRate, rateToIdr: usdRate, marginPercent: dec("12.5"), roundStep: 1 }),
    ).toBe(16454);
  });

  it("does not round a price that already sits on the step", () => {
    expect(
      sellUnitPrice({ costRate: dec("10000"), rateToIdr: dec("1"), marginPercent: dec("50"), roundStep: 500 }),
    ).toBe(15000);
  });

  it("treats a step of zero as whole rupiah", () => {
    expect(sellUnitPrice({ costRate: dec("0.01"), rateToIdr: dec("1"), marginPercent: dec("0"), roundStep: 0 })).toBe(
      1,
    );
  });

  it("never sells below the supplier cost, even with a zero margin", () => {
    const price = sellUnitPrice({ costRate: supplierRate, rateToIdr: usdRate, marginPercent: dec("0"), roundStep: 1 });
    expect(price).toBe(14626);
    expect(price).toBeGreaterThanOrEqual(unitCostInRupiah(supplierRate, usdRate));
  });

  it("is never below cost for any rate, currency rate, non-negative margin and step (property)", () => {
    const decimal = (maxUnits: number) =>
      fc.record({ units: fc.bigInt({ min: 1n, max: BigInt(maxUnits) }), scale: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(
        decimal(1_000_000),
        decimal(1_000_000),
        fc.record({ units: fc.bigInt({ min: 0n, max: 10_000n }), scale: fc.integer({ min: 0, max: 3 }) }),
        fc.integer({ min: 1, max: 1000 }),
        (costRate, rateToIdr, marginPercent, roundStep) => {
          const price = BigInt(sellUnitPrice({ costRate, rateToIdr, marginPercent, roundStep }));
          const scale = 10n ** BigInt(costRate.scale + rateToIdr.scale);
          return price * scale >= costRate.units * rateToIdr.units && price % BigInt(roundStep) === 0n;
        },
      ),
    );
  });
});

describe("unitCostInRupiah", () => {
  it("assumes the worse cost by rounding the supplier cost up", () => {
    expect(unitCostInRupiah(dec("0.90"), dec("16250.5"))).toBe(14626);
    expect(unitCostInRupiah(dec("2.00"), dec("15000"))).toBe(30000);
  });
});

describe("formatRupiah", () => {
  it("shows rupiah the Indonesian way: Rp and a dot as thousands separator", () => {
    expect(formatRupiah(15000)).toMatch(/^Rp\s15\.000$/);
    expect(formatRupiah(1_250_000)).toMatch(/^Rp\s1\.250\.000$/);
  });

  it("shows no decimal places", () => {
    expect(formatRupiah(500)).toMatch(/^Rp\s500$/);
  });
});

describe("toGatewayAmount", () => {
  it("sends the gateway an integer amount with two zero decimals", () => {
    expect(toGatewayAmount(15000)).toBe("15000.00");
    expect(toGatewayAmount(1)).toBe("1.00");
  });

  it("round-trips with the gateway's answer", () => {
    expect(decimalEqualsInteger(dec(toGatewayAmount(16500)), 16500)).toBe(true);
  });
});
