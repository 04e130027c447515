import { z } from "zod";
import { dialectOfUrl, sqlitePathOf, type Dialect } from "./infra/db/dialect.js";

/**
 * The only reader of `process.env`. Every setting the process reads is declared here, parsed once
 * with zod, and turned into a nested typed `Config`. A bad value stops start-up with every problem
 * listed, so a typo never becomes a silent default.
 */

const PUBLIC_TELEGRAM_API = "https://api.telegram.org";

/** Blank values in `.env` files ("", "  ") mean "not set", not "set to nothing". */
const isBlank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional());
const orDefault = <T extends z.ZodType>(fallback: string, schema: T) =>
  z.preprocess((v) => (isBlank(v) ? fallback : v), schema);
const optionalText = optional(z.string().trim());
const optionalUrl = optional(z.url());
const flag = (fallback: boolean) => orDefault(String(fallback), z.stringbool());

const EnvSchema = z.object({
  NODE_ENV: optionalText,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  BOT_MODE: orDefault("polling", z.enum(["polling", "webhook"])),
  PUBLIC_URL: optionalUrl,
  WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{12,256}$/, "use 12-256 characters from A-Z a-z 0-9 _ -")),
  HOST: optionalText,
  PORT: orDefault("3000", z.coerce.number().int().min(0).max(65535)),
  DATABASE_URL: orDefault("./data/shop.db", z.string().trim()),
  DATABASE_POOL_SIZE: orDefault("10", z.coerce.number().int().min(1).max(200)),
  JOB_LEASE_SECONDS: orDefault("120", z.coerce.number().int().min(2).max(3600)),
  STOP_GRACE_SECONDS: orDefault("25", z.coerce.number().int().min(0).max(3600)),
  DATA_DIR: orDefault("./data", z.string().trim()),
  MASTER_KEY: optional(
    z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        "must be 64 hexadecimal characters (32 bytes); generate one with `openssl rand -hex 32`",
      ),
  ),
  ADMIN_TELEGRAM_IDS: z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z.string().transform((text, ctx) => {
      const ids = text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean);
      const bad = ids.filter((id) => !/^\d{1,20}$/.test(id));
      if (bad.length > 0) ctx.addIssue({ code: "custom", message: `not Telegram user ids: ${bad.join(", ")}` });
      return ids.map(Number);
    }),
  ),
  MIDTRANS_SERVER_KEY: optionalText,
  MIDTRANS_CLIENT_KEY: optionalText,
  MIDTRANS_IS_PRODUCTION: flag(false),
  MIDTRANS_API_URL: optionalUrl,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: orDefault("gpt-4o-mini", z.string().trim()),
  OPENAI_TIMEOUT_MS: orDefault("8000", z.coerce.number().int().min(100).max(120_000)),
  OPENAI_MAX_RETRIES: orDefault("1", z.coerce.number().int().min(0).max(5)),
  OPENAI_EMBEDDING_MODEL: orDefault("text-embedding-3-small", z.string().trim()),
  OPENAI_EMBEDDING_DIMENSIONS: optional(z.coerce.number().int().min(8).max(4096)),
  FAILPOINTS: optional(z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, "comma-separated failpoint names")),
  LOG_LEVEL: orDefault("info", z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])),
  SANDBOX_SUPPLIER_SECONDS: orDefault("25", z.coerce.number().int().min(1).max(3600)),
});

/** Every variable the process reads (`.env.example` documents each one). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export type LogLevel = z.infer<typeof EnvSchema>["LOG_LEVEL"];

export interface Config {
  /** `sandbox` when no bot token is configured: every outside service is a local simulator. */
  mode: "sandbox" | "live";
  /** Real money: missing secrets are fatal instead of generated. */
  production: boolean;
  telegram: {
    token: string | undefined;
    apiRoot: string;
    botMode: "polling" | "webhook";
    webhookSecret: string | undefined;
  };
  server: { host: string; port: number; publicUrl: string | undefined };
  database: {
    /** Which database `url` names: a PostgreSQL server or a SQLite file. */
    dialect: Dialect;
    /** `postgres://…` for PostgreSQL; for SQLite the file path (`file:`/`sqlite:` removed) or `:memory:`. */
    url: string;
    /** PostgreSQL connections this process may hold (`DATABASE_POOL_SIZE`); unused by SQLite's one connection. */
    poolSize: number;
  };
  jobs: {
    /** How long a claimed job stays its worker's; after that (the worker died) another instance takes it. */
    leaseMs: number;
    /** PostgreSQL: how long a stop waits for running jobs before handing them back to the other instances. */
    stopGraceMs: number;
  };
  dataDir: string;
  masterKeyHex: string | undefined;
  adminTelegramIds: number[];
  midtrans: {
    serverKey: string | undefined;
    clientKey: string | undefined;
    isProduction: boolean;
    /** Core API base URL without the `/v2` suffix. */
    apiUrl: string;
  };
  openai: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    model: string;
    /** Per request; a slow model falls back to the rules instead of holding the chat. */
    timeoutMs: number;
    /** Retries on 429, 5xx, timeouts and network errors (the SDK's backoff). */
    maxRetries: number;
    /** For the knowledge base's vectors; without an API key a local embedder is used instead. */
    embeddingModel: string;
    /** Vector length; unset: 512 for text-embedding-3 models, the model's own length otherwise. */
    embeddingDimensions: number | undefined;
  };
  logLevel: LogLevel;
  /** Crash points for recovery tests only (see infra/failpoints.ts). */
  failpoints: string[];
  /** The local stand-ins: how long their suppliers take to finish an order. */
  sandbox: { supplierSeconds: number };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`Invalid configuration\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;

  const problems: string[] = [];
  const dialect = dialectOfUrl(e.DATABASE_URL);
  // The URL itself is never echoed: it carries the database password.
  if (dialect === "postgres" && !URL.canParse(e.DATABASE_URL))
    problems.push("DATABASE_URL: not a valid PostgreSQL URL; write it as postgres://user:password@host:5432/database");
  if (e.BOT_MODE === "webhook") {
    if (!e.TELEGRAM_BOT_TOKEN) problems.push("BOT_MODE=webhook needs TELEGRAM_BOT_TOKEN");
    if (!e.PUBLIC_URL) problems.push("BOT_MODE=webhook needs PUBLIC_URL (the HTTPS address Telegram calls)");
    if (!e.WEBHOOK_SECRET) problems.push("BOT_MODE=webhook needs WEBHOOK_SECRET (12-256 characters A-Z a-z 0-9 _ -)");
  }
  const production = e.NODE_ENV === "production" || e.MIDTRANS_IS_PRODUCTION;
  if (production && !e.MASTER_KEY) {
    problems.push("MASTER_KEY is required in production (NODE_ENV=production or MIDTRANS_IS_PRODUCTION=true)");
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration\n${problems.map((p) => `✖ ${p}`).join("\n")}`);

  const sandbox = !e.TELEGRAM_BOT_TOKEN;
  return {
    mode: sandbox ? "sandbox" : "live",
    production,
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: stripTrailingSlash(e.TELEGRAM_API_ROOT ?? PUBLIC_TELEGRAM_API),
      botMode: e.BOT_MODE,
      webhookSecret: e.WEBHOOK_SECRET,
    },
    server: {
      // The sandbox is for one person on one machine: keep it on loopback unless told otherwise.
      host: e.HOST ?? (sandbox ? "127.0.0.1" : "0.0.0.0"),
      port: e.PORT,
      publicUrl: e.PUBLIC_URL ? stripTrailingSlash(e.PUBLIC_URL) : undefined,
    },
    database: {
      dialect,
      url: dialect === "postgres" ? e.DATABASE_URL : sqlitePathOf(e.DATABASE_URL),
      poolSize: e.DATABASE_POOL_SIZE,
    },
    jobs: { leaseMs: e.JOB_LEASE_SECONDS * 1000, stopGraceMs: e.STOP_GRACE_SECONDS * 1000 },
    dataDir: e.DATA_DIR,
    masterKeyHex: e.MASTER_KEY?.toLowerCase(),
    adminTelegramIds: e.ADMIN_TELEGRAM_IDS,
    midtrans: {
      serverKey: e.MIDTRANS_SERVER_KEY,
      clientKey: e.MIDTRANS_CLIENT_KEY,
      isProduction: e.MIDTRANS_IS_PRODUCTION,
      apiUrl: normalizeMidtransUrl(
        e.MIDTRANS_API_URL ??
          (e.MIDTRANS_IS_PRODUCTION ? "https://api.midtrans.com" : "https://api.sandbox.midtrans.com"),
      ),
    },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
      maxRetries: e.OPENAI_MAX_RETRIES,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
      embeddingDimensions: e.OPENAI_EMBEDDING_DIMENSIONS,
    },
    logLevel: e.LOG_LEVEL,
    failpoints: e.FAILPOINTS ? e.FAILPOINTS.split(",") : [],
    sandbox: { supplierSeconds: e.SANDBOX_SUPPLIER_SECONDS },
  };
}

/** Accept both `https://api.midtrans.com` and `https://api.midtrans.com/v2`; paths are added by the client. */
function normalizeMidtransUrl(url: string): string {
  return stripTrailingSlash(url).replace(/\/v2$/, "");
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Reads `.env` from the working directory when present; variables already set in the environment win. */
export function loadDotEnv(path = ".env"): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
