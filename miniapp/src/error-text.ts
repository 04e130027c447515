import type { ApiError } from "./api";

const IDS = new Set(["order", "id", "mid", "customer"]);

interface Texts {
  t(key: string, vars?: Record<string, string | number>): string;
  number(value: number): string;
}

/**
 * A server refusal in the admin's language: its key's text (`error.<key>`) with the values filled
 * in (numbers grouped, a field named by its label when the app has one); the server's English
 * message only when the app has no text for the key, or the server sent none.
 */
export function apiErrorText(i18n: Texts, error: ApiError): string {
  const { t, number } = i18n;
  if (!error.text) return error.message;
  const textKey = `error.${error.text.key}`;
  const vars: Record<string, string | number> = {};
  // Amounts and counts grouped as Indonesians write them ("12.600"); ids stay as they are ("#1234").
  for (const [name, value] of Object.entries(error.text.params))
    vars[name] = typeof value === "number" && !IDS.has(name) ? number(value) : value;
  if (typeof error.text.params.field === "string")
    vars.field = labelOf(t, `field.${error.text.params.field}`, error.text.params.field);
  if (typeof error.text.params.setting === "string")
    vars.setting = labelOf(t, `setting.${error.text.params.setting}`, error.text.params.setting);
  const text = t(textKey, vars);
  return text === textKey ? error.message : text;
}

function labelOf(t: Texts["t"], key: string, fallback: string): string {
  const label = t(key);
  return label === key ? fallback : label;
}
