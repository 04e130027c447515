import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { OrderStatus } from "../orders/orders.table.js";
import {
  DAY_MS,
  JAKARTA_OFFSET_MS,
  orderStatusCounts,
  paidByDayAndService,
  serviceNames,
} from "./admin.stats.queries.js";

/**
 * The dashboard's numbers. Definitions (integer rupiah, exact; days are Asia/Jakarta days, UTC+7
 * all year):
 *
 * - **revenue** of an order = what the customer paid for it (`orders.amount`, counted on the day of
 *   `paid_at`, whatever rail paid it) minus the refunds credited for that order (its
 *   `refund:order:<id>` ledger entries, automatic and admin ones; a Stars refund is the whole
 *   amount), never below zero. Refunds count against the order's paid day, not the refund's day,
 *   so a day's figure settles as its orders finish. A second payment for an already paid order,
 *   credited straight back to the wallet (`payment:<id>`), is neither revenue nor refund.
 * - **profit** = revenue − supplier cost. The supplier cost of an order is `orders.cost_amount` when
 *   the order reached the supplier (it has a supplier order id; or its placement outcome is unknown,
 *   counted until resolved so profit is never overstated; or it is fulfilled by hand), except:
 *   an order canceled by the supplier costs nothing; an order the supplier delivered in part (its
 *   automatic partial refund, `refund:order:<id>`, exists) costs the delivered share
 *   (`cost × (quantity − remains) / quantity`, rounded up). A refund does not take the supplier's
 *   cost away: an admin refund after delivery, whole or in part, is a loss of the refunded amount,
 *   while an order refunded before it reached a supplier costs nothing.
 * - **paid orders** = orders with `paid_at` in the window; **orders by status** = orders created in
 *   the window, by their status now (unpaid and expired ones included).
 * - windows: today = since 00:00 Jakarta time; 7 days = today and the 6 days before; 30 days =
 *   today and the 29 before.
 */

export { JAKARTA_OFFSET_MS };
const TOP = 5;

export type WindowName = "today" | "d7" | "d30";
const WINDOW_DAYS: Record<WindowName, number> = { today: 1, d7: 7, d30: 30 };

export interface TopService {
  serviceId: number;
  mid: number;
  name: string;
  orders: number;
  revenue: number;
}

export interface WindowStats {
  from: number;
  revenue: number;
  profit: number;
  paidOrders: number;
  byStatus: Partial<Record<OrderStatus, number>>;
  topByRevenue: TopService[];
  topByCount: TopService[];
}

export interface DayStats {
  /** "2026-11-21", a Jakarta calendar day. */
  day: string;
  revenue: number;
  profit: number;
  orders: number;
}

export interface DashboardStats {
  generatedAt: number;
  windows: Record<WindowName, WindowStats>;
  /** The last 30 days, oldest first, every day present. */
  daily: DayStats[];
}

/** Jakarta day number (days since 1970-01-01 in Jakarta) of an instant. */
export const jakartaDay = (epochMs: number): number => Math.floor((epochMs + JAKARTA_OFFSET_MS) / DAY_MS);
const dayStart = (day: number): number => day * DAY_MS - JAKARTA_OFFSET_MS;
const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createAdminStats(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /** Today, 7 and 30 days as of now, with the daily series for the chart. See the definitions above. */
    async dashboard(): Promise<DashboardStats> {
      const now = clock.now();
      const today = jakartaDay(now);
      const to = dayStart(today + 1);
      const firstDay: Record<WindowName, number> = {
        today,
        d7: today - (WINDOW_DAYS.d7 - 1),
        d30: today - (WINDOW_DAYS.d30 - 1),
      };
      const starts: Record<WindowName, number> = {
        today: dayStart(firstDay.today),
        d7: dayStart(firstDay.d7),
        d30: dayStart(firstDay.d30),
      };
      const rows = await paidByDayAndService(db, starts.d30, to);
      const statuses = await orderStatusCounts(db, starts, to);

      const serviceIds = [...new Set(rows.map((r) => r.service_id))];
      const services = await serviceNames(db, serviceIds);

      const windowStats = (name: WindowName): WindowStats => {
        const inWindow = rows.filter((r) => r.day >= firstDay[name]);
        const perService = new Map<number, TopService>();
        for (const r of inWindow) {
          const entry = perService.get(r.service_id) ?? {
            serviceId: r.service_id,
            mid: services.get(r.service_id)?.mid ?? 0,
            name: services.get(r.service_id)?.name ?? "?",
            orders: 0,
            revenue: 0,
          };
          entry.orders += r.orders;
          entry.revenue += r.revenue;
          perService.set(r.service_id, entry);
        }
        const all = [...perService.values()];
        const revenue = sum(inWindow.map((r) => r.revenue));
        return {
          from: starts[name],
          revenue,
          profit: revenue - sum(inWindow.map((r) => r.cost)),
          paidOrders: sum(inWindow.map((r) => r.orders)),
          byStatus: Object.fromEntries(
            statuses.map((s) => [s.status, Number(s[name])]).filter(([, count]) => (count as number) > 0),
          ),
          topByRevenue: [...all]
            .sort((a, b) => b.revenue - a.revenue || b.orders - a.orders || a.mid - b.mid)
            .slice(0, TOP),
          topByCount: [...all]
            .sort((a, b) => b.orders - a.orders || b.revenue - a.revenue || a.mid - b.mid)
            .slice(0, TOP),
        };
      };

      const daily: DayStats[] = [];
      for (let day = firstDay.d30; day <= today; day++) {
        const ofDay = rows.filter((r) => r.day === day);
        const revenue = sum(ofDay.map((r) => r.revenue));
        daily.push({
          day: dayLabel(day),
          revenue,
          profit: revenue - sum(ofDay.map((r) => r.cost)),
          orders: sum(ofDay.map((r) => r.orders)),
        });
      }

      return {
        generatedAt: now,
        windows: { today: windowStats("today"), d7: windowStats("d7"), d30: windowStats("d30") },
        daily,
      };
    },
  };
}

export type AdminStats = ReturnType<typeof createAdminStats>;

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
