import { Hono } from "hono";
import type { Container } from "../../container.js";
import { adminAuth, type AdminEnv } from "./admin.auth.js";
import { permissionsOf } from "./admin.permissions.js";
import { ADMIN_AREAS } from "./admin.areas.js";
import type { Me } from "./contracts/common.contract.js";

/**
 * What the admin API is built from. Only the sign-in and `/me` read it here; each area is given
 * the few services it names (admin.areas.ts), never the database.
 */
export type AdminApiDeps = Container;

export type AdminRouter = Hono<AdminEnv>;

/**
 * `/api/admin/*`: the Mini App's API. Every request is signed in through Telegram initData and
 * checked against the staff list (admin.auth.ts); each area adds its routes with the permission
 * it needs. Changes are written with an audit entry by the services they call.
 */
export function createAdminApi(deps: AdminApiDeps): Hono {
  const api: AdminRouter = new Hono<AdminEnv>();
  api.use("*", adminAuth({ admins: deps.admins, botToken: deps.config.telegram.token, clock: deps.clock }));
  api.get("/me", (c) => {
    const admin = c.get("admin");
    return c.json({
      telegramId: admin.telegramId,
      name: admin.name,
      username: admin.username ?? null,
      role: admin.role,
      permissions: permissionsOf(admin.role),
      sandbox: deps.config.mode === "sandbox",
    } satisfies Me);
  });
  for (const register of ADMIN_AREAS) register(api, deps);
  // Mounted by the server like every other router, which knows nothing of the admin variables.
  return new Hono().route("/", api);
}
