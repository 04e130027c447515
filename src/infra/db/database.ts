import type {
  CatalogSyncTable,
  PriceRuleTable,
  ServiceBackupTable,
  ServiceTable,
} from "../../features/catalog/catalog.table.js";
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
import type { AdminTable } from "../../features/admin/admins.table.js";
import type { StaffProfileTable } from "../../features/admin/staff-profiles.table.js";
import type { RefillTable } from "../../features/orders/refills.table.js";
import type { HandoffMessageTable, HandoffTable } from "../../features/assistant/handoff.table.js";
import type { TranscriptTable } from "../../features/assistant/transcripts.table.js";
import type {
  FaqDocumentTable,
  KnowledgeDocumentTable,
  KnowledgeEmbeddingTable,
  KnowledgeMetaTable,
} from "../../features/knowledge/knowledge.table.js";
import type { LlmUsageTable } from "../../features/assistant/llm-usage.table.js";
import type { GatewayKeysTable } from "../../features/payments/gateway-keys.table.js";
import type { GatewaySettingsTable } from "../../features/payments/gateway-settings.table.js";
import type { BotTextTable } from "../../features/settings/bot-texts.table.js";
import type { BroadcastRecipientTable, BroadcastTable } from "../../features/notifications/broadcast.table.js";
import type { KvTable } from "./kv.table.js";
import type { LeaseTable, OnceClaimTable, RateBucketTable, RateCountTable } from "./cluster.table.js";

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
  llm_usage: LlmUsageTable;
  transcripts: TranscriptTable;
  handoffs: HandoffTable;
  handoff_messages: HandoffMessageTable;
  admins: AdminTable;
  staff_profiles: StaffProfileTable;
  faq_documents: FaqDocumentTable;
  knowledge_documents: KnowledgeDocumentTable;
  knowledge_embeddings: KnowledgeEmbeddingTable;
  knowledge_meta: KnowledgeMetaTable;
  gateway_keys: GatewayKeysTable;
  gateway_settings: GatewaySettingsTable;
  bot_texts: BotTextTable;
  broadcasts: BroadcastTable;
  broadcast_recipients: BroadcastRecipientTable;
  once_claims: OnceClaimTable;
  leases: LeaseTable;
  rate_buckets: RateBucketTable;
  rate_counts: RateCountTable;
}
