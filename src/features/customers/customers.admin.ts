import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { WalletService } from "../wallet/wallet.service.js";
import { countMatchingCustomers, customerPurchaseTotals, pageMatchingCustomers } from "./customers.queries.js";
import { findCustomerById } from "./customers.repository.js";

/**
 * The shop's customers as admins look them up: search by Telegram id, @username or name, a paged
 * list with each balance and order count, and one customer with their ledger and recent orders.
 * Balances are sums of ledger entries, as the wallet defines them; nothing here writes.
 */
export interface CustomerListItem {
  id: number;
  telegramId: number;
  username: string | null;
  firstName: string;
  language: "id" | "en";
  balance: number;
  /** Orders that were paid (an invoice never paid is not a purchase). */
  orders: number;
  createdAt: number;
}

export function createCustomerDirectory(deps: { db: Db; wallet: WalletService; orders: OrdersService }) {
  const { db, wallet, orders } = deps;

  return {
    /** One page of customers matching `q`, newest first, and how many match. */
    async search(
      q: string | undefined,
      page: number,
      pageSize: number,
    ): Promise<{ items: CustomerListItem[]; total: number }> {
      const total = await countMatchingCustomers(db, q);
      const rows = await pageMatchingCustomers(db, q, { offset: page * pageSize, limit: pageSize });
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          telegramId: r.telegram_id,
          username: r.username,
          firstName: r.first_name,
          language: r.language,
          balance: Number(r.balance),
          orders: Number(r.order_count),
          createdAt: r.created_at,
        })),
      };
    },

    /** One customer: who, the balance, how much they bought and their latest orders. */
    async detail(customerId: number) {
      const row = await findCustomerById(db, customerId);
      if (!row) throw new AppError("admin.not_found", `no customer ${customerId}`);
      const totals = await customerPurchaseTotals(db, customerId);
      const recent = await orders.listForCustomer(customerId, 10);
      return {
        customer: {
          id: row.id,
          telegramId: row.telegram_id,
          username: row.username,
          firstName: row.first_name,
          language: row.language,
          createdAt: row.created_at,
        },
        balance: await wallet.balance(customerId),
        paidOrders: totals.paidOrders,
        spent: totals.spent,
        recentOrders: recent.map((o) => ({
          id: o.id,
          status: o.status,
          target: o.target,
          quantity: o.quantity,
          amount: o.amount,
          createdAt: o.created_at,
          isManual: o.is_manual === 1,
        })),
      };
    },

    /** A page of the customer's ledger, newest first. */
    async ledger(customerId: number, page: number, pageSize: number) {
      const exists = await findCustomerById(db, customerId);
      if (!exists) throw new AppError("admin.not_found", `no customer ${customerId}`);
      return wallet.pageEntries(customerId, page, pageSize);
    },
  };
}

export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;
