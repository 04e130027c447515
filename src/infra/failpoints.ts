/**
 * Crash points for recovery tests: when a point named in FAILPOINTS is reached, the process dies at
 * once (SIGKILL: no cleanup, no flushed buffers), exactly like a power cut or an OOM kill at that
 * line. Empty in normal runs, where `hit` does nothing.
 */
export type FailpointName = "after_payment_commit" | "before_supplier_call" | "after_supplier_call";

export interface Failpoints {
  hit(name: FailpointName): void;
}

export function createFailpoints(enabled: readonly string[]): Failpoints {
  const names = new Set(enabled);
  return {
    hit(name) {
      if (names.has(name)) process.kill(process.pid, "SIGKILL");
    },
  };
}
