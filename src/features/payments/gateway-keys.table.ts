import type { Selectable } from "kysely";

export type GatewayEnvironment = "sandbox" | "production";

/** Payment gateway keys set from the admin app, one row per gateway id; `server_key` and `client_key` are SecretBox envelopes. */
export interface GatewayKeysTable {
  /** A `PaymentGateway` id. */
  gateway: string;
  environment: GatewayEnvironment;
  server_key: string;
  client_key: string | null;
  updated_by: string;
  updated_at: number;
}

export type GatewayKeysRow = Selectable<GatewayKeysTable>;
