import { signInitData } from "../../src/infra/telegram/init-data.js";
import { STAFF, type AdminAnswer, type StaffRole } from "./admin-client.js";
import type { ShopKit } from "./shop-kit.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Admin API calls with every HTTP method the catalog areas use (admin-client.ts has GET and POST),
 * signed like a Telegram client at the shop's clock: `calls.as("operator").put(path, body)`.
 */
export function adminCalls(kit: ShopKit) {
  const call = async <T>(userId: number, method: Method, path: string, body?: unknown): Promise<AdminAnswer<T>> => {
    const headers: Record<string, string> = {
      authorization: `tma ${signInitData({ id: userId, firstName: "Staff" }, kit.sandbox.telegram.token, new Date(kit.container.clock.now()))}`,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await kit.app.request(`/api/admin${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const as = (who: StaffRole | number) => {
    const id = typeof who === "number" ? who : STAFF[who];
    return {
      get: <T = any>(path: string) => call<T>(id, "GET", path),
      post: <T = any>(path: string, body: unknown = {}) => call<T>(id, "POST", path, body),
      put: <T = any>(path: string, body: unknown) => call<T>(id, "PUT", path, body),
      patch: <T = any>(path: string, body: unknown) => call<T>(id, "PATCH", path, body),
      delete: <T = any>(path: string) => call<T>(id, "DELETE", path),
    };
  };
  return { as, owner: () => as("owner"), admin: () => as("admin"), operator: () => as("operator") };
}
