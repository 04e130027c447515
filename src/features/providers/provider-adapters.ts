import type { HttpClient } from "../../infra/http/http-client.js";
import { AppError } from "../../shared/errors.js";
import type { ProviderAdapter, ProviderCredentials, ProviderKind, ProviderOptions } from "./provider.types.js";
import { createDigiflazzAdapter } from "./digiflazz.adapter.js";
import { createIndoPanelAdapter } from "./indo-panel.adapter.js";
import { createSmmV2Adapter } from "./smm-v2.adapter.js";
import { createVipResellerAdapter } from "./vip-reseller.adapter.js";

export interface AdapterSpec {
  kind: ProviderKind;
  url: string;
  credentials: ProviderCredentials;
  options: ProviderOptions;
}

/** Builds the adapter for a supplier family from its URL, decrypted credentials and options. */
export function createProviderAdapter(spec: AdapterSpec, http: HttpClient): ProviderAdapter {
  const { kind, url, credentials: c, options } = spec;
  switch (kind) {
    case "smm-v2":
      return createSmmV2Adapter({ url, key: c.key ?? "", idempotencyParam: options.idempotencyParam }, http);
    case "indo-panel":
      return createIndoPanelAdapter(
        {
          url,
          panel: options.panel ?? "medanpedia",
          apiId: c.apiId ?? "",
          apiKey: c.apiKey ?? "",
          secretKey: c.secretKey,
        },
        http,
      );
    case "vip-reseller":
      return createVipResellerAdapter(
        { url, apiId: c.apiId ?? "", apiKey: c.apiKey ?? "", priceTier: options.priceTier },
        http,
      );
    case "digiflazz":
      return createDigiflazzAdapter(
        { url, username: c.username ?? "", apiKey: c.apiKey ?? "", testing: options.testing },
        http,
      );
    default:
      throw new AppError("providers.unsupported_kind", `supplier kind ${String(kind)} is not supported`);
  }
}

/** The credential fields each kind needs (CentralSMM also needs secretKey: see requiredCredentials). */
export const CREDENTIAL_FIELDS: Record<ProviderKind, ReadonlyArray<keyof ProviderCredentials>> = {
  "smm-v2": ["key"],
  "indo-panel": ["apiId", "apiKey"],
  "vip-reseller": ["apiId", "apiKey"],
  digiflazz: ["username", "apiKey"],
};

export function requiredCredentials(
  kind: ProviderKind,
  options: ProviderOptions,
): ReadonlyArray<keyof ProviderCredentials> {
  return kind === "indo-panel" && options.panel === "centralsmm"
    ? [...CREDENTIAL_FIELDS[kind], "secretKey"]
    : CREDENTIAL_FIELDS[kind];
}
