import { cronInWords } from "./cron-words";
import type { SettingView } from "./settings.types";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Settings counted in rupiah: shown as "Rp 10.000" rather than a bare number. */
const RUPIAH = new Set([
  "pricing.round_step",
  "pricing.min_profit_per_order",
  "wallet.topup_min",
  "wallet.topup_max",
  "payments.stars_rate_idr",
]);

/** A setting's value as the settings list shows it: numbers grouped, rupiah marked, choices in words. */
export function settingValueText(
  setting: Pick<SettingView, "key" | "kind">,
  value: unknown,
  t: Translate,
  number: (n: number) => string,
): string {
  switch (setting.kind) {
    case "integer":
      return typeof value === "number"
        ? RUPIAH.has(setting.key)
          ? `Rp ${number(value)}`
          : number(value)
        : String(value);
    case "percent":
      return `${String(value)}%`;
    case "choice":
      return t(`setting.option.${setting.key}.${String(value)}`);
    case "choices":
      return Array.isArray(value)
        ? value.map((v) => t(`setting.option.${setting.key}.${String(v)}`)).join(", ")
        : String(value);
    case "cron":
      return cronInWords(t, String(value));
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

/**
 * What is wrong with a draft before it is sent, from the limits the server describes the setting
 * with (min, max, choices, kind), in the same words the server's refusal would have; undefined
 * when it can be saved. The server still checks everything (a cron croner accepts, top-up bounds).
 */
export function draftProblem(
  setting: Pick<SettingView, "key" | "kind" | "min" | "max">,
  draft: string | string[],
  t: Translate,
  number: (n: number) => string,
): string | undefined {
  const label = t(`setting.${setting.key}`);
  if (Array.isArray(draft))
    return draft.length === 0 ? t("error.setting.choose_at_least", { setting: label, min: 1 }) : undefined;
  const text = draft.trim();
  if (text === "") return undefined;
  switch (setting.kind) {
    case "integer": {
      const value = typedNumber(text);
      if (typeof value !== "number" || !Number.isSafeInteger(value))
        return t("error.setting.whole_number", { setting: label });
      const shown = (n: number) => settingValueText(setting, n, t, number);
      if (setting.min !== undefined && value < setting.min)
        return t("error.setting.too_small", { setting: label, min: shown(setting.min) });
      if (setting.max !== undefined && value > setting.max)
        return t("error.setting.too_big", { setting: label, max: shown(setting.max) });
      return undefined;
    }
    case "percent":
      return /^\d{1,4}([.,]\d{1,4})?$/.test(text) ? undefined : t("error.setting.percent_format", { setting: label });
    case "cron":
      return /^\S+( \S+){4,5}$/.test(text.replace(/\s+/g, " "))
        ? undefined
        : t("error.setting.cron_format", { setting: label });
    default:
      return undefined;
  }
}
