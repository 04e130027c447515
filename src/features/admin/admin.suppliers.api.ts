import { z } from "zod";
import { CREDENTIAL_FIELDS } from "../providers/provider-adapters.js";
import { INDO_PANELS, PROVIDER_KINDS, type ProviderCredentials } from "../providers/provider.types.js";
import { credentialFieldsOf, type ProviderSummary } from "../providers/providers.service.js";
import { AppError } from "../../shared/errors.js";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody } from "./admin.http.js";
import { can } from "./admin.permissions.js";
import type { RevealedKey } from "./contracts/common.contract.js";
import type {
  SupplierKeys,
  SupplierKinds,
  SupplierList,
  SupplierOverview,
  SupplierSaved,
  SupplierTested,
} from "./contracts/suppliers.contract.js";

const FIELDS = ["key", "apiId", "apiKey", "secretKey", "username", "webhookSecret"] as const satisfies ReadonlyArray<
  keyof ProviderCredentials
>;
/** What the app shows for a stored secret: nothing of the secret itself, not even its length. */
const MASK = "••••••••";

const Credentials = z.object(
  Object.fromEntries(FIELDS.map((f) => [f, z.string().trim().max(500).optional()])) as Record<
    (typeof FIELDS)[number],
    z.ZodOptional<z.ZodString>
  >,
);
const Options = z.object({
  panel: z.enum(INDO_PANELS).optional(),
  priceTier: z.enum(["basic", "premium", "special"]).optional(),
  idempotencyParam: z.string().trim().max(40).optional(),
  testing: z.boolean().optional(),
});
const AddBody = z.object({
  name: z.string().trim().max(64),
  kind: z.enum(PROVIDER_KINDS, { message: `kind must be one of: ${PROVIDER_KINDS.join(", ")}` }),
  url: z.string().trim().max(500),
  credentials: Credentials,
  options: Options.default({}),
  // Left out (or empty): the currency the supplier itself reports (see supplier-currency.ts).
  currency: z
    .string()
    .trim()
    .max(3)
    .optional()
    .transform((v) => (v ? v : undefined)),
  rateToIdr: z.string().trim().max(20).optional(),
});
const EditBody = z.object({
  name: z.string().trim().max(64).optional(),
  url: z.string().trim().max(500).optional(),
  credentials: Credentials.optional(),
  options: Options.optional(),
  currency: z.string().trim().max(3).optional(),
  rateToIdr: z.string().trim().max(20).optional(),
  active: z.boolean().optional(),
  lowBalanceThreshold: z.number().nullable().optional(),
});

/** Empty fields in a form mean "not given": an edit never blanks a stored key by accident. */
function given(credentials: z.infer<typeof Credentials> | undefined): Partial<ProviderCredentials> | undefined {
  if (!credentials) return undefined;
  const entries = Object.entries(credentials).filter(([, v]) => typeof v === "string" && v.length > 0);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const forbidden = (role: string, what: string) => new AppError("admin.forbidden", `your role (${role}) cannot ${what}`);

async function supplierById(deps: SuppliersAreaDeps, id: number): Promise<ProviderSummary> {
  const supplier = await deps.providers.getById(id);
  if (!supplier) throw new AppError("admin.not_found", `no supplier with id ${id}`);
  return supplier;
}

/** The services this area is given (admin.areas.ts). */
export type SuppliersAreaDeps = Pick<AdminServices, "providers" | "catalog">;

/**
 * Suppliers. view: the list and a supplier (never anything about its credentials); manage: add,
 * edit, enable/disable, test the connection; keys: which credential fields are set (masked) and
 * writing new ones; reveal (owners): one secret in full, audited. The providers service audits
 * every change, naming changed credential fields but never their values.
 */
export const suppliersArea: AdminArea<SuppliersAreaDeps> = (api, deps) => {
  api.get("/suppliers", requirePermission("view"), async (c) =>
    c.json({ suppliers: await deps.providers.list() } satisfies SupplierList),
  );

  api.get("/suppliers/kinds", requirePermission("manage"), (c) =>
    c.json({
      kinds: PROVIDER_KINDS.map((kind) => ({
        kind,
        required: CREDENTIAL_FIELDS[kind],
        fields: credentialFieldsOf(kind),
      })),
      panels: INDO_PANELS,
    } satisfies SupplierKinds),
  );

  api.get("/suppliers/:id", requirePermission("view"), async (c) => {
    const supplier = await supplierById(deps, idParam(c));
    const syncs = await deps.catalog.recentSyncsOf(supplier.id, 5);
    return c.json({
      supplier,
      syncs,
      importRunning: deps.catalog.importRunningSince(supplier.id) !== undefined,
    } satisfies SupplierOverview);
  });

  api.post("/suppliers", requirePermission("manage"), requirePermission("keys"), async (c) => {
    const body = await jsonBody(c, AddBody);
    const supplier = await deps.providers.add(
      { ...body, credentials: given(body.credentials) ?? {} },
      c.get("admin").actor,
    );
    return c.json({ supplier } satisfies SupplierSaved, 201);
  });

  api.patch("/suppliers/:id", requirePermission("manage"), async (c) => {
    const supplier = await supplierById(deps, idParam(c));
    const body = await jsonBody(c, EditBody);
    const credentials = given(body.credentials);
    if (credentials && !can(c.get("admin").role, "keys")) throw forbidden(c.get("admin").role, "change keys");
    const updated = await deps.providers.edit(supplier.name, { ...body, credentials }, c.get("admin").actor);
    return c.json({ supplier: updated } satisfies SupplierSaved);
  });

  api.post("/suppliers/:id/test", requirePermission("manage"), async (c) => {
    const supplier = await supplierById(deps, idParam(c));
    const result = await deps.providers.test(supplier.name);
    return c.json({ result, supplier: await supplierById(deps, supplier.id) } satisfies SupplierTested);
  });

  api.get("/suppliers/:id/keys", requirePermission("keys"), async (c) => {
    const supplier = await supplierById(deps, idParam(c));
    const set = new Set<string>(await deps.providers.credentialFieldsSet(supplier.name));
    const required = new Set<string>(CREDENTIAL_FIELDS[supplier.kind]);
    return c.json({
      keys: credentialFieldsOf(supplier.kind).map((field) => ({
        field,
        required: required.has(field),
        set: set.has(field),
        masked: set.has(field) ? MASK : null,
      })),
      canReveal: can(c.get("admin").role, "reveal"),
    } satisfies SupplierKeys);
  });

  api.post("/suppliers/:id/keys/:field/reveal", requirePermission("reveal"), async (c) => {
    const supplier = await supplierById(deps, idParam(c));
    const field = c.req.param("field");
    if (!(FIELDS as readonly string[]).includes(field))
      throw new AppError("admin.invalid_input", `unknown key field ${field}`);
    const value = await deps.providers.revealCredential(
      supplier.name,
      field as keyof ProviderCredentials,
      c.get("admin").actor,
    );
    // Not cached anywhere on the way back: the app shows it once, on request.
    c.header("cache-control", "no-store");
    return c.json({ field, value } satisfies RevealedKey);
  });
};
