import { signInitData } from "../../src/infra/telegram/init-data.js";
import { ADMIN_ID, type ShopKit } from "./shop-kit.js";

/** Staff for admin API tests: the owner from ADMIN_TELEGRAM_IDS, and an admin and an operator added by them. */
export const STAFF = { owner: ADMIN_ID, admin: 900_101, operator: 900_102 } as const;
export type StaffRole = keyof typeof STAFF;

export interface AdminAnswer<T = any> {
  status: number;
  body: T;
}

/**
 * Calls /api/admin as a Telegram client would: initData signed with the bot's token at the shop's
 * clock (so a test's manual clock and the server agree on its age), JSON in and out.
 */
export function adminClient(kit: ShopKit) {
  const token = kit.sandbox.telegram.token;
  const now = () => kit.container.clock.now();

  const request = async <T>(
    authorization: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<AdminAnswer<T>> => {
    const headers: Record<string, string> = {};
    if (authorization !== undefined) headers.authorization = authorization;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await kit.app.request(`/api/admin${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const as = (userId: number, options: { ageMs?: number; botToken?: string } = {}) => {
    const authorization = `tma ${signInitData({ id: userId, firstName: "Staff" }, options.botToken ?? token, new Date(now() - (options.ageMs ?? 0)))}`;
    return {
      get: <T = any>(path: string, query: Record<string, string | number | undefined> = {}) => {
        const params = new URLSearchParams(
          Object.entries(query)
            .filter((e): e is [string, string | number] => e[1] !== undefined)
            .map(([k, v]) => [k, String(v)]),
        );
        return request<T>(authorization, "GET", params.size > 0 ? `${path}?${params}` : path);
      },
      post: <T = any>(path: string, body?: unknown) => request<T>(authorization, "POST", path, body ?? {}),
    };
  };

  return {
    as,
    owner: () => as(STAFF.owner),
    admin: () => as(STAFF.admin),
    operator: () => as(STAFF.operator),
    /** A request with this exact Authorization header (or none). */
    raw: <T = any>(authorization: string | undefined, method: "GET" | "POST", path: string, body?: unknown) =>
      request<T>(authorization, method, path, body),
    /** Adds the admin and the operator of STAFF (the owner comes from ADMIN_TELEGRAM_IDS). */
    async addStaff(): Promise<void> {
      await kit.container.admins.grant(
        { telegramId: STAFF.admin, role: "admin", name: "Ayu Admin" },
        `telegram:${STAFF.owner}`,
      );
      await kit.container.admins.grant(
        { telegramId: STAFF.operator, role: "operator", name: "Oki Operator" },
        `telegram:${STAFF.owner}`,
      );
    },
  };
}

export type AdminClient = ReturnType<typeof adminClient>;
