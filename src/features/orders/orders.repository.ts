import type { Db } from "../../infra/db/open-database.js";
import { ORDER_MOVES, moveMayEndIn, type MoveTarget, type OrderMove } from "./orders.lifecycle.js";
import type { NewOrderRow, OrderRow, OrderStatus, OrderUpdate } from "./orders.table.js";
import type { RefillRow, RefillState } from "./refills.table.js";

/**
 * Every write to `orders` and `refills`, and the reads of them alone. Each function takes the
 * executor (`db` or the caller's transaction), so a service runs several of them as one
 * transaction; none of them calls anything outside the database.
 */
export type { OrderRow, RefillRow, RefillState };

/** The fields a move writes: a move that changes the status names one of its targets, one that keeps it names none. */
export type MoveUpdate<M extends OrderMove> = Omit<OrderUpdate, "status"> &
  ([MoveTarget<M>] extends [never] ? { status?: never } : { status: MoveTarget<M> });

export async function insertOrder(db: Db, row: NewOrderRow): Promise<number> {
  return (await db.insertInto("orders").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

/**
 * Applies `move` (orders.lifecycle.ts) only if the order is in one of the move's from-states, so two
 * racing writers (a duplicate webhook, a retried job) cannot both apply it: the loser sees false.
 * A status the move may not end in is refused the same way, without writing anything.
 */
export async function moveOrder<M extends OrderMove>(
  db: Db,
  orderId: number,
  move: M,
  update: MoveUpdate<M>,
  now: number,
): Promise<boolean> {
  const fields: OrderUpdate = update;
  if (!moveMayEndIn(move, fields.status)) return false;
  const result = await db
    .updateTable("orders")
    .set({ ...fields, updated_at: now })
    .where("id", "=", orderId)
    .where("status", "in", [...ORDER_MOVES[move].from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks a supplier call as about to be made (the `startPlacement` move). Only a paid order, or one
 * whose last attempt provably never reached the supplier, can start one; returns false otherwise.
 */
export async function startOrderPlacement(db: Db, orderId: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable("orders")
    .set((eb) => ({
      status: "placing",
      placement_state: "in_flight",
      attempts: eb("attempts", "+", 1),
      updated_at: now,
    }))
    .where("id", "=", orderId)
    .where("status", "in", [...ORDER_MOVES.startPlacement.from])
    .where((eb) => eb.or([eb("status", "!=", "placing"), eb("placement_state", "=", "idle")]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The admin's notes: a field, not a state, so no move. */
export async function setOrderNotes(db: Db, orderId: number, notes: string | null, now: number): Promise<void> {
  await db.updateTable("orders").set({ admin_notes: notes, updated_at: now }).where("id", "=", orderId).execute();
}

export async function findOrderById(db: Db, orderId: number): Promise<OrderRow | undefined> {
  return db.selectFrom("orders").selectAll().where("id", "=", orderId).executeTakeFirst();
}

export async function findOrderByQuoteId(db: Db, quoteId: string): Promise<OrderRow | undefined> {
  return db.selectFrom("orders").selectAll().where("quote_id", "=", quoteId).executeTakeFirst();
}

/** The order when it is this customer's. */
export async function findCustomerOrder(db: Db, orderId: number, customerId: number): Promise<OrderRow | undefined> {
  return db
    .selectFrom("orders")
    .selectAll()
    .where("id", "=", orderId)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
}

/** Orders in one status, oldest first; of one supplier, or waiting since before a moment, when given. */
export async function listOrdersIn(
  db: Db,
  status: OrderStatus,
  filter: { providerId?: number; since?: { atOrBefore: number }; withSupplier?: boolean } = {},
): Promise<OrderRow[]> {
  let query = db.selectFrom("orders").selectAll().where("status", "=", status);
  if (filter.providerId !== undefined) query = query.where("provider_id", "=", filter.providerId);
  if (filter.withSupplier) query = query.where("provider_id", "is not", null);
  if (filter.since) query = query.where("funds_waiting_since", "<=", filter.since.atOrBefore);
  return query.orderBy("id").execute();
}

/** Suppliers that hold orders in progress (of these ids, when given). */
export async function providersWithOrdersInProgress(db: Db, onlyIds?: readonly number[]): Promise<number[]> {
  let query = db
    .selectFrom("orders")
    .select("provider_id")
    .distinct()
    .where("status", "=", "processing")
    .where("provider_order_id", "is not", null)
    .where("provider_id", "is not", null);
  if (onlyIds) query = query.where("id", "in", onlyIds.length > 0 ? [...onlyIds] : [-1]);
  return (await query.execute()).map((r) => r.provider_id!);
}

/** The next page (by id) of one supplier's orders in progress, optionally only some ids. */
export async function pageInProgress(
  db: Db,
  providerId: number,
  afterId: number,
  limit: number,
  onlyIds?: readonly number[],
): Promise<OrderRow[]> {
  let query = db
    .selectFrom("orders")
    .selectAll()
    .where("status", "=", "processing")
    .where("provider_id", "=", providerId)
    .where("provider_order_id", "is not", null)
    .where("id", ">", afterId);
  if (onlyIds) query = query.where("id", "in", onlyIds.length > 0 ? [...onlyIds] : [-1]);
  return query.orderBy("id").limit(limit).execute();
}

/** Orders in progress with no reported progress since `before` that were not flagged yet. */
export async function listStalled(db: Db, before: number): Promise<OrderRow[]> {
  return db
    .selectFrom("orders")
    .selectAll()
    .where("status", "=", "processing")
    .where("stuck_flagged_at", "is", null)
    .where((eb) => eb(eb.fn.coalesce("last_progress_at", "placed_at", "paid_at", "created_at"), "<", before))
    .orderBy("id")
    .execute();
}

/** A customer's orders, newest first; only paid ones in these statuses when given. */
export async function listForCustomer(
  db: Db,
  customerId: number,
  limit: number,
  offset = 0,
  paidIn?: readonly OrderStatus[],
): Promise<OrderRow[]> {
  let query = db.selectFrom("orders").selectAll().where("customer_id", "=", customerId);
  if (paidIn) query = query.where("status", "in", [...paidIn]).where("paid_at", "is not", null);
  return query.orderBy("id", "desc").limit(limit).offset(offset).execute();
}

export async function countForCustomer(db: Db, customerId: number): Promise<number> {
  return (
    await db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("customer_id", "=", customerId)
      .executeTakeFirstOrThrow()
  ).n;
}

// Refills: an order's after-sale requests to its supplier.

export async function insertRefill(db: Db, orderId: number, now: number): Promise<number> {
  const row = {
    order_id: orderId,
    provider_refill_id: null,
    status: "requested" as const,
    raw_status: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  };
  return (await db.insertInto("refills").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

export async function updateRefill(
  db: Db,
  id: number,
  update: Partial<Pick<RefillRow, "status" | "provider_refill_id" | "last_error" | "raw_status">>,
  now: number,
): Promise<void> {
  await db
    .updateTable("refills")
    .set({ ...update, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** A supplier's new status for a refill, only if nobody changed it since it was read. */
export async function settleRefill(
  db: Db,
  id: number,
  from: RefillState,
  to: RefillState,
  rawStatus: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable("refills")
    .set({ status: to, raw_status: rawStatus, updated_at: now })
    .where("id", "=", id)
    .where("status", "=", from)
    .execute();
}

export async function findRefill(db: Db, id: number): Promise<RefillRow> {
  return db.selectFrom("refills").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function listRefills(db: Db, orderId: number, order: "asc" | "desc"): Promise<RefillRow[]> {
  return db.selectFrom("refills").selectAll().where("order_id", "=", orderId).orderBy("id", order).execute();
}

/** Refills the supplier is still working on, with the order they belong to. */
export async function listOpenRefills(db: Db) {
  return db
    .selectFrom("refills")
    .innerJoin("orders", "orders.id", "refills.order_id")
    .select([
      "refills.id",
      "refills.provider_refill_id",
      "refills.status",
      "orders.id as order_id",
      "orders.customer_id",
      "orders.provider_id",
    ])
    .where("refills.status", "in", ["pending", "in_progress"])
    .where("refills.provider_refill_id", "is not", null)
    .execute();
}
