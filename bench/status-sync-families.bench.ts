import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { createContainer, type Container } from "../src/container.js";
import { migrateToLatest } from "../src/infra/db/migrations.js";
import { supplierReference } from "../src/features/fulfilment/fulfilment.service.js";
import type { ProviderKind } from "../src/features/providers/provider.types.js";
import { createDigiflazzSimulator } from "../src/sandbox/digiflazz/digiflazz-simulator.js";
import { createIndoPanelSimulator } from "../src/sandbox/indo-panel/indo-panel-simulator.js";
import { createSmmPanelSimulator } from "../src/sandbox/smm/smm-panel-simulator.js";
import { createVipResellerSimulator } from "../src/sandbox/vip-reseller/vip-reseller-simulator.js";
import { listen } from "../src/server/listen.js";
import { testConfig } from "../test/kit/config.js";
import { captureLogs } from "../test/kit/log-capture.js";
import { cpuSnapshot, otherLoadRow } from "./machine.js";
import { measure, type BenchRow } from "./measure.js";

/**
 * Issue 11, point 4: one status-sync round over 10,000 open orders spread evenly over four supplier
 * families (SMM v2, MedanPedia, VIP Reseller, Digiflazz), each on its simulator over real HTTP with
 * an on-disk database. The orders exist at each simulator (placed through the product's own
 * adapters) and in the product. The pause between calls to one supplier is 0 to time the product's
 * own work; suppliers are asked in parallel. Goal: ⌈N/100⌉ calls for a family whose status call takes
 * many ids (SMM v2); a family whose API takes one id per call (wire-contracts §2–4: MedanPedia
 * `/status` `id`, VIP `trxid`, Digiflazz re-sends the transaction) needs N.
 */
/** 10,000 by default; a smaller multiple of 4 (BENCH_SYNC_ORDERS) for a quick check. */
const ORDERS = Number(process.env.BENCH_SYNC_ORDERS ?? 10_000);
const BATCH = 100;
const PLACE_CONCURRENCY = 16;
const HOUR = 3_600_000;
const FAMILIES: ProviderKind[] = ["smm-v2", "indo-panel", "vip-reseller", "digiflazz"];
const PER_FAMILY = ORDERS / FAMILIES.length;

const count = (n: number) => n.toLocaleString("en");
const secret = () => randomBytes(12).toString("hex");

export async function benchStatusSyncFamilies(): Promise<BenchRow[]> {
  // Deep balances and slow orders: every order is still open when the round runs.
  const smm = createSmmPanelSimulator({ key: secret(), balance: 1e12, pendingMs: HOUR, runMs: HOUR });
  const medan = createIndoPanelSimulator({
    panel: "medanpedia",
    apiId: secret().slice(0, 8),
    apiKey: secret(),
    balance: 1e12,
  });
  const vipKeys = { apiId: `SBX${secret().slice(0, 8)}`, apiKey: secret() };
  const vip = createVipResellerSimulator({ ...vipKeys, balance: 1e12 });
  const digiflazzKeys = { username: `bench${secret().slice(0, 6)}`, apiKey: secret() };
  const digiflazz = createDigiflazzSimulator({ ...digiflazzKeys, balance: 1e12, pendingMs: HOUR });
  const app = new Hono();
  app.route("/smm", smm.routes);
  app.route("/indo/medanpedia", medan.routes);
  app.route("/vip", vip.routes);
  app.route("/digiflazz", digiflazz.routes);
  const server = await listen(app, "127.0.0.1", 0);
  const url = `http://127.0.0.1:${server.port}`;
  const dir = mkdtempSync(join(tmpdir(), "bench-status-sync-families-"));
  let container: Container | undefined;
  try {
    container = createContainer(
      testConfig({ DATABASE_URL: join(dir, "shop.db"), DATA_DIR: dir }),
      captureLogs("warn").logger,
    );
    const c = container;
    await migrateToLatest(c.database);
    await c.providers.add({ name: "panel", kind: "smm-v2", url: `${url}/smm/api/v2`, credentials: { key: smm.key } });
    await c.providers.add({
      name: "medan",
      kind: "indo-panel",
      url: `${url}/indo/medanpedia`,
      options: { panel: "medanpedia" },
      credentials: medan.credentials,
    });
    await c.providers.add({ name: "vip", kind: "vip-reseller", url: `${url}/vip/api`, credentials: vipKeys });
    await c.providers.add({
      name: "digiflazz",
      kind: "digiflazz",
      url: `${url}/digiflazz/v1`,
      credentials: digiflazzKeys,
    });
    for (const name of ["panel", "medan", "vip", "digiflazz"]) await c.catalog.importFromProvider(name);
    const customer = await c.customers.touch({
      telegramId: 100001,
      chatId: 100001,
      username: "budi",
      firstName: "Budi",
      languageCode: "id",
    });

    // One sellable service per family, and a target its supplier accepts.
    const plan = await Promise.all(
      FAMILIES.map(async (kind, f) => {
        const provider = await c.db
          .selectFrom("providers")
          .select("id")
          .where("kind", "=", kind)
          .executeTakeFirstOrThrow();
        let query = c.db
          .selectFrom("services")
          .selectAll()
          .where("provider_id", "=", provider.id)
          .where("active", "=", 1);
        if (kind === "digiflazz") query = query.where("platform", "=", "pulsa");
        const service = await query.orderBy("mid").executeTakeFirstOrThrow();
        const quantity = kind === "smm-v2" || kind === "indo-panel" ? Math.max(service.min_quantity, 100) : 1;
        const target = (i: number) =>
          kind === "digiflazz"
            ? `0812${String(i).padStart(8, "0")}`
            : kind === "vip-reseller"
              ? String(100_000_000 + i)
              : `https://instagram.com/sync.${i}`;
        return { kind, f, providerId: provider.id, service, quantity, target };
      }),
    );

    // The product's side first (the order id is the supplier reference), then each order placed at its supplier.
    const now = Date.now();
    await c.db.transaction().execute(async (trx) => {
      for (const p of plan) {
        for (let start = 0; start < PER_FAMILY; start += 250) {
          const range = Array.from(
            { length: Math.min(250, PER_FAMILY - start) },
            (_, k) => p.f * PER_FAMILY + start + k + 1,
          );
          await trx
            .insertInto("quotes")
            .values(
              range.map((id) => ({
                id: `q_sync_${id}`,
                customer_id: customer.id,
                service_id: p.service.id,
                target: p.target(id),
                zone: p.kind === "vip-reseller" ? "2005" : null,
                quantity: p.quantity,
                unit_price: p.service.unit_price,
                amount: 100_000,
                cost_amount: 1,
                status: "ordered" as const,
                expires_at: now,
                created_at: now,
              })),
            )
            .execute();
          await trx
            .insertInto("orders")
            .values(
              range.map((id) => ({
                id,
                quote_id: `q_sync_${id}`,
                customer_id: customer.id,
                service_id: p.service.id,
                supplier_service_id: p.service.id,
                provider_id: p.providerId,
                target: p.target(id),
                zone: p.kind === "vip-reseller" ? "2005" : null,
                quantity: p.quantity,
                amount: 100_000,
                cost_amount: 1,
                status: "processing" as const,
                provider_order_id: `pending-${id}`,
                paid_with: "wallet" as const,
                paid_at: now,
                placed_at: now,
                created_at: now,
                updated_at: now,
              })),
            )
            .execute();
        }
      }
    });
    const placing = await measure(async () => {
      for (const p of plan) {
        const adapter = await c.providers.adapterFor(p.providerId);
        let next = p.f * PER_FAMILY + 1;
        const end = (p.f + 1) * PER_FAMILY;
        await Promise.all(
          Array.from({ length: PLACE_CONCURRENCY }, async () => {
            for (let id = next++; id <= end; id = next++) {
              const outcome = await adapter.placeOrder({
                reference: supplierReference({ id }),
                providerServiceId: p.service.provider_service_id,
                serviceType: p.service.type ?? "Default",
                target: p.target(id),
                zone: p.kind === "vip-reseller" ? "2005" : undefined,
                quantity: p.quantity,
              });
              if (outcome.kind !== "placed")
                throw new Error(`${p.kind} did not take order ${id}: ${JSON.stringify(outcome)}`);
              await c.db
                .updateTable("orders")
                .set({ provider_order_id: outcome.providerOrderId })
                .where("id", "=", id)
                .execute();
            }
          }),
        );
      }
    });

    const statusCalls = {
      "smm-v2": () => smm.requests.filter((r) => r.action === "status").length,
      "indo-panel": () => medan.requests.filter((r) => r.action === "status").length,
      "vip-reseller": () => vip.requests.filter((r) => r.type === "status").length,
      digiflazz: () => digiflazz.requests.filter((r) => r.endpoint === "transaction").length,
    } satisfies Record<string, () => number>;
    const before = Object.fromEntries(FAMILIES.map((k) => [k, statusCalls[k as keyof typeof statusCalls]()]));
    const defaultPauseMs = await c.settings.get("fulfilment.status_pause_ms");
    await c.settings.set("fulfilment.status_pause_ms", 0);
    const cpuBefore = cpuSnapshot([process.pid]);
    const sync = await measure(() => c.statusSync.syncAll());
    const cpuAfter = cpuSnapshot([process.pid]);
    const calls = Object.fromEntries(
      FAMILIES.map((k) => [k, statusCalls[k as keyof typeof statusCalls]() - before[k]!]),
    );
    const expected = (kind: ProviderKind) => (kind === "smm-v2" ? Math.ceil(PER_FAMILY / BATCH) : PER_FAMILY);
    const callsRows: BenchRow[] = FAMILIES.map((kind) => ({
      metric: `  ${kind} status calls for ${count(PER_FAMILY)} orders${kind === "smm-v2" ? " (≤ 100 ids a call)" : " (API takes one id)"}`,
      value: count(calls[kind]!),
      goal: `= ${count(expected(kind))}`,
      ok: calls[kind] === expected(kind),
    }));
    // With the default pause each supplier waits between its own calls; suppliers run side by side,
    // so the round lasts as long as the slowest supplier's pauses.
    const pausedS = Math.max(...FAMILIES.map((k) => Math.max(0, calls[k]! - 1))) * (defaultPauseMs / 1000);

    return [
      otherLoadRow(cpuBefore, cpuAfter),
      {
        metric: `setup: ${count(ORDERS)} orders placed over HTTP (4 families)`,
        value: `${(placing.ms / 1000).toFixed(1)} s`,
        goal: "",
        ok: undefined,
      },
      {
        metric: "supplier status calls, by family",
        value: count(sync.result.supplierCalls),
        goal: `= ${count(FAMILIES.reduce((n, k) => n + expected(k), 0))}`,
        ok: sync.result.supplierCalls === FAMILIES.reduce((n, k) => n + expected(k), 0),
      },
      ...callsRows,
      {
        metric: "sync round, pause 0, suppliers in parallel",
        value: `${(sync.ms / 1000).toFixed(2)} s`,
        goal: "",
        ok: undefined,
      },
      { metric: "  peak RSS", value: `${sync.peakRssMb.toFixed(0)} MB`, goal: "", ok: undefined },
      {
        metric: "orders checked",
        value: count(sync.result.checked),
        goal: `= ${count(ORDERS)}`,
        ok: sync.result.checked === ORDERS,
      },
      {
        metric: "failed suppliers",
        value: String(sync.result.failedSuppliers),
        goal: "0",
        ok: sync.result.failedSuppliers === 0,
      },
      {
        metric: `default ${defaultPauseMs} ms pause would add (slowest supplier)`,
        value: `${pausedS.toFixed(0)} s`,
        goal: "",
        ok: undefined,
      },
    ];
  } finally {
    await container?.close();
    for (const sim of [smm, medan, vip, digiflazz]) sim.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
