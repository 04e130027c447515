import type { HttpClient } from "../../infra/http/http-client.js";
import { AppError } from "../../shared/errors.js";
import type { ProviderAdapter, ProviderKind } from "./provider.types.js";
import { createSmmV2Adapter, type SmmV2Credentials } from "./smm-v2.adapter.js";

/** Builds the adapter for a supplier family from its URL and decrypted credentials. */
export function createProviderAdapter(kind: ProviderKind, url: string, credentials: Record<string, string>, http: HttpClient): ProviderAdapter {
  switch (kind) {
    case "smm-v2":
      return createSmmV2Adapter({ url, credentials: credentials as unknown as SmmV2Credentials }, http);
    default:
      throw new AppError("providers.unsupported_kind", `supplier kind ${String(kind)} is not supported`);
  }
}

/** The credential fields each kind needs, for validation and for the CLI's help. */
export const CREDENTIAL_FIELDS: Record<ProviderKind, readonly string[]> = {
  "smm-v2": ["key"],
};
