import type { Container } from "./container.js";
import type { Logger } from "./logger.js";
import type { Sandbox } from "./sandbox/index.js";

export const SANDBOX_SUPPLIER = "sandbox-panel";

/**
 * Registers the SMM simulator as a supplier (or points the existing one at this run's address and
 * key) and imports its catalog, so `npm start` shows a shop with products and nothing to set up.
 */
export async function ensureSandboxSupplier(container: Container, sandbox: Sandbox, url: string, logger: Logger): Promise<void> {
  const existing = await container.providers.findByName(SANDBOX_SUPPLIER);
  if (existing) {
    await container.providers.edit(SANDBOX_SUPPLIER, { url, credentials: { key: sandbox.smm.key }, active: true });
  } else {
    await container.providers.add({ name: SANDBOX_SUPPLIER, kind: "smm-v2", url, credentials: { key: sandbox.smm.key }, currency: "IDR", isSandbox: true });
  }
  const report = await container.catalog.importFromProvider(SANDBOX_SUPPLIER);
  logger.info({ imported: report.imported, updated: report.updated, skipped: report.skipped.length }, "sandbox catalog imported");
  // Sandbox orders finish in seconds; sync them every minute so the customer sees it happen.
  if ((await container.settings.get("fulfilment.status_sync_minutes")) !== 1) await container.settings.set("fulfilment.status_sync_minutes", 1);
}
