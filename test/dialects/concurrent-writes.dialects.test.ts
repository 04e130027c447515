import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applySupplierList } from "../../src/features/catalog/catalog.import.js";
import { buildPricingRules } from "../../src/features/catalog/catalog.pricing.js";
import type { ServiceCandidate } from "../../src/features/providers/provider.types.js";
import type { ProviderSummary } from "../../src/features/providers/providers.service.js";
import { closeOpenQuote, findQuoteRow } from "../../src/features/checkout/checkout.repository.js";
import type { CheckoutService } from "../../src/features/checkout/checkout.service.js";
import { createOrderOpener } from "../../src/features/orders/orders.opener.js";
import { createWalletService } from "../../src/features/wallet/wallet.service.js";
import { createManualClock } from "../../src/infra/clock/clock.js";
import type { Dialect } from "../../src/infra/db/dialect.js";
import type { Db } from "../../src/infra/db/open-database.js";
import { seedCustomerAndService, seedQuote } from "../kit/seed-rows.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";

/** A promise and the function that settles it: a gate a transaction waits at while the test looks. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * Resolves once `second` has either finished or is waiting for a lock the first transaction holds.
 * SQLite runs one transaction at a time, so there the second simply waits its turn; on PostgreSQL
 * the server says when a session waits for a lock (pg_stat_activity), so no sleeping guesses.
 */
async function finishedOrWaiting(db: Db, dialect: Dialect, second: Promise<unknown>): Promise<void> {
  if (dialect === "sqlite") return;
  let done = false;
  void second.finally(() => (done = true)).catch(() => undefined);
  for (let i = 0; i < 2_000 && !done; i++) {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
      db,
    );
    if (Number(rows[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!done) throw new Error("the second transaction neither finished nor waited for a lock");
}

/**
 * Read-then-write sequences that SQLite's single writer kept safe, written at the same time on both
 * databases: on PostgreSQL (READ COMMITTED, many connections) they hold a lock instead. The second
 * writer is started while the first still has its transaction open and has already written.
 */
describe.each(DIALECTS)("two writers at once on %s", (dialect) => {
  let opened: TestDatabase;
  const clock = createManualClock();
  const db = () => opened.database.db;

  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
  });
  afterEach(() => opened.close());

  it("never lets two debits overdraw a wallet: the second sees the first's entry and is refused", async () => {
    const wallet = createWalletService({ db: db(), clock });
    const { customerId } = await seedCustomerAndService(db());
    await db()
      .transaction()
      .execute((trx) => wallet.credit(trx, { customerId, amount: 10_000, reason: "topup", reference: "topup:1" }));

    const debited = gate();
    const commit = gate();
    const first = db()
      .transaction()
      .execute(async (trx) => {
        const ok = await wallet.debit(trx, {
          customerId,
          amount: 10_000,
          reason: "purchase",
          reference: "purchase:order:1",
        });
        debited.open();
        await commit.opened;
        return ok;
      });
    await debited.opened;
    const second = db()
      .transaction()
      .execute((trx) =>
        wallet.debit(trx, { customerId, amount: 10_000, reason: "purchase", reference: "purchase:order:2" }),
      );
    await finishedOrWaiting(db(), dialect, second);
    commit.open();

    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(await wallet.balance(customerId)).toBe(0);
  });

  it("lets only as many of 12 simultaneous debits through as the balance pays for", async () => {
    const wallet = createWalletService({ db: db(), clock });
    const { customerId } = await seedCustomerAndService(db());
    await db()
      .transaction()
      .execute((trx) => wallet.credit(trx, { customerId, amount: 5_000, reason: "topup", reference: "topup:1" }));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db()
          .transaction()
          .execute((trx) =>
            wallet.debit(trx, { customerId, amount: 1_000, reason: "purchase", reference: `purchase:order:${i}` }),
          ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await wallet.balance(customerId)).toBe(0);
  });

  it("gives two suppliers imported at the same time distinct, consecutive shop numbers", async () => {
    const { providerId } = await seedCustomerAndService(db()); // mid 1 taken
    const { id: otherId } = await db()
      .insertInto("providers")
      .values({
        name: "other",
        kind: "smm-v2",
        api_url: "http://127.0.0.1:2",
        credentials: "sealed",
        created_at: 1,
        updated_at: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rules = buildPricingRules([], "30", 100);
    const supplier = (id: number, name: string): ProviderSummary => ({
      id,
      name,
      kind: "smm-v2",
      apiUrl: "http://127.0.0.1:1",
      currency: "IDR",
      rateToIdr: "1",
      currencyCheck: { problem: null, reported: "IDR", checkedAt: 1, message: null },
      options: {},
      active: true,
      isSandbox: false,
      lowBalanceThreshold: null,
      lastTest: null,
    });
    const list = (prefix: string): ServiceCandidate[] =>
      Array.from({ length: 3 }, (_, i) => ({
        id: `${prefix}${i}`,
        name: `TikTok Views ${prefix}${i}`,
        type: "Default",
        category: "TikTok Views",
        rate: "1000",
        min: 100,
        max: 10_000,
        refill: false,
        cancel: false,
        dripfeed: false,
        description: "",
      }));

    const written = gate();
    const commit = gate();
    const first = db()
      .transaction()
      .execute((trx) =>
        applySupplierList(trx, {
          provider: supplier(providerId, "panel"),
          candidates: list("a"),
          rules,
          clock,
          onProgress: async (progress) => {
            if (progress.written === 0) return;
            written.open();
            await commit.opened;
          },
        }),
      );
    await written.opened;
    const second = db()
      .transaction()
      .execute((trx) =>
        applySupplierList(trx, { provider: supplier(otherId, "other"), candidates: list("b"), rules, clock }),
      );
    await finishedOrWaiting(db(), dialect, second);
    commit.open();

    expect((await first).imported).toBe(3);
    expect((await second).imported).toBe(3);
    const mids = await db().selectFrom("services").select(["mid", "provider_service_id"]).orderBy("mid").execute();
    expect(mids).toEqual([
      { mid: 1, provider_service_id: "101" },
      { mid: 2, provider_service_id: "a0" },
      { mid: 3, provider_service_id: "a1" },
      { mid: 4, provider_service_id: "a2" },
      { mid: 5, provider_service_id: "b0" },
      { mid: 6, provider_service_id: "b1" },
      { mid: 7, provider_service_id: "b2" },
    ]);
  });

  it("opens one order for a quote that two payments start on at the same time", async () => {
    const ids = await seedCustomerAndService(db());
    const now = 1_796_671_139_497;
    await seedQuote(db(), ids, "q-both", 20_000, now);
    // The checkout's quote reads and writes, straight from its repository.
    const checkout = { quoteRow: findQuoteRow, closeQuote: closeOpenQuote } as unknown as CheckoutService;
    const opener = createOrderOpener({ checkout, clock });
    const open = (trx: Db) =>
      opener.open(trx, {
        quoteId: "q-both",
        customerId: ids.customerId,
        service: { active: true, providerId: ids.providerId },
        now,
      });

    const opened = gate();
    const commit = gate();
    const first = db()
      .transaction()
      .execute(async (trx) => {
        const result = await open(trx);
        opened.open();
        await commit.opened;
        return result;
      });
    await opened.opened;
    const second = db().transaction().execute(open);
    await finishedOrWaiting(db(), dialect, second);
    commit.open();

    const [a, b] = [await first, await second];
    expect("order" in a && "order" in b && a.order.id === b.order.id).toBe(true);
    expect(await db().selectFrom("orders").select("quote_id").execute()).toEqual([{ quote_id: "q-both" }]);
  });
});
