/**
 * What the settings and texts areas of the admin API answer
 * (src/features/admin/admin.{settings,texts}.api.ts).
 */
// Shapes the server defines once and sends as they are: read from its source (type-only, erased from the bundle).
import type { MidtransTest } from "../../../src/features/payments/midtrans.settings";
export type { MidtransTest };
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
}

export interface SettingChange {
  setting: SettingView;
  /** Present when the change moved prices: how many services were checked and repriced. */
  repriced?: { checked: number; repriced: number; disabledBelowCost: number; reenabled: number };
}

export type GatewayEnvironment = "sandbox" | "production";


export interface MidtransKeys {
  source: "app" | "env" | "none";
  environment: GatewayEnvironment;
  apiHost: string;
  keys: Array<{ field: "serverKey" | "clientKey"; set: boolean; masked: string | null }>;
  updatedAt: number | null;
  updatedBy: string | null;
  openInvoices: number;
  lastTest: MidtransTest | null;
  canReveal: boolean;
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
