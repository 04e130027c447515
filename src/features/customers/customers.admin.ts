import { sql } from "kysely";
import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { OrdersService } from "../orders/orders.service.js";
import type { WalletService } from "../wallet/wallet.service.js";

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

  const matching = (q: string | undefined) => {
    let query = db.selectFrom("customers");
    const term = q?.trim();
    if (!term) return query;
    if (/^\d+$/.test(term)) return query.where((eb) => eb.or([eb("telegram_id", "=", Number(term)), eb("id", "=", Number(term))]));
    // instr() rather than LIKE: a `%` or `_` someone types is just a character.
    const lower = term.replace(/^@/, "").toLowerCase();
    query = query.where((eb) => eb.or([eb(eb.fn("instr", [eb.fn("lower", ["username"]), eb.val(lower)]), ">", 0), eb(eb.fn("instr", [eb.fn("lower", ["first_name"]), eb.val(lower)]), ">", 0)]));
    return query;
  };

  return {
    /** One page of customers matching `q`, newest first, and how many match. */
    async search(q: string | undefined, page: number, pageSize: number): Promise<{ items: CustomerListItem[]; total: number }> {
      const total = await matching(q).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const rows = await matching(q)
        .select([
          "id",
          "telegram_id",
          "username",
          "first_name",
          "language",
          "created_at",
          // The wallet's own definition of a balance, per row (indexed by ledger_customer).
          sql<number>`(select coalesce(sum(amount), 0) from ledger_entries where ledger_entries.customer_id = customers.id)`.as("balance"),
          sql<number>`(select count(*) from orders where orders.customer_id = customers.id and orders.paid_at is not null)`.as("order_count"),
        ])
        .orderBy("id", "desc")
        .limit(pageSize)
        .offset(page * pageSize)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((r) => ({ id: r.id, telegramId: r.telegram_id, username: r.username, firstName: r.first_name, language: r.language, balance: Number(r.balance), orders: Number(r.order_count), createdAt: r.created_at })),
      };
    },

    /** One customer: who, the balance, how much they bought and their latest orders. */
    async detail(customerId: number) {
      const row = await db.selectFrom("customers").selectAll().where("id", "=", customerId).executeTakeFirst();
      if (!row) throw new AppError("admin.not_found", `no customer ${customerId}`);
      const totals = await db
        .selectFrom("orders")
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("spent")])
        .where("customer_id", "=", customerId)
        .where("paid_at", "is not", null)
        .executeTakeFirstOrThrow();
      const recent = await orders.listForCustomer(customerId, 10);
      return {
        customer: { id: row.id, telegramId: row.telegram_id, username: row.username, firstName: row.first_name, language: row.language, createdAt: row.created_at },
        balance: await wallet.balance(customerId),
        paidOrders: Number(totals.n),
        spent: Number(totals.spent),
        recentOrders: recent.map((o) => ({ id: o.id, status: o.status, target: o.target, quantity: o.quantity, amount: o.amount, createdAt: o.created_at, isManual: o.is_manual === 1 })),
      };
    },

    /** A page of the customer's ledger, newest first. */
    async ledger(customerId: number, page: number, pageSize: number) {
      const exists = await db.selectFrom("customers").select("id").where("id", "=", customerId).executeTakeFirst();
      if (!exists) throw new AppError("admin.not_found", `no customer ${customerId}`);
      return wallet.pageEntries(customerId, page, pageSize);
    },
  };
}

export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;
