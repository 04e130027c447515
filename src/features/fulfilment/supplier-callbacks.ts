import { AppError } from "../../shared/errors.js";
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
    /** Answers what was done (HTTP 200); an unverified callback is refused as `fulfilment.signature_invalid` (401). */
    async digiflazz(rawBody: string, signature: string | undefined): Promise<{ status: "ignored" | "ok" }> {
      let verified = false;
      for (const provider of await providers.list()) {
        if (provider.kind !== "digiflazz") continue;
        const secret = await providers.webhookSecretOf(provider.id);
        if (secret && verifyDigiflazzSignature(rawBody, signature, secret)) {
          verified = true;
          break;
        }
      }
      if (!verified)
        throw new AppError("fulfilment.signature_invalid", "the callback's signature matches no Digiflazz supplier");
      const event = parseDigiflazzWebhook(rawBody);
      const orderId = event ? /^TB(\d+)-\d+$/.exec(event.refId)?.[1] : undefined;
      if (!orderId) return { status: "ignored" };
      const report = await statusSync.syncOrders([Number(orderId)]);
      logger.info({ orderId: Number(orderId), changed: report.changed }, "supplier callback handled");
      return { status: "ok" };
    },
  };
}

export type SupplierCallbacks = ReturnType<typeof createSupplierCallbacks>;
