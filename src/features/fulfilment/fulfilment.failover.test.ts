import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * A second supplier ("backup-panel") sells the same services from the same panel with its own key,
 * so breaking the primary's key makes the primary refuse while the backup still works.
 */
let kit: ShopKit;
let clock: ManualClock;
let backupMid: number;

beforeEach(async () => {
  clock = createManualClock(Date.now());
  kit = await createShopKit({ clock });
  await kit.container.providers.add({
    name: "backup-panel",
    kind: "smm-v2",
    url: kit.standIns.smmUrl,
    credentials: { key: kit.sandbox.smm.key },
  });
  await kit.container.catalog.importFromProvider("backup-panel");
  const backup = await kit.db
    .selectFrom("services")
    .innerJoin("providers", "providers.id", "services.provider_id")
    .select("services.mid")
    .where("providers.name", "=", "backup-panel")
    .where("services.provider_service_id", "=", "1002")
    .executeTakeFirstOrThrow();
  backupMid = backup.mid;
  await kit.container.catalogManagement.addBackup(2, "backup-panel", "1002");
});
afterEach(async () => {
  await kit.close();
});

async function paidOrder(quantity = 1000) {
  const { customer, transaction } = await buyUntilInvoice(kit, {
    mid: 2,
    target: "https://instagram.com/budi",
    quantity,
  });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  return customer;
}

const order = () => kit.db.selectFrom("orders").selectAll().executeTakeFirstOrThrow();
const ledger = () => kit.db.selectFrom("ledger_entries").selectAll().execute();

describe("backup suppliers", () => {
  it("places the order with the backup when the primary refuses it, without refunding", async () => {
    await kit.container.providers.edit("panel", { credentials: { key: "revoked-key" } });
    const customer = await paidOrder();
    await kit.runJobs();
    const placed = await order();
    expect(placed).toMatchObject({ status: "processing", failovers: 1 });
    const backup = await kit.container.catalog.findByMid(backupMid);
    expect(placed.supplier_service_id).toBe(backup!.id);
    expect(placed.provider_id).toBe(backup!.providerId);
    expect(kit.sandbox.smm.orders.size).toBe(1); // the primary refused before creating anything
    expect(await ledger()).toHaveLength(0);
    expect(customer.lastText()).toContain("sedang diproses");
    expect(
      kit.sandbox.telegram
        .messagesIn(900001)
        .map((m) => m.plain)
        .join("\n"),
    ).toContain(`supplier cadangan (ID ${backupMid})`);
  });

  it("follows the order at the backup supplier until it completes", async () => {
    await kit.container.providers.edit("panel", { credentials: { key: "revoked-key" } });
    await paidOrder();
    await kit.runJobs();
    clock.advance(60_000);
    const report = await kit.container.statusSync.syncAll();
    expect(report).toMatchObject({ checked: 1, changed: 1, failedSuppliers: 0 });
    expect((await order()).status).toBe("completed");
  });

  it("refunds instead of trying a backup when the refusal is about the customer's own input", async () => {
    // The shop's limits are looser than the supplier's: the supplier refuses the quantity.
    await kit.db.updateTable("services").set({ min_quantity: 10 }).where("mid", "in", [2, backupMid]).execute();
    await paidOrder(20);
    await kit.runJobs();
    expect((await order()).status).toBe("refunded");
    expect(kit.sandbox.smm.requests.filter((r) => r.action === "add")).toHaveLength(1);
    expect(await ledger()).toHaveLength(1);
  });

  it("never moves an order to a backup that costs more than the customer paid", async () => {
    await kit.db.updateTable("services").set({ unit_cost: 10_000_000 }).where("mid", "=", backupMid).execute();
    await kit.container.providers.edit("panel", { credentials: { key: "revoked-key" } });
    await paidOrder();
    await kit.runJobs();
    expect((await order()).status).toBe("refunded");
    expect(kit.sandbox.smm.orders.size).toBe(0);
  });

  it("moves to the backup after four attempts (retries at 5, 10 and 20 s) when the primary cannot be reached at all", async () => {
    await kit.container.providers.edit("panel", { url: "http://127.0.0.1:9/api/v2" });
    await paidOrder();
    for (let i = 0; i < 5; i++) {
      await kit.runJobs();
      clock.advance(25_000);
    }
    expect(await order()).toMatchObject({ status: "processing", failovers: 1 });
    expect(kit.sandbox.smm.orders.size).toBe(1);
    expect(await ledger()).toHaveLength(0);
  });

  it("refunds once every backup has refused too", async () => {
    await kit.container.providers.edit("panel", { credentials: { key: "revoked-key" } });
    await kit.container.providers.edit("backup-panel", { credentials: { key: "revoked-too" } });
    await paidOrder();
    await kit.runJobs();
    const final = await order();
    expect(final).toMatchObject({ status: "refunded", failovers: 1 });
    expect(await ledger()).toEqual([expect.objectContaining({ amount: final.amount })]);
  });

  it("tries the backup when the primary is out of funds, and waits there (not refunded) when it is empty too; one supplier order after the top-up", async () => {
    // Both suppliers draw on the same simulated panel, so both are empty.
    kit.sandbox.smm.runOutOfFunds();
    const customer = await paidOrder();
    await kit.runJobs();
    const waiting = await order();
    expect(waiting).toMatchObject({ status: "waiting_funds", failovers: 1 });
    expect(waiting.provider_id).toBe((await kit.container.catalog.findByMid(backupMid))!.providerId);
    expect(await ledger()).toHaveLength(0);
    expect(customer.lastText()).toContain("sedang diproses");
    const adminTexts = kit.sandbox.telegram.messagesIn(900001).map((m) => m.plain);
    expect(adminTexts.filter((t) => t.includes("habis"))).toEqual([
      expect.stringContaining("Saldo supplier panel habis"),
      expect.stringContaining("Saldo supplier backup-panel habis"),
    ]);

    kit.sandbox.smm.topUp(1_000_000);
    expect(await kit.container.supplierFunds.checkAll()).toMatchObject({ resumed: 1, refunded: 0 });
    await kit.runJobs();
    expect(await order()).toMatchObject({ status: "processing", failovers: 1 });
    expect(kit.sandbox.smm.orders.size).toBe(1);
    expect(await ledger()).toHaveLength(0);
    // Both suppliers have funds again: their next empty spell is told to admins again.
    const alerted = await kit.db
      .selectFrom("providers")
      .select(["name", "out_of_funds_alerted_at"])
      .orderBy("id")
      .execute();
    expect(alerted.map((p) => p.out_of_funds_alerted_at)).toEqual([null, null]);
  });
});
