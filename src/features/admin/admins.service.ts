import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  deleteAdmin,
  findAdmin,
  listAdmins,
  listStaffProfiles,
  readRoles,
  upsertAdmin,
  upsertStaffProfile,
} from "./admins.repository.js";
import type { AdminRole } from "./admins.table.js";

export interface StaffMember {
  telegramId: number;
  role: AdminRole;
  /** The name given when added, else the Telegram name seen at their last sign-in, else "". */
  name: string;
  username?: string | undefined;
  /** Named in ADMIN_TELEGRAM_IDS: always an owner, cannot be removed from the app. */
  fromConfig: boolean;
}

const ROLES_TTL_MS = 30_000;

const Grant = z.object({
  telegramId: z.number({ message: "telegramId must be a Telegram user id" }).int().positive(),
  role: z.enum(["owner", "admin", "operator"], { message: "role must be owner, admin or operator" }),
  name: z.string().trim().max(64).default(""),
});

/**
 * Who may run the shop. The owners named in ADMIN_TELEGRAM_IDS always are (so a shop can never
 * lock itself out); everyone else is in the `admins` table with a role, managed by owners.
 */
export function createAdminsService(deps: { db: Db; clock: Clock; audit: AuditService; ownerIds: readonly number[] }) {
  const { db, clock, audit, ownerIds } = deps;
  const configured = new Set(ownerIds);
  // Every chat update asks whether its sender is staff: the table is read once and kept until it
  // changes here, or for ROLES_TTL_MS at most (the CLI, another process, may change it too).
  // Listeners (the bot's menu buttons) are told after a change here is committed.
  let cache: { roles: Map<number, AdminRole>; at: number } | undefined;
  let loading: Promise<Map<number, AdminRole>> | undefined;
  let generation = 0;
  const listeners: Array<() => void> = [];
  // Names already stored this run: a sign-in writes only when the name changed.
  const seenProfiles = new Map<number, string>();
  const read = readRoles;
  const rolesVia = async (executor: Db | undefined): Promise<Map<number, AdminRole>> => {
    if (cache && clock.now() - cache.at <= ROLES_TTL_MS && clock.now() >= cache.at) return cache.roles;
    // Inside a transaction: read through it, never wait for a load queued behind that transaction.
    if (executor) return read(executor);
    if (!loading) {
      const started = generation;
      loading = read(db)
        .then((roles) => {
          if (started === generation) cache = { roles, at: clock.now() };
          return roles;
        })
        .finally(() => {
          loading = undefined;
        });
    }
    return loading;
  };
  const changed = () => {
    generation++;
    cache = undefined;
    for (const listener of listeners) listener();
  };

  return {
    async roleOf(telegramId: number): Promise<AdminRole | undefined> {
      if (configured.has(telegramId)) return "owner";
      return (await rolesVia(undefined)).get(telegramId);
    },

    /** Called after staff are added, changed or removed. */
    onChanged(listener: () => void): void {
      listeners.push(listener);
    },

    async list(): Promise<StaffMember[]> {
      const rows = await listAdmins(db);
      const profiles = new Map((await listStaffProfiles(db)).map((p) => [p.telegram_id, p]));
      const named = (telegramId: number, given: string) => {
        const seen = profiles.get(telegramId);
        return { name: given || seen?.name || "", username: seen?.username ?? undefined };
      };
      const fromTable = rows
        .filter((r) => !configured.has(r.telegram_id))
        .map((r) => ({ telegramId: r.telegram_id, role: r.role, ...named(r.telegram_id, r.name), fromConfig: false }));
      return [
        ...[...configured].map((id) => ({
          telegramId: id,
          role: "owner" as const,
          ...named(id, ""),
          fromConfig: true,
        })),
        ...fromTable,
      ];
    },

    /** Keeps the Telegram name a staff member signed in with; written only when it changed. */
    async rememberProfile(telegramId: number, name: string, username: string | undefined): Promise<void> {
      const fingerprint = `${name}\u0000${username ?? ""}`;
      if (!name || seenProfiles.get(telegramId) === fingerprint) return;
      await upsertStaffProfile(db, {
        telegram_id: telegramId,
        name,
        username: username ?? null,
        updated_at: clock.now(),
      });
      seenProfiles.set(telegramId, fingerprint);
    },

    /**
     * Every staff member's Telegram id, for alerts and the menu button. Inside a transaction pass
     * it: SQLite has one connection, and a read through `db` would wait for the transaction forever.
     */
    async allIds(executor?: Db): Promise<number[]> {
      return [...new Set([...configured, ...(await rolesVia(executor)).keys()])];
    },

    async grant(input: unknown, actor: string): Promise<StaffMember> {
      const parsed = Grant.safeParse(input);
      if (!parsed.success)
        throw new AppError("admin.invalid_input", parsed.error.issues.map((i) => i.message).join("; "));
      const { telegramId, role, name } = parsed.data;
      if (configured.has(telegramId))
        throw new AppError(
          "admin.invalid_input",
          "this person is an owner through ADMIN_TELEGRAM_IDS; change it there",
        );
      const now = clock.now();
      const isChange = await db.transaction().execute(async (trx) => {
        const before = await findAdmin(trx, telegramId);
        // Saving what is already there changes nothing, so it records nothing either.
        if (before && before.role === role && before.name === name) return false;
        await upsertAdmin(trx, {
          telegram_id: telegramId,
          role,
          name,
          added_by: actor,
          created_at: now,
          updated_at: now,
        });
        await audit.record(trx, {
          actor,
          action: "staff.grant",
          subject: `admin:${telegramId}`,
          before: before ? { role: before.role, name: before.name } : null,
          after: { role, name },
        });
        return true;
      });
      if (isChange) changed();
      return { telegramId, role, name, fromConfig: false };
    },

    async revoke(telegramId: number, actor: string): Promise<void> {
      if (configured.has(telegramId))
        throw new AppError(
          "admin.invalid_input",
          "this person is an owner through ADMIN_TELEGRAM_IDS; change it there",
        );
      await db.transaction().execute(async (trx) => {
        const before = await findAdmin(trx, telegramId);
        if (!before) throw new AppError("admin.not_found", `no staff member with Telegram id ${telegramId}`);
        await deleteAdmin(trx, telegramId);
        await audit.record(trx, {
          actor,
          action: "staff.revoke",
          subject: `admin:${telegramId}`,
          before: { role: before.role },
          after: null,
        });
      });
      changed();
    },
  };
}

export type AdminsService = ReturnType<typeof createAdminsService>;
