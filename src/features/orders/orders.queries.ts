import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../infra/db/database.js";
import type { Db } from "../../infra/db/open-database.js";
import { containsIgnoringCase } from "../../infra/db/portable-sql.js";
import type { OrderStatus } from "./orders.table.js";

/**
 * Finding orders for the admin app: filters by status, day (Asia/Jakarta), customer and target,
 * paged in the database so a shop with a hundred thousand orders sends one page at a time.
 * A read model: it joins the customer and the service for the list, and changes nothing.
 */
export interface OrderFilter {
  status?: OrderStatus | undefined;
  /** First and last day, "YYYY-MM-DD" in Asia/Jakarta, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** A Telegram id, an @username or part of a username or first name. */
  customer?: string | undefined;
  customerId?: number | undefined;
  /** Part of the link/target; a number also finds the order of that number or supplier order id. */
  q?: string | undefined;
}

export interface OrderListItem {
  id: number;
  status: OrderStatus;
  isManual: boolean;
  target: string;
  quantity: number;
  amount: number;
  createdAt: number;
  paidAt: number | null;
  service: { mid: number | null; name: string };
  customer: { id: number; telegramId: number; username: string | null; firstName: string };
}

/** Jakarta keeps UTC+7 all year (no daylight saving), so a day there is a fixed UTC interval. */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Midnight in Asia/Jakarta at the start of "YYYY-MM-DD", as epoch milliseconds. */
export function jakartaDayStart(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - JAKARTA_OFFSET_MS;
}

/** Case-insensitive "contains": unlike LIKE, a `%` or `_` a person types is just a character. */
function contains(
  db: Db,
  eb: ExpressionBuilder<Database, "orders" | "customers" | "services">,
  column: "orders.target" | "customers.username" | "customers.first_name",
  lowerTerm: string,
) {
  return containsIgnoringCase(db, eb.ref(column), lowerTerm);
}

export function createOrderQueries(deps: { db: Db }) {
  const { db } = deps;

  const filtered = (filter: OrderFilter) => {
    let query = db
      .selectFrom("orders")
      .innerJoin("customers", "customers.id", "orders.customer_id")
      .leftJoin("services", "services.id", "orders.service_id");
    if (filter.status) query = query.where("orders.status", "=", filter.status);
    if (filter.from) query = query.where("orders.created_at", ">=", jakartaDayStart(filter.from));
    if (filter.to) query = query.where("orders.created_at", "<", jakartaDayStart(filter.to) + DAY_MS);
    if (filter.customerId) query = query.where("orders.customer_id", "=", filter.customerId);
    const who = filter.customer?.trim();
    if (who) {
      if (/^\d+$/.test(who)) query = query.where("customers.telegram_id", "=", Number(who));
      else {
        const term = who.replace(/^@/, "").toLowerCase();
        query = query.where((eb) =>
          eb.or([contains(db, eb, "customers.username", term), contains(db, eb, "customers.first_name", term)]),
        );
      }
    }
    const q = filter.q?.trim();
    if (q) {
      const number = /^#?\d+$/.test(q) ? Number(q.replace("#", "")) : undefined;
      query = query.where((eb) =>
        eb.or([
          contains(db, eb, "orders.target", q.toLowerCase()),
          ...(number !== undefined
            ? [eb("orders.id", "=", number), eb("orders.provider_order_id", "=", String(number))]
            : []),
        ]),
      );
    }
    return query;
  };

  return {
    /** One page of matching orders, newest first, and how many match in all. */
    async page(
      filter: OrderFilter,
      page: number,
      pageSize: number,
    ): Promise<{ items: OrderListItem[]; total: number }> {
      const total = await filtered(filter)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const rows = await filtered(filter)
        .select([
          "orders.id",
          "orders.status",
          "orders.is_manual",
          "orders.target",
          "orders.quantity",
          "orders.amount",
          "orders.created_at",
          "orders.paid_at",
          "orders.customer_id",
          "customers.telegram_id",
          "customers.username",
          "customers.first_name",
          "services.mid",
          "services.name as service_name",
        ])
        .orderBy("orders.id", "desc")
        .limit(pageSize)
        .offset(page * pageSize)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          status: r.status,
          isManual: r.is_manual === 1,
          target: r.target,
          quantity: r.quantity,
          amount: r.amount,
          createdAt: r.created_at,
          paidAt: r.paid_at,
          service: { mid: r.mid, name: r.service_name ?? "" },
          customer: { id: r.customer_id, telegramId: r.telegram_id, username: r.username, firstName: r.first_name },
        })),
      };
    },
  };
}

export type OrderQueries = ReturnType<typeof createOrderQueries>;
