import type { CatalogService } from "../features/catalog/catalog.service.js";
import type { CheckoutService } from "../features/checkout/checkout.service.js";
import type { CustomersService } from "../features/customers/customers.service.js";
import type { OrdersService } from "../features/orders/orders.service.js";
import type { Aftercare } from "../features/fulfilment/fulfilment.aftercare.js";
import type { StatusSync } from "../features/fulfilment/fulfilment.status-sync.js";
import type { PaymentsService } from "../features/payments/payments.service.js";
import type { StarsPayments } from "../features/payments/payments.stars.js";
import type { WalletService } from "../features/wallet/wallet.service.js";
import type { Db } from "../infra/db/open-database.js";
import type { Clock } from "../infra/clock/clock.js";
import type { Logger } from "../logger.js";

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
  adminTelegramIds: readonly number[];
}
