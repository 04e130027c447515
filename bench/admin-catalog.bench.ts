import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContainer } from "../src/container.js";
import { migrateToLatest } from "../src/infra/db/migrations.js";
import { generateSampleCatalog } from "../src/sandbox/smm/sample-catalog.js";
import { testConfig } from "../test/kit/config.js";
import { captureLogs } from "../test/kit/log-capture.js";
import { startSandboxServer } from "../test/kit/sandbox-server.js";
import type { BenchRow } from "./measure.js";

const SERVICES = 20_000;
const RUNS = 25;

/** Median wall time of `run` over RUNS calls, in milliseconds. */
async function median(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Paid orders spread over the last 30 days, written straight to the database in one transaction. */
async function seedOrders(container: ReturnType<typeof createContainer>, count: number): Promise<number> {
  const now = container.clock.now();
  const services = await container.db
    .selectFrom("services")
    .select(["id", "unit_price", "unit_cost"])
    .limit(200)
    .execute();
  await container.db.transaction().execute(async (trx) => {
    const { id: customerId } = await trx
      .insertInto("customers")
      .values({
        telegram_id: 1,
        chat_id: 1,
        username: null,
        first_name: "Bench",
        language: "id",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < count; i++) {
      const service = services[i % services.length]!;
      const at = now - Math.floor((i / count) * 30 * 86_400_000);
      await trx
        .insertInto("quotes")
        .values({
          id: `q_bench_${i}`,
          customer_id: customerId,
          service_id: service.id,
          target: "https://instagram.com/bench",
          quantity: 1000,
          unit_price: service.unit_price,
          zone: null,
          nickname: null,
          amount: service.unit_price,
          cost_amount: service.unit_cost,
          status: "ordered",
          expires_at: at,
          created_at: at,
        })
        .execute();
      const { id } = await trx
        .insertInto("orders")
        .values({
          quote_id: `q_bench_${i}`,
          customer_id: customerId,
          service_id: service.id,
          provider_id: null,
          target: "https://instagram.com/bench",
          quantity: 1000,
          amount: service.unit_price,
          cost_amount: service.unit_cost,
          status: i % 10 === 0 ? "partial" : "completed",
          provider_order_id: `P${i}`,
          provider_status: null,
          start_count: null,
          remains: i % 10 === 0 ? 300 : 0,
          last_status_check_at: null,
          admin_notes: null,
          last_error: null,
          paid_at: at,
          placed_at: at,
          finished_at: null,
          supplier_service_id: null,
          zone: null,
          nickname: null,
          supplier_note: null,
          paid_with: "midtrans",
          paid_payment_id: null,
          last_progress_at: null,
          stuck_flagged_at: null,
          cancel_requested_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (i % 10 === 0)
        await trx
          .insertInto("ledger_entries")
          .values({
            customer_id: customerId,
            amount: Math.floor((service.unit_price * 3) / 10),
            reason: "refund",
            reference: `refund:order:${id}`,
            order_id: id,
            note: null,
            created_at: at,
          })
          .execute();
    }
  });
  return count;
}

/**
 * The admin app's service list over a 20,000-service catalog on disk (WAL, synchronous=FULL): one
 * page of 20 with the total, for the filters an admin uses, and the filter lists. Each must answer
 * well within a screen's patience.
 */
export async function benchAdminCatalog(): Promise<BenchRow[]> {
  const standIns = await startSandboxServer({ smm: { catalog: generateSampleCatalog(SERVICES) } });
  const dir = mkdtempSync(join(tmpdir(), "bench-admin-catalog-"));
  try {
    const container = createContainer(
      testConfig({ DATABASE_URL: join(dir, "shop.db"), DATA_DIR: dir }),
      captureLogs("warn").logger,
    );
    await migrateToLatest(container.database);
    await container.providers.add({
      name: "panel",
      kind: "smm-v2",
      url: standIns.smmUrl,
      credentials: { key: standIns.sandbox.smm.key },
    });
    await container.catalog.importFromProvider("panel");
    // The import hands the new services to the knowledge index in the background; measure the list after it, not against it.
    await container.knowledge.idle();
    const page =
      (filter: Parameters<typeof container.catalog.page>[0], offset = 0) =>
      () =>
        container.catalog.page(filter, { offset, limit: 20 });
    const cases: Array<[string, () => Promise<unknown>]> = [
      ["first page, no filter", page({})],
      ["last page (offset 19,980)", page({}, 19_980)],
      ['text "followers"', page({ text: "followers" })],
      ['platform instagram + text "refill 30"', page({ platform: "instagram", text: "refill 30" })],
      ['category "TikTok Views" + sold', page({ category: "TikTok Views", state: "sold" })],
      ["shop number 12345", page({ text: "12345" })],
      ["filter lists (platforms, categories)", () => container.catalog.facets()],
    ];
    const rows: BenchRow[] = [];
    for (const [name, run] of cases) {
      const ms = await median(run);
      rows.push({ metric: `${name} (median of ${RUNS})`, value: `${ms.toFixed(1)} ms`, goal: "< 50 ms", ok: ms < 50 });
    }

    // The dashboard over 30 days of 2,000 paid orders a day, one in ten refunded in part.
    const orders = await seedOrders(container, 30 * 2_000);
    const ms = await median(() => container.adminStats.dashboard(), 5);
    rows.push({
      metric: `dashboard over ${orders.toLocaleString("en")} orders (median of 5)`,
      value: `${ms.toFixed(0)} ms`,
      goal: "< 500 ms",
      ok: ms < 500,
    });
    await container.close();
    return rows;
  } finally {
    await standIns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
