import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const MASTER_KEY = "0123456789abcdef".repeat(4);

/** Runs loadConfig and returns the ConfigError it throws (fails the test if it does not throw one). */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to throw a ConfigError");
}

describe("loadConfig: a fresh install with nothing configured", () => {
  const config = loadConfig({});

  it("starts in sandbox mode when there is no Telegram bot token", () => {
    expect(config.mode).toBe("sandbox");
    expect(config.production).toBe(false);
    expect(config.telegram.token).toBeUndefined();
  });

  it("uses long polling, port 3000 on loopback and the local SQLite file", () => {
    expect(config.telegram.botMode).toBe("polling");
    expect(config.server.port).toBe(3000);
    expect(config.server.host).toBe("127.0.0.1");
    expect(config.database.url).toBe("./data/shop.db");
    expect(config.dataDir).toBe("./data");
  });

  it("talks to the Midtrans sandbox, the public Telegram API and gpt-4o-mini", () => {
    expect(config.midtrans.isProduction).toBe(false);
    expect(config.midtrans.apiUrl).toBe("https://api.sandbox.midtrans.com");
    expect(config.telegram.apiRoot).toBe("https://api.telegram.org");
    expect(config.openai.model).toBe("gpt-4o-mini");
    expect(config.logLevel).toBe("info");
    expect(config.adminTelegramIds).toEqual([]);
  });

  it("treats empty strings from a .env file as not set", () => {
    const fromEmptyEnvFile = loadConfig({
      TELEGRAM_BOT_TOKEN: "",
      BOT_MODE: "",
      PORT: "",
      DATABASE_URL: "",
      MASTER_KEY: "",
      PUBLIC_URL: "",
      WEBHOOK_SECRET: "",
      ADMIN_TELEGRAM_IDS: "",
      MIDTRANS_IS_PRODUCTION: "",
      MIDTRANS_API_URL: "",
      TELEGRAM_API_ROOT: "",
      OPENAI_MODEL: "",
      LOG_LEVEL: "",
    });
    expect(fromEmptyEnvFile).toEqual(config);
  });
});

describe("loadConfig: going live", () => {
  it("runs live when a bot token is set, listening on all interfaces", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc" });
    expect(config.mode).toBe("live");
    expect(config.telegram.token).toBe("123:abc");
    expect(config.server.host).toBe("0.0.0.0");
  });

  it("accepts a complete webhook setup", () => {
    const config = loadConfig({
      BOT_MODE: "webhook",
      TELEGRAM_BOT_TOKEN: "123:abc",
      PUBLIC_URL: "https://shop.example.com/",
      WEBHOOK_SECRET: "secret_token-123",
    });
    expect(config.telegram.botMode).toBe("webhook");
    expect(config.telegram.webhookSecret).toBe("secret_token-123");
    expect(config.server.publicUrl).toBe("https://shop.example.com");
  });

  it("lists every missing webhook setting in one error", () => {
    const error = configError({ BOT_MODE: "webhook" });
    expect(error.message).toContain("TELEGRAM_BOT_TOKEN");
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).toContain("WEBHOOK_SECRET");
  });

  it("lists only the webhook settings that are actually missing", () => {
    const error = configError({ BOT_MODE: "webhook", TELEGRAM_BOT_TOKEN: "123:abc" });
    expect(error.message).not.toContain("TELEGRAM_BOT_TOKEN");
    expect(error.message).toContain("PUBLIC_URL");
    expect(error.message).toContain("WEBHOOK_SECRET");
  });

  it("refuses to take real Midtrans payments without a MASTER_KEY", () => {
    expect(configError({ MIDTRANS_IS_PRODUCTION: "true" }).message).toContain("MASTER_KEY");
    expect(configError({ NODE_ENV: "production" }).message).toContain("MASTER_KEY");
  });

  it("uses the production Midtrans API when production is switched on with a MASTER_KEY", () => {
    const config = loadConfig({ MIDTRANS_IS_PRODUCTION: "true", MASTER_KEY: MASTER_KEY.toUpperCase() });
    expect(config.production).toBe(true);
    expect(config.midtrans.isProduction).toBe(true);
    expect(config.midtrans.apiUrl).toBe("https://api.midtrans.com");
    expect(config.masterKeyHex).toBe(MASTER_KEY);
  });
});

describe("loadConfig: typos stop start-up instead of becoming silent defaults", () => {
  it.each([
    ["a short MASTER_KEY", { MASTER_KEY: "abc" }, "MASTER_KEY"],
    ["a non-hex MASTER_KEY", { MASTER_KEY: "z".repeat(64) }, "MASTER_KEY"],
    ["a PORT that is not a number", { PORT: "abc" }, "PORT"],
    ["a PORT above 65535", { PORT: "70000" }, "PORT"],
    ["an admin list with a non-numeric id", { ADMIN_TELEGRAM_IDS: "12,abc" }, "abc"],
    ["an unknown BOT_MODE", { BOT_MODE: "webhok" }, "BOT_MODE"],
    ["an unclear MIDTRANS_IS_PRODUCTION", { MIDTRANS_IS_PRODUCTION: "maybe" }, "MIDTRANS_IS_PRODUCTION"],
    ["a PUBLIC_URL that is not a URL", { PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    ["a WEBHOOK_SECRET that is too short", { WEBHOOK_SECRET: "short" }, "WEBHOOK_SECRET"],
  ])("fails with a ConfigError for %s", (_label, env, mentioned) => {
    expect(configError(env).message).toContain(mentioned);
  });

  it("refuses a malformed Postgres DATABASE_URL with a clear message that does not repeat the password", () => {
    const error = configError({ DATABASE_URL: "postgres://user:s3cret@db:port/shop" });
    expect(error.message).toMatch(/DATABASE_URL: not a valid PostgreSQL URL/);
    expect(error.message).not.toContain("s3cret");
  });
});

describe("loadConfig: values are normalised", () => {
  it("reads the admin list as Telegram user ids, ignoring spaces and empty entries", () => {
    expect(loadConfig({ ADMIN_TELEGRAM_IDS: " 12, 34 ," }).adminTelegramIds).toEqual([12, 34]);
  });

  it("reads PORT as a number", () => {
    expect(loadConfig({ PORT: "8080" }).server.port).toBe(8080);
  });

  it("accepts a Midtrans API URL with or without the /v2 suffix", () => {
    expect(loadConfig({ MIDTRANS_API_URL: "https://api.midtrans.com/v2/" }).midtrans.apiUrl).toBe(
      "https://api.midtrans.com",
    );
    expect(loadConfig({ MIDTRANS_API_URL: "https://api.midtrans.com/v2" }).midtrans.apiUrl).toBe(
      "https://api.midtrans.com",
    );
    expect(loadConfig({ MIDTRANS_API_URL: "http://127.0.0.1:9000/" }).midtrans.apiUrl).toBe("http://127.0.0.1:9000");
  });

  it("reads a postgres:// or postgresql:// DATABASE_URL as PostgreSQL, with its pool size", () => {
    for (const url of ["postgres://user:pass@db/shop", "postgresql://user:pass@db/shop"]) {
      expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: "4" }).database).toEqual({
        dialect: "postgres",
        url,
        poolSize: 4,
      });
    }
    expect(loadConfig({ DATABASE_URL: "postgres://db/shop" }).database.poolSize).toBe(10);
    expect(configError({ DATABASE_POOL_SIZE: "0" }).message).toContain("DATABASE_POOL_SIZE");
  });

  it("reads a file: DATABASE_URL as a plain path", () => {
    expect(loadConfig({ DATABASE_URL: "file:./x.db" }).database.url).toBe("./x.db");
    expect(loadConfig({ DATABASE_URL: "/var/lib/shop.db" }).database.url).toBe("/var/lib/shop.db");
  });

  it("removes a trailing slash from TELEGRAM_API_ROOT", () => {
    expect(loadConfig({ TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).telegram.apiRoot).toBe("http://127.0.0.1:8081");
  });
});

describe("loadConfig: the LLM", () => {
  it("always bounds a request in time and retries", () => {
    expect(loadConfig({}).openai).toMatchObject({ timeoutMs: 8_000, maxRetries: 1 });
    expect(loadConfig({ OPENAI_TIMEOUT_MS: "2500", OPENAI_MAX_RETRIES: "0" }).openai).toMatchObject({
      timeoutMs: 2_500,
      maxRetries: 0,
    });
  });

  it("refuses a timeout or retry count that would hold a chat", () => {
    expect(() => loadConfig({ OPENAI_TIMEOUT_MS: "600000" })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENAI_MAX_RETRIES: "10" })).toThrow(/OPENAI_MAX_RETRIES/);
  });
});
