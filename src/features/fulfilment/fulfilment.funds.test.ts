import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../cli/index.js";
import { createManualClock } from "../../infra/clock/clock.js";
import {
  ADMIN_ID,
  buyUntilInvoice,
  createShopKit,
  type ShopKit,
  type ShopKitOptions,
} from "../../../test/kit/shop-kit.js";
import { TEST_MASTER_KEY } from "../../../test/kit/config.js";
import { createScheduler } from "../../infra/scheduler/scheduler.js";
import { registerSettingSchedules } from "../../schedules.js";
import { balanceInRupiah } from "./fulfilment.funds.js";

/**
 * A supplier that runs out of funds (the SMM simulator told to run dry): the order waits instead
 * of being refunded, admins hear about it once, and it is placed once the supplier is topped up,
 * or refunded once the shop's deadline passes — one supplier order or one refund, never both.
 */
let kit: ShopKit | undefined;
let dir: string | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const HOUR = 3_600_000;

async function dryShop(options: ShopKitOptions = {}) {
  const clock = createManualClock(Date.now());
  kit = await createShopKit({ clock, ...options });
  kit.sandbox.smm.runOutOfFunds();
  return { kit, clock };
}

async function buyAndPay(k: ShopKit, userId: number, target: string) {
  const { customer, transaction } = await buyUntilInvoice(k, { mid: 2, target, quantity: 1000, userId });
  await k.sandbox.midtrans.pay(transaction.order_id);
  await k.runJobs();
  const order = await k.db.selectFrom("orders").selectAll().where("target", "=", target).executeTakeFirstOrThrow();
  return { customer, order };
}

const orderOf = (k: ShopKit, id: number) =>
  k.db.selectFrom("orders").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const refundsOf = (k: ShopKit, id: number) =>
  k.db.selectFrom("ledger_entries").selectAll().where("order_id", "=", id).where("reason", "=", "refund").execute();
const adminTexts = (k: ShopKit) => k.sandbox.telegram.messagesIn(ADMIN_ID).map((m) => m.plain);
const supplierOrdersFor = (k: ShopKit, link: string) =>
  [...k.sandbox.smm.orders.values()].filter((o) => o.link === link);

describe("a supplier out of funds", () => {
  it("keeps the orders waiting, tells admins once, and places each once after a top-up", async () => {
    const { kit } = await dryShop();
    const first = await buyAndPay(kit, 100001, "https://instagram.com/budi");
    const second = await buyAndPay(kit, 100002, "https://instagram.com/sari");

    for (const { order } of [first, second]) {
      const row = await orderOf(kit, order.id);
      expect(row.status).toBe("waiting_funds");
      expect(row.funds_waiting_since).not.toBeNull();
      expect(await refundsOf(kit, order.id)).toEqual([]);
    }
    // The customer sees it queued and being processed, not a failure, and nothing about funds.
    expect(first.customer.lastText()).toContain(`Pesanan #${first.order.id} sedang diproses`);
    expect(first.customer.lastText()).not.toMatch(/saldo supplier|funds|tidak bisa/i);
    expect((await first.customer.say("/pesanan")).map((m) => m.plain).join("\n")).toContain("sedang diproses (antre)");
    // One alert for the empty supplier, not one per order.
    expect(adminTexts(kit).filter((t) => t.includes("Saldo supplier panel habis"))).toHaveLength(1);

    // A scheduled check while still empty changes nothing.
    expect(await kit.container.supplierFunds.checkAll()).toMatchObject({ resumed: 0, refunded: 0 });
    expect((await orderOf(kit, first.order.id)).status).toBe("waiting_funds");

    kit.sandbox.smm.topUp(1_000_000);
    // Two checks at once (an overlapping schedule) resume each order once.
    const reports = await Promise.all([kit.container.supplierFunds.checkAll(), kit.container.supplierFunds.checkAll()]);
    expect(reports[0].resumed + reports[1].resumed).toBe(2);
    await kit.runJobs();
    for (const { order } of [first, second]) {
      expect((await orderOf(kit, order.id)).status).toBe("processing");
      expect(supplierOrdersFor(kit, order.target)).toHaveLength(1);
      expect(await refundsOf(kit, order.id)).toEqual([]);
    }
    expect(adminTexts(kit).at(-1)).toContain("Saldo supplier panel cukup lagi: 2 pesanan");
    // A duplicate of any placement job, run again, sends nothing more.
    await kit.db.updateTable("jobs").set({ status: "pending", run_at: 0 }).where("kind", "=", "place_order").execute();
    await kit.runJobs();
    expect(kit.sandbox.smm.orders.size).toBe(2);

    // The next time the supplier runs dry, admins are told again.
    kit.sandbox.smm.runOutOfFunds();
    await buyAndPay(kit, 100003, "https://instagram.com/tono");
    expect(adminTexts(kit).filter((t) => t.includes("Saldo supplier panel habis"))).toHaveLength(2);
  });

  it("is checked on the shop's schedule, which follows the setting", async () => {
    const { kit } = await dryShop();
    const scheduler = createScheduler(kit.logs.logger);
    const schedules = await registerSettingSchedules(scheduler, kit.container, kit.logs.logger);
    try {
      const { order } = await buyAndPay(kit, 100001, "https://instagram.com/budi");
      kit.sandbox.smm.topUp(1_000_000);
      await scheduler.trigger("supplier-funds");
      await kit.runJobs();
      expect((await orderOf(kit, order.id)).status).toBe("processing");
      await kit.container.settings.set("fulfilment.funds_check_minutes", 1);
      await expect.poll(() => kit.logs.text()).toContain("schedule follows the new setting");
    } finally {
      schedules.stop();
      scheduler.stopAll();
    }
  });

  it("resumes only what the balance covers, oldest first", async () => {
    const { kit } = await dryShop();
    const first = await buyAndPay(kit, 100001, "https://instagram.com/budi");
    const second = await buyAndPay(kit, 100002, "https://instagram.com/sari");
    // Enough for the older order's cost, not for both.
    const cost = first.order.cost_amount;
    kit.sandbox.smm.topUp(cost + Math.floor(cost / 2));
    expect(await kit.container.supplierFunds.checkAll()).toMatchObject({ resumed: 1 });
    await kit.runJobs();
    expect((await orderOf(kit, first.order.id)).status).toBe("processing");
    expect((await orderOf(kit, second.order.id)).status).toBe("waiting_funds");
  });

  it("refunds the customer once the shop's deadline passes, and never places the order afterwards", async () => {
    const { kit, clock } = await dryShop();
    await kit.container.settings.set("fulfilment.funds_wait_hours", 2);
    const { customer, order } = await buyAndPay(kit, 100001, "https://instagram.com/budi");

    clock.advance(2 * HOUR - 1_000);
    await kit.container.supplierFunds.checkAll();
    expect((await orderOf(kit, order.id)).status).toBe("waiting_funds");

    clock.advance(1_000);
    // The top-up arrives at the deadline itself: the refund wins, the order is not placed as well.
    kit.sandbox.smm.topUp(1_000_000);
    const reports = await Promise.all([kit.container.supplierFunds.checkAll(), kit.container.supplierFunds.checkAll()]);
    expect(reports[0].refunded + reports[1].refunded).toBe(1);
    await kit.runJobs();
    const after = await orderOf(kit, order.id);
    expect(after.status).toBe("refunded");
    expect(await refundsOf(kit, order.id)).toEqual([
      expect.objectContaining({ amount: order.amount, reference: `refund:order:${order.id}` }),
    ]);
    expect(kit.sandbox.smm.orders.size).toBe(0);
    expect(customer.lastText()).toContain(`pesanan #${order.id} tidak bisa diproses`);
    expect(adminTexts(kit).at(-1)).toContain(`Pesanan #${order.id} menunggu saldo supplier terlalu lama`);

    await kit.container.supplierFunds.checkAll();
    await kit.runJobs();
    expect(await refundsOf(kit, order.id)).toHaveLength(1);
    expect(kit.sandbox.smm.orders.size).toBe(0);
  });

  it("counts the deadline from the first wait when an admin's retry finds the supplier still short", async () => {
    const { kit, clock } = await dryShop();
    const { order } = await buyAndPay(kit, 100001, "https://instagram.com/budi");
    const since = (await orderOf(kit, order.id)).funds_waiting_since;
    clock.advance(HOUR);
    await kit.container.supplierFunds.retry(order.id, "cli", "topped up, I think");
    await kit.runJobs();
    const after = await orderOf(kit, order.id);
    expect(after.status).toBe("waiting_funds");
    expect(after.funds_waiting_since).toBe(since);
    expect(adminTexts(kit).filter((t) => t.includes("Saldo supplier panel habis"))).toHaveLength(1);
  });

  it("is retried from the CLI once the admin topped the supplier up", async () => {
    dir = mkdtempSync(join(tmpdir(), "funds-cli-"));
    const database = { DATABASE_URL: join(dir, "shop.db"), DATA_DIR: dir };
    const { kit, clock } = await dryShop({ env: database });
    const { order } = await buyAndPay(kit, 100001, "https://instagram.com/budi");
    kit.sandbox.smm.topUp(1_000_000);
    const env = {
      ...kit.standIns.env,
      ...database,
      MASTER_KEY: TEST_MASTER_KEY,
      PORT: "0",
      LOG_LEVEL: "silent",
      ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
    };
    const lines: string[] = [];
    const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
    const noReason = await runCli(
      ["order", "retry", String(order.id)],
      { log: (l) => lines.push(l), error: (l) => lines.push(l) },
      env,
      sink,
    );
    expect(noReason).not.toBe(0);
    expect(lines.join("\n")).toContain("--reason");
    const code = await runCli(
      ["order", "retry", String(order.id), "--reason", "topped up the panel"],
      { log: (l) => lines.push(l), error: (l) => lines.push(l) },
      env,
      sink,
    );
    expect(code).toBe(0);
    expect(lines.at(-1)).toContain(`Order #${order.id} is paid again`);
    // The CLI runs on the real clock: the shop's catches up before its worker picks the job up.
    clock.advance(60_000);
    await kit.runJobs();
    expect((await orderOf(kit, order.id)).status).toBe("processing");
    expect(kit.sandbox.smm.orders.size).toBe(1);
    const audit = await kit.db.selectFrom("audit_log").selectAll().where("subject", "=", `order:${order.id}`).execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: "order.retry_funds", actor: "cli", reason: "topped up the panel" }),
    ]);
    // Not an order waiting for funds any more: a second retry is refused with the reason.
    const again = await runCli(
      ["order", "retry", String(order.id), "--reason", "again"],
      { log: (l) => lines.push(l), error: (l) => lines.push(l) },
      env,
      sink,
    );
    expect(again).not.toBe(0);
    expect(lines.join("\n")).toContain("only an order waiting for supplier funds can be retried");
  });

  it("alerts once when a supplier's balance falls below its threshold, and again after a top-up and a new fall", async () => {
    const clock = createManualClock(Date.now());
    kit = await createShopKit({ clock, smm: { balance: 50_000 } });
    await kit.container.providers.edit("panel", { lowBalanceThreshold: 100_000 });
    await kit.container.supplierFunds.checkAll();
    await kit.container.supplierFunds.checkAll();
    await kit.runJobs();
    const low = () => adminTexts(kit!).filter((t) => t.includes("Saldo supplier panel tinggal"));
    expect(low()).toHaveLength(1);
    expect(low()[0]).toContain("Rp\u00a050.000");
    expect(low()[0]).toContain("Rp\u00a0100.000");
    kit.sandbox.smm.topUp(100_000);
    await kit.container.supplierFunds.checkAll();
    kit.sandbox.smm.runOutOfFunds();
    kit.sandbox.smm.topUp(10_000);
    await kit.container.supplierFunds.checkAll();
    await kit.runJobs();
    expect(low()).toHaveLength(2);
  });
});

describe("a supplier balance in rupiah", () => {
  it("converts exactly and rounds down", () => {
    expect(balanceInRupiah("12.34567", "16000")).toBe(197_530);
    expect(balanceInRupiah("25000000.00000", "1")).toBe(25_000_000);
    expect(balanceInRupiah("-5", "1")).toBe(0);
    expect(balanceInRupiah("n/a", "1")).toBe(0);
  });
});
