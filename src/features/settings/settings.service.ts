import { z } from "zod";
import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";

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
  "checkout.quote_ttl_minutes": { schema: z.number().int().min(1).max(24 * 60), fallback: 30 },
  "payments.invoice_expiry_minutes": { schema: z.number().int().min(1).max(24 * 60), fallback: 15 },
  /** How often supplier order statuses are synced. */
  "fulfilment.status_sync_minutes": { schema: z.number().int().min(1).max(24 * 60), fallback: 15 },
} as const;

type SettingsSpec = typeof SETTINGS;
export type SettingKey = keyof SettingsSpec;
export type SettingValue<K extends SettingKey> = z.infer<SettingsSpec[K]["schema"]>;

export function createSettingsService(deps: { db: Db; clock: Clock }) {
  const cache = new Map<SettingKey, unknown>();

  return {
    async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
      if (cache.has(key)) return cache.get(key) as SettingValue<K>;
      const row = await deps.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
      const parsed = row ? SETTINGS[key].schema.safeParse(JSON.parse(row.value)) : undefined;
      const value = (parsed?.success ? parsed.data : SETTINGS[key].fallback) as SettingValue<K>;
      cache.set(key, value);
      return value;
    },

    async set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
      const valid = SETTINGS[key].schema.parse(value);
      const now = deps.clock.now();
      const text = JSON.stringify(valid);
      await deps.db
        .insertInto("settings")
        .values({ key, value: text, updated_at: now })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: text, updated_at: now }))
        .execute();
      cache.set(key, valid);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
