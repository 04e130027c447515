import { createContext, useContext, type ReactNode } from "react";

/** Who is signed in, from GET /api/admin/me. */
export interface Me {
  telegramId: number;
  name: string;
  username: string | null;
  role: "owner" | "admin" | "operator";
  permissions: string[];
  sandbox: boolean;
}

const MeContext = createContext<Me | undefined>(undefined);

export function MeProvider(props: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={props.me}>{props.children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside MeProvider");
  return me;
}

export function useCan(permission: string): boolean {
  return useMe().permissions.includes(permission);
}
