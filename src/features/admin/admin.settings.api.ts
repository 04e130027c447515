import { z } from "zod";
import { SETTING_GROUPS } from "../settings/settings.admin.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody } from "./admin.http.js";
import { can } from "./admin.permissions.js";
import type { RevealedKey } from "./contracts/common.contract.js";
import type { GatewayKeys, GatewayTested, SettingChange, SettingGroups } from "./contracts/settings.contract.js";

// nonoptional carries the message: a refine on the object never runs when zod already refused the missing key.
const ValueBody = z.object(
  { value: z.unknown().nonoptional("give the new value as { value }") },
  { error: "give the new value as { value }" },
);
/** Typed settings as strings, trimmed; empty fields mean "not given": an edit never blanks a stored key by accident. */
function typedSettings(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return {};
  const entries = Object.entries(body as Record<string, unknown>).map(
    ([k, v]) => [k, typeof v === "string" ? v.trim() : v] as const,
  );
  return Object.fromEntries(entries.filter(([, v]) => v !== "" && v !== undefined && v !== null));
}

/** The services this area is given (admin.areas.ts). */
export type SettingsAreaDeps = Pick<AdminServices, "settingsAdmin" | "gateways" | "gatewaySettings">;

/**
 * Shop settings (admins and owners: manage to read and change; operators run orders, not the
 * shop): every setting with its bounds, one change at a time, validated and audited by the
 * settings service, pricing ones repricing the catalog. Each payment gateway's settings (keys),
 * as its descriptor lists them: which are set, masked, where they come from (app or environment),
 * the plain ones (an environment: sandbox or production), a connection test; owners may read a secret back
 * (reveal, audited). Secrets are never sent back otherwise.
 */
export const settingsArea: AdminArea<SettingsAreaDeps> = (api, deps) => {
  api.get("/settings", requirePermission("manage"), async (c) => {
    const all = await deps.settingsAdmin.list();
    return c.json({
      groups: SETTING_GROUPS.map(({ group }) => ({ group, settings: all.filter((s) => s.group === group) })),
      // Each gateway's settings screen (/settings/<gateway>).
      gateways: deps.gateways.list().map((g) => ({ gateway: g.id, label: g.settings.label })),
    } satisfies SettingGroups);
  });

  // Each payment gateway's settings, built from its descriptor (fields, secrets, test call), under
  // /settings/<gateway id>: the path matches registered gateways only (ids are [a-z0-9_-], never a
  // setting's dotted key), so any other name goes on to the shop settings below.
  const GATEWAY_PATH = `/settings/:gateway{${deps.gateways
    .list()
    .map((g) => g.id)
    .join("|")}}`;
  const gateway = (c: { req: { param(name: "gateway"): string } }) => deps.gateways.get(c.req.param("gateway"))?.id;
  const keysView = async (id: string, role: Parameters<typeof can>[0]): Promise<GatewayKeys> => ({
    ...(await deps.gatewaySettings.view(id)),
    canReveal: can(role, "reveal"),
  });

  api.get(GATEWAY_PATH, requirePermission("keys"), async (c, next) => {
    const id = gateway(c);
    if (!id) return next();
    return c.json(await keysView(id, c.get("admin").role));
  });

  api.put(GATEWAY_PATH, requirePermission("keys"), async (c, next) => {
    const id = gateway(c);
    if (!id) return next();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError("admin.invalid_input", "the request body must be JSON");
    }
    await deps.gatewaySettings.save(id, typedSettings(body), c.get("admin").actor);
    return c.json(await keysView(id, c.get("admin").role));
  });

  api.delete(GATEWAY_PATH, requirePermission("keys"), async (c, next) => {
    const id = gateway(c);
    if (!id) return next();
    await deps.gatewaySettings.clear(id, c.get("admin").actor);
    return c.json(await keysView(id, c.get("admin").role));
  });

  api.post(`${GATEWAY_PATH}/test`, requirePermission("keys"), async (c, next) => {
    const id = gateway(c);
    if (!id) return next();
    const result = await deps.gatewaySettings.test(id);
    return c.json({ result, keys: await keysView(id, c.get("admin").role) } satisfies GatewayTested);
  });

  api.post(`${GATEWAY_PATH}/reveal/:field`, requirePermission("reveal"), async (c, next) => {
    const id = gateway(c);
    if (!id) return next();
    const field = c.req.param("field");
    const value = await deps.gatewaySettings.reveal(id, field, c.get("admin").actor);
    // Not cached anywhere on the way back: the app shows it once, on request.
    c.header("cache-control", "no-store");
    return c.json({ field, value } satisfies RevealedKey);
  });

  // After the gateway routes: Hono runs handlers in the order they were added, and this one would
  // otherwise take PUT /settings/<gateway> as a setting named after the gateway.
  api.put("/settings/:key", requirePermission("manage"), async (c) => {
    const { value } = await jsonBody(c, ValueBody);
    return c.json(
      (await deps.settingsAdmin.change(c.req.param("key"), value, c.get("admin").actor)) satisfies SettingChange,
    );
  });
};
