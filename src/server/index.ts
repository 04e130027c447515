import { Hono, type Handler } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { sql } from "kysely";
import type { Db } from "../infra/db/open-database.js";
import type { Logger } from "../logger.js";
import { AppError, ERROR_HTTP_STATUS, type ErrorBody } from "../shared/errors.js";

export interface ServerDeps {
  db: Db;
  logger: Logger;
  /** Routers mounted as they are: feature routes under /webhooks, the sandbox under /sandbox, … */
  routes: Array<{ path: string; app: Hono }>;
  /** Webhook mode only: Telegram's updates (grammY's handler checks the secret-token header). */
  telegramWebhook?: Handler;
}

/** The HTTP surface: health, gateway and Telegram webhooks, and whatever routers are mounted. */
export function createServer(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use(requestId());
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // An AppError answers with its code's status (ERROR_HTTP_STATUS) and its own words; a 500 says nothing more.
    if (error instanceof AppError && error.httpStatus !== ERROR_HTTP_STATUS.internal) {
      const text = error.details.text;
      return c.json(
        {
          error: {
            code: error.code,
            message: error.message,
            ...(text ? { key: text.key, params: text.params ?? {} } : {}),
          },
        } satisfies ErrorBody,
        error.httpStatus as 400,
      );
    }
    // A Bot API path holds the bot token: never log it as is.
    deps.logger.error(
      { err: error, requestId: c.get("requestId"), path: c.req.path.replace(/\/bot[^/]+/, "/bot<token>") },
      "request failed",
    );
    return c.json(
      { error: { code: "internal", message: "internal error" } } satisfies ErrorBody,
      ERROR_HTTP_STATUS.internal as 500,
    );
  });

  app.get("/healthz", async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ status: "ok" });
  });
  if (deps.telegramWebhook) app.post("/webhooks/telegram", deps.telegramWebhook);
  for (const route of deps.routes) app.route(route.path, route.app);
  return app;
}
