import { backButton } from "@tma.js/sdk-react";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

/**
 * In-app history as Telegram apps do it: a stack of screens, the Telegram BackButton shown on every
 * screen but the first and handled here. Params are small values (an id, a filter).
 */
export interface Route {
  screen: string;
  params: Record<string, string | number | undefined>;
}

interface NavigationValue {
  route: Route;
  depth: number;
  push(screen: string, params?: Route["params"]): void;
  pop(): void;
  /** Replaces the current screen (after a create, show the created thing). */
  replace(screen: string, params?: Route["params"]): void;
}

const NavigationContext = createContext<NavigationValue | undefined>(undefined);

export function NavigationProvider(props: { children: ReactNode }) {
  const [stack, setStack] = useState<Route[]>([{ screen: "home", params: {} }]);
  const push = useCallback(
    (screen: string, params: Route["params"] = {}) => setStack((s) => [...s, { screen, params }]),
    [],
  );
  const pop = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const replace = useCallback(
    (screen: string, params: Route["params"] = {}) => setStack((s) => [...s.slice(0, -1), { screen, params }]),
    [],
  );

  useEffect(() => {
    if (stack.length > 1) backButton.show();
    else backButton.hide();
  }, [stack.length]);
  useEffect(() => backButton.onClick(pop), [pop]);

  const value = useMemo(
    () => ({ route: stack.at(-1)!, depth: stack.length, push, pop, replace }),
    [stack, push, pop, replace],
  );
  return <NavigationContext.Provider value={value}>{props.children}</NavigationContext.Provider>;
}

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error("useNavigation outside NavigationProvider");
  return value;
}
