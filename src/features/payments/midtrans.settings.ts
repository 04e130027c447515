import { z } from "zod";
import { randomId, type Clock } from "../../infra/clock/clock.js";
import type { SecretBox } from "../../infra/crypto/secret-box.js";
import type { Db } from "../../infra/db/open-database.js";
import type { HttpClient } from "../../infra/http/http-client.js";
import { createMidtransCoreApi, MidtransCallError, type MidtransCoreApi } from "../../infra/midtrans/midtrans-core-api.js";
import { AppError } from "../../shared/errors.js";
import { MIDTRANS_GATEWAY_ID } from "./midtrans.gateway.js";
import type { AuditService } from "../audit/audit.service.js";
import type { GatewayEnvironment, GatewayKeysRow } from "./gateway-keys.table.js";

/** Midtrans' own Core API addresses; any other configured URL is a stand-in (the sandbox's simulator). */
export const MIDTRANS_URLS: Record<GatewayEnvironment, string> = { sandbox: "https://api.sandbox.midtrans.com", production: "https://api.midtrans.com" };

/** Where the gateway settings come from before anyone sets keys in the app: MIDTRANS_* (or the sandbox). */
export interface MidtransBootstrap {
  serverKey: string | undefined;
  clientKey: string | undefined;
  isProduction: boolean;
  apiUrl: string;
}

export interface ActiveMidtrans {
  source: "app" | "env";
  environment: GatewayEnvironment;
  apiUrl: string;
  serverKey: string;
  clientKey: string | undefined;
  api: MidtransCoreApi;
}

export type KeyField = "serverKey" | "clientKey";

export interface MidtransKeysView {
  /** app: keys set in the admin app; env: MIDTRANS_* (or the sandbox's simulator); none: QRIS is off. */
  source: "app" | "env" | "none";
  environment: GatewayEnvironment;
  apiHost: string;
  keys: Array<{ field: KeyField; set: boolean; masked: string | null }>;
  updatedAt: number | null;
  updatedBy: string | null;
  /** QRIS invoices still open: while there are some, the keys cannot be switched to another account. */
  openInvoices: number;
  lastTest: MidtransTest | null;
}

export interface MidtransTest {
  at: number;
  ok: boolean;
  /** valid: Midtrans knew the key (404 for a made-up order); wrong_key: 401; the rest: no verdict. */
  outcome: "valid" | "wrong_key" | "not_configured" | "unreachable" | "unexpected";
  latencyMs: number;
  message: string;
}

const MASK = "••••••••";
const Key = z.string().trim().min(8, "a Midtrans key is longer than that").max(200).regex(/^\S+$/, "a Midtrans key has no spaces");
const SaveInput = z.object({
  environment: z.enum(["sandbox", "production"], { message: 'environment is "sandbox" or "production"' }),
  serverKey: Key.optional(),
  clientKey: Key.optional(),
});

const invalid = (message: string) => new AppError("payments.invalid_keys", message);
/** The associated data binds each sealed key to its field: a client key copied onto the server key fails to open. */
const aad = (field: "server_key" | "client_key") => `gateway_keys:midtrans:${field}`;

/**
 * The Midtrans configuration, resolved at run time: keys set in the admin app (sealed in the
 * database) win over MIDTRANS_* from the environment, which stays the bootstrap and the fallback.
 * The resolved configuration and its Core API client are cached and rebuilt when the keys change,
 * so the gateway, the webhook's signature check and the reconciler all follow a change at once,
 * without a restart. Keys never leave this module except through `reveal` (owners, audited) and
 * the Basic auth header of a Midtrans call; they are never logged or written to the audit log.
 */
export function createMidtransSettings(deps: { db: Db; clock: Clock; http: HttpClient; secretBox: SecretBox; audit: AuditService; bootstrap: MidtransBootstrap; notificationUrl: string | undefined; masterKeyFromEnv: boolean; timeoutMs?: number }) {
  const { db, clock, secretBox, audit, bootstrap } = deps;
  let cached: Promise<ActiveMidtrans | undefined> | undefined;
  let lastTest: MidtransTest | null = null;

  /** MIDTRANS_API_URL set to a stand-in is kept for both environments; Midtrans' own URLs follow the switch. */
  const apiUrlFor = (environment: GatewayEnvironment): string => (Object.values(MIDTRANS_URLS).includes(bootstrap.apiUrl) ? MIDTRANS_URLS[environment] : bootstrap.apiUrl);

  const build = (source: ActiveMidtrans["source"], environment: GatewayEnvironment, serverKey: string, clientKey: string | undefined): ActiveMidtrans => {
    const apiUrl = apiUrlFor(environment);
    const api = createMidtransCoreApi({ serverKey, clientKey, isProduction: environment === "production", apiUrl, timeoutMs: deps.timeoutMs ?? 10_000, http: deps.http, notificationUrl: deps.notificationUrl });
    return { source, environment, apiUrl, serverKey, clientKey, api };
  };

  const stored = () => db.selectFrom("gateway_keys").selectAll().where("gateway", "=", MIDTRANS_GATEWAY_ID).executeTakeFirst();

  const resolve = async (row: GatewayKeysRow | undefined): Promise<ActiveMidtrans | undefined> => {
    if (row) return build("app", row.environment, secretBox.open(row.server_key, aad("server_key")), row.client_key ? secretBox.open(row.client_key, aad("client_key")) : undefined);
    if (bootstrap.serverKey) return build("env", bootstrap.isProduction ? "production" : "sandbox", bootstrap.serverKey, bootstrap.clientKey);
    return undefined;
  };

  const current = (): Promise<ActiveMidtrans | undefined> => {
    if (!cached) {
      const loading = stored().then(resolve);
      cached = loading;
      // A failed read (database busy, wrong MASTER_KEY) is not remembered: the next call tries again.
      loading.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return cached;
  };

  const openInvoices = async (executor: Db = db): Promise<number> => {
    const row = await executor.selectFrom("payments").select((eb) => eb.fn.countAll<number>().as("n")).where("gateway", "=", MIDTRANS_GATEWAY_ID).where("status", "in", ["creating", "pending"]).executeTakeFirstOrThrow();
    return Number(row.n);
  };

  /**
   * Open invoices were charged under the current key and account: their status checks and their
   * notifications' signatures need that key. Switching the key or the environment under them
   * could leave a paid invoice unconfirmed, so it waits until they are paid or expired.
   */
  const refuseWhileOpen = async (executor: Db, next: { serverKey: string; apiUrl: string } | undefined, active: ActiveMidtrans | undefined) => {
    const same = next && active && next.serverKey === active.serverKey && next.apiUrl === active.apiUrl;
    if (same || (!next && !active)) return;
    const open = await openInvoices(executor);
    if (open > 0) {
      throw new AppError("payments.keys_in_use", `${open} QRIS invoice(s) are still open under the current key; they need it to be confirmed. Turn QRIS off in the payment rails, wait until they are paid or expire (payments.invoice_expiry_minutes), then change the keys`);
    }
  };

  const describeState = (active: ActiveMidtrans | undefined) => ({ source: active?.source ?? "none", environment: active?.environment ?? null });
  const changed = () => {
    cached = undefined;
    lastTest = null;
  };

  const api: MidtransCoreApi = {
    charge: async (body) => (await requireActive()).api.charge(body),
    status: async (orderId) => (await requireActive()).api.status(orderId),
    cancel: async (orderId) => (await requireActive()).api.cancel(orderId),
    expire: async (orderId) => (await requireActive()).api.expire(orderId),
  };
  // No keys: every call fails as "no answer", which payments treat as "try again later", never as a refusal.
  const requireActive = async (): Promise<ActiveMidtrans> => {
    const active = await current();
    if (!active) throw new MidtransCallError("Midtrans is not configured", undefined, undefined);
    return active;
  };

  return {
    /** The Core API of whatever configuration is current at each call (for the gateway). */
    coreApi: api,

    current,

    /** The server key notifications are signed with, now; undefined when QRIS is not configured. */
    serverKey: async (): Promise<string | undefined> => (await current())?.serverKey,

    configured: async (): Promise<boolean> => (await current()) !== undefined,

    async view(): Promise<MidtransKeysView> {
      const [active, row, open] = await Promise.all([current(), stored(), openInvoices()]);
      const environment = active?.environment ?? (bootstrap.isProduction ? "production" : "sandbox");
      return {
        source: active?.source ?? "none",
        environment,
        apiHost: new URL(active?.apiUrl ?? apiUrlFor(environment)).host,
        keys: [
          { field: "serverKey", set: active !== undefined, masked: active ? MASK : null },
          { field: "clientKey", set: active?.clientKey !== undefined, masked: active?.clientKey ? MASK : null },
        ],
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
        openInvoices: open,
        lastTest,
      };
    },

    /**
     * Stores keys set in the app (sealed) with their environment. A blank key keeps the one stored;
     * a new environment needs its own server key (Midtrans' sandbox and production keys differ).
     */
    async save(input: unknown, actor: string): Promise<void> {
      const parsed = SaveInput.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "));
      const { environment, serverKey: newServerKey, clientKey: newClientKey } = parsed.data;
      if (environment === "production" && !deps.masterKeyFromEnv) throw invalid("set MASTER_KEY in the environment before taking real money: without it the keys are sealed with a key stored next to the database");
      if (environment === "production" && newServerKey?.startsWith("SB-")) throw invalid("that is a sandbox key (it starts with SB-); production needs the production server key");
      const row = await stored();
      if (!newServerKey && !row) throw invalid("enter the server key (Midtrans dashboard: Settings > Access Keys)");
      if (!newServerKey && row && row.environment !== environment) throw invalid(`enter the ${environment} server key: sandbox and production keys differ`);
      const active = await current();
      const serverKey = newServerKey ?? secretBox.open(row!.server_key, aad("server_key"));
      const changedFields = [...(newServerKey ? ["serverKey"] : []), ...(newClientKey ? ["clientKey"] : [])];
      await db.transaction().execute(async (trx) => {
        await refuseWhileOpen(trx, { serverKey, apiUrl: apiUrlFor(environment) }, active);
        const now = clock.now();
        const values = {
          environment,
          server_key: newServerKey ? secretBox.seal(newServerKey, aad("server_key")) : row!.server_key,
          client_key: newClientKey ? secretBox.seal(newClientKey, aad("client_key")) : (row?.client_key ?? null),
          updated_by: actor,
          updated_at: now,
        };
        await trx.insertInto("gateway_keys").values({ gateway: MIDTRANS_GATEWAY_ID, ...values }).onConflict((oc) => oc.column("gateway").doUpdateSet(values)).execute();
        await audit.record(trx, { actor, action: "payments.midtrans_keys", subject: "gateway:midtrans", before: describeState(active), after: { source: "app", environment, changedFields } });
      });
      changed();
    },

    /** Forgets the keys set in the app: MIDTRANS_* from the environment applies again (or QRIS is off). */
    async clear(actor: string): Promise<void> {
      const active = await current();
      const fallback = bootstrap.serverKey ? { serverKey: bootstrap.serverKey, apiUrl: apiUrlFor(bootstrap.isProduction ? "production" : "sandbox") } : undefined;
      const removed = await db.transaction().execute(async (trx) => {
        await refuseWhileOpen(trx, fallback, active);
        const result = await trx.deleteFrom("gateway_keys").where("gateway", "=", MIDTRANS_GATEWAY_ID).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) return false;
        await audit.record(trx, { actor, action: "payments.midtrans_keys_cleared", subject: "gateway:midtrans", before: describeState(active), after: { source: fallback ? "env" : "none" } });
        return true;
      });
      if (!removed) throw new AppError("admin.not_found", "no Midtrans keys are set in the app");
      changed();
    },

    /** One key in full, for an owner; the read is audited (which field, never the value). */
    async reveal(field: KeyField, actor: string): Promise<string> {
      const active = await current();
      const value = field === "serverKey" ? active?.serverKey : active?.clientKey;
      if (!value) throw new AppError("admin.not_found", `no Midtrans ${field === "serverKey" ? "server" : "client"} key is set`);
      await audit.record(db, { actor, action: "payments.midtrans_reveal", subject: "gateway:midtrans", after: { field, source: active!.source } });
      return value;
    },

    /**
     * Asks Midtrans about an order id nobody uses: 404 means it knew the key, 401 that the key is
     * wrong. Nothing is charged and nothing is stored but the result, shown until the keys change.
     */
    async test(): Promise<MidtransTest> {
      const active = await current();
      const at = clock.now();
      const started = performance.now();
      const result = (ok: boolean, outcome: MidtransTest["outcome"], message: string): MidtransTest => ({ at, ok, outcome, latencyMs: Math.round(performance.now() - started), message });
      if (!active) return (lastTest = result(false, "not_configured", "no server key is set"));
      try {
        await active.api.status(`tokobot-keycheck-${randomId("", 10)}`);
        lastTest = result(true, "valid", "Midtrans accepted the key");
      } catch (error) {
        const status = error instanceof MidtransCallError ? error.httpStatus : undefined;
        if (status === 404) lastTest = result(true, "valid", "Midtrans accepted the key");
        else if (status === 401) lastTest = result(false, "wrong_key", `Midtrans refused the key for ${active.environment} (401)`);
        else if (status === undefined) lastTest = result(false, "unreachable", error instanceof Error ? error.message : "no answer from Midtrans");
        else lastTest = result(false, "unexpected", `Midtrans answered ${status}: ${error instanceof Error ? error.message : ""}`);
      }
      return lastTest;
    },
  };
}

export type MidtransSettings = ReturnType<typeof createMidtransSettings>;
