import pg from "pg";

const INT8 = 20;
const NUMERIC = 1700;

/**
 * int8 arrives from `pg` as text, because it can exceed JavaScript's exact integers. The shop's
 * int8 columns (ids, epoch milliseconds, rupiah) and `count(*)` stay far below 2^53, so they are
 * read as numbers, as SQLite gives them; a value that would lose digits is refused, never rounded.
 */
export function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(
      `PostgreSQL returned the integer ${text}, beyond Number.MAX_SAFE_INTEGER: refusing to round it`,
    );
  return value;
}

/**
 * The schema keeps exact decimals as text, so numeric only comes from aggregates: `sum()` over an
 * int8 column (money) is numeric in PostgreSQL, and `avg()` is a fraction. Whole values get the int8
 * rule above; fractions are read as JavaScript numbers, as SQLite's REAL results are.
 */
export function parseNumeric(text: string): number {
  return /^-?\d+$/.test(text) ? parseSafeInteger(text) : Number(text);
}

/** Per-pool type parsers (not `pg.types.setTypeParser`, which would change every pool in the process). */
export const shopTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return parseSafeInteger;
    if (oid === NUMERIC) return parseNumeric;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format as "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};
