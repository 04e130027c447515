import { readFileSync } from "node:fs";
import type { BenchRow } from "./measure.js";

/**
 * How much of the machine other processes used while a benchmark ran, from /proc (Linux only):
 * all CPU time spent minus the benchmark's own processes'. On a shared 2-core box a busy
 * neighbour (a test run, say) changes fsync-bound results several-fold, so it is printed beside them.
 */
export interface CpuSnapshot {
  busy: number;
  total: number;
  ours: number;
}

export function cpuSnapshot(pids: number[]): CpuSnapshot | undefined {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, n) => sum + n, 0);
    let ours = 0;
    for (const pid of pids) {
      // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after ")".
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ours += Number(after[11]) + Number(after[12]);
    }
    return { busy: total - fields[3]! - (fields[4] ?? 0), total, ours };
  } catch {
    return undefined;
  }
}

export function otherLoadRow(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined): BenchRow {
  const share =
    before && after && after.total > before.total
      ? Math.max(0, after.busy - before.busy - (after.ours - before.ours)) / (after.total - before.total)
      : undefined;
  return {
    metric: "CPU used by other processes meanwhile",
    value: share === undefined ? "n/a" : `${Math.round(share * 100)} % of the machine`,
    goal: "",
    ok: undefined,
  };
}
