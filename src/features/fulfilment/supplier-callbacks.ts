import type { Logger } from "../../logger.js";
import { parseDigiflazzWebhook, verifyDigiflazzSignature } from "../providers/digiflazz.adapter.js";
import type { ProvidersService } from "../providers/providers.service.js";
import type { StatusSync } from "./fulfilment.status-sync.js";

/**
 * Supplier callbacks (Digiflazz's signed webhook). A verified callback is only a reason to ask the
 * supplier about that order now, exactly as the status sync would; it never changes state itself.
 */
export function createSupplierCallbacks(deps: { providers: ProvidersService; statusSync: StatusSync; logger: Logger }) {
  const { providers, statusSync, logger } = deps;

  return {
    async digiflazz(rawBody: string, signature: string | undefined): Promise<{ status: 200 | 401; body: { status: string } }> {
      let verified = false;
      for (const provider of await providers.list()) {
        if (provider.kind !== "digiflazz") continue;
        const secret = await providers.webhookSecretOf(provider.id);
        if (secret && verifyDigiflazzSignature(rawBody, signature, secret)) {
          verified = true;
          break;
        }
      }
      if (!verified) return { status: 401, body: { status: "invalid_signature" } };
      const event = parseDigiflazzWebhook(rawBody);
      const orderId = event ? /^TB(\d+)-\d+$/.exec(event.refId)?.[1] : undefined;
      if (!orderId) return { status: 200, body: { status: "ignored" } };
      const report = await statusSync.syncOrders([Number(orderId)]);
      logger.info({ orderId: Number(orderId), changed: report.changed }, "supplier callback handled");
      return { status: 200, body: { status: "ok" } };
    },
  };
}

export type SupplierCallbacks = ReturnType<typeof createSupplierCallbacks>;
