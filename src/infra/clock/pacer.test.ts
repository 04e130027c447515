import { describe, expect, it } from "vitest";
import { createPacer } from "./pacer.js";

/** Lets `count` callers through the pacer at once and returns when each got through (ms, performance.now). */
async function releases(pacer: ReturnType<typeof createPacer>, count: number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: count }, () => pacer.wait().then(() => void times.push(performance.now()))));
  return times;
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("the pacer", () => {
  it("lets callers through one at a time, at most perSecond a second", async () => {
    const times = await releases(createPacer(50), 12);
    expect(times).toHaveLength(12);
    // 20 ms apart (a fraction of a millisecond of slack for the promise hop after each release).
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(19.5);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(11 * 19.5);
  });

  it("keeps the gap after the event loop was busy, instead of letting the late ones through together", async () => {
    const pacer = createPacer(100);
    const times: number[] = [];
    const all = Array.from({ length: 10 }, () => pacer.wait().then(() => void times.push(performance.now())));
    // A few are through when the process is busy for 80 ms: the timers of those still waiting all
    // fire late, together; each must still be let through 10 ms after the one before.
    await new Promise((resolve) => setTimeout(resolve, 25));
    setImmediate(() => {
      const until = performance.now() + 80;
      while (performance.now() < until);
    });
    await Promise.all(all);
    expect(Math.max(...gaps(times))).toBeGreaterThanOrEqual(70); // the stall happened while callers waited
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(9.5);
  });

  it("does not hold up a caller who comes after a quiet spell", async () => {
    const pacer = createPacer(10);
    await pacer.wait();
    await new Promise((resolve) => setTimeout(resolve, 120));
    const asked = performance.now();
    await pacer.wait();
    expect(performance.now() - asked).toBeLessThan(20);
  });
});
