import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { OrderMove } from "./orders.lifecycle.js";
import { starsPaidFor } from "./orders.payments.queries.js";
import * as repo from "./orders.repository.js";
import type { MoveUpdate, OrderRow } from "./orders.repository.js";

export type { MoveUpdate, OrderRow };

/**
 * What other features may do with orders: move one along the lifecycle, and read them (an order is
 * opened from its quote by orders.opener.ts). The SQL is in orders.repository.ts; this hands out
 * its declared row type (`OrderRow`) and stamps the clock. Methods that write take the caller's
 * transaction.
 */
export function createOrdersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Applies a named move of orders.lifecycle.ts; false when the order is not in one of its from-states (see `moveOrder`). */
    move: <M extends OrderMove>(trx: Db, orderId: number, move: M, update: MoveUpdate<M>): Promise<boolean> =>
      repo.moveOrder(trx, orderId, move, update, clock.now()),

    /** The `startPlacement` move with its attempt count (see `startOrderPlacement`). */
    startPlacement: (trx: Db, orderId: number): Promise<boolean> => repo.startOrderPlacement(trx, orderId, clock.now()),

    findById: (orderId: number, trx: Db = db): Promise<OrderRow | undefined> => repo.findOrderById(trx, orderId),

    findByQuoteId: (quoteId: string, trx: Db = db): Promise<OrderRow | undefined> =>
      repo.findOrderByQuoteId(trx, quoteId),

    /** Suppliers that hold orders in progress (of these ids, when given). */
    providersWithOrdersInProgress: (onlyIds?: readonly number[]): Promise<number[]> =>
      repo.providersWithOrdersInProgress(db, onlyIds),

    /** The next page (by id) of one supplier's orders in progress, optionally only some ids. */
    pageInProgress: (
      providerId: number,
      afterId: number,
      limit: number,
      onlyIds?: readonly number[],
    ): Promise<OrderRow[]> => repo.pageInProgress(db, providerId, afterId, limit, onlyIds),

    /** Orders in progress with no reported progress since `before` that were not flagged yet. */
    listStalled: (before: number): Promise<OrderRow[]> => repo.listStalled(db, before),

    /** Orders waiting for their supplier's funds, oldest first: of one supplier, or waiting since `atOrBefore`. */
    listWaitingFunds: (filter: { providerId: number } | { since: { atOrBefore: number } }): Promise<OrderRow[]> =>
      repo.listOrdersIn(db, "waiting_funds", filter),

    /** Orders whose supplier outcome is unknown, at a known supplier, oldest first. */
    listUnknownAtSupplier: (): Promise<OrderRow[]> => repo.listOrdersIn(db, "unknown", { withSupplier: true }),

    listForCustomer: (customerId: number, limit = 10): Promise<OrderRow[]> =>
      repo.listForCustomer(db, customerId, limit),

    /** What orders paid with Telegram Stars cost in Stars, by order id (the customer paid Stars, not rupiah). */
    starsPaid: (orders: readonly OrderRow[]): Promise<Map<number, number>> => starsPaidFor(db, orders),

    /** A page of a customer's orders, newest first, and how many there are. */
    async pageForCustomer(
      customerId: number,
      page: number,
      pageSize: number,
    ): Promise<{ orders: OrderRow[]; total: number }> {
      const total = await repo.countForCustomer(db, customerId);
      return { orders: await repo.listForCustomer(db, customerId, pageSize, page * pageSize), total };
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
