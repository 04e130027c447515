import { z } from "zod";
import { randomId } from "../../infra/clock/clock.js";
import type { HttpClient } from "../../infra/http/http-client.js";
import {
  createMidtransCoreApi,
  MidtransCallError,
  type MidtransCoreApi,
} from "../../infra/midtrans/midtrans-core-api.js";
import { AppError } from "../../shared/errors.js";
import type { GatewayEnvironment } from "./gateway-keys.table.js";
import type { GatewaySettings, GatewayTestRecord } from "./gateway-settings.service.js";
import type { GatewaySettingsDescriptor, GatewaySettingValues } from "./payment-gateway.types.js";

export const MIDTRANS_GATEWAY_ID = "midtrans";

/** Midtrans' own Core API addresses; any other configured URL is a stand-in (the sandbox's simulator). */
export const MIDTRANS_URLS: Record<GatewayEnvironment, string> = {
  sandbox: "https://api.sandbox.midtrans.com",
  production: "https://api.midtrans.com",
};

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

/** A connection test: valid (Midtrans knew the key: 404 for a made-up order), wrong_key (401), or no verdict. */
export type MidtransTest = GatewayTestRecord & {
  outcome: "valid" | "wrong_key" | "not_configured" | "unreachable" | "unexpected";
};

const Key = z
  .string()
  .trim()
  .min(8, "a Midtrans key is longer than that")
  .max(200)
  .regex(/^\S+$/, "a Midtrans key has no spaces");
const SaveInput = z.object({
  environment: z.enum(["sandbox", "production"], { message: 'environment is "sandbox" or "production"' }),
  serverKey: Key.optional(),
  clientKey: Key.optional(),
});

const invalid = (message: string) => new AppError("payments.invalid_keys", message);

interface MidtransDeps {
  http: HttpClient;
  bootstrap: MidtransBootstrap;
  notificationUrl: string | undefined;
  masterKeyFromEnv: boolean;
  timeoutMs?: number;
}

/** MIDTRANS_API_URL set to a stand-in is kept for both environments; Midtrans' own URLs follow the switch. */
const apiUrlFor = (bootstrap: MidtransBootstrap, environment: GatewayEnvironment): string =>
  Object.values(MIDTRANS_URLS).includes(bootstrap.apiUrl) ? MIDTRANS_URLS[environment] : bootstrap.apiUrl;
const environmentOf = (values: GatewaySettingValues): GatewayEnvironment =>
  values.environment === "production" ? "production" : "sandbox";

function build(deps: MidtransDeps, source: ActiveMidtrans["source"], values: GatewaySettingValues): ActiveMidtrans {
  const environment = environmentOf(values);
  const apiUrl = apiUrlFor(deps.bootstrap, environment);
  const serverKey = values.serverKey!;
  const clientKey = values.clientKey;
  const api = createMidtransCoreApi({
    serverKey,
    clientKey,
    isProduction: environment === "production",
    apiUrl,
    timeoutMs: deps.timeoutMs ?? 10_000,
    http: deps.http,
    notificationUrl: deps.notificationUrl,
  });
  return { source, environment, apiUrl, serverKey, clientKey, api };
}

/**
 * Midtrans' settings as a descriptor for the generic gateway settings: an environment and two
 * keys (the server key required), MIDTRANS_* as the bootstrap, Midtrans' own rules (a sandbox key
 * is not a production key; production needs MASTER_KEY from the environment), the same account
 * being the same server key on the same API, and the connection test: asks Midtrans about an
 * order id nobody uses, where 404 means it knew the key and 401 that the key is wrong.
 */
export function midtransSettingsDescriptor(deps: MidtransDeps): GatewaySettingsDescriptor {
  const { bootstrap } = deps;
  return {
    gateway: MIDTRANS_GATEWAY_ID,
    label: "Midtrans",
    fields: [
      { name: "environment", label: "environment", secret: false, required: true, options: ["sandbox", "production"] },
      { name: "serverKey", label: "server key", secret: true, required: true },
      { name: "clientKey", label: "client key", secret: true, required: false },
    ],
    parse(input) {
      const parsed = SaveInput.safeParse(input);
      return parsed.success
        ? { ok: true, values: parsed.data }
        : { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
    },
    /** A new environment needs its own server key (Midtrans' sandbox and production keys differ). */
    check(typed, stored) {
      const environment = typed.environment;
      if (environment === "production" && !deps.masterKeyFromEnv)
        throw invalid(
          "set MASTER_KEY in the environment before taking real money: without it the keys are sealed with a key stored next to the database",
        );
      if (environment === "production" && typed.serverKey?.startsWith("SB-"))
        throw invalid("that is a sandbox key (it starts with SB-); production needs the production server key");
      if (!typed.serverKey && !stored)
        throw invalid("enter the server key (Midtrans dashboard: Settings > Access Keys)");
      if (!typed.serverKey && stored && stored.environment !== environment)
        throw invalid(`enter the ${environment} server key: sandbox and production keys differ`);
    },
    bootstrap: bootstrap.serverKey
      ? {
          environment: bootstrap.isProduction ? "production" : "sandbox",
          serverKey: bootstrap.serverKey,
          ...(bootstrap.clientKey ? { clientKey: bootstrap.clientKey } : {}),
        }
      : undefined,
    sameAccount: (a, b) =>
      a.serverKey === b.serverKey && apiUrlFor(bootstrap, environmentOf(a)) === apiUrlFor(bootstrap, environmentOf(b)),
    async test(values) {
      const active = build(deps, "app", values);
      try {
        await active.api.status(`tokobot-keycheck-${randomId("", 10)}`);
        return { ok: true, outcome: "valid", message: "Midtrans accepted the key" };
      } catch (error) {
        const status = error instanceof MidtransCallError ? error.httpStatus : undefined;
        if (status === 404) return { ok: true, outcome: "valid", message: "Midtrans accepted the key" };
        if (status === 401)
          return {
            ok: false,
            outcome: "wrong_key",
            message: `Midtrans refused the key for ${active.environment} (401)`,
          };
        if (status === undefined)
          return {
            ok: false,
            outcome: "unreachable",
            message: error instanceof Error ? error.message : "no answer from Midtrans",
          };
        return {
          ok: false,
          outcome: "unexpected",
          message: `Midtrans answered ${status}: ${error instanceof Error ? error.message : ""}`,
        };
      }
    },
    describe(values) {
      const environment = values ? environmentOf(values) : bootstrap.isProduction ? "production" : "sandbox";
      return { environment, apiHost: new URL(apiUrlFor(bootstrap, environment)).host };
    },
  };
}

/**
 * The Midtrans configuration in force, resolved at run time from the generic gateway settings
 * (keys set in the admin app win over MIDTRANS_*). Its Core API client is cached and rebuilt when
 * the settings change, so the gateway, the webhook's signature check and the reconciler all follow
 * a change at once, without a restart. Keys leave only through the Basic auth header of a call.
 */
export function createMidtransSettings(deps: MidtransDeps & { settings: GatewaySettings }) {
  const { settings } = deps;
  let built: { from: GatewaySettingValues; active: ActiveMidtrans } | undefined;

  const current = async (): Promise<ActiveMidtrans | undefined> => {
    const resolved = await settings.current(MIDTRANS_GATEWAY_ID);
    if (!resolved) return undefined;
    // The settings service hands out the same object until they change.
    if (built?.from !== resolved.values)
      built = { from: resolved.values, active: build(deps, resolved.source, resolved.values) };
    return built.active;
  };

  // No keys: every call fails as "no answer", which payments treat as "try again later", never as a refusal.
  const requireActive = async (): Promise<ActiveMidtrans> => {
    const active = await current();
    if (!active) throw new MidtransCallError("Midtrans is not configured", undefined, undefined);
    return active;
  };

  const coreApi: MidtransCoreApi = {
    charge: async (body) => (await requireActive()).api.charge(body),
    status: async (orderId) => (await requireActive()).api.status(orderId),
    cancel: async (orderId) => (await requireActive()).api.cancel(orderId),
    expire: async (orderId) => (await requireActive()).api.expire(orderId),
  };

  return {
    /** The Core API of whatever configuration is current at each call (for the gateway). */
    coreApi,
    current,
    /** The server key notifications are signed with, now; undefined when QRIS is not configured. */
    serverKey: async (): Promise<string | undefined> => (await current())?.serverKey,
    configured: async (): Promise<boolean> => (await current()) !== undefined,
    /** What the admin app shows (the generic settings view, with Midtrans' environment and API host). */
    view: () => settings.view(MIDTRANS_GATEWAY_ID),
  };
}

export type MidtransSettings = ReturnType<typeof createMidtransSettings>;
