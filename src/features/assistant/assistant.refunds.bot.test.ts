import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Refund questions in the real bot: the shop's refund policy, where the customer's own orders stand
 * (what came back already, what is still running), and the way to a person. Orders come from the
 * real purchase path, and the SMM simulator decides their outcome from the link.
 */
describe("refund questions", () => {
  const clock = createManualClock(Date.now());
  let kit: ShopKit;
  const buyer = 320_001;
  const orders: Record<"partial" | "canceled" | "completed" | "running", { id: number; amount: number }> = {} as never;

  const buy = async (target: string, quantity: number) => {
    const { transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity, userId: buyer });
    await kit.sandbox.midtrans.pay(transaction.order_id);
    await kit.runJobs();
    const payment = await kit.db
      .selectFrom("payments")
      .select("order_id")
      .where("reference", "=", transaction.order_id)
      .executeTakeFirstOrThrow();
    return kit.db
      .selectFrom("orders")
      .select(["id", "amount"])
      .where("id", "=", payment.order_id!)
      .executeTakeFirstOrThrow();
  };

  beforeAll(async () => {
    kit = await createShopKit({ clock });
    await kit.container.knowledge.sync();
    orders.partial = await buy("https://instagram.com/partial_refund", 1500);
    orders.canceled = await buy("https://instagram.com/cancel_refund", 1000);
    orders.completed = await buy("https://instagram.com/done_refund", 1000);
    clock.advance(120_000);
    await kit.container.statusSync.syncAll();
    await kit.container.statusSync.syncAll();
    await kit.runJobs();
    orders.running = await buy("https://instagram.com/still_running", 1000);
  });
  afterAll(async () => {
    await kit.close();
  });

  it("are not misunderstood: a customer without orders gets the policy and a person, not the platform keyboard", async () => {
    for (const text of ["refund dong", "minta refund kak", "uang saya kembali?"]) {
      const replies = await kit.customer(320_100).say(text);
      expect(replies, text).toHaveLength(1);
      expect(replies[0]!.plain, text).toContain("Pengembalian dana (refund)");
      expect(replies[0]!.plain, text).toContain("tidak ada pesananmu");
      expect(replies[0]!.plain, text).not.toMatch(/belum paham/);
      expect(
        replies[0]!.buttons.flat().map((b) => b.callback_data),
        text,
      ).toEqual(["ask:human"]);
    }
  });

  it("list the customer's orders with what came back to the wallet and what is still running", async () => {
    const { partial, canceled, completed, running } = orders;
    const statuses = await kit.db.selectFrom("orders").select(["id", "status"]).orderBy("id").execute();
    expect(statuses.map((o) => o.status)).toEqual(["partial", "canceled", "completed", "processing"]);
    const [reply] = await kit.customer(buyer).say("refund dong");
    const text = reply!.plain;
    expect(text).toContain("Pengembalian dana (refund)");
    const partialBack = Math.floor((partial.amount * 450) / 1500);
    expect(text).toMatch(
      new RegExp(
        `#${partial.id} .*Rp\\s${partialBack.toLocaleString("id-ID")} dari Rp\\s${partial.amount.toLocaleString("id-ID")} sudah kembali ke saldo`,
      ),
    );
    expect(text).toMatch(
      new RegExp(
        `#${canceled.id} .*Rp\\s${canceled.amount.toLocaleString("id-ID")} dari Rp\\s${canceled.amount.toLocaleString("id-ID")} sudah kembali ke saldo`,
      ),
    );
    expect(text).toMatch(new RegExp(`#${running.id} .*masih berjalan`));
    // A completed order has nothing to refund: it is not listed.
    expect(text).not.toContain(`#${completed.id}`);
    const buttons = reply!.buttons.flat().map((b) => b.callback_data);
    expect(buttons).toEqual([`ord:${running.id}`, `ord:${canceled.id}`, `ord:${partial.id}`, "ask:human"]);
  });

  it("with an order number, talk about that order's refund, in the customer's language", async () => {
    const { partial, completed } = orders;
    const [about] = await kit.customer(buyer).say(`saya mau refund pesanan #${partial.id}`);
    expect(about!.plain).toContain(`Refund pesanan #${partial.id}`);
    expect(about!.plain).toContain("sudah kembali ke saldo dompetmu");
    expect(about!.buttons.flat().map((b) => b.callback_data)).toEqual([`ord:${partial.id}`, "ask:human"]);
    const [english] = await kit.customer(buyer).say(`I want a refund for order ${completed.id}`);
    expect(english!.plain).toContain(`Refund of order #${completed.id}`);
    expect(english!.plain).toContain("delivered in full, so there is no refund");
    // Someone else's order is not shown.
    const [stranger] = await kit.customer(320_200).say(`refund pesanan ${partial.id}`);
    expect(stranger!.plain).not.toContain("Refund pesanan");
  });

  it("lead to a person with the hand-off button", async () => {
    const customer = kit.customer(buyer);
    await customer.say("refund dong");
    const replies = await customer.pressButton(/^ask:human$/);
    expect(replies.at(-1)!.plain).toMatch(/admin/i);
    await kit.runJobs();
    expect(kit.sandbox.telegram.messagesIn(ADMIN_ID).at(-1)!.plain).toContain("refund dong");
  });
});
