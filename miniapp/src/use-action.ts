import { useCallback, useRef, useState } from "react";

/**
 * A form's final action (usually on the MainButton): runs one request at a time, shows the loader
 * while it runs, keeps the server's error for the screen, and hands the answer to `onDone`.
 */
export function useAction<T>(onDone: (result: T) => void): {
  busy: boolean;
  error: unknown;
  run: (request: () => Promise<T>) => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);
  const done = useRef(onDone);
  done.current = onDone;
  const run = useCallback((request: () => Promise<T>) => {
    if (running.current) return; // a double tap must not send a refund twice
    running.current = true;
    setBusy(true);
    setError(undefined);
    request().then(
      (result) => {
        running.current = false;
        setBusy(false);
        done.current(result);
      },
      (failure: unknown) => {
        running.current = false;
        setBusy(false);
        setError(failure);
      },
    );
  }, []);
  return { busy, error, run };
}
