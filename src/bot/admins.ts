import type { NextFunction } from "grammy";
import type { BotContext } from "./context.js";

/**
 * Staff: the owners named in ADMIN_TELEGRAM_IDS and everyone with a role in the admin app. They
 * answer hand-offs, use /admin and are never rate-limited. The role comes from `resolveStaff`
 * (installed early); without it (a context built by hand) only ADMIN_TELEGRAM_IDS count.
 */
export function isAdmin(ctx: BotContext): boolean {
  return ctx.from !== undefined && (ctx.staffRole !== undefined || ctx.deps.adminTelegramIds.includes(ctx.from.id));
}

/** Looks the sender up in the staff list once per update (the list is cached by the admins service). */
export async function resolveStaff(ctx: BotContext, next: NextFunction): Promise<void> {
  ctx.staffRole = ctx.from ? await ctx.deps.admins.roleOf(ctx.from.id) : undefined;
  await next();
}
