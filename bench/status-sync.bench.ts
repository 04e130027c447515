import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContainer, type Container } from "../src/container.js";
import { migrateToLatest } from "../src/infra/db/migrations.js";
import { testConfig } from "../test/kit/config.js";
import { captureLogs } from "../test/kit/log-capture.js";
import { startSandboxServer } from "../test/kit/sandbox-server.js";
import { cpuSnapshot, otherLoadRow } from "./machine.js";
import { measure, type BenchRow } from "./measure.js";

/**
 * Issue 4, P7: one status-sync round over 10,000 orders in progress at one SMM v2 supplier, on an
 * on-disk database (WAL, synchronous=FULL). The orders exist at the SMM simulator (placed over its
 * HTTP `add`, at three ages so the round sees Pending, In progress and finished ones: completed,
 * partial, canceled) and in the product (rows written with Kysely in one transaction). The pause
 * between supplier calls is set to 0 to time the product's own work; the calls must be exactly
 * ⌈N/100⌉ multi-status requests, and the time the default pause would add is printed beside it.
 */
const ORDERS = 10_000;
const BATCH = 100;
const PLACE_CONCURRENCY = 16;
const MINUTE = 60_000;
/** How long before the sync each third of the orders was placed, against 60 min Pending + 60 min running. */
const AGES = [3 * 60 * MINUTE, 90 * MINUTE, 0];

const count = (n: number) => n.toLocaleString("en");

export async function benchStatusSync(): Promise<BenchRow[]> {
  let shift = 0; // the simulator's clock offset while placing, to give orders an age
  const standIns = await startSandboxServer({
    now: () => Date.now() + shift,
    smm: { pendingMs: 60 * MINUTE, runMs: 60 * MINUTE, balance: 1e12 },
  });
  const dir = mkdtempSync(join(tmpdir(), "bench-status-sync-"));
  let container: Container | undefined;
  try {
    container = createContainer(
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
    const customer = await container.customers.touch({
      telegramId: 100001,
      chatId: 100001,
      username: "budi",
      firstName: "Budi",
      languageCode: "id",
    });
    const quoted = await container.checkout.quote({
      customerId: customer.id,
      mid: 2,
      target: "https://instagram.com/template",
      quantity: 1000,
    });
    if (!quoted.ok) throw new Error(`quote failed: ${JSON.stringify(quoted.error)}`);
    const quote = (await container.checkout.quoteRow(container.db, quoted.value.id))!;
    const service = quoted.value.service;

    // The supplier's side: 10,000 orders placed over HTTP, a third at each age; some links end partial or canceled.
    const links = Array.from(
      { length: ORDERS },
      (_, i) => `https://instagram.com/sync.${i}${i % 10 === 3 ? ".partial" : i % 20 === 7 ? ".cancel" : ""}`,
    );
    const providerIds: string[] = new Array(ORDERS);
    const placedAt: number[] = new Array(ORDERS);
    const place = async (i: number) => {
      const form = new URLSearchParams({
        key: standIns.sandbox.smm.key,
        action: "add",
        service: service.providerServiceId,
        link: links[i]!,
        quantity: "1000",
      });
      const res = await fetch(standIns.smmUrl, { method: "POST", body: form, signal: AbortSignal.timeout(10_000) });
      const answer = (await res.json()) as { order?: number; error?: string };
      if (!answer.order) throw new Error(`supplier refused order ${i}: ${answer.error}`);
      providerIds[i] = String(answer.order);
      placedAt[i] = Date.now() + shift;
    };
    const third = Math.ceil(ORDERS / AGES.length);
    const placing = await measure(async () => {
      for (const [g, age] of AGES.entries()) {
        shift = -age;
        let next = g * third;
        const end = Math.min(ORDERS, next + third);
        await Promise.all(
          Array.from({ length: PLACE_CONCURRENCY }, async () => {
            for (let i = next++; i < end; i = next++) await place(i);
          }),
        );
      }
      shift = 0;
    });

    // The product's side: quotes and orders "processing" at the supplier, in one transaction.
    const { id: _quoteId, ...quoteFields } = quote;
    await container.db.transaction().execute(async (trx) => {
      for (let start = 0; start < ORDERS; start += 250) {
        const range = Array.from({ length: Math.min(250, ORDERS - start) }, (_, k) => start + k);
        await trx
          .insertInto("quotes")
          .values(
            range.map((i) => ({
              ...quoteFields,
              id: `q_sync_${i}`,
              target: links[i]!,
              status: "ordered" as const,
              created_at: placedAt[i]!,
            })),
          )
          .execute();
        await trx
          .insertInto("orders")
          .values(
            range.map((i) => ({
              quote_id: `q_sync_${i}`,
              customer_id: customer.id,
              service_id: service.id,
              supplier_service_id: service.id,
              provider_id: service.providerId,
              target: links[i]!,
              quantity: quote.quantity,
              amount: quote.amount,
              cost_amount: quote.cost_amount,
              status: "processing" as const,
              provider_order_id: providerIds[i]!,
              paid_with: "wallet" as const,
              paid_at: placedAt[i]!,
              placed_at: placedAt[i]!,
              created_at: placedAt[i]!,
              updated_at: placedAt[i]!,
            })),
          )
          .execute();
      }
    });

    const defaultPauseMs = await container.settings.get("fulfilment.status_pause_ms");
    await container.settings.set("fulfilment.status_pause_ms", 0);
    const statusCalls = () => standIns.sandbox.smm.requests.filter((r) => r.action === "status").length;
    const callsBefore = statusCalls();
    const cpuBefore = cpuSnapshot([process.pid]);
    const sync = await measure(() => container!.statusSync.syncAll());
    const cpuAfter = cpuSnapshot([process.pid]);
    const calls = statusCalls() - callsBefore;
    const expectedCalls = Math.ceil(ORDERS / BATCH);
    const after = await container.db
      .selectFrom("orders")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const pauseS = (Math.max(0, calls - 1) * defaultPauseMs) / 1000;
    const perMinute = (n: number, ms: number) => count(Math.round(n / (ms / MINUTE)));

    return [
      otherLoadRow(cpuBefore, cpuAfter),
      {
        metric: `setup: ${count(ORDERS)} supplier orders over HTTP add`,
        value: `${(placing.ms / 1000).toFixed(1)} s`,
        goal: "",
        ok: undefined,
      },
      {
        metric: "supplier status calls",
        value: `${calls} (product counted ${sync.result.supplierCalls})`,
        goal: `= ${expectedCalls}`,
        ok: calls === expectedCalls && sync.result.supplierCalls === expectedCalls,
      },
      { metric: "sync round, pause 0", value: `${(sync.ms / 1000).toFixed(2)} s`, goal: "", ok: undefined },
      { metric: "  orders/min (pause 0)", value: perMinute(ORDERS, sync.ms), goal: "", ok: undefined },
      { metric: "  peak RSS", value: `${sync.peakRssMb.toFixed(0)} MB`, goal: "", ok: undefined },
      {
        metric: "orders checked",
        value: count(sync.result.checked),
        goal: `= ${count(ORDERS)}`,
        ok: sync.result.checked === ORDERS,
      },
      { metric: "orders changed", value: count(sync.result.changed), goal: "", ok: undefined },
      {
        metric: "  orders by status after",
        value: after.map((r) => `${r.status} ${count(r.n)}`).join(", "),
        goal: "",
        ok: undefined,
      },
      {
        metric: "failed suppliers / flagged stuck",
        value: `${sync.result.failedSuppliers} / ${sync.result.flaggedStuck}`,
        goal: "0 / 0",
        ok: sync.result.failedSuppliers === 0 && sync.result.flaggedStuck === 0,
      },
      {
        metric: `default ${defaultPauseMs} ms pause would add (${calls} − 1) × ${defaultPauseMs} ms`,
        value: `${pauseS.toFixed(0)} s`,
        goal: "",
        ok: undefined,
      },
      {
        metric: "  orders/min with the default pause",
        value: perMinute(ORDERS, sync.ms + pauseS * 1000),
        goal: "",
        ok: undefined,
      },
    ];
  } finally {
    await container?.close();
    await standIns.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
