/**
 * Money is an integer number of rupiah. Supplier rates and gateway amounts arrive as decimal
 * strings ("0.90", "150000.00"); they are turned into exact rationals (bigint units over a power of
 * ten) so that no JS float ever holds money.
 */

/** value = units / 10^scale */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "12", "0.90", "150000.00" (or a plain JSON number). Returns undefined for anything else. */
export function parseDecimal(input: unknown): Decimal | undefined {
  let text: string;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return undefined;
    text = String(input);
  } else if (typeof input === "string") {
    text = input.trim();
  } else {
    return undefined;
  }
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(`${whole}${fraction}`) * (sign === "-" ? -1n : 1n);
  return { units, scale: fraction.length };
}

export function decimalFromInteger(value: number | bigint): Decimal {
  return { units: BigInt(value), scale: 0 };
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function isPositive(d: Decimal): boolean {
  return d.units > 0n;
}

/** Smallest integer not below the decimal. */
export function ceilDecimal(d: Decimal): bigint {
  return ceilDiv(d.units, 10n ** BigInt(d.scale));
}

/** Exact equality of a decimal and an integer ("150000.00" equals 150000, "150000.5" does not). */
export function decimalEqualsInteger(d: Decimal, value: number): boolean {
  return d.units === BigInt(value) * 10n ** BigInt(d.scale);
}

export function decimalToString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const whole = d.scale === 0 ? digits : digits.slice(0, -d.scale);
  const fraction = d.scale === 0 ? "" : `.${digits.slice(-d.scale)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Integer division rounding towards positive infinity, for non-negative denominators. */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const quotient = numerator / denominator;
  return numerator % denominator > 0n ? quotient + 1n : quotient;
}

/**
 * Total for `quantity` units of a service priced per `unitSize` units (1000 for SMM services, 1 for
 * top-ups), rounded up to whole rupiah so the shop never undercharges by a fraction.
 */
export function amountForQuantity(unitPrice: number, quantity: number, unitSize = 1000): number {
  return toSafeNumber(ceilDiv(BigInt(unitPrice) * BigInt(quantity), BigInt(unitSize)));
}

/** Pro-rata share of an amount, rounded down (used for partial refunds: never refund more than paid). */
export function proRataFloor(amount: number, part: number, whole: number): number {
  if (whole <= 0) throw new RangeError("whole must be positive");
  return toSafeNumber((BigInt(amount) * BigInt(part)) / BigInt(whole));
}

/**
 * Sell price per unit (of 1000, or per item) in rupiah: supplier rate × rate to IDR × (100 + margin)
 * / 100, rounded up to the shop's price step. Everything stays exact until the final rounding.
 */
export function sellUnitPrice(input: {
  costRate: Decimal;
  rateToIdr: Decimal;
  marginPercent: Decimal;
  roundStep: number;
}): number {
  const cost = multiplyDecimals(input.costRate, input.rateToIdr);
  const factor: Decimal = {
    units: 100n * 10n ** BigInt(input.marginPercent.scale) + input.marginPercent.units,
    scale: input.marginPercent.scale + 2,
  };
  const exact = multiplyDecimals(cost, factor);
  const step = BigInt(Math.max(1, Math.trunc(input.roundStep)));
  const rupiah = ceilDecimal(exact);
  return toSafeNumber(ceilDiv(rupiah, step) * step);
}

/** Supplier cost per unit in rupiah, rounded up (the shop assumes the worse cost). */
export function unitCostInRupiah(costRate: Decimal, rateToIdr: Decimal): number {
  return toSafeNumber(ceilDecimal(multiplyDecimals(costRate, rateToIdr)));
}

export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount ${value} is outside the safe integer range`);
  }
  return Number(value);
}

const rupiahFormat = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

/** "Rp 15.000" (with a non-breaking space, as Intl renders it). */
export function formatRupiah(amount: number): string {
  return rupiahFormat.format(amount);
}

/** The gateway wire format for an integer rupiah amount: "15000.00". */
export function toGatewayAmount(amount: number): string {
  return `${amount}.00`;
}
