import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import type { OrderStatus } from "../orders/orders.table.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import type { DashboardStats } from "./admin.stats.service.js";

/**
 * The dashboard's numbers on real SQLite with the real migrations, from orders written with known
 * amounts, costs and refunds. The shop's clock says 10:00 on 21 Nov 2026 in Jakarta (03:00 UTC), so
 * "today" began at 17:00 UTC on 20 Nov.
 */

const NOW = Date.UTC(2026, 10, 21, 3, 0, 0);
const TODAY_START = Date.UTC(2026, 10, 20, 17, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let kit: ShopKit;
let stats: DashboardStats;
let serviceIds: number[];
let customerId: number;
let seq = 0;

interface OrderSpec {
  service?: number;
  amount: number;
  cost: number;
  status: OrderStatus;
  paidAt?: number | null;
  createdAt?: number;
  reachedSupplier?: boolean;
  manual?: boolean;
  quantity?: number;
  remains?: number | null;
  paidWith?: "midtrans" | "wallet" | "stars";
}

async function order(spec: OrderSpec): Promise<number> {
  const n = ++seq;
  const serviceId = serviceIds[spec.service ?? 0]!;
  const createdAt = spec.createdAt ?? (spec.paidAt ?? NOW) - 60_000;
  await kit.db
    .insertInto("quotes")
    .values({
      id: `q_stats_${n}`,
      customer_id: customerId,
      service_id: serviceId,
      target: `https://instagram.com/s${n}`,
      quantity: spec.quantity ?? 1000,
      unit_price: spec.amount,
      zone: null,
      nickname: null,
      amount: spec.amount,
      cost_amount: spec.cost,
      status: "ordered",
      expires_at: createdAt + HOUR,
      created_at: createdAt,
    })
    .execute();
  const row = await kit.db
    .insertInto("orders")
    .values({
      quote_id: `q_stats_${n}`,
      customer_id: customerId,
      service_id: serviceId,
      provider_id: null,
      target: `https://instagram.com/s${n}`,
      quantity: spec.quantity ?? 1000,
      amount: spec.amount,
      cost_amount: spec.cost,
      status: spec.status,
      provider_order_id: spec.reachedSupplier ? `P${n}` : null,
      provider_status: null,
      start_count: null,
      remains: spec.remains ?? null,
      last_status_check_at: null,
      is_manual: spec.manual ? 1 : 0,
      admin_notes: null,
      last_error: null,
      paid_at: spec.paidAt ?? null,
      placed_at: spec.reachedSupplier ? (spec.paidAt ?? null) : null,
      finished_at: null,
      supplier_service_id: null,
      zone: null,
      nickname: null,
      supplier_note: null,
      paid_with: spec.paidAt ? (spec.paidWith ?? "midtrans") : null,
      paid_payment_id: null,
      last_progress_at: null,
      stuck_flagged_at: null,
      cancel_requested_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function credit(orderId: number, amount: number, reference: string) {
  await kit.db
    .insertInto("ledger_entries")
    .values({
      customer_id: customerId,
      amount,
      reason: "refund",
      reference,
      order_id: orderId,
      note: null,
      created_at: NOW,
    })
    .execute();
}

beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(NOW) });
  serviceIds = (await kit.db.selectFrom("services").select("id").orderBy("mid").limit(3).execute()).map((s) => s.id);
  customerId = (
    await kit.db
      .insertInto("customers")
      .values({
        telegram_id: 100_001,
        chat_id: 100_001,
        username: null,
        first_name: "Budi",
        language: "id",
        created_at: NOW,
        updated_at: NOW,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

  // Today (Jakarta): 39,000 revenue, 22,500 supplier cost, 5 paid orders.
  await order({
    service: 0,
    amount: 10_000,
    cost: 6_000,
    status: "completed",
    paidAt: NOW - HOUR,
    reachedSupplier: true,
  });
  const partial = await order({
    service: 1,
    amount: 20_000,
    cost: 12_000,
    status: "partial",
    paidAt: NOW - 2 * HOUR,
    reachedSupplier: true,
    quantity: 1000,
    remains: 300,
  });
  await credit(partial, 6_000, `refund:order:${partial}`); // 30 % undelivered: revenue 14,000, cost 8,400
  await order({ service: 2, amount: 4_000, cost: 2_500, status: "manual", paidAt: NOW - 3 * HOUR, manual: true });
  const paidTwice = await order({
    service: 0,
    amount: 10_000,
    cost: 5_000,
    status: "completed",
    paidAt: NOW - 4 * HOUR,
    reachedSupplier: true,
  });
  await credit(paidTwice, 10_000, "payment:99"); // a second QR paid for it, credited back: not a refund of this order
  await order({
    service: 0,
    amount: 1_000,
    cost: 600,
    status: "processing",
    paidAt: TODAY_START,
    createdAt: TODAY_START,
    reachedSupplier: true,
  }); // first millisecond of today
  await order({ service: 1, amount: 8_000, cost: 5_000, status: "awaiting_payment", createdAt: NOW - 5 * HOUR }); // never paid

  // Earlier this week: +9,000 revenue, +14,000 cost (the Stars order was delivered before its refund), 4 more paid orders.
  const canceled = await order({
    service: 1,
    amount: 5_000,
    cost: 3_000,
    status: "canceled",
    paidAt: TODAY_START - 1,
    reachedSupplier: true,
  }); // 23:59:59.999 yesterday
  await credit(canceled, 5_000, `refund:order:${canceled}`);
  const failed = await order({ service: 2, amount: 7_000, cost: 4_000, status: "refunded", paidAt: NOW - 3 * DAY });
  await credit(failed, 7_000, `refund:order:${failed}`);
  const stars = await order({
    service: 2,
    amount: 15_000,
    cost: 9_000,
    status: "completed",
    paidAt: NOW - 2 * DAY,
    reachedSupplier: true,
    paidWith: "stars",
  });
  await kit.db
    .insertInto("jobs")
    .values({
      kind: "refund_stars",
      payload: "{}",
      dedupe_key: `refund-stars:${stars}`,
      status: "done",
      run_at: NOW,
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await order({ service: 0, amount: 9_000, cost: 5_000, status: "unknown", paidAt: NOW - 2 * DAY }); // outcome unknown: its cost counts until resolved

  // Within 30 days: +25,000 revenue, +20,000 cost, 1 more paid order; and one too old to count.
  const adminRefunded = await order({
    service: 1,
    amount: 30_000,
    cost: 20_000,
    status: "completed",
    paidAt: NOW - 10 * DAY,
    reachedSupplier: true,
  });
  await credit(adminRefunded, 5_000, `refund:order:${adminRefunded}:admin:abc12345`);
  await order({
    service: 0,
    amount: 99_000,
    cost: 1_000,
    status: "completed",
    paidAt: NOW - 40 * DAY,
    reachedSupplier: true,
  });

  stats = await kit.container.adminStats.dashboard();
});
afterAll(async () => {
  await kit?.close();
});

describe("dashboard numbers", () => {
  it("counts today's revenue net of refunds and profit after supplier costs, by Jakarta day", () => {
    expect(stats.windows.today).toMatchObject({ from: TODAY_START, revenue: 39_000, profit: 16_500, paidOrders: 5 });
  });

  it("adds the week's orders: never-placed and supplier-canceled orders cost nothing, an unknown outcome still costs, a delivered order refunded in Stars still cost its 9,000", () => {
    expect(stats.windows.d7).toMatchObject({
      from: TODAY_START - 6 * DAY,
      revenue: 48_000,
      profit: 11_500,
      paidOrders: 9,
    });
  });

  it("takes admin refunds off the 30-day revenue and leaves out orders paid before the window", () => {
    expect(stats.windows.d30).toMatchObject({
      from: TODAY_START - 29 * DAY,
      revenue: 73_000,
      profit: 16_500,
      paidOrders: 10,
    });
  });

  it("counts orders by status among those created in the window, paid or not", () => {
    expect(stats.windows.today.byStatus).toEqual({
      completed: 2,
      partial: 1,
      manual: 1,
      processing: 1,
      awaiting_payment: 1,
    });
    expect(stats.windows.d7.byStatus).toEqual({
      completed: 3,
      partial: 1,
      manual: 1,
      processing: 1,
      awaiting_payment: 1,
      canceled: 1,
      refunded: 1,
      unknown: 1,
    });
  });

  it("ranks services by revenue and by number of orders", () => {
    const mids = (list: Array<{ mid: number }>) => list.map((s) => s.mid);
    // 30 days: mid 1 = 10,000 + 10,000 + 1,000 + 9,000 (4 orders); mid 2 = 14,000 + 0 + 25,000 (3); mid 3 = 4,000 + 0 + 0 (3).
    expect(stats.windows.d30.topByRevenue.map((s) => [s.mid, s.revenue, s.orders])).toEqual([
      [2, 39_000, 3],
      [1, 30_000, 4],
      [3, 4_000, 3],
    ]);
    expect(mids(stats.windows.d30.topByCount)).toEqual([1, 2, 3]);
    expect(stats.windows.d30.topByRevenue[0]!.name).toContain("Instagram");
  });

  it("draws 30 Jakarta days, oldest first, every day present", () => {
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.at(-1)).toEqual({ day: "2026-11-21", revenue: 39_000, profit: 16_500, orders: 5 });
    expect(stats.daily.at(-2)).toEqual({ day: "2026-11-20", revenue: 0, profit: 0, orders: 1 }); // the supplier-canceled order, refunded
    expect(stats.daily[0]!.day).toBe("2026-10-23");
    expect(stats.daily.reduce((sum, d) => sum + d.revenue, 0)).toBe(stats.windows.d30.revenue);
    expect(stats.daily.reduce((sum, d) => sum + d.profit, 0)).toBe(stats.windows.d30.profit);
    for (const d of stats.daily) expect(Number.isInteger(d.revenue) && Number.isInteger(d.profit)).toBe(true);
  });
});

describe("refunds after the supplier was paid", () => {
  // Twelve days ago, so only the 30-day window moves; each figure is the change these orders make.
  let before: DashboardStats;
  let after: DashboardStats;
  beforeAll(async () => {
    before = await kit.container.adminStats.dashboard();
    const paidAt = NOW - 12 * DAY;
    const admin = kit.container.orderAdmin;
    // Delivered, then refunded in full by an admin: revenue 0, the supplier's 7,000 still paid.
    const delivered = await order({
      service: 2,
      amount: 12_000,
      cost: 7_000,
      status: "completed",
      paidAt,
      reachedSupplier: true,
      remains: 0,
    });
    await admin.refund(delivered, { reason: "customer unhappy" }, "telegram:1");
    // Delivered, then 3,000 of 9,000 refunded: revenue 6,000, cost 4,000.
    const partlyRefunded = await order({
      service: 2,
      amount: 9_000,
      cost: 4_000,
      status: "completed",
      paidAt,
      reachedSupplier: true,
      remains: 0,
    });
    await admin.refund(partlyRefunded, { amount: 3_000, reason: "late" }, "telegram:1");
    // The supplier delivered 750 of 1,000 (2,000 back automatically), then an admin refunded the rest:
    // revenue 0, cost the delivered share ⌈5,000 × 750 / 1,000⌉ = 3,750.
    const partial = await order({
      service: 2,
      amount: 8_000,
      cost: 5_000,
      status: "partial",
      paidAt,
      reachedSupplier: true,
      quantity: 1000,
      remains: 250,
    });
    await credit(partial, 2_000, `refund:order:${partial}`);
    await admin.refund(partial, { reason: "rest of it" }, "telegram:1");
    // Refunded in full while its outcome was unknown, the supplier never had it: nothing gained, nothing lost.
    const neverPlaced = await order({ service: 2, amount: 6_000, cost: 4_000, status: "unknown", paidAt });
    await admin.resolveUnknown(neverPlaced, { kind: "refund" }, "telegram:1", "not in the supplier's panel");
    after = await kit.container.adminStats.dashboard();
  });

  it("keeps the supplier's cost of a delivered order refunded in full or in part, so profit falls by the refund", () => {
    expect(after.windows.d30.revenue - before.windows.d30.revenue).toBe(6_000);
    expect(after.windows.d30.profit - before.windows.d30.profit).toBe(-7_000 + (6_000 - 4_000) - 3_750 + 0);
    expect(after.windows.d30.paidOrders - before.windows.d30.paidOrders).toBe(4);
    expect(after.windows.d7).toMatchObject({ revenue: before.windows.d7.revenue, profit: before.windows.d7.profit });
    const day = after.daily.find((d) => d.day === "2026-11-09")!;
    expect(day).toEqual({ day: "2026-11-09", revenue: 6_000, profit: -8_750, orders: 4 });
  });
});
