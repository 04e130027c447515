import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { TEXTS } from "./i18n/index";

export type Lang = "id" | "en";

const merged: Record<Lang, Record<string, string>> = { id: {}, en: {} };
for (const texts of TEXTS) {
  Object.assign(merged.id, texts.id);
  Object.assign(merged.en, texts.en);
}

/** "{name}" placeholders are filled from vars; a missing key shows itself, so it is noticed. */
export function translate(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const template = merged[lang][key] ?? merged.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    vars[name] === undefined ? `{${name}}` : String(vars[name]),
  );
}

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, vars?: Record<string, string | number>): string;
  /** Rupiah as Indonesians write it: "Rp 12.600". */
  rupiah(amount: number): string;
  number(value: number): string;
  dateTime(epochMs: number): string;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

export function I18nProvider(props: { initial: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(
    () => (localStorage.getItem("admin.lang") as Lang | null) ?? props.initial,
  );
  const value = useMemo<I18nValue>(() => {
    const numbers = new Intl.NumberFormat("id-ID");
    const dates = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Asia/Jakarta",
    });
    return {
      lang,
      setLang(next) {
        localStorage.setItem("admin.lang", next);
        setLangState(next);
      },
      t: (key, vars) => translate(lang, key, vars),
      rupiah: (amount) => `Rp ${numbers.format(amount)}`,
      number: (value) => numbers.format(value),
      dateTime: (epochMs) => dates.format(new Date(epochMs)),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
