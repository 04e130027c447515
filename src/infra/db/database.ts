import type { CatalogSyncTable, PriceRuleTable, ServiceBackupTable, ServiceTable } from "../../features/catalog/catalog.table.js";
import type { QuoteTable } from "../../features/checkout/checkout.table.js";
import type { CustomerTable } from "../../features/customers/customers.table.js";
import type { JobTable } from "../../features/jobs/jobs.table.js";
import type { OrderTable } from "../../features/orders/orders.table.js";
import type { PaymentTable } from "../../features/payments/payments.table.js";
import type { ProviderTable } from "../../features/providers/providers.table.js";
import type { SettingTable } from "../../features/settings/settings.table.js";
import type { LedgerEntryTable } from "../../features/wallet/wallet.table.js";
import type { WebhookEventTable } from "../../features/webhooks/webhook-events.table.js";
import type { AuditLogTable } from "../../features/audit/audit.table.js";
import type { RefillTable } from "../../features/orders/refills.table.js";
import type { KvTable } from "./kv.table.js";

// The one place infra knows about feature tables, and only their types (`import type`).
export interface Database {
  settings: SettingTable;
  kv: KvTable;
  customers: CustomerTable;
  providers: ProviderTable;
  services: ServiceTable;
  price_rules: PriceRuleTable;
  service_backups: ServiceBackupTable;
  catalog_syncs: CatalogSyncTable;
  quotes: QuoteTable;
  orders: OrderTable;
  payments: PaymentTable;
  ledger_entries: LedgerEntryTable;
  jobs: JobTable;
  webhook_events: WebhookEventTable;
  refills: RefillTable;
  audit_log: AuditLogTable;
}
