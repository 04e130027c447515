import { z } from "zod";
import { SETTING_GROUPS } from "../settings/settings.admin.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody } from "./admin.http.js";
import { can } from "./admin.permissions.js";
import type { RevealedKey } from "./contracts/common.contract.js";
import type { MidtransKeys, MidtransTested, SettingChange, SettingGroups } from "./contracts/settings.contract.js";

// nonoptional carries the message: a refine on the object never runs when zod already refused the missing key.
const ValueBody = z.object({ value: z.unknown().nonoptional("give the new value as { value }") }, { error: "give the new value as { value }" });
const KeysBody = z.object({
  environment: z.enum(["sandbox", "production"], { message: 'environment is "sandbox" or "production"' }),
  // Empty fields mean "not given": an edit never blanks a stored key by accident.
  serverKey: z.string().max(200).optional().transform((v) => (v?.trim() ? v.trim() : undefined)),
  clientKey: z.string().max(200).optional().transform((v) => (v?.trim() ? v.trim() : undefined)),
});
const FIELDS = ["serverKey", "clientKey"] as const;

/**
 * Shop settings (admins and owners: manage to read and change; operators run orders, not the
 * shop): every setting with its bounds, one change at a time, validated and audited by the
 * settings service, pricing ones repricing the catalog. The Midtrans keys (keys): which are set,
 * masked, where they come from (app or environment), sandbox or production, a connection test;
 * owners may read a key back (reveal, audited). Keys are never sent back otherwise.
 */
export const settingsArea: AdminArea = (api, deps) => {
  api.get("/settings", requirePermission("manage"), async (c) => {
    const all = await deps.settingsAdmin.list();
    return c.json({ groups: SETTING_GROUPS.map(({ group }) => ({ group, settings: all.filter((s) => s.group === group) })) } satisfies SettingGroups);
  });

  const keysView = async (role: Parameters<typeof can>[0]): Promise<MidtransKeys> => ({ ...(await deps.midtrans.view()), canReveal: can(role, "reveal") });

  api.get("/settings/midtrans", requirePermission("keys"), async (c) => c.json(await keysView(c.get("admin").role)));

  api.put("/settings/midtrans", requirePermission("keys"), async (c) => {
    const body = await jsonBody(c, KeysBody);
    await deps.midtrans.save(body, c.get("admin").actor);
    return c.json(await keysView(c.get("admin").role));
  });

  api.delete("/settings/midtrans", requirePermission("keys"), async (c) => {
    await deps.midtrans.clear(c.get("admin").actor);
    return c.json(await keysView(c.get("admin").role));
  });

  api.post("/settings/midtrans/test", requirePermission("keys"), async (c) => {
    const result = await deps.midtrans.test();
    return c.json({ result, keys: await keysView(c.get("admin").role) } satisfies MidtransTested);
  });

  api.post("/settings/midtrans/reveal/:field", requirePermission("reveal"), async (c) => {
    const field = c.req.param("field");
    if (!(FIELDS as readonly string[]).includes(field)) throw new AppError("admin.invalid_input", `unknown key field ${field}`);
    const value = await deps.midtrans.reveal(field as (typeof FIELDS)[number], c.get("admin").actor);
    // Not cached anywhere on the way back: the app shows it once, on request.
    c.header("cache-control", "no-store");
    return c.json({ field, value } satisfies RevealedKey);
  });

  // After the Midtrans routes: Hono runs handlers in the order they were added, and this one would
  // otherwise take PUT /settings/midtrans as a setting named "midtrans".
  api.put("/settings/:key", requirePermission("manage"), async (c) => {
    const { value } = await jsonBody(c, ValueBody);
    return c.json((await deps.settingsAdmin.change(c.req.param("key"), value, c.get("admin").actor)) satisfies SettingChange);
  });
};
