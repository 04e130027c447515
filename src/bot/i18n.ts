import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { NextFunction } from "grammy";
import { isCount, type Count } from "../shared/text.js";
import type { BotContext } from "./context.js";

// Through the project root, so the compiled copy (dist/bot/) reads the same src/locales/*.ftl.
export const LOCALES_DIR = fileURLToPath(new URL("../../src/locales", import.meta.url));

type Vars = Record<string, string | number | Count> | undefined;

/**
 * Fluent would format numbers with locale grouping ("#1.234" for an order number), so variables
 * are handed over as plain text, except counts marked with `asCount`: those stay numbers, which
 * Fluent groups the way the message's language does ("1.500" in Indonesian, "1,500" in English).
 */
function plainVars(vars: Vars): Record<string, string | number> | undefined {
  if (!vars) return undefined;
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, isCount(v) ? v.count : String(v)]));
}

/**
 * Indonesian first, English second. The locale is the customer's stored language (from Telegram's
 * language code, then from the language they write in, or chosen with /language).
 */
export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: "id",
    directory: LOCALES_DIR,
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.customer?.language ?? "id",
  });
}

/** Installed right after the i18n plugin: `ctx.t` with plain-text variables. */
export async function plainNumbersInTranslations(ctx: BotContext, next: NextFunction): Promise<void> {
  const translate = ctx.t.bind(ctx);
  ctx.t = ((key: string, vars?: Vars) => translate(key, plainVars(vars))) as BotContext["t"];
  ctx.translate = ctx.t;
  await next();
}

/** The same texts outside a chat update (notifications), for a given locale. */
export function createTranslator(i18n: I18n<BotContext>): (locale: string, key: string, vars?: Vars) => string {
  return (locale, key, vars) => i18n.t(locale, key, plainVars(vars));
}
