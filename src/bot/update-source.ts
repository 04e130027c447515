import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { Cluster } from "../infra/db/cluster.js";
import type { Logger } from "../logger.js";

/**
 * How updates reach the shop when several instances share one database. Webhook: Telegram posts to
 * the load balancer and any instance answers; the webhook is registered by one instance per set of
 * settings, not by every start. Polling: Telegram allows one getUpdates caller per bot (a second one
 * gets 409, and its deleteWebhook would unplug the webhook of every instance), so polling holds a
 * lease and a second polling instance refuses to start.
 */

const WEBHOOK_CLAIM = "telegram-webhook";
const POLLING_LEASE = "telegram-polling";
const POLLING_LEASE_MS = 30_000;
const POLLING_RENEW_MS = 10_000;

export interface WebhookSettings {
  url: string;
  secretToken: string;
  allowedUpdates: readonly string[];
}

/**
 * Registers the webhook. One process (SQLite): at every start, as always. Several (PostgreSQL):
 * only the instance that first claims these exact settings calls Telegram; a changed URL, secret or
 * update list is a new claim, so a deploy with new settings registers once more.
 */
export async function registerWebhook(
  api: Api,
  cluster: Cluster,
  settings: WebhookSettings,
  logger: Logger,
): Promise<void> {
  const set = () =>
    api.setWebhook(settings.url, {
      secret_token: settings.secretToken,
      allowed_updates: [...settings.allowedUpdates] as never,
    });
  if (!cluster.shared) {
    await set();
    return;
  }
  const fingerprint = fingerprintOf(settings);
  if (!(await cluster.claimOnce(WEBHOOK_CLAIM, fingerprint))) {
    logger.info("Telegram webhook already registered with these settings by an instance of this shop");
    return;
  }
  try {
    await set();
  } catch (error) {
    // Unclaimed again, so the next instance to start tries.
    await cluster.forgetClaim(WEBHOOK_CLAIM, fingerprint);
    throw error;
  }
}

/**
 * The deploy step (`npm run cli -- webhook set`): registers the webhook now, whatever was recorded,
 * and records it, so instances starting with the same settings afterwards leave it alone.
 */
export async function registerWebhookNow(api: Api, cluster: Cluster, settings: WebhookSettings): Promise<void> {
  await cluster.forgetClaimsOf(WEBHOOK_CLAIM);
  await api.setWebhook(settings.url, {
    secret_token: settings.secretToken,
    allowed_updates: [...settings.allowedUpdates] as never,
  });
  await cluster.claimOnce(WEBHOOK_CLAIM, fingerprintOf(settings));
}

/** What a webhook registration is recorded under: its settings, the secret only as part of a hash. */
function fingerprintOf(settings: WebhookSettings): string {
  return createHash("sha256")
    .update(JSON.stringify([settings.url, settings.secretToken, settings.allowedUpdates]))
    .digest("hex");
}

export class PollingTaken extends Error {
  override readonly name = "PollingTaken";
}

/**
 * Before polling on a shared database: takes the polling lease (or refuses to start, naming the
 * instance that polls), and forgets webhook registrations, since polling removes the webhook.
 * Returns a handle that renews the lease while the instance runs and hands it back on stop.
 */
export async function takePolling(cluster: Cluster, logger: Logger): Promise<{ release(): Promise<void> }> {
  if (!cluster.shared) return { release: async () => undefined };
  if (!(await cluster.takeLease(POLLING_LEASE, POLLING_LEASE_MS))) {
    const holder = await cluster.leaseHolder(POLLING_LEASE);
    throw new PollingTaken(
      `Another instance (${holder ?? "unknown"}) already polls Telegram for this shop's database. Only one process may poll; to run several instances set BOT_MODE=webhook with PUBLIC_URL and WEBHOOK_SECRET (README, "Scaling out").`,
    );
  }
  await cluster.forgetClaimsOf(WEBHOOK_CLAIM);
  const timer = setInterval(() => {
    cluster.takeLease(POLLING_LEASE, POLLING_LEASE_MS).then(
      (held) => {
        if (!held) logger.error("lost the Telegram polling lease to another instance; stop one of them");
      },
      (error: unknown) => logger.warn({ err: error }, "cannot renew the Telegram polling lease; retrying"),
    );
  }, POLLING_RENEW_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await cluster.releaseLease(POLLING_LEASE);
    },
  };
}
