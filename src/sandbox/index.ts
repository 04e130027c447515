import { join } from "node:path";
import { Hono } from "hono";
import { createDigiflazzSimulator } from "./digiflazz/digiflazz-simulator.js";
import { createIndoPanelSimulator } from "./indo-panel/indo-panel-simulator.js";
import { createMidtransSimulator } from "./midtrans/midtrans-simulator.js";
import { miniAppLaunchUrl, SANDBOX_ADMIN } from "./miniapp-launch.js";
import type { Brain } from "./openai/openai-schema-brain.js";
import { createOpenAiSimulator } from "./openai/openai-simulator.js";
import { renderSandboxPage } from "./sandbox-page.js";
import { expectedOrderSeconds, sandboxPace } from "./sandbox-pace.js";
import { sandboxSecrets } from "./sandbox-secrets.js";
import { createSimulatorStateFile } from "./simulator-state-file.js";
import { createSmmPanelSimulator, type SmmSimulatorOptions } from "./smm/smm-panel-simulator.js";
import { createTelegramEmulator } from "./telegram/bot-api-emulator.js";
import { createChatFileStore } from "./telegram/chat-store.js";
import { createVipResellerSimulator } from "./vip-reseller/vip-reseller-simulator.js";

/**
 * Every outside service on one Hono app, for `npm start` without a bot token and for tests:
 *   /                chat page (talk to the bot as a customer, pay invoices)
 *   /admin           opens the admin Mini App (/miniapp) as the sandbox's owner
 *   /telegram        Bot API emulator  (TELEGRAM_API_ROOT)
 *   /smm/api/v2      SMM panel (API v2) simulator
 *   /indo/<panel>    CentralSMM, MedanPedia and Irvankede simulators
 *   /vip/api         VIP Reseller (game top-ups) simulator
 *   /digiflazz/v1    Digiflazz (prepaid top-ups) simulator
 *   /midtrans        Midtrans Core API simulator (MIDTRANS_API_URL)
 *   /openai/v1       OpenAI-compatible chat and embeddings server (OPENAI_BASE_URL)
 * The product reaches them only through configuration, exactly as it reaches the real services.
 */
export interface SandboxOptions {
  now?: () => number;
  /** Where Midtrans notifications go unless a charge overrides it. */
  notificationUrl?: string;
  smm?: Partial<Omit<SmmSimulatorOptions, "key" | "now">>;
  /** How the OpenAI stand-in answers; the composition root injects one that knows the product's prompts. */
  openaiBrain?: Brain;
  /**
   * Where the sandbox keeps what must outlive a restart (its keys' seed, the chats). Without it
   * (tests) keys are fresh and chats live in memory.
   */
  dataDir?: string;
  /** Seconds a supplier takes to finish an order (25 by default). */
  supplierSeconds?: number;
}

export function createSandbox(options: SandboxOptions = {}) {
  const secret = sandboxSecrets(options.dataDir);
  const pace = sandboxPace(options.supplierSeconds);
  const now = options.now ? { now: options.now } : {};
  const telegram = createTelegramEmulator({
    token: `7000000001:SANDBOX${secret("telegram.token")}`,
    ...now,
    ...(options.dataDir ? { store: createChatFileStore(join(options.dataDir, "sandbox-chats.json")) } : {}),
  });
  telegram.addUser({
    id: SANDBOX_ADMIN.id,
    first_name: SANDBOX_ADMIN.firstName,
    username: SANDBOX_ADMIN.username,
    language_code: SANDBOX_ADMIN.languageCode,
  });
  const run = { pendingMs: pace.pendingMs, runMs: pace.supplierMs - pace.pendingMs };
  const stateFile = options.dataDir
    ? createSimulatorStateFile(join(options.dataDir, "sandbox-simulators.json"))
    : undefined;
  const firstOrderId = Math.max(58_000, ...(stateFile?.entries("smm.orders") ?? []).map(([id]) => Number(id))) + 1;
  const smm = createSmmPanelSimulator({
    key: `smm-${secret("smm.key")}`,
    ...run,
    ...now,
    firstOrderId,
    ...options.smm,
  });
  // The sandbox registers these suppliers itself; the keys stay the same across restarts.
  const credentials = {
    vip: { apiId: `SBX${secret("vip.apiId").slice(0, 8)}`, apiKey: secret("vip.apiKey") },
    digiflazz: {
      username: `sandbox${secret("digiflazz.username").slice(0, 6)}`,
      apiKey: secret("digiflazz.apiKey"),
      webhookSecret: secret("digiflazz.webhookSecret"),
    },
  };
  // Top-ups are quicker than followers: a faster pace speeds them up, a slower one leaves their own.
  const vip = createVipResellerSimulator({
    ...credentials.vip,
    waitingMs: Math.min(3_000, run.pendingMs),
    processingMs: Math.min(10_000, run.runMs),
    ...now,
  });
  const digiflazz = createDigiflazzSimulator({
    ...credentials.digiflazz,
    pendingMs: Math.min(5_000, pace.supplierMs),
    ...now,
  });
  const indoPanels = {
    centralsmm: createIndoPanelSimulator({
      panel: "centralsmm",
      apiId: secret("centralsmm.apiId").slice(0, 8),
      apiKey: secret("centralsmm.apiKey"),
      secretKey: secret("centralsmm.secretKey"),
      ...run,
      ...now,
    }),
    medanpedia: createIndoPanelSimulator({
      panel: "medanpedia",
      apiId: secret("medanpedia.apiId").slice(0, 8),
      apiKey: secret("medanpedia.apiKey"),
      ...run,
      ...now,
    }),
    irvankede: createIndoPanelSimulator({
      panel: "irvankede",
      apiId: secret("irvankede.apiId").slice(0, 8),
      apiKey: secret("irvankede.apiKey"),
      ...run,
      ...now,
    }),
  };
  const midtrans = createMidtransSimulator({
    serverKey: `SB-Mid-server-${secret("midtrans.serverKey")}`,
    ...(options.notificationUrl ? { notificationUrl: options.notificationUrl } : {}),
    ...now,
  });

  // Orders in flight still finish, and QRs shown before a restart can still be paid, after it.
  const tracked = stateFile?.track({
    "smm.orders": smm.orders as Map<number, unknown>,
    "midtrans.transactions": midtrans.transactions as Map<string, unknown>,
  });

  const openai = createOpenAiSimulator({
    apiKey: `sk-sandbox-${secret("openai.apiKey")}`,
    ...now,
    ...(options.openaiBrain ? { brain: options.openaiBrain } : {}),
  });

  const app = new Hono();
  app.get("/", (c) => c.html(renderSandboxPage({ orderSeconds: expectedOrderSeconds(pace) })));
  // "Open the admin app": as the sandbox's owner, signed just now like Telegram would.
  app.get("/admin", (c) =>
    c.redirect(
      miniAppLaunchUrl(
        `${new URL(c.req.url).origin}/miniapp/`,
        telegram.token,
        SANDBOX_ADMIN,
        new Date(options.now?.() ?? Date.now()),
      ),
    ),
  );
  app.route("/telegram", telegram.routes);
  app.route("/smm", smm.routes);
  app.route("/midtrans", midtrans.routes);
  app.route("/openai", openai.routes);
  app.route("/vip", vip.routes);
  app.route("/digiflazz", digiflazz.routes);
  for (const [panel, sim] of Object.entries(indoPanels)) app.route(`/indo/${panel}`, sim.routes);

  app.get("/chat/api/state", (c) => {
    const user = Number(c.req.query("user")) || telegram.users()[0]!.id;
    const since = Number(c.req.query("since")) || 0;
    return c.json({ users: telegram.users(), user, ...telegram.changesSince(user, since) });
  });
  app.post("/chat/api/send", async (c) => {
    const body = (await c.req.json()) as { user: number; text: string };
    if (typeof body.text !== "string" || body.text.trim() === "") return c.json({ error: "empty message" }, 400);
    telegram.userSays(Number(body.user), body.text.slice(0, 4096));
    return c.json({ ok: true });
  });
  app.post("/chat/api/press", async (c) => {
    const body = (await c.req.json()) as { user: number; messageId: number; data: string };
    try {
      telegram.userPresses(Number(body.user), Number(body.messageId), String(body.data));
      return c.json({ ok: true });
    } catch (error) {
      return c.json({ error: (error as Error).message }, 400);
    }
  });
  app.post("/chat/api/pay-invoice", async (c) => {
    const body = (await c.req.json()) as { user: number; messageId: number };
    try {
      return c.json(await telegram.payInvoice(Number(body.user), Number(body.messageId)));
    } catch (error) {
      return c.json({ ok: false, error: (error as Error).message }, 400);
    }
  });
  app.get("/chat/files/:fileId", (c) => {
    const file = telegram.file(c.req.param("fileId"));
    return file ? c.body(new Uint8Array(file.bytes), 200, { "content-type": file.type }) : c.notFound();
  });
  app.get("/chat/api/panels", (c) =>
    c.json({
      supplierOrders: [...smm.orders.values()]
        .slice(-10)
        .reverse()
        .map((o) => ({ order: o.order, service: o.service, link: o.link, quantity: o.quantity, outcome: o.outcome })),
    }),
  );

  return {
    app,
    telegram,
    smm,
    midtrans,
    openai,
    vip,
    digiflazz,
    indoPanels,
    credentials,
    pace,
    /** Call once the sandbox's public address is known (it appears in QR image URLs). */
    setBaseUrl(baseUrl: string): void {
      midtrans.setPublicBaseUrl(`${baseUrl}/midtrans`);
    },
    close(): void {
      tracked?.stop();
      telegram.close();
      smm.close();
      midtrans.close();
      openai.close();
      vip.close();
      digiflazz.close();
      for (const sim of Object.values(indoPanels)) sim.close();
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
