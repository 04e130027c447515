import { parseArgs } from "node:util";

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
}

/** Left-aligned columns, widths from the content. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** `--name value` options, all strings; an unknown option is a usage error, not a silent typo. */
export function stringOptions(args: string[], names: string[]): Record<string, string | undefined> {
  // "--amount -5000": node's parser would read -5000 as a flag; a negative number is a value.
  const joined = args.flatMap((arg, i) =>
    /^-\d/.test(arg) && args[i - 1]?.startsWith("--") && !args[i - 1]!.includes("=")
      ? []
      : /^--/.test(arg) && /^-\d/.test(args[i + 1] ?? "") && !arg.includes("=")
        ? [`${arg}=${args[i + 1]}`]
        : [arg],
  );
  try {
    const { values } = parseArgs({
      args: joined,
      options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Record<string, string | undefined>;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}
