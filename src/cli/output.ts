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
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n");
}
