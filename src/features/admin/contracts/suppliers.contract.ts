/** The suppliers area of the admin API (admin.suppliers.api.ts). Nothing here ever carries a credential's value, except RevealedKey. */
import type { Selectable } from "kysely";
import type { CatalogSyncTable } from "../../catalog/catalog.table.js";
import type { ProviderKind, ProviderCredentials } from "../../providers/provider.types.js";
import type { ConnectionTest, ProviderSummary } from "../../providers/providers.service.js";

export type SupplierKind = ProviderKind;
export type SupplierKeyField = keyof ProviderCredentials;

/** A supplier as callers may see it: never its credentials, only which ones are set. */
export type Supplier = ProviderSummary;

/** One import or re-sync of a supplier's catalog, as stored (counts only). */
export type CatalogSync = Selectable<CatalogSyncTable>;

/** GET /suppliers */
export interface SupplierList {
  suppliers: Supplier[];
}

/** GET /suppliers/kinds: each kind's credential fields, and the Indonesian panels. */
export interface KindInfo {
  kind: SupplierKind;
  required: readonly SupplierKeyField[];
  fields: SupplierKeyField[];
}
export interface SupplierKinds {
  kinds: KindInfo[];
  panels: readonly string[];
}

/** GET /suppliers/:id */
export interface SupplierOverview {
  supplier: Supplier;
  syncs: CatalogSync[];
  importRunning: boolean;
}

/** POST /suppliers, PATCH /suppliers/:id */
export interface SupplierSaved {
  supplier: Supplier;
}

/** POST /suppliers/:id/test */
export type SupplierTest = ConnectionTest;
export interface SupplierTested {
  result: SupplierTest;
  supplier: Supplier;
}

/** A credential field: whether it is set, masked (never the secret, not even its length). */
export interface SupplierKey {
  field: SupplierKeyField;
  required: boolean;
  set: boolean;
  masked: string | null;
}

/** GET /suppliers/:id/keys */
export interface SupplierKeys {
  keys: SupplierKey[];
  canReveal: boolean;
}
