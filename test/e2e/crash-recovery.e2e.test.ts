import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import type { FailpointName } from "../../src/infra/failpoints.js";
import type { SimTransaction } from "../../src/sandbox/midtrans/midtrans-simulator.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { freePort } from "../kit/free-port.js";
import { startSandboxServer } from "../kit/sandbox-server.js";
import { killAllShops, SHOP_WAIT_MS, startShop, stopShop, within } from "../kit/shop-process.js";

/**
 * Crash recovery with real processes (reliability matrix rows 9 and 10). The stand-ins (Bot API,
 * SMM panel, Midtrans) run here, in the test process; the shop runs as a child process started the
 * way an operator starts it (environment only). A failpoint makes the child SIGKILL itself at a
 * chosen line; the child is then started again, without failpoints, on the same database file, and
 * the test checks what the customer, the admin, the supplier and the database see. Nothing is mocked
 * and nothing reaches into the product's internals while it runs.
 */

const USER = 100001;
const ADMIN = 900001;
/** Upper bound for every wait: start-up under tsx, a bot reply, a crash, a recovery. */
const WAIT_MS = SHOP_WAIT_MS;
const ORDER_TEXT = "ID 2 https://instagram.com/budi 1000";

type StandIns = Awaited<ReturnType<typeof startSandboxServer>>;

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  await killAllShops();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One crash scenario's world: stand-ins, a database file with a supplier and its catalog, a port. */
async function prepareShop() {
  const standIns = await startSandboxServer();
  cleanups.push(() => standIns.close());
  const dir = mkdtempSync(join(tmpdir(), "shop-crash-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  const databasePath = join(dir, "shop.db");
  const env: Record<string, string> = {
    ...standIns.env,
    DATABASE_URL: databasePath,
    DATA_DIR: dir,
    MASTER_KEY: TEST_MASTER_KEY,
    PORT: String(port),
    LOG_LEVEL: "warn",
    ADMIN_TELEGRAM_IDS: String(ADMIN),
  };

  const cli = async (...argv: string[]): Promise<string> => {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await runCli(argv, out, env, sink);
    if (code !== 0) throw new Error(`"cli ${argv.join(" ")}" exited ${code}:\n${lines.join("\n")}`);
    return lines.join("\n");
  };
  await cli("migrate");
  await cli(
    "provider",
    "add",
    "--name",
    "JAP",
    "--kind",
    "smm-v2",
    "--url",
    standIns.smmUrl,
    "--key",
    standIns.sandbox.smm.key,
  );
  expect(await cli("catalog", "import", "JAP")).toMatch(/imported:\s+\d+/);

  standIns.sandbox.telegram.addUser({ id: ADMIN, first_name: "Owner", username: "owner", language_code: "id" });
  standIns.sandbox.midtrans.setNotificationUrl(`http://127.0.0.1:${port}/webhooks/midtrans`);
  return { standIns, env, databasePath, cli };
}

/** The customer orders, presses Pay, and pays the QRIS in their banking app. */
async function buyAndPay(standIns: StandIns): Promise<SimTransaction> {
  const telegram = standIns.sandbox.telegram;
  const isPay = (data: string | undefined) => data?.startsWith("pay:") ?? false;
  telegram.userSays(USER, ORDER_TEXT);
  const quote = await telegram.waitForBotMessage(
    USER,
    (m) => m.buttons.flat().some((b) => isPay(b.callback_data)),
    WAIT_MS,
  );
  expect(quote.plain).toContain("Ringkasan pesanan");
  telegram.userPresses(
    USER,
    quote.message_id,
    quote.buttons.flat().find((b) => isPay(b.callback_data))!.callback_data!,
  );
  await telegram.waitForBotMessage(USER, (m) => Boolean(m.photo), WAIT_MS);
  const transactions = [...standIns.sandbox.midtrans.transactions.values()];
  expect(transactions).toHaveLength(1);
  const tx = transactions[0]!;
  // The simulator posts the signed notification to the shop and waits for the answer (or the crash).
  const paid = await standIns.sandbox.midtrans.pay(tx.order_id);
  expect(paid?.status).toBe("settlement");
  return tx;
}

/** Runs a purchase against a shop armed with `failpoint`, and expects it to die by SIGKILL there. */
async function crashAt(failpoint: FailpointName) {
  const world = await prepareShop();
  const first = await startShop({ ...world.env, FAILPOINTS: failpoint });
  const tx = await buyAndPay(world.standIns);
  const death = await within(first.exited, WAIT_MS, `the shop to die at ${failpoint}:\n${first.output()}`);
  expect(death, first.output()).toEqual({ code: null, signal: "SIGKILL" });
  return { ...world, tx };
}

const botTexts = (standIns: StandIns, chatId: number) =>
  standIns.sandbox.telegram
    .messagesIn(chatId)
    .filter((m) => m.from === "bot")
    .map((m) => m.plain);

interface Snapshot {
  payments: Array<{ id: number; order_id: number | null; customer_id: number; status: string; reference: string }>;
  orders: Array<{
    id: number;
    status: string;
    placement_state: string;
    provider_order_id: string | null;
    attempts: number;
    last_error: string | null;
  }>;
  ledger: Array<{ customer_id: number; amount: number; reason: string; reference: string; order_id: number | null }>;
  placeJobs: Array<{ id: number; payload: string; dedupe_key: string | null; status: string; attempts: number }>;
}

/**
 * Opens the database file read-only (the shop is stopped) and checks the invariants every fault
 * test ends with (reliability matrix, section 2), against what the supplier stand-in saw.
 */
function checkInvariants(databasePath: string, standIns: StandIns): Snapshot {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  let snapshot: Snapshot;
  try {
    snapshot = {
      payments: sqlite
        .prepare("SELECT id, order_id, customer_id, status, reference FROM payments ORDER BY id")
        .all() as Snapshot["payments"],
      orders: sqlite
        .prepare("SELECT id, status, placement_state, provider_order_id, attempts, last_error FROM orders ORDER BY id")
        .all() as Snapshot["orders"],
      ledger: sqlite
        .prepare("SELECT customer_id, amount, reason, reference, order_id FROM ledger_entries ORDER BY id")
        .all() as Snapshot["ledger"],
      placeJobs: sqlite
        .prepare("SELECT id, payload, dedupe_key, status, attempts FROM jobs WHERE kind = 'place_order' ORDER BY id")
        .all() as Snapshot["placeJobs"],
    };
  } finally {
    sqlite.close();
  }
  const { payments, orders, ledger, placeJobs } = snapshot;

  // I1: every paid order payment ends in exactly one of: one supplier order id, one refund, unknown.
  for (const payment of payments.filter((p) => p.status === "paid" && p.order_id !== null)) {
    const order = orders.find((o) => o.id === payment.order_id)!;
    const refunds = ledger.filter((e) => e.order_id === order.id && e.reason === "refund");
    const effects = [order.provider_order_id !== null, ...refunds.map(() => true), order.status === "unknown"].filter(
      Boolean,
    ).length;
    expect(
      effects,
      `payment ${payment.reference} → order #${order.id} (${order.status}), ${refunds.length} refund(s)`,
    ).toBe(1);
  }
  // I1, supplier side: every order the supplier holds is one the shop recorded, or one it flagged as unknown.
  const accountedFor = orders.filter((o) => o.provider_order_id !== null || o.status === "unknown").length;
  expect(standIns.sandbox.smm.orders.size).toBeLessThanOrEqual(accountedFor);
  for (const order of orders.filter((o) => o.provider_order_id !== null)) {
    expect(
      standIns.sandbox.smm.orders.has(Number(order.provider_order_id)),
      `supplier order ${order.provider_order_id}`,
    ).toBe(true);
  }

  // I3: the wallet never goes negative; each refund reference lands once.
  const balances = new Map<number, number>();
  for (const entry of ledger) balances.set(entry.customer_id, (balances.get(entry.customer_id) ?? 0) + entry.amount);
  for (const [customer, balance] of balances)
    expect(balance, `balance of customer ${customer}`).toBeGreaterThanOrEqual(0);
  expect(new Set(ledger.map((e) => e.reference)).size).toBe(ledger.length);

  // No second placement: one place_order job per order, finished, and at most one supplier call started.
  for (const order of orders.filter((o) => o.status !== "awaiting_payment" && o.status !== "expired")) {
    const jobs = placeJobs.filter((j) => (JSON.parse(j.payload) as { orderId: number }).orderId === order.id);
    expect(
      jobs.map((j) => ({ key: j.dedupe_key, status: j.status })),
      `place_order jobs of order #${order.id}`,
    ).toEqual([{ key: `place:${order.id}`, status: "done" }]);
    expect(order.attempts, `supplier calls started for order #${order.id}`).toBeLessThanOrEqual(1);
    expect(order.placement_state).toBe("idle");
  }
  expect(standIns.sandbox.smm.addCalls()).toBeLessThanOrEqual(orders.filter((o) => o.attempts > 0).length);
  return snapshot;
}

describe("crash recovery: a payment becomes one supplier order or one decision, whatever line the process dies on", () => {
  it("a crash right after the payment commit: after restart the outbox job is picked up and the supplier gets exactly one add (matrix 9)", async () => {
    const { standIns, env, databasePath, tx } = await crashAt("after_payment_commit");
    // The process died before any job ran: nothing reached the supplier yet.
    expect(standIns.sandbox.smm.addCalls()).toBe(0);

    const second = await startShop(env);
    await standIns.sandbox.telegram.waitForBotMessage(
      USER,
      (m) => /Pesanan #\d+ sedang diproses/.test(m.plain),
      WAIT_MS,
    );
    await stopShop(second);

    expect(standIns.sandbox.smm.addCalls()).toBe(1);
    expect(standIns.sandbox.smm.orders.size).toBe(1);
    expect(standIns.sandbox.smm.requests.find((r) => r.action === "add")?.fields).toMatchObject({
      link: "https://instagram.com/budi",
      quantity: "1000",
    });
    const texts = botTexts(standIns, USER);
    expect(texts.filter((t) => /Pembayaran .* untuk pesanan #\d+ sudah diterima/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /Pesanan #\d+ sedang diproses/.test(t))).toHaveLength(1);

    const { payments, orders, ledger } = checkInvariants(databasePath, standIns);
    expect(payments).toEqual([expect.objectContaining({ reference: tx.order_id, status: "paid" })]);
    expect(orders).toEqual([
      expect.objectContaining({ status: "processing", attempts: 1, provider_order_id: expect.any(String) }),
    ]);
    expect(ledger).toEqual([]);
    expect(botTexts(standIns, ADMIN)).toEqual([]);
  }, 45_000);

  it("a crash after the order is marked in flight but before the supplier call: after restart the order is unknown, nothing is sent, admins are alerted", async () => {
    const { standIns, env, databasePath, cli, tx } = await crashAt("before_supplier_call");
    expect(standIns.sandbox.smm.addCalls()).toBe(0);

    const second = await startShop(env);
    const alert = await standIns.sandbox.telegram.waitForBotMessage(
      ADMIN,
      (m) => /Hasil pesanan #\d+ di supplier tidak pasti/.test(m.plain),
      WAIT_MS,
    );
    await standIns.sandbox.telegram.waitForBotMessage(
      USER,
      (m) => /Pesanan #\d+ sedang kami cek manual/.test(m.plain),
      WAIT_MS,
    );
    await stopShop(second);

    // The shop cannot prove the call was never made, so it never makes it: no add at all.
    expect(standIns.sandbox.smm.addCalls()).toBe(0);
    expect(standIns.sandbox.smm.orders.size).toBe(0);
    const { payments, orders, ledger } = checkInvariants(databasePath, standIns);
    expect(payments).toEqual([expect.objectContaining({ reference: tx.order_id, status: "paid" })]);
    expect(orders).toEqual([
      expect.objectContaining({
        status: "unknown",
        provider_order_id: null,
        attempts: 1,
        last_error: expect.stringContaining("in flight"),
      }),
    ]);
    expect(alert.plain).toContain(`#${orders[0]!.id}`);
    expect(ledger).toEqual([]);
    expect(botTexts(standIns, USER).filter((t) => /sedang diproses/.test(t))).toEqual([]);
    // What the operator sees when they look at it.
    expect(await cli("order", "show", String(orders[0]!.id))).toMatch(new RegExp(`Order #${orders[0]!.id}: unknown`));
  }, 45_000);

  it("a crash after the supplier accepted the order but before it was recorded: after restart the order is unknown, still exactly one add, no refund (matrix 10)", async () => {
    const { standIns, env, databasePath, tx } = await crashAt("after_supplier_call");
    // The supplier has the order; the shop died before writing down its id.
    expect(standIns.sandbox.smm.addCalls()).toBe(1);
    expect(standIns.sandbox.smm.orders.size).toBe(1);

    const second = await startShop(env);
    const alert = await standIns.sandbox.telegram.waitForBotMessage(
      ADMIN,
      (m) => /Hasil pesanan #\d+ di supplier tidak pasti/.test(m.plain),
      WAIT_MS,
    );
    await standIns.sandbox.telegram.waitForBotMessage(
      USER,
      (m) => /Pesanan #\d+ sedang kami cek manual/.test(m.plain),
      WAIT_MS,
    );
    await stopShop(second);

    expect(standIns.sandbox.smm.addCalls()).toBe(1);
    expect(standIns.sandbox.smm.orders.size).toBe(1);
    const { payments, orders, ledger } = checkInvariants(databasePath, standIns);
    expect(payments).toEqual([expect.objectContaining({ reference: tx.order_id, status: "paid" })]);
    expect(orders).toEqual([expect.objectContaining({ status: "unknown", provider_order_id: null, attempts: 1 })]);
    expect(alert.plain).toContain(`#${orders[0]!.id}`);
    // Neither a refund nor a second order: the admin decides once they have checked the panel.
    expect(ledger).toEqual([]);
    expect(
      botTexts(standIns, USER).filter((t) => /sedang diproses|tidak bisa diproses|dikembalikan ke saldo/.test(t)),
    ).toEqual([]);
  }, 45_000);
});
