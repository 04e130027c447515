import type { SettingView } from "./settings.types";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Settings counted in rupiah: shown as "Rp 10.000" rather than a bare number. */
const RUPIAH = new Set(["pricing.round_step", "pricing.min_profit_per_order", "wallet.topup_min", "wallet.topup_max", "payments.stars_rate_idr"]);

/** A setting's value as the settings list shows it: numbers grouped, rupiah marked, choices in words. */
export function settingValueText(setting: Pick<SettingView, "key" | "kind">, value: unknown, t: Translate, number: (n: number) => string): string {
  switch (setting.kind) {
    case "integer":
      return typeof value === "number" ? (RUPIAH.has(setting.key) ? `Rp ${number(value)}` : number(value)) : String(value);
    case "percent":
      return `${String(value)}%`;
    case "choice":
      return t(`setting.option.${setting.key}.${String(value)}`);
    case "choices":
      return Array.isArray(value) ? value.map((v) => t(`setting.option.${setting.key}.${String(v)}`)).join(", ") : String(value);
    default:
      return String(value);
  }
}

/**
 * What an integer field's text is sent as: a number when it reads as one ("10.000" as Indonesians
 * group thousands, "1440", "2,5"), else the text itself, so the server refuses it with its own
 * message ("a whole number is needed") rather than the app guessing.
 */
export function typedNumber(text: string): number | string {
  const trimmed = text.trim();
  if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/\./g, ""));
  if (/^-?\d+([.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(",", "."));
  return trimmed;
}
