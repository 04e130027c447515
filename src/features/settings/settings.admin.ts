import { z } from "zod";
import type { Db } from "../../infra/db/open-database.js";
import { isValidCron } from "../../infra/scheduler/scheduler.js";
import { AppError, type MessageKey } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import {
  parseSetting,
  settingDefault,
  settingSchema,
  SETTING_KEYS,
  type SettingKey,
  type SettingsService,
} from "./settings.service.js";

/** How a setting is edited in the admin app. */
export type SettingKind = "integer" | "percent" | "cron" | "choice" | "choices";

/** The settings the admin app shows, grouped as on its screen; every setting is in one group. */
export const SETTING_GROUPS: ReadonlyArray<{ group: string; keys: ReadonlyArray<SettingKey> }> = [
  {
    group: "payments",
    keys: [
      "payments.rails",
      "payments.invoice_expiry_minutes",
      "payments.late_payment_policy",
      "payments.stars_rate_idr",
    ],
  },
  { group: "pricing", keys: ["pricing.default_margin_percent", "pricing.round_step", "pricing.min_profit_per_order"] },
  { group: "checkout", keys: ["checkout.quote_ttl_minutes", "wallet.topup_min", "wallet.topup_max"] },
  {
    group: "sync",
    keys: [
      "fulfilment.status_sync_minutes",
      "fulfilment.status_pause_ms",
      "fulfilment.stuck_after_hours",
      "fulfilment.funds_wait_hours",
      "fulfilment.funds_check_minutes",
      "catalog.sync_cron",
    ],
  },
  {
    group: "assistant",
    keys: [
      "assistant.llm_daily_token_budget",
      "assistant.llm_customer_daily_calls",
      "assistant.rate_limit_per_minute",
      "assistant.handoff_after_misunderstandings",
      "assistant.transcript_retention_days",
    ],
  },
];

/** Settings that change sell prices: every price is recomputed after one of them changes. */
const PRICING: ReadonlySet<SettingKey> = new Set([
  "pricing.default_margin_percent",
  "pricing.round_step",
  "pricing.min_profit_per_order",
]);

export interface SettingView {
  key: SettingKey;
  group: string;
  kind: SettingKind;
  value: unknown;
  default: unknown;
  min?: number | undefined;
  max?: number | undefined;
  options?: readonly string[] | undefined;
}

/** How many services a repricing checked and changed (the catalog's report says more). */
export interface RepriceSummary {
  checked: number;
  repriced: number;
  disabledBelowCost: number;
  reenabled: number;
}

/**
 * What the settings need of the catalog: the catalog depends on the settings (its prices read
 * them), so the settings name only this and the container passes the catalog's management in.
 */
export interface Repricing {
  /** Stores the shop's default margin, audits it and reprices, as the CLI does. */
  setMargin(target: { scope: "default" }, marginPercent: string, actor: string): Promise<RepriceSummary>;
  repriceAll(): Promise<RepriceSummary>;
}

export interface SettingChange {
  setting: SettingView;
  /** When the change moved prices: how many services it checked and repriced. */
  repriced?: RepriceSummary | undefined;
}

function describe(key: SettingKey, group: string, value: unknown): SettingView {
  const schema = settingSchema(key);
  const base = { key, group, value, default: settingDefault(key) };
  if (key === "catalog.sync_cron") return { ...base, kind: "cron" };
  if (key === "pricing.default_margin_percent") return { ...base, kind: "percent" };
  if (schema instanceof z.ZodEnum) return { ...base, kind: "choice", options: schema.options as string[] };
  if (schema instanceof z.ZodArray && schema.element instanceof z.ZodEnum)
    return { ...base, kind: "choices", options: schema.element.options as string[] };
  const number = schema as z.ZodNumber;
  return { ...base, kind: "integer", min: number.minValue ?? undefined, max: number.maxValue ?? undefined };
}

const invalid = (message: string, text: MessageKey) => new AppError("settings.invalid_input", message, { text });

/**
 * The shop settings as the admin app edits them: each value checked by its schema (and by what a
 * schema cannot say: a cron croner accepts, a top-up minimum below the maximum), stored, and
 * audited with its value before and after. Pricing settings reprice the catalog at once (the
 * default margin through the catalog's own setMargin, which audits it).
 */
export function createSettingsAdmin(deps: {
  db: Db;
  settings: SettingsService;
  audit: AuditService;
  catalogManagement: Repricing;
}) {
  const { db, settings, audit, catalogManagement } = deps;
  const groupOf = new Map(SETTING_GROUPS.flatMap(({ group, keys }) => keys.map((key) => [key, group] as const)));

  const view = async (key: SettingKey): Promise<SettingView> =>
    describe(key, groupOf.get(key)!, await settings.get(key));

  return {
    async list(): Promise<SettingView[]> {
      return Promise.all(SETTING_GROUPS.flatMap(({ keys }) => keys.map(view)));
    },

    /** Changes one setting. Refuses unknown keys and invalid values with a message for people. */
    async change(key: string, value: unknown, actor: string): Promise<SettingChange> {
      if (!(SETTING_KEYS as readonly string[]).includes(key) || !groupOf.has(key as SettingKey))
        throw invalid(`there is no setting ${key}`, { key: "setting.unknown", params: { key } });
      const k = key as SettingKey;
      const parsed = parseSetting(k, typeof value === "string" ? value.trim() : value);
      if (!parsed.ok)
        throw invalid(`${key}: ${parsed.message}`, { ...parsed.text, params: { ...parsed.text.params, setting: key } });
      const next = parsed.value;
      if (k === "catalog.sync_cron" && !isValidCron(next as string))
        throw invalid(
          `${key}: "${String(next)}" is not a schedule croner understands (minute hour day month weekday, e.g. 15 */6 * * *)`,
          { key: "setting.cron_format", params: { setting: key } },
        );
      if (k === "wallet.topup_min" && (next as number) > (await settings.get("wallet.topup_max")))
        throw invalid("the smallest top-up cannot be above the largest", {
          key: "setting.topup_min_above_max",
          params: { max: await settings.get("wallet.topup_max") },
        });
      if (k === "wallet.topup_max" && (next as number) < (await settings.get("wallet.topup_min")))
        throw invalid("the largest top-up cannot be below the smallest", {
          key: "setting.topup_max_below_min",
          params: { min: await settings.get("wallet.topup_min") },
        });
      if (k === "payments.rails") {
        const rails = next as string[];
        if (new Set(rails).size !== rails.length)
          throw invalid("each payment rail once", { key: "setting.rails_once" });
      }

      const before = await settings.get(k);
      if (JSON.stringify(before) === JSON.stringify(next)) return { setting: await view(k) };
      if (k === "pricing.default_margin_percent") {
        // setMargin stores the default, audits it and reprices, as the CLI does.
        const report = await catalogManagement.setMargin({ scope: "default" }, next as string, actor);
        return { setting: await view(k), repriced: summary(report) };
      }
      await settings.set(k, next as never);
      await audit.record(db, {
        actor,
        action: "settings.change",
        subject: `setting:${k}`,
        before: { value: before },
        after: { value: next },
      });
      const repriced = PRICING.has(k) ? summary(await catalogManagement.repriceAll()) : undefined;
      return { setting: await view(k), repriced };
    },
  };
}

function summary(report: RepriceSummary): RepriceSummary {
  return {
    checked: report.checked,
    repriced: report.repriced,
    disabledBelowCost: report.disabledBelowCost,
    reenabled: report.reenabled,
  };
}

export type SettingsAdmin = ReturnType<typeof createSettingsAdmin>;
