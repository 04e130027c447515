import type { UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/index.js";
import { createContainer } from "../../src/container.js";
import type { ManualClock } from "../../src/infra/clock/clock.js";
import { migrateToLatest } from "../../src/infra/db/migrations.js";
import { createPostgresTestDatabase } from "./test-database.js";
import { createHttpClient } from "../../src/infra/http/http-client.js";
import type { SandboxOptions } from "../../src/sandbox/index.js";
import type { ChatMessage } from "../../src/sandbox/telegram/bot-api-emulator.js";
import { createHttpApp } from "../../src/server/http-app.js";
import { listen } from "../../src/server/listen.js";
import { testConfig } from "./config.js";
import { captureLogs } from "./log-capture.js";
import { startSandboxServer } from "./sandbox-server.js";

export const ADMIN_ID = 900001;
export const SUPPLIER = "panel";

export interface ShopKitOptions {
  /** Shared by the product and the stand-ins, so tests can move time for both. */
  clock?: ManualClock;
  smm?: SandboxOptions["smm"];
  env?: Record<string, string>;
  importCatalog?: boolean;
  /** Supplier response timeout; short by default so "the supplier hangs" tests stay fast. */
  responseTimeoutMs?: number;
  /** Messages per customer per minute; the kit lifts it to the maximum unless a test sets it. */
  rateLimitPerMinute?: number;
}

/**
 * The product's real parts (SQLite with the real migrations, the real bot, the real HTTP server)
 * against the sandbox stand-ins on their own port, over real HTTP. Updates are fed to
 * `bot.handleUpdate` so a test continues only once the bot has finished, and jobs run when the
 * test says so (`runJobs`), which keeps every step deterministic.
 */
export async function createShopKit(options: ShopKitOptions = {}) {
  const clock = options.clock;
  const standIns = await startSandboxServer({
    ...(clock ? { now: clock.now } : {}),
    ...(options.smm ? { smm: options.smm } : {}),
  });
  const { sandbox } = standIns;
  const logs = captureLogs();
  // TEST_DIALECT=postgres: the same kit on a fresh PostgreSQL database (issue 13; not every area runs there yet).
  const postgres = process.env.TEST_DIALECT === "postgres" ? await createPostgresTestDatabase() : undefined;
  const config = testConfig({
    ...standIns.env,
    ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...options.env,
  });
  const http = createHttpClient({ connectTimeoutMs: 1_000, responseTimeoutMs: options.responseTimeoutMs ?? 1_500 });
  const container = createContainer(config, logs.logger, { http, ...(clock ? { clock } : {}) });
  await migrateToLatest(container.database);
  // Tests type at machine speed; the limit is read when the bot is created, so it is set first.
  await container.settings.set("assistant.rate_limit_per_minute", options.rateLimitPerMinute ?? 600);

  const bot = createBot({
    api: container.telegram,
    deps: { ...container, adminTelegramIds: config.adminTelegramIds },
    i18n: container.i18n,
    botInfo: sandbox.telegram.bot as unknown as UserFromGetMe,
  });
  // The app's own routes (createHttpApp); the sandbox runs on its own port, as "the outside world".
  const app = createHttpApp(container);
  const server = await listen(app, "127.0.0.1", 0);
  const productUrl = `http://127.0.0.1:${server.port}`;
  sandbox.midtrans.setNotificationUrl(`${productUrl}/webhooks/midtrans`);
  sandbox.digiflazz.setCallbackUrl(`${productUrl}/webhooks/digiflazz`);
  sandbox.telegram.addUser({ id: ADMIN_ID, first_name: "Owner", username: "owner", language_code: "id" });

  await container.providers.add({
    name: SUPPLIER,
    kind: "smm-v2",
    url: standIns.smmUrl,
    credentials: { key: sandbox.smm.key },
  });
  if (options.importCatalog !== false) await container.catalog.importFromProvider(SUPPLIER);

  const customer = (userId = 100001) => {
    const seen = () => sandbox.telegram.messagesIn(userId).length;
    const replyAfter = async (make: () => { update_id: number }) => {
      const before = seen();
      await bot.handleUpdate(make() as never);
      return sandbox.telegram
        .messagesIn(userId)
        .slice(before)
        .filter((m) => m.from === "bot");
    };
    const api = {
      id: userId,
      /** Sends a message and returns the bot's replies to it. */
      say: (text: string) => replyAfter(() => sandbox.telegram.userSays(userId, text)),
      press: (messageId: number, data: string) =>
        replyAfter(() => sandbox.telegram.userPresses(userId, messageId, data)),
      /** Presses the newest button whose callback data matches. */
      async pressButton(data: RegExp): Promise<ChatMessage[]> {
        const message = [...api.botMessages()]
          .reverse()
          .find((m) => m.buttons.flat().some((b) => b.callback_data && data.test(b.callback_data)));
        if (!message) throw new Error(`no button matching ${data}`);
        const button = message.buttons.flat().find((b) => b.callback_data && data.test(b.callback_data))!;
        return api.press(message.message_id, button.callback_data!);
      },
      botMessages: () => sandbox.telegram.messagesIn(userId).filter((m) => m.from === "bot"),
      lastText: () => api.botMessages().at(-1)?.plain ?? "",
      toasts: () => sandbox.telegram.toastsIn(userId),
    };
    return api;
  };

  /** Registers one of the sandbox's top-up suppliers and imports its catalog. */
  const addTopupSupplier = async (kind: "vip-reseller" | "digiflazz") => {
    const name = kind === "vip-reseller" ? "vip" : "digiflazz";
    if (kind === "vip-reseller")
      await container.providers.add({
        name,
        kind,
        url: `${standIns.url}/vip/api`,
        credentials: sandbox.credentials.vip,
      });
    else
      await container.providers.add({
        name,
        kind,
        url: `${standIns.url}/digiflazz/v1`,
        credentials: sandbox.credentials.digiflazz,
      });
    await container.catalog.importFromProvider(name);
    return name;
  };

  return {
    config,
    container,
    addTopupSupplier,
    db: container.db,
    bot,
    app,
    sandbox,
    standIns,
    productUrl,
    logs,
    customer,
    /** Runs every due job (notifications, supplier calls) until none is left. */
    runJobs: () => container.worker.runDue(),
    /** The newest Midtrans transaction (our invoice at the gateway). */
    latestTransaction() {
      const all = [...sandbox.midtrans.transactions.values()];
      if (all.length === 0) throw new Error("no Midtrans transaction yet");
      return all.at(-1)!;
    },
    postNotification(body: unknown) {
      return app.request("/webhooks/midtrans", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
    async close() {
      await server.close();
      await container.close();
      await standIns.close();
      await postgres?.drop();
    },
  };
}

export type ShopKit = Awaited<ReturnType<typeof createShopKit>>;

/** Drives a customer from nothing to a QRIS invoice for `mid` (the path most tests start from). */
export async function buyUntilInvoice(
  kit: ShopKit,
  input: { mid: number; target: string; quantity: number; userId?: number },
) {
  const customer = kit.customer(input.userId);
  await customer.say(`ID ${input.mid} ${input.target} ${input.quantity}`);
  const replies = await customer.pressButton(/^pay:/);
  return { customer, replies, transaction: kit.latestTransaction() };
}
