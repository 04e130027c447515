import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { orderStatusCounts, paidByDayAndService } from "../../src/features/admin/admin.stats.queries.js";
import { deletePriceRule, listPriceRules, upsertPriceRule } from "../../src/features/catalog/catalog.repository.js";
import { listSellableServices, listServices, pageServices } from "../../src/features/catalog/catalog.queries.js";
import { countMatchingCustomers, pageMatchingCustomers } from "../../src/features/customers/customers.queries.js";
import { createOrderQueries } from "../../src/features/orders/orders.queries.js";
import { insertOrder } from "../../src/features/orders/orders.repository.js";
import type { NewOrderRow } from "../../src/features/orders/orders.table.js";
import { findProviderByName } from "../../src/features/providers/providers.repository.js";
import type { Db } from "../../src/infra/db/open-database.js";
import { isUniqueViolation } from "../../src/infra/db/portable-sql.js";
import { seedCustomerAndService } from "../kit/seed-rows.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

const NOW = 1_796_671_139_497;

const orderRow = (
  ids: { customerId: number; serviceId: number },
  n: number,
  over: Partial<NewOrderRow> = {},
): NewOrderRow => ({
  created_at: NOW,
  updated_at: NOW,
  quote_id: `q-${n}`,
  customer_id: ids.customerId,
  service_id: ids.serviceId,
  provider_id: null,
  target: "@toko",
  quantity: 1000,
  amount: 20_000,
  cost_amount: 10_000,
  status: "awaiting_payment",
  provider_order_id: null,
  provider_status: null,
  start_count: null,
  remains: null,
  last_status_check_at: null,
  admin_notes: null,
  last_error: null,
  paid_at: null,
  placed_at: null,
  finished_at: null,
  supplier_service_id: ids.serviceId,
  zone: null,
  nickname: null,
  extras: null,
  supplier_note: null,
  paid_with: null,
  paid_payment_id: null,
  last_progress_at: null,
  stuck_flagged_at: null,
  cancel_requested_at: null,
  funds_waiting_since: null,
  ...over,
});

async function addOrder(
  db: Db,
  ids: { customerId: number; serviceId: number },
  n: number,
  over: Partial<NewOrderRow> = {},
): Promise<number> {
  await db
    .insertInto("quotes")
    .values({
      id: `q-${n}`,
      customer_id: ids.customerId,
      service_id: ids.serviceId,
      target: "@toko",
      quantity: 1000,
      unit_price: 20_000,
      amount: 20_000,
      cost_amount: 10_000,
      zone: null,
      nickname: null,
      extras: null,
      expires_at: NOW + 600_000,
      created_at: NOW,
    })
    .execute();
  return insertOrder(db, orderRow(ids, n, over));
}

/**
 * What SQLite's NOCASE collation and LIKE, its two-argument min() and its sum over comparisons did
 * for free, checked on both databases with the same rows and the same answers.
 */
describe.each(DIALECTS)("case-insensitive names, searches and the dashboard's sums on %s", (dialect) => {
  let opened: TestDatabase;
  const db = () => opened.database.db;

  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
  });
  afterEach(() => opened.close());

  it("finds a supplier by its name in any case, and refuses a second one differing only in case as a unique violation", async () => {
    const { providerId } = await seedCustomerAndService(db());
    expect(await findProviderByName(db(), "PANEL")).toMatchObject({ id: providerId, name: "panel" });
    expect(await findProviderByName(db(), "panel2")).toBeUndefined();
    const error = await db()
      .insertInto("providers")
      .values({
        name: "Panel",
        kind: "smm-v2",
        api_url: "http://127.0.0.1:1",
        credentials: "sealed",
        created_at: NOW,
        updated_at: NOW,
      })
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeDefined();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("not a database error"))).toBe(false);
  });

  it("keeps one margin rule per category whatever its case: setting it again replaces it, deleting finds it", async () => {
    await upsertPriceRule(db(), { scope: "category", category: "Instagram Followers", marginPercent: "30" }, NOW);
    await upsertPriceRule(db(), { scope: "category", category: "instagram followers", marginPercent: "35" }, NOW + 1);
    expect(await listPriceRules(db())).toMatchObject([
      { scope: "category", category: "Instagram Followers", margin_percent: "35", updated_at: NOW + 1 },
    ]);
    expect(await deletePriceRule(db(), { scope: "category", category: "INSTAGRAM FOLLOWERS" })).toBe(true);
    expect(await listPriceRules(db())).toEqual([]);
  });

  it("lists and searches services whatever the case the admin or customer types", async () => {
    await seedCustomerAndService(db()); // "Instagram Followers" in category "Instagram"
    expect((await listServices(db(), { category: "INSTAGRAM" })).map((s) => s.mid)).toEqual([1]);
    expect((await pageServices(db(), { text: "FOLLOWERS instagram" }, { offset: 0, limit: 10 })).total).toBe(1);
    expect(
      (await pageServices(db(), { category: "instagram" }, { offset: 0, limit: 10 })).rows.map((s) => s.mid),
    ).toEqual([1]);
    // A `%` typed in the admin search is a character, not "anything".
    expect((await pageServices(db(), { text: "insta%ram" }, { offset: 0, limit: 10 })).total).toBe(0);
    expect((await listSellableServices(db(), { anyWords: ["followers"] })).map((s) => s.mid)).toEqual([1]);
  });

  it("finds customers and orders by part of a username, name or target in any case", async () => {
    const ids = await seedCustomerAndService(db());
    await db().updateTable("customers").set({ username: "TokoBudi" }).where("id", "=", ids.customerId).execute();
    await seedCustomerAndService(db(), 2);
    expect(await countMatchingCustomers(db(), "@tokobudi")).toBe(1);
    expect((await pageMatchingCustomers(db(), "PELANGGAN", { offset: 0, limit: 10 })).map((c) => c.first_name)).toEqual(
      ["Pelanggan 2", "Pelanggan 1"],
    );
    expect(await countMatchingCustomers(db(), "pel%")).toBe(0);

    await addOrder(db(), ids, 1, { target: "https://instagram.com/Toko.Budi" });
    await addOrder(db(), ids, 2, { target: "https://tiktok.com/@lain" });
    const orders = createOrderQueries({ db: db() });
    expect((await orders.page({ q: "toko.BUDI" }, 0, 10)).items.map((o) => o.target)).toEqual([
      "https://instagram.com/Toko.Budi",
    ]);
    expect((await orders.page({ customer: "tokob" }, 0, 10)).total).toBe(2);
  });

  it("sums the dashboard's revenue with refunds capped at what was paid, and counts orders per window", async () => {
    const ids = await seedCustomerAndService(db());
    const day = Math.floor((NOW + 7 * 3_600_000) / 86_400_000);
    const refunded = await addOrder(db(), ids, 1, {
      status: "refunded",
      paid_at: NOW,
      created_at: NOW - 10 * 86_400_000,
    });
    const partial = await addOrder(db(), ids, 2, {
      status: "partial",
      paid_at: NOW,
      provider_order_id: "77",
      remains: 250,
    });
    // More refunded than paid (the automatic refund and a later one): counted as the whole amount, no more.
    await db()
      .insertInto("ledger_entries")
      .values([
        {
          customer_id: ids.customerId,
          amount: 15_000,
          reason: "refund",
          reference: `refund:order:${refunded}`,
          order_id: refunded,
          note: null,
          created_at: NOW,
        },
        {
          customer_id: ids.customerId,
          amount: 9_000,
          reason: "refund",
          reference: `refund:order:${refunded}:2`,
          order_id: refunded,
          note: null,
          created_at: NOW,
        },
        {
          customer_id: ids.customerId,
          amount: 5_000,
          reason: "refund",
          reference: `refund:order:${partial}`,
          order_id: partial,
          note: null,
          created_at: NOW,
        },
      ])
      .execute();
    expect(await paidByDayAndService(db(), NOW - 1, NOW + 1)).toEqual([
      { day, service_id: ids.serviceId, orders: 2, revenue: 15_000, cost: 7_500 },
    ]);

    const counts = await orderStatusCounts(
      db(),
      { today: NOW - 1_000, d7: NOW - 7 * 86_400_000, d30: NOW - 30 * 86_400_000 },
      NOW + 1,
    );
    expect(counts.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: "partial", today: 1, d7: 1, d30: 1 },
      { status: "refunded", today: 0, d7: 0, d30: 1 },
    ]);
  });
});
