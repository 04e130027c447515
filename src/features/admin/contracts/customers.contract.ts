/** The customers area of the admin API (admin.customers.api.ts): search, one customer, the ledger, adjustments. */
import type { CustomerDirectory, CustomerListItem } from "../../customers/customers.admin.js";
import type { LedgerEntry } from "../../wallet/wallet.service.js";
import type { Page } from "./common.contract.js";

export type { CustomerListItem, LedgerEntry };

/** GET /customers */
export type CustomerPage = Page<CustomerListItem>;

/** GET /customers/:id */
export type CustomerDetail = Awaited<ReturnType<CustomerDirectory["detail"]>>;

/** GET /customers/:id/ledger: a page of wallet entries, newest first. */
export interface LedgerPage {
  entries: LedgerEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /customers/:id/adjust */
export interface BalanceAdjusted {
  balance: number;
}
