import { useCallback, useState } from "react";

const remembered = new Map<string, unknown>();

/**
 * State that outlives its screen while the app is open: a list's filters and page are still there
 * after opening an order and coming back (navigation remounts the screen). Not persisted.
 */
export function useStickyState<T>(key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (remembered.has(key) ? (remembered.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setValue((previous) => {
        const resolved = typeof next === "function" ? (next as (p: T) => T)(previous) : next;
        remembered.set(key, resolved);
        return resolved;
      }),
    [key],
  );
  return [value, set];
}
