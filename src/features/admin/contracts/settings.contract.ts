/** The settings area of the admin API (admin.settings.api.ts): shop settings and the Midtrans keys. */
import type { SettingChange, SettingKind, SettingView } from "../../settings/settings.admin.js";
import type { MidtransKeysView, MidtransTest } from "../../payments/midtrans.settings.js";
import type { GatewayEnvironment } from "../../payments/gateway-keys.table.js";

export type { SettingChange, SettingKind, SettingView, MidtransTest, GatewayEnvironment };

/** GET /settings: every setting with its bounds, by group. */
export interface SettingGroups {
  groups: Array<{ group: string; settings: SettingView[] }>;
}

/** GET, PUT, DELETE /settings/midtrans: which keys are set (masked), where they come from, the last test. */
export type MidtransKeys = MidtransKeysView & { canReveal: boolean };

/** POST /settings/midtrans/test */
export interface MidtransTested {
  result: MidtransTest;
  keys: MidtransKeys;
}
