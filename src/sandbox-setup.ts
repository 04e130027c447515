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
export async function ensureSandboxSuppliers(
  container: Container,
  sandbox: Sandbox,
  baseUrl: string,
  productUrl: string,
  logger: Logger,
): Promise<void> {
  const suppliers: AddProviderInput[] = [
    { name: SANDBOX_SUPPLIER, kind: "smm-v2", url: `${baseUrl}/smm/api/v2`, credentials: { key: sandbox.smm.key } },
    { name: "sandbox-vip", kind: "vip-reseller", url: `${baseUrl}/vip/api`, credentials: sandbox.credentials.vip },
    {
      name: "sandbox-digiflazz",
      kind: "digiflazz",
      url: `${baseUrl}/digiflazz/v1`,
      credentials: sandbox.credentials.digiflazz,
    },
  ];
  sandbox.digiflazz.setCallbackUrl(`${productUrl}/webhooks/digiflazz`);
  for (const supplier of suppliers) {
    if (await container.providers.findByName(supplier.name)) {
      await container.providers.edit(supplier.name, {
        url: supplier.url,
        credentials: supplier.credentials,
        active: true,
      });
    } else {
      await container.providers.add({ ...supplier, currency: "IDR", isSandbox: true });
    }
    // Like a shop owner adding a second supplier: its new services wait for review, then its twins
    // of services already sold become their backups, so customers see each product once.
    const first = supplier === suppliers[0];
    const report = await container.catalog.importFromProvider(supplier.name, "sandbox", {
      newServices: first ? "sale" : "review",
    });
    const backups = first ? 0 : await settleReview(container, supplier.name);
    logger.info(
      {
        supplier: supplier.name,
        imported: report.imported,
        updated: report.updated,
        skipped: report.skipped.length,
        keptAsBackups: backups,
      },
      "sandbox catalog imported",
    );
  }
  // Sandbox orders finish in seconds: the shop asks at the simulators' pace (see app.ts); the
  // setting, as the admin app shows it, says the shortest the live schedule allows.
  if ((await container.settings.get("fulfilment.status_sync_minutes")) !== 1)
    await container.settings.set("fulfilment.status_sync_minutes", 1);
}

/** A twin at least this alike is the same product (names differ only in case, plurals, words like "Diamond(s)"). */
const SAME_PRODUCT = 0.75;

/**
 * Settles a sandbox supplier's services waiting for review: a twin of a service already sold is kept
 * as its backup, anything else goes on sale. A sandbox database from before this step sold both
 * twins: the later supplier's is made the backup of the earlier one's. Returns how many became backups.
 */
async function settleReview(container: Container, supplierName: string): Promise<number> {
  const supplier = await container.providers.requireByName(supplierName);
  const waiting = await container.catalog.page(
    { providerId: supplier.id, state: "review" },
    { offset: 0, limit: 10_000 },
  );
  const sold = await container.catalog.page({ providerId: supplier.id, state: "sold" }, { offset: 0, limit: 10_000 });
  let backups = 0;
  for (const service of [...waiting.services, ...sold.services]) {
    const twin = (await container.catalogManagement.twins(service.mid)).find(
      (t) => t.active && t.similarity >= SAME_PRODUCT && (!service.active || t.mid < service.mid),
    );
    if (twin) {
      await container.catalogManagement.keepAsBackup(service.mid, twin.mid, "sandbox");
      backups++;
    } else if (!service.active) {
      await container.catalogManagement.setEnabled(service.mid, true, "sandbox");
    }
  }
  return backups;
}
