import type { Selectable } from "kysely";

/** One setting of one payment gateway, as its descriptor names it (`environment`, `serverKey`…). */
export interface GatewaySettingsTable {
  /** A `PaymentGateway` id. */
  gateway: string;
  field: string;
  /** A SecretBox envelope when `secret` is 1, else the value itself. */
  value: string;
  secret: 0 | 1;
  updated_by: string;
  updated_at: number;
}

export type GatewaySettingRow = Selectable<GatewaySettingsTable>;
