/**
 * How fast the sandbox's suppliers work, and how often the shop asks them: one number decides
 * both, so the side panel can say truthfully how long an order takes (a believable 25 s by
 * default; tests set a couple of seconds).
 */
export interface SandboxPace {
  /** From placement to the supplier's final status. */
  supplierMs: number;
  /** How long of that an order stays Pending before it runs. */
  pendingMs: number;
  /** How often the shop asks the suppliers about orders in progress. */
  syncSeconds: number;
  /** The same as a croner pattern with seconds. */
  statusSyncCron: string;
}

// Cron steps that divide a minute, so "every N seconds" stays even.
const STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

export function sandboxPace(supplierSeconds = 25): SandboxPace {
  const supplierMs = Math.max(1, supplierSeconds) * 1000;
  // Ask about five times per order: often enough to show "in progress", rarely enough to stay quiet.
  const syncSeconds = STEPS.filter((step) => step <= Math.max(1, supplierSeconds / 5)).at(-1)!;
  return {
    supplierMs,
    pendingMs: Math.round(supplierMs / 5),
    syncSeconds,
    statusSyncCron: syncSeconds === 1 ? "* * * * * *" : `*/${syncSeconds} * * * * *`,
  };
}

/** The range a customer waits, for the page: the supplier's time, plus up to one sync interval. */
export function expectedOrderSeconds(pace: SandboxPace): { from: number; to: number } {
  const from = Math.round(pace.supplierMs / 1000);
  return { from, to: from + pace.syncSeconds };
}
