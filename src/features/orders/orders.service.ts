import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import { ORDER_MOVES, moveMayEndIn, type MoveTarget, type OrderMove } from "./orders.lifecycle.js";
import type { NewOrderRow, OrderRow, OrderUpdate } from "./orders.table.js";

/** The fields a move writes: a move that changes the status names one of its targets, one that keeps it names none. */
export type MoveUpdate<M extends OrderMove> = Omit<OrderUpdate, "status"> & ([MoveTarget<M>] extends [never] ? { status?: never } : { status: MoveTarget<M> });

export function createOrdersService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    async create(trx: Db, row: Omit<NewOrderRow, "created_at" | "updated_at">): Promise<number> {
      const now = clock.now();
      const inserted = await trx.insertInto("orders").values({ ...row, created_at: now, updated_at: now }).returning("id").executeTakeFirstOrThrow();
      return inserted.id;
    },

    /**
     * Applies `move` (orders.lifecycle.ts) only if the order is in one of the move's from-states, so two
     * racing writers (a duplicate webhook, a retried job) cannot both apply it: the loser sees false.
     * A status the move may not end in is refused the same way, without writing anything.
     */
    async move<M extends OrderMove>(trx: Db, orderId: number, move: M, update: MoveUpdate<M>): Promise<boolean> {
      const from = ORDER_MOVES[move].from;
      const fields: OrderUpdate = update;
      if (!moveMayEndIn(move, fields.status)) return false;
      const result = await trx
        .updateTable("orders")
        .set({ ...fields, updated_at: clock.now() })
        .where("id", "=", orderId)
        .where("status", "in", [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Marks a supplier call as about to be made (the `startPlacement` move). Only a paid order, or one
     * whose last attempt provably never reached the supplier, can start one; returns false otherwise.
     */
    async startPlacement(trx: Db, orderId: number): Promise<boolean> {
      const result = await trx
        .updateTable("orders")
        .set((eb) => ({ status: "placing", placement_state: "in_flight", attempts: eb("attempts", "+", 1), updated_at: clock.now() }))
        .where("id", "=", orderId)
        .where("status", "in", [...ORDER_MOVES.startPlacement.from])
        .where((eb) => eb.or([eb("status", "!=", "placing"), eb("placement_state", "=", "idle")]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async findById(orderId: number, trx: Db = db): Promise<OrderRow | undefined> {
      return trx.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirst();
    },

    async findByQuoteId(quoteId: string, trx: Db = db): Promise<OrderRow | undefined> {
      return trx.selectFrom("orders").selectAll().where("quote_id", "=", quoteId).executeTakeFirst();
    },

    /** Suppliers that hold orders in progress (of these ids, when given). */
    async providersWithOrdersInProgress(onlyIds?: readonly number[]): Promise<number[]> {
      let query = db.selectFrom("orders").select("provider_id").distinct().where("status", "=", "processing").where("provider_order_id", "is not", null).where("provider_id", "is not", null);
      if (onlyIds) query = query.where("id", "in", onlyIds.length > 0 ? [...onlyIds] : [-1]);
      return (await query.execute()).map((r) => r.provider_id!);
    },

    /** The next page (by id) of one supplier's orders in progress, optionally only some ids. */
    async pageInProgress(providerId: number, afterId: number, limit: number, onlyIds?: readonly number[]): Promise<OrderRow[]> {
      let query = db
        .selectFrom("orders")
        .selectAll()
        .where("status", "=", "processing")
        .where("provider_id", "=", providerId)
        .where("provider_order_id", "is not", null)
        .where("id", ">", afterId);
      if (onlyIds) query = query.where("id", "in", onlyIds.length > 0 ? [...onlyIds] : [-1]);
      return query.orderBy("id").limit(limit).execute();
    },

    /** Orders in progress with no reported progress since `before` that were not flagged yet. */
    async listStalled(before: number): Promise<OrderRow[]> {
      return db
        .selectFrom("orders")
        .selectAll()
        .where("status", "=", "processing")
        .where("stuck_flagged_at", "is", null)
        .where((eb) => eb(eb.fn.coalesce("last_progress_at", "placed_at", "paid_at", "created_at"), "<", before))
        .orderBy("id")
        .execute();
    },

    async listForCustomer(customerId: number, limit = 10): Promise<OrderRow[]> {
      return db.selectFrom("orders").selectAll().where("customer_id", "=", customerId).orderBy("id", "desc").limit(limit).execute();
    },

    /** What orders paid with Telegram Stars cost in Stars, by order id (the customer paid Stars, not rupiah). */
    async starsPaid(orders: readonly OrderRow[]): Promise<Map<number, number>> {
      const paymentIds = orders.filter((o) => o.paid_with === "stars" && o.paid_payment_id !== null).map((o) => o.paid_payment_id!);
      if (paymentIds.length === 0) return new Map();
      const payments = await db.selectFrom("payments").select(["order_id", "stars_amount"]).where("id", "in", paymentIds).execute();
      return new Map(payments.filter((p) => p.order_id !== null && p.stars_amount !== null).map((p) => [p.order_id!, p.stars_amount!]));
    },

    /** A page of a customer's orders, newest first, and how many there are. */
    async pageForCustomer(customerId: number, page: number, pageSize: number): Promise<{ orders: OrderRow[]; total: number }> {
      const total = await db.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("n")).where("customer_id", "=", customerId).executeTakeFirstOrThrow();
      const orders = await db.selectFrom("orders").selectAll().where("customer_id", "=", customerId).orderBy("id", "desc").limit(pageSize).offset(page * pageSize).execute();
      return { orders, total: total.n };
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
