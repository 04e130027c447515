import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { MessageKey } from "../../shared/errors.js";
import { readSettingValue, writeSettingValue } from "./settings.repository.js";

/**
 * Shop settings live in the database (so the admin Mini App can change them without a restart),
 * each with a schema and a default. Environment variables hold only what the process needs to boot.
 */
const SETTINGS = {
  /** Default margin over supplier cost, percent (decimal string, exact). */
  "pricing.default_margin_percent": { schema: z.string().regex(/^\d{1,4}(\.\d{1,4})?$/), fallback: "30" },
  /** Sell prices per 1000 are rounded up to a multiple of this many rupiah. */
  "pricing.round_step": { schema: z.number().int().min(1).max(100_000), fallback: 100 },
  /** The least a sale must earn over supplier cost, in rupiah per order (small orders are raised to it). */
  "pricing.min_profit_per_order": { schema: z.number().int().min(0).max(10_000_000), fallback: 0 },
  /** When suppliers' catalogs are re-synced (cron, Asia/Jakarta). */
  "catalog.sync_cron": { schema: z.string().regex(/^\S+( \S+){4,5}$/), fallback: "15 */6 * * *" },
  "checkout.quote_ttl_minutes": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    fallback: 30,
  },
  "payments.invoice_expiry_minutes": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    fallback: 15,
  },
  /** How often supplier order statuses are synced. */
  "fulfilment.status_sync_minutes": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    fallback: 15,
  },
  /**
   * Pause between two status calls to the same supplier (rate limits). At 2 s a round checks about
   * 3,000 orders a minute per supplier; a shop with a generous panel can lower it.
   */
  "fulfilment.status_pause_ms": { schema: z.number().int().min(0).max(60_000), fallback: 2_000 },
  /** An order with no reported progress for this long is flagged to admins. */
  "fulfilment.stuck_after_hours": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    fallback: 24,
  },
  /** An order waiting for a supplier's funds is refunded to the customer after this many hours. */
  "fulfilment.funds_wait_hours": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 7),
    fallback: 6,
  },
  /** How often suppliers' balances are checked (orders waiting for funds resume, low balances alert). */
  "fulfilment.funds_check_minutes": {
    schema: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    fallback: 5,
  },
  /** A QR paid after it expired: fulfil when the quote is still valid (else wallet), or always credit the wallet. */
  "payments.late_payment_policy": {
    schema: z.enum(["fulfil_if_quote_valid", "wallet"]),
    fallback: "fulfil_if_quote_valid",
  },
  /** Which ways to pay are offered. */
  "payments.rails": {
    schema: z.array(z.enum(["qris", "wallet", "stars"])).min(1),
    fallback: ["qris", "wallet", "stars"],
  },
  /** Rupiah per Telegram Star, for pricing Stars invoices. */
  "payments.stars_rate_idr": { schema: z.number().int().min(1).max(100_000), fallback: 250 },
  /** Wallet top-ups by QRIS: the smallest and largest amount. */
  "wallet.topup_min": { schema: z.number().int().min(1_000), fallback: 10_000 },
  "wallet.topup_max": { schema: z.number().int().min(1_000), fallback: 5_000_000 },
  /** Tokens the LLM may spend per day (Asia/Jakarta), all customers together; 0 turns the LLM off. */
  "assistant.llm_daily_token_budget": { schema: z.number().int().min(0).max(1_000_000_000), fallback: 300_000 },
  /** LLM calls one customer may cause per day; past it their messages are read by the rules. */
  "assistant.llm_customer_daily_calls": { schema: z.number().int().min(0).max(100_000), fallback: 60 },
  /** Messages a customer may send per minute before the bot stops answering for a while. */
  "assistant.rate_limit_per_minute": { schema: z.number().int().min(1).max(600), fallback: 20 },
  /** Misunderstood messages in a row after which a person is offered (hand-off). */
  "assistant.handoff_after_misunderstandings": { schema: z.number().int().min(1).max(20), fallback: 3 },
  /** Days conversation transcripts are kept (context for the assistant and for hand-offs). */
  "assistant.transcript_retention_days": { schema: z.number().int().min(1).max(3_650), fallback: 30 },
} as const;

type SettingsSpec = typeof SETTINGS;
export type SettingKey = keyof SettingsSpec;
export type SettingValue<K extends SettingKey> = z.infer<SettingsSpec[K]["schema"]>;

/** Every setting's name, in the order they are declared. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** What a value of these settings looks like, for the message when a typed one does not. */
const FORMAT_HINTS: Partial<Record<SettingKey, string>> = {
  "pricing.default_margin_percent": "a percentage such as 30 or 12.5 is needed",
  "catalog.sync_cron": "a schedule of five fields is needed: minute hour day month weekday, e.g. 15 */6 * * *",
};

/**
 * A refusal in words an admin can act on (rather than zod's "expected int, received number"): the
 * English sentence for logs and the CLI, and its MessageKey (`setting.*`) for the admin app.
 */
function issueMessage(key: SettingKey, issue: z.core.$ZodIssue): { message: string; text: MessageKey } {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array"
        ? {
            message: `choose at least ${String(issue.minimum)}`,
            text: { key: "setting.choose_at_least", params: { min: Number(issue.minimum) } },
          }
        : {
            message: `the smallest allowed is ${String(issue.minimum)}`,
            text: { key: "setting.too_small", params: { min: Number(issue.minimum) } },
          };
    case "too_big":
      return {
        message: `the largest allowed is ${String(issue.maximum)}`,
        text: { key: "setting.too_big", params: { max: Number(issue.maximum) } },
      };
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int")
        return { message: "a whole number is needed", text: { key: "setting.whole_number" } };
      if (issue.expected === "array")
        return { message: "a list of choices is needed", text: { key: "setting.choose_at_least", params: { min: 1 } } };
      return formatHint(key, issue);
    case "invalid_value":
      return {
        message: `choose one of ${issue.values.map(String).join(", ")}`,
        text: { key: "setting.unknown_choice" },
      };
    case "invalid_format":
      return formatHint(key, issue);
    default:
      return { message: issue.message, text: { key: "setting.invalid" } };
  }
}

function formatHint(key: SettingKey, issue: z.core.$ZodIssue): { message: string; text: MessageKey } {
  const hint = FORMAT_HINTS[key];
  if (!hint) return { message: issue.message, text: { key: "setting.invalid" } };
  return {
    message: hint,
    text: { key: key === "catalog.sync_cron" ? "setting.cron_format" : "setting.percent_format" },
  };
}

/** Checks a value against a setting's schema (the admin app validates before it writes). */
export function parseSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): { ok: true; value: SettingValue<K> } | { ok: false; message: string; text: MessageKey } {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as SettingValue<K> };
  const problems = parsed.error.issues.map((i) => issueMessage(key, i));
  return { ok: false, message: [...new Set(problems.map((p) => p.message))].join("; "), text: problems[0]!.text };
}

/** A setting's schema, for forms that show its bounds and choices. */
export function settingSchema(key: SettingKey): z.ZodType {
  return SETTINGS[key].schema;
}

/** The value a setting has when nobody set it. */
export function settingDefault<K extends SettingKey>(key: K): SettingValue<K> {
  return SETTINGS[key].fallback as SettingValue<K>;
}

/** How stale a setting may be on one instance after another changed it (several instances on PostgreSQL). */
export const SHARED_SETTINGS_CACHE_MS = 5_000;

export function createSettingsService(deps: {
  db: Db;
  clock: Clock;
  /** Several instances: a value is read again after this long, so one changed elsewhere arrives. Absent: cached until set here. */ cacheMs?: number;
}) {
  const { cacheMs } = deps;
  // The stored text too, to tell a value another instance changed from one merely read again.
  const cache = new Map<SettingKey, { value: unknown; text: string | undefined; readAt: number }>();
  // Told after a value is stored, so work that was set up from a setting (a schedule) can follow it.
  const listeners: Array<(key: SettingKey) => void> = [];
  const fresh = (entry: { readAt: number }) => cacheMs === undefined || performance.now() - entry.readAt < cacheMs;

  const read = async <K extends SettingKey>(key: K): Promise<SettingValue<K>> => {
    const stored = await readSettingValue(deps.db, key);
    const parsed = stored !== undefined ? SETTINGS[key].schema.safeParse(JSON.parse(stored)) : undefined;
    const value = (parsed?.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
    const before = cache.get(key);
    cache.set(key, { value, text: stored, readAt: performance.now() });
    // Changed by another instance: this one's schedules follow, as after a change made here.
    if (before && before.text !== stored) for (const listener of listeners) listener(key);
    return value;
  };

  return {
    async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
      const hit = cache.get(key);
      if (hit && fresh(hit)) return hit.value as SettingValue<K>;
      return read(key);
    },

    async set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
      const valid = SETTINGS[key].schema.parse(value);
      const now = deps.clock.now();
      const text = JSON.stringify(valid);
      await writeSettingValue(deps.db, key, text, now);
      cache.set(key, { value: valid, text, readAt: performance.now() });
      for (const listener of listeners) listener(key);
    },

    onChange(listener: (key: SettingKey) => void): void {
      listeners.push(listener);
    },

    /** Several instances: reads every cached setting again now, telling listeners what another instance changed. */
    async refresh(): Promise<void> {
      for (const key of [...cache.keys()]) await read(key);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
