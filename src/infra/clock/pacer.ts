/**
 * Spaces calls out to at most `perSecond`, shared by every caller (several workers of one lane):
 * each `wait()` takes the next free slot and sleeps until it. Wall-clock time on purpose, not the
 * injected clock: the limit is the outside service's (Telegram's ~30 messages a second), which
 * counts real seconds even when a test moves the shop's clock.
 */
export interface Pacer {
  wait(): Promise<void>;
}

export function createPacer(perSecond: number): Pacer {
  const gapMs = 1_000 / perSecond;
  let next = 0;
  return {
    async wait() {
      const now = performance.now();
      const slot = Math.max(now, next);
      next = slot + gapMs;
      if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    },
  };
}
