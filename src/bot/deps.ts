import type { CatalogService } from "../features/catalog/catalog.service.js";
import type { CheckoutService } from "../features/checkout/checkout.service.js";
import type { CustomersService } from "../features/customers/customers.service.js";
import type { OrdersService } from "../features/orders/orders.service.js";
import type { Aftercare } from "../features/orders/orders.aftercare.js";
import type { StatusSync, StatusSyncReport } from "../features/fulfilment/fulfilment.status-sync.js";
import type { PaymentsService } from "../features/payments/payments.service.js";
import type { StarsPayments } from "../features/payments/payments.stars.js";
import type { WalletService } from "../features/wallet/wallet.service.js";
import type { SettingsService } from "../features/settings/settings.service.js";
import type { TranscriptsService } from "../features/assistant/transcripts.service.js";
import type { HandoffService } from "../features/assistant/handoff.service.js";
import type { Assistant } from "../features/assistant/assistant.service.js";
import type { KnowledgeService } from "../features/knowledge/knowledge.service.js";
import type { AdminsService } from "../features/admin/admins.service.js";
import type { AdminStats } from "../features/admin/admin.stats.service.js";
import type { ProvidersService } from "../features/providers/providers.service.js";
import type { OrderAdmin } from "../features/orders/orders.admin.js";
import type { OrderDetail } from "../features/orders/orders.detail.js";
import type { CustomerRefunds } from "../features/orders/orders.refunds.js";
import type { AuditService } from "../features/audit/audit.service.js";
import type { BotTexts } from "../features/settings/bot-texts.service.js";
import type { Db } from "../infra/db/open-database.js";
import type { Clock } from "../infra/clock/clock.js";
import type { Logger } from "../logger.js";
import type { ChatLocks } from "./chat-lock.middleware.js";
import type { SharedCounters } from "../infra/db/cluster.js";

/** The services handlers may call; handlers never reach repositories or vendor SDKs. */
export interface BotDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  customers: CustomersService;
  catalog: CatalogService;
  checkout: CheckoutService;
  orders: OrdersService;
  payments: PaymentsService;
  stars: StarsPayments;
  wallet: WalletService;
  aftercare: Aftercare;
  statusSync: StatusSync;
  settings: SettingsService;
  transcripts: TranscriptsService;
  handoff: HandoffService;
  assistant: Assistant;
  knowledge: KnowledgeService;
  adminTelegramIds: readonly number[];
  /** Staff and what they may do (/admin and hand-offs answer anyone with a role). */
  admins: AdminsService;
  adminStats: AdminStats;
  providers: ProvidersService;
  orderAdmin: OrderAdmin<StatusSyncReport>;
  orderDetail: OrderDetail;
  /** Refund states of a customer's own orders, for refund questions. */
  customerRefunds: CustomerRefunds;
  audit: AuditService;
  /** Welcome and help texts the shop rewrote in the admin app. */
  botTexts: BotTexts;
  /** Several instances on PostgreSQL: one update at a time per chat across them (absent on SQLite). */
  chatLocks?: ChatLocks | undefined;
  /** Several instances on PostgreSQL: the per-customer message limit counted in the database (absent on SQLite). */
  sharedCounters?: SharedCounters | undefined;
  /** Where the admin Mini App is served: PUBLIC_URL (absent: /admin shows no app button). */
  config: { server: { publicUrl: string | undefined } };
}
