import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/infra/clock/clock.js";
import { createOrdersService } from "../../src/features/orders/orders.service.js";
import { insertOrder } from "../../src/features/orders/orders.repository.js";
import {
  findPaymentByReference,
  insertPayment,
  listOpenPayments,
  transitionPayment,
} from "../../src/features/payments/payments.repository.js";
import { createWalletService } from "../../src/features/wallet/wallet.service.js";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../kit/test-database.js";
import { seedCustomerAndService, seedQuote } from "../kit/seed-rows.js";

/** An order, its payment and the wallet, written and read back on both databases with exact rupiah. */
describe.each(DIALECTS)("orders, payments and the wallet on %s", (dialect) => {
  let opened: TestDatabase;
  const clock = createManualClock();

  beforeEach(async () => {
    opened = await openTestDatabase(dialect);
  });
  afterEach(() => opened.close());

  it("pays an order once: the payment and the order move forward only from where they were", async () => {
    const { db } = opened.database;
    const orders = createOrdersService({ db, clock });
    const ids = await seedCustomerAndService(db);
    const quoteId = await seedQuote(db, ids, "q-1", 20_000);
    const orderId = await db.transaction().execute((trx) =>
      insertOrder(trx, {
        created_at: clock.now(),
        updated_at: clock.now(),
        quote_id: quoteId,
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
        extras: JSON.stringify({ comments: ["Mantap!"] }),
        supplier_note: null,
        paid_with: null,
        paid_payment_id: null,
        last_progress_at: null,
        stuck_flagged_at: null,
        cancel_requested_at: null,
        funds_waiting_since: null,
      }),
    );
    const paymentId = await insertPayment(db, {
      order_id: orderId,
      customer_id: ids.customerId,
      gateway: "midtrans",
      reference: "TB-1",
      gateway_transaction_id: null,
      amount: 20_000,
      stars_amount: null,
      status: "pending",
      gateway_status: null,
      qr_string: "000201",
      qr_url: null,
      expires_at: clock.now() + 900_000,
      paid_at: null,
      flagged_reason: null,
      last_checked_at: null,
      created_at: clock.now(),
      updated_at: clock.now(),
    });
    expect(await listOpenPayments(db, ["midtrans"], clock.now(), 10)).toMatchObject([
      { id: paymentId, amount: 20_000 },
    ]);

    const settle = () =>
      db.transaction().execute(async (trx) => {
        if (
          !(await transitionPayment(trx, paymentId, ["pending"], {
            status: "paid",
            paid_at: clock.now(),
            updated_at: clock.now(),
          }))
        )
          return false;
        return orders.move(trx, orderId, "payByGateway", {
          status: "paid",
          paid_at: clock.now(),
          paid_with: "midtrans",
          paid_payment_id: paymentId,
        });
      });
    expect(await Promise.all([settle(), settle()])).toEqual(expect.arrayContaining([true, false]));

    expect(await findPaymentByReference(db, "TB-1")).toMatchObject({
      id: paymentId,
      status: "paid",
      amount: 20_000,
      paid_at: clock.now(),
      order_id: orderId,
    });
    const order = await orders.findById(orderId);
    expect(order).toMatchObject({
      id: orderId,
      status: "paid",
      amount: 20_000,
      paid_payment_id: paymentId,
      paid_with: "midtrans",
      is_manual: 0,
      attempts: 0,
    });
    expect(JSON.parse(order!.extras!)).toEqual({ comments: ["Mantap!"] });
    expect(await orders.startPlacement(db, orderId)).toBe(true);
    expect(await orders.findById(orderId)).toMatchObject({
      status: "placing",
      placement_state: "in_flight",
      attempts: 1,
    });
    // A second payment of an order that already has one open is refused by the database itself.
    await expect(
      insertPayment(db, {
        order_id: orderId,
        customer_id: ids.customerId,
        gateway: "midtrans",
        reference: "TB-1",
        gateway_transaction_id: null,
        amount: 20_000,
        stars_amount: null,
        status: "pending",
        gateway_status: null,
        qr_string: null,
        qr_url: null,
        expires_at: 1,
        paid_at: null,
        flagged_reason: null,
        last_checked_at: null,
        created_at: 1,
        updated_at: 1,
      }),
    ).rejects.toThrow();
  });

  it("keeps the wallet exact: credits and debits land once per reference and never below zero", async () => {
    const { db } = opened.database;
    const wallet = createWalletService({ db, clock });
    const { customerId } = await seedCustomerAndService(db);
    const big = 4_000_000_000_000; // beyond 32 bits: bigint columns and sums stay exact numbers
    expect(
      await db
        .transaction()
        .execute((trx) => wallet.credit(trx, { customerId, amount: big, reason: "topup", reference: "topup:1" })),
    ).toBe(true);
    expect(
      await db
        .transaction()
        .execute((trx) => wallet.credit(trx, { customerId, amount: big, reason: "topup", reference: "topup:1" })),
    ).toBe(false);
    expect(
      await db
        .transaction()
        .execute((trx) =>
          wallet.credit(trx, { customerId, amount: 1_500, reason: "refund", reference: "refund:order:1" }),
        ),
    ).toBe(true);
    expect(
      await db
        .transaction()
        .execute((trx) =>
          wallet.debit(trx, { customerId, amount: big + 1_501, reason: "purchase", reference: "buy:1" }),
        ),
    ).toBe(false);
    expect(
      await db
        .transaction()
        .execute((trx) => wallet.debit(trx, { customerId, amount: 1_499, reason: "purchase", reference: "buy:2" })),
    ).toBe(true);

    expect(await wallet.balance(customerId)).toBe(big + 1);
    expect(typeof (await wallet.balance(customerId))).toBe("number");
    const page = await wallet.pageEntries(customerId, 0, 2);
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => [e.amount, e.reference])).toEqual([
      [-1_499, "buy:2"],
      [1_500, "refund:order:1"],
    ]);
    expect(await wallet.balance(customerId + 1000)).toBe(0);
  });
});
