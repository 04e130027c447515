/**
 * Spaces calls out to at most `perSecond`, shared by every caller (several workers of one lane):
 * callers are let through one at a time, each at least 1/perSecond after the one before. Wall-clock
 * time on purpose, not the injected clock: the limit is the outside service's (Telegram's ~30
 * messages a second), which counts real seconds even when a test moves the shop's clock.
 */
export interface Pacer {
  wait(): Promise<void>;
}

export function createPacer(perSecond: number): Pacer {
  const gapMs = 1_000 / perSecond;
  let last = Number.NEGATIVE_INFINITY;
  let line: Promise<void> = Promise.resolve();
  return {
    wait() {
      // The gap is measured from when the previous caller was actually let through, after waking:
      // slots booked in advance would all open together once a busy event loop fires their
      // timers late, a burst over the limit. A timer may also fire a little early, hence the loop.
      const turn = line.then(async () => {
        for (let left = last + gapMs - performance.now(); left > 0; left = last + gapMs - performance.now()) {
          await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
        }
        last = performance.now();
      });
      line = turn;
      return turn;
    },
  };
}
