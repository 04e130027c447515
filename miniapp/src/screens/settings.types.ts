/**
 * What the settings and texts areas of the admin API answer
 * (src/features/admin/admin.{settings,texts}.api.ts).
 */
// Shapes the server defines once and sends as they are: read from its source (type-only, erased from the bundle).
import type { MidtransTest } from "../../../src/features/payments/midtrans.settings";
import type { GatewaySettingsView, GatewayTestRecord } from "../../../src/features/payments/gateway-settings.service";
export type { MidtransTest, GatewayTestRecord };
export type SettingKind = "integer" | "percent" | "cron" | "choice" | "choices";

/** One shop setting with its bounds (integer), choices (choice, choices) and default. */
export interface SettingView {
  key: string;
  group: string;
  kind: SettingKind;
  value: unknown;
  default: unknown;
  min?: number;
  max?: number;
  options?: string[];
}

export interface SettingGroups {
  groups: Array<{ group: string; settings: SettingView[] }>;
  /** The payment gateways, each with its settings screen. */
  gateways?: GatewayEntry[];
}

export interface SettingChange {
  setting: SettingView;
  /** Present when the change moved prices: how many services were checked and repriced. */
  repriced?: { checked: number; repriced: number; disabledBelowCost: number; reenabled: number };
}

export type GatewayEnvironment = "sandbox" | "production";


/** A payment gateway's settings as its descriptor lists them (GET /settings/<gateway>). */
export type GatewayKeys = GatewaySettingsView & { environment?: string; apiHost?: string; canReveal: boolean };

/** The gateways whose settings the shop has, in GET /settings. */
export interface GatewayEntry {
  gateway: string;
  label: string;
}

export type TextLanguage = "id" | "en";

export interface BotText {
  key: string;
  language: TextLanguage;
  /** The shop's own text, or null when the default is used. */
  text: string | null;
  defaultText: string;
  placeholders: string[];
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface FaqItem {
  id: number;
  slug: string;
  language: TextLanguage;
  title: string;
  body: string;
  active: boolean;
  updatedAt: number;
}
