/** The settings area of the admin API (admin.settings.api.ts): shop settings and each payment gateway's settings. */
import type { SettingChange, SettingKind, SettingView } from "../../settings/settings.admin.js";
import type { GatewaySettingsView, GatewayTestRecord } from "../../payments/gateway-settings.service.js";
import type { MidtransTest } from "../../payments/midtrans.settings.js";
import type { GatewayEnvironment } from "../../payments/gateway-keys.table.js";

export type { SettingChange, SettingKind, SettingView, GatewayTestRecord, MidtransTest, GatewayEnvironment };

/** The gateways whose settings the shop has, in GET /settings. */
export interface GatewayEntry {
  gateway: string;
  label: string;
}

/** GET /settings: every setting with its bounds, by group, and the payment gateways with a settings screen. */
export interface SettingGroups {
  groups: Array<{ group: string; settings: SettingView[] }>;
  gateways: GatewayEntry[];
}

/** GET, PUT, DELETE /settings/<gateway>: its settings as its descriptor lists them (secrets masked), where they come from, the last test. */
export type GatewayKeys = GatewaySettingsView & { canReveal: boolean };

/** POST /settings/<gateway>/test */
export interface GatewayTested {
  result: GatewayTestRecord;
  keys: GatewayKeys;
}
