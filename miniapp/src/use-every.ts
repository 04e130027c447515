import { useEffect, useRef } from "react";

/** Calls `tick` every `ms` while `active`: a screen following something that changes on the server. */
export function useEvery(ms: number, tick: () => void, active = true): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => latest.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}
