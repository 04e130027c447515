import type { Container } from "./container.js";
import type { Logger } from "./logger.js";
import type { Sandbox } from "./sandbox/index.js";
import type { AddProviderInput } from "./features/providers/providers.service.js";

export const SANDBOX_SUPPLIER = "sandbox-panel";

/**
 * Registers the simulators as suppliers (or points existing ones at this run's address and keys)
 * and imports their catalogs, so `npm start` shows a shop with SMM services and game/phone top-ups
 * and nothing to set up. `baseUrl` is where the sandbox is mounted.
 */
export async function ensureSandboxSuppliers(container: Container, sandbox: Sandbox, baseUrl: string, productUrl: string, logger: Logger): Promise<void> {
  const suppliers: AddProviderInput[] = [
    { name: SANDBOX_SUPPLIER, kind: "smm-v2", url: `${baseUrl}/smm/api/v2`, credentials: { key: sandbox.smm.key } },
    { name: "sandbox-vip", kind: "vip-reseller", url: `${baseUrl}/vip/api`, credentials: sandbox.credentials.vip },
    { name: "sandbox-digiflazz", kind: "digiflazz", url: `${baseUrl}/digiflazz/v1`, credentials: sandbox.credentials.digiflazz },
  ];
  sandbox.digiflazz.setCallbackUrl(`${productUrl}/webhooks/digiflazz`);
  for (const supplier of suppliers) {
    if (await container.providers.findByName(supplier.name)) {
      await container.providers.edit(supplier.name, { url: supplier.url, credentials: supplier.credentials, active: true });
    } else {
      await container.providers.add({ ...supplier, currency: "IDR", isSandbox: true });
    }
    const report = await container.catalog.importFromProvider(supplier.name, "sandbox");
    logger.info({ supplier: supplier.name, imported: report.imported, updated: report.updated, skipped: report.skipped.length }, "sandbox catalog imported");
  }
  // Sandbox orders finish in seconds: the shop asks at the simulators' pace (see app.ts); the
  // setting, as the admin app shows it, says the shortest the live schedule allows.
  if ((await container.settings.get("fulfilment.status_sync_minutes")) !== 1) await container.settings.set("fulfilment.status_sync_minutes", 1);
}
