import type { Container } from "../container.js";
import { registerWebhookNow } from "../bot/update-source.js";
import { CliUsageError, type Output } from "./output.js";

const USAGE = "webhook set";

/**
 * `webhook set`: the deploy step that registers the Telegram webhook (PUBLIC_URL/webhooks/telegram
 * with WEBHOOK_SECRET) once, for all instances; instances then started with the same settings do
 * not register it again. Also the way back after something removed the webhook.
 */
export async function runWebhookCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub] = args;
  if (sub !== "set") throw new CliUsageError(`unknown webhook command: ${USAGE}`);
  const { config } = container;
  const missing = [
    !config.telegram.token && "TELEGRAM_BOT_TOKEN",
    !config.server.publicUrl && "PUBLIC_URL",
    !config.telegram.webhookSecret && "WEBHOOK_SECRET",
  ].filter(Boolean);
  if (missing.length > 0) {
    out.error(`webhook set needs ${missing.join(", ")}`);
    return 1;
  }
  const url = `${config.server.publicUrl}/webhooks/telegram`;
  // The bot's module is loaded only here: `--help` and other commands need none of it.
  const { ALLOWED_UPDATES } = await import("../bot/index.js");
  await registerWebhookNow(container.telegram, container.cluster, {
    url,
    secretToken: config.telegram.webhookSecret!,
    allowedUpdates: ALLOWED_UPDATES,
  });
  out.log(`Telegram now sends this bot's updates to ${url}.`);
  return 0;
}
