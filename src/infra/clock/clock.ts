import { randomBytes } from "node:crypto";

/** Time is injected everywhere so tests can move it; the product reads it only through this. */
export interface Clock {
  now(): number;
}

export function systemClock(): Clock {
  return { now: () => Date.now() };
}

export interface ManualClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function createManualClock(startMs = Date.UTC(2026, 10, 21, 3, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (epochMs) => {
      current = epochMs;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no look-alikes (l/1, o/0) for ids people may read out

/** A short random id such as `q_7kd2m9xa`, safe for Telegram callback data and gateway order ids. */
export function randomId(prefix: string, length = 10): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}${id}`;
}
