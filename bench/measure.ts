/** Wall time and peak resident memory of an async step, sampled every 10 ms. */
export async function measure<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const result = await run();
    return { result, ms: performance.now() - started, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export interface BenchRow {
  metric: string;
  value: string;
  goal: string;
  ok: boolean | undefined;
}

export function printTable(title: string, rows: BenchRow[]): void {
  const header = ["metric", "value", "goal", ""];
  const cells = rows.map((r) => [r.metric, r.value, r.goal, r.ok === undefined ? "" : r.ok ? "ok" : "MISSED"]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(
    `\n${title}\n${line(header)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${cells.map(line).join("\n")}`,
  );
}
