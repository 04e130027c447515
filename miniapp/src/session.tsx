import { createContext, useContext, type ReactNode } from "react";
import type { Me, Permission } from "../../src/features/admin/contracts/common.contract";

/** Who is signed in, from GET /api/admin/me (the server's contract). */
export type { Me, Permission };

const MeContext = createContext<Me | undefined>(undefined);

export function MeProvider(props: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={props.me}>{props.children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside MeProvider");
  return me;
}

export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}
