import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateToLatest, migrationNames, migrationsDir } from "../infra/db/migrations.js";
import { openDatabase } from "../infra/db/open-database.js";
import { openSqlite, type SqliteDatabase } from "../infra/db/open-sqlite.js";
import { createWalletService } from "../features/wallet/wallet.service.js";
import { createManualClock } from "../infra/clock/clock.js";
import { TEST_MASTER_KEY } from "../../test/kit/config.js";
import { seedCustomerAndService, seedQuote } from "../../test/kit/seed-rows.js";
import {
  createPostgresTestDatabase,
  ignoreDropOfClosedPool,
  type TestPostgresDatabase,
} from "../../test/kit/test-database.js";
import { runCli } from "./index.js";

/**
 * `db copy` from a SQLite shop file into a throwaway PostgreSQL database: ids, money and open work
 * arrive intact, new rows continue the numbering, and a database that already holds a shop is refused.
 */
let dir: string;
let shopFile: string;
let target: TestPostgresDatabase;
const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "db-copy-"));
  shopFile = join(dir, "shop.db");
  target = await createPostgresTestDatabase({ empty: true });
  cleanups.push(
    () => target.drop(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(
    argv,
    { log: (l) => lines.push(l), error: (l) => errors.push(l) },
    { DATABASE_URL: shopFile, DATA_DIR: dir, MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: "silent" },
  );
  return { code, out: lines.join("\n"), err: errors.join("\n") };
}

/** A shop with two customers' money, a paid order (orders ↔ payments point at each other), open and finished jobs. */
async function seedShop(shop: SqliteDatabase) {
  const clock = createManualClock();
  const { db } = shop;
  const a = await seedCustomerAndService(db, 1);
  const b = await seedCustomerAndService(db, 2);
  await seedQuote(db, a, "q-a", 25_000);
  // Order numbers with gaps, as a real shop has after deletions of nothing but skipped ids.
  await db
    .insertInto("orders")
    .values({
      id: 41,
      quote_id: "q-a",
      customer_id: a.customerId,
      service_id: a.serviceId,
      target: "@a",
      quantity: 1000,
      amount: 25_000,
      cost_amount: 12_500,
      status: "processing",
      provider_id: a.providerId,
      created_at: 1,
      updated_at: 1,
    } as never)
    .execute();
  await db
    .insertInto("payments")
    .values({
      id: 9,
      order_id: 41,
      customer_id: a.customerId,
      gateway: "midtrans",
      reference: "TB-41",
      amount: 25_000,
      status: "paid",
      expires_at: 1,
      paid_at: 2,
      created_at: 1,
      updated_at: 2,
    } as never)
    .execute();
  await db.updateTable("orders").set({ paid_payment_id: 9, paid_with: "midtrans" }).where("id", "=", 41).execute();
  const wallet = createWalletService({ db, clock });
  await db.transaction().execute(async (trx) => {
    await wallet.credit(trx, {
      customerId: a.customerId,
      amount: 3_000_000_000_000,
      reason: "topup",
      reference: "t:a",
    });
    await wallet.debit(trx, { customerId: a.customerId, amount: 7_500, reason: "purchase", reference: "p:a" });
    await wallet.credit(trx, { customerId: b.customerId, amount: 12_345, reason: "refund", reference: "r:b" });
  });
  await db
    .insertInto("jobs")
    .values([
      {
        kind: "place_order",
        payload: '{"orderId":41}',
        dedupe_key: "place:41",
        status: "pending",
        run_at: 5,
        lease_until: null,
        last_error: null,
        created_at: 1,
        updated_at: 1,
      },
      {
        kind: "notify",
        payload: "{}",
        dedupe_key: null,
        status: "running",
        run_at: 5,
        lease_until: 99,
        last_error: null,
        created_at: 1,
        updated_at: 1,
      },
      {
        kind: "notify",
        payload: "{}",
        dedupe_key: null,
        status: "done",
        run_at: 5,
        lease_until: null,
        last_error: null,
        created_at: 1,
        updated_at: 1,
      },
    ])
    .execute();
  await db.insertInto("kv").values({ key: "session:1", value: '{"step":"pay"}', updated_at: 3 }).execute();
  await db
    .updateTable("faq_documents")
    .set({ body: "Bayar pakai QRIS.", updated_at: 10 })
    .where("slug", "=", "cara-bayar")
    .where("language", "=", "id")
    .execute();
  return { a, b };
}

describe("npm run cli -- migrate with DATABASE_URL=postgres://…", () => {
  it("applies the PostgreSQL tree, then finds the database up to date", async () => {
    const env = { DATABASE_URL: target.url, DATA_DIR: dir, MASTER_KEY: TEST_MASTER_KEY, LOG_LEVEL: "silent" };
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    expect(await runCli(["migrate"], out, env)).toBe(0);
    const tree = migrationNames(migrationsDir("postgres"));
    expect(lines.join("\n")).toContain(`Applied ${tree.length} migration(s): ${tree.join(", ")}`);
    expect(await runCli(["migrate"], out, env)).toBe(0);
    expect(lines.at(-1)).toBe("Database is up to date.");
  });
});

describe("db copy --to postgres://…", () => {
  it("copies every row with its id, keeps money and open jobs exact, and continues the numbering", async () => {
    const shop = openSqlite(shopFile);
    await migrateToLatest(shop);
    const { a } = await seedShop(shop);
    await shop.close();

    const { code, out, err } = await cli("db", "copy", "--to", target.url);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/orders\s+1\s+1/);
    expect(out).toMatch(/ledger_entries\s+3\s+3/);
    expect(out).toContain("ledger sums equal for 2 customer(s). Open jobs: 2");
    expect(out).toMatch(/Not copied.*knowledge_fts/);

    const pg = openDatabase(target.url, { poolSize: 1, onPoolError: ignoreDropOfClosedPool });
    cleanups.push(() => pg.close());
    expect(await pg.db.selectFrom("orders").select(["id", "paid_payment_id", "status", "amount"]).execute()).toEqual([
      { id: 41, paid_payment_id: 9, status: "processing", amount: 25_000 },
    ]);
    const wallet = createWalletService({ db: pg.db, clock: createManualClock() });
    expect(await wallet.balance(a.customerId)).toBe(3_000_000_000_000 - 7_500);
    expect(
      await pg.db
        .selectFrom("faq_documents")
        .select("body")
        .where("slug", "=", "cara-bayar")
        .where("language", "=", "id")
        .executeTakeFirst(),
    ).toEqual({ body: "Bayar pakai QRIS." });
    expect(await pg.db.selectFrom("kv").selectAll().execute()).toEqual([
      { key: "session:1", value: '{"step":"pay"}', updated_at: 3 },
    ]);
    // Identity sequences continue after the copied ids.
    const next = await pg.db
      .insertInto("payments")
      .values({
        customer_id: a.customerId,
        purpose: "topup",
        order_id: null,
        gateway: "midtrans",
        reference: "TB-new",
        amount: 5_000,
        status: "pending",
        expires_at: 1,
        created_at: 1,
        updated_at: 1,
      } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(10);
  });

  it("refuses a PostgreSQL database that already holds a shop, and leaves it untouched", async () => {
    const shop = openSqlite(shopFile);
    await migrateToLatest(shop);
    await seedShop(shop);
    await shop.close();
    expect((await cli("db", "copy", "--to", target.url)).code).toBe(0);

    const again = await cli("db", "copy", "--to", target.url);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Refused: the PostgreSQL database is not empty \(rows in .*customers/);
    const pg = openDatabase(target.url, { poolSize: 1, onPoolError: ignoreDropOfClosedPool });
    cleanups.push(() => pg.close());
    expect(
      await pg.db
        .selectFrom("ledger_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 3 });
  });

  it("accepts a PostgreSQL database migrated beforehand (npm run migrate) but still empty, and copies in batches", async () => {
    const pre = openDatabase(target.url, { poolSize: 1, onPoolError: ignoreDropOfClosedPool });
    await migrateToLatest(pre);
    await pre.close();
    const shop = openSqlite(shopFile);
    await migrateToLatest(shop);
    await seedShop(shop);
    // More rows than one batch holds.
    const insert = shop.sqlite.prepare("INSERT INTO kv (key, value, updated_at) VALUES (?, '{}', ?)");
    shop.sqlite.transaction(() => {
      for (let i = 0; i < 2_345; i++) insert.run(`conversation:${i}`, i);
    })();
    await shop.close();
    const { code, out } = await cli("db", "copy", "--to", target.url);
    expect(code).toBe(0);
    expect(out).toMatch(/faq_documents\s+16\s+16/);
    expect(out).toMatch(/kv\s+2346\s+2346/);
  });

  it("asks for a postgres:// target, never printing the password", async () => {
    const wrong = await cli("db", "copy", "--to", "./other.db");
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("db copy needs --to postgres://");
    const unreachable = await cli("db", "copy", "--to", "postgres://shop:s3cret@127.0.0.1:1/shop");
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).not.toContain("s3cret");
  });
});
