import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import { telegramHtmlProblem } from "../../shared/telegram-html.js";
import type { AuditService } from "../audit/audit.service.js";
import { deleteBotText, findBotText, listBotTexts, upsertBotText } from "./bot-texts.repository.js";

/**
 * The bot texts a shop may rewrite, with the placeholders each may use. The bot fills a
 * placeholder with the value it already passes to the locale file's text (escaped there).
 */
export const OVERRIDABLE_TEXTS = { welcome: ["name"], help: [] } as const satisfies Record<string, readonly string[]>;
export type OverridableText = keyof typeof OVERRIDABLE_TEXTS;
export type TextLanguage = "id" | "en";
const LANGUAGES: readonly TextLanguage[] = ["id", "en"];

export interface BotTextView {
  key: OverridableText;
  language: TextLanguage;
  /** The shop's own text, or null when the locale file's text is used. */
  text: string | null;
  /** The locale file's text, with placeholders written {name}. */
  defaultText: string;
  placeholders: readonly string[];
  updatedAt: number | null;
  updatedBy: string | null;
}

const invalid = (message: string) => new AppError("settings.invalid_input", message);
const isKey = (key: string): key is OverridableText => Object.hasOwn(OVERRIDABLE_TEXTS, key);

/**
 * Welcome and help texts rewritten in the admin app, per language, stored in the database and used
 * by the bot instead of the locale file's text; removing one brings the default back. A text is
 * checked as Telegram HTML before it is stored (a broken tag would make Telegram refuse the
 * message), and every change is audited with the text before and after.
 */
export function createBotTexts(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  translate: (locale: string, key: string, vars?: Record<string, string>) => string;
}) {
  const { db, clock, audit, translate } = deps;
  // Read on every update that shows one of these texts: kept in memory, reloaded after a change here.
  let loaded: Promise<Map<string, string>> | undefined;
  const load = (): Promise<Map<string, string>> => {
    if (!loaded) {
      const loading = listBotTexts(db).then((rows) => new Map(rows.map((r) => [`${r.key}:${r.language}`, r.text])));
      loaded = loading;
      loading.catch(() => {
        if (loaded === loading) loaded = undefined;
      });
    }
    return loaded;
  };

  const check = (key: string, language: string): { key: OverridableText; language: TextLanguage } => {
    if (!isKey(key))
      throw invalid(`the bot text ${key} cannot be changed; these can: ${Object.keys(OVERRIDABLE_TEXTS).join(", ")}`);
    if (!(LANGUAGES as readonly string[]).includes(language)) throw invalid('language is "id" or "en"');
    return { key, language: language as TextLanguage };
  };

  const defaultOf = (key: OverridableText, language: TextLanguage) =>
    translate(language, key, Object.fromEntries(OVERRIDABLE_TEXTS[key].map((p) => [p, `{${p}}`])));

  return {
    /**
     * The rewritten texts, for the bot: `text(key, language, vars)` answers synchronously once
     * loaded, undefined when the shop kept the default.
     */
    async snapshot(): Promise<
      (key: string, language: string, vars?: Record<string, string | number>) => string | undefined
    > {
      const texts = await load();
      return (key, language, vars) => {
        const text = texts.get(`${key}:${language}`);
        return text === undefined
          ? undefined
          : text.replace(/\{(\w+)\}/g, (whole, name: string) =>
              vars?.[name] === undefined ? whole : String(vars[name]),
            );
      };
    },

    async list(): Promise<BotTextView[]> {
      const rows = await listBotTexts(db);
      const byKey = new Map(rows.map((r) => [`${r.key}:${r.language}`, r]));
      return (Object.keys(OVERRIDABLE_TEXTS) as OverridableText[]).flatMap((key) =>
        LANGUAGES.map((language) => {
          const row = byKey.get(`${key}:${language}`);
          return {
            key,
            language,
            text: row?.text ?? null,
            defaultText: defaultOf(key, language),
            placeholders: OVERRIDABLE_TEXTS[key],
            updatedAt: row?.updated_at ?? null,
            updatedBy: row?.updated_by ?? null,
          };
        }),
      );
    },

    async set(keyName: string, languageName: string, input: string, actor: string): Promise<void> {
      const { key, language } = check(keyName, languageName);
      const text = input.trim();
      const allowed: readonly string[] = OVERRIDABLE_TEXTS[key];
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (!allowed.includes(name!))
          throw invalid(
            allowed.length > 0
              ? `unknown placeholder {${name}}: this text can use ${allowed.map((p) => `{${p}}`).join(", ")}`
              : `this text has no placeholders; {${name}} would be shown as it is`,
          );
      }
      // Checked as written first, so a problem's position is where the admin typed it; then with the
      // placeholders filled as the longest name Telegram allows, so the sent message fits too.
      const problem = telegramHtmlProblem(text) ?? telegramHtmlProblem(text.replace(/\{(\w+)\}/g, "x".repeat(64)));
      if (problem) throw invalid(`the text cannot be sent by Telegram: ${problem}`);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await findBotText(trx, key, language);
        await upsertBotText(trx, { key, language, text, updated_by: actor, updated_at: now });
        await audit.record(trx, {
          actor,
          action: "bot_text.set",
          subject: `bot_text:${key}:${language}`,
          before: { text: before ?? null },
          after: { text },
        });
      });
      loaded = undefined;
    },

    /** Back to the locale file's text. */
    async reset(keyName: string, languageName: string, actor: string): Promise<void> {
      const { key, language } = check(keyName, languageName);
      const removed = await db.transaction().execute(async (trx) => {
        const before = await findBotText(trx, key, language);
        if (before === undefined) return false;
        await deleteBotText(trx, key, language);
        await audit.record(trx, {
          actor,
          action: "bot_text.reset",
          subject: `bot_text:${key}:${language}`,
          before: { text: before },
          after: { text: null },
        });
        return true;
      });
      if (!removed) throw new AppError("admin.not_found", `the ${key} text in ${language} is already the default`);
      loaded = undefined;
    },
  };
}

export type BotTexts = ReturnType<typeof createBotTexts>;
