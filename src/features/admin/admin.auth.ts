import type { MiddlewareHandler } from "hono";
import type { Clock } from "../../infra/clock/clock.js";
import { verifyInitData } from "../../infra/telegram/init-data.js";
import { AppError } from "../../shared/errors.js";
import { can, type Permission } from "./admin.permissions.js";
import type { AdminsService } from "./admins.service.js";
import type { AdminRole } from "./admins.table.js";

export interface AdminIdentity {
  telegramId: number;
  name: string;
  username: string | undefined;
  role: AdminRole;
  /** How audit entries name this person. */
  actor: string;
}

export interface AdminEnv {
  Variables: { admin: AdminIdentity };
}

/** Admin actions need initData signed within the last hour; a little clock skew ahead is tolerated. */
const MAX_AGE_MS = 60 * 60_000;
const MAX_AHEAD_MS = 5 * 60_000;

const unauthorized = (message: string) => new AppError("admin.unauthorized", message);

/**
 * Every /api/admin request carries `Authorization: tma <initData>`. The signature proves Telegram
 * (or the sandbox, which knows its own token) issued it for this bot; the age and the admin list
 * are checked here. Strangers get the same 403 whatever they try, so nothing is revealed.
 */
export function adminAuth(deps: {
  admins: AdminsService;
  botToken: string | undefined;
  clock: Clock;
}): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^tma\s+(.+)$/i.exec(header);
    if (!match || !deps.botToken)
      throw unauthorized("sign in through Telegram: open the shop's admin app from the bot");
    const verified = verifyInitData(match[1]!, deps.botToken);
    if (!verified.ok) throw unauthorized("the Telegram sign-in is not valid; reopen the admin app from the bot");
    const age = deps.clock.now() - verified.value.authDate;
    if (age > MAX_AGE_MS || age < -MAX_AHEAD_MS)
      throw unauthorized("the Telegram sign-in has expired; reopen the admin app from the bot");
    const user = verified.value.user;
    const role = await deps.admins.roleOf(user.id);
    if (!role) throw new AppError("admin.forbidden", "not allowed");
    const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
    await deps.admins.rememberProfile(user.id, name, user.username);
    c.set("admin", { telegramId: user.id, name, username: user.username, role, actor: `telegram:${user.id}` });
    await next();
  };
}

/** Refuses the request unless the signed-in admin's role grants `permission`. */
export function requirePermission(permission: Permission): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    if (!can(c.get("admin").role, permission))
      throw new AppError("admin.forbidden", `your role (${c.get("admin").role}) cannot do this`);
    await next();
  };
}
