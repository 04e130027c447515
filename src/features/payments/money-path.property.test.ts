import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { sqliteHandle } from "../../infra/db/open-database.js";
import { signatureFor } from "../../sandbox/midtrans/midtrans-simulator.js";
import type { SimOutcome } from "../../sandbox/smm/smm-panel-simulator.js";
import { AppError } from "../../shared/errors.js";
import { amountForQuantity, proRataFloor } from "../../shared/money.js";
import { allowedTransitions, type OrderStatus } from "../orders/orders.lifecycle.js";
import { buyUntilInvoice, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Model-based property test of the money path (reliability matrix, section 2, I1–I4 and I6; section 7,
 * rows 1–3, 8, 15, 18, 19, 22, 23). Each run builds a fresh shop (real SQLite with the real
 * migrations, the real bot, real HTTP, the Midtrans and SMM stand-ins on one manual clock), opens
 * 2–4 QRIS invoices for two customers (and maybe a wallet top-up, open or already paid), then applies
 * a random sequence of events: payments with or without their notification (late ones too),
 * duplicate, concurrent, stale, forged and edited notifications, gateway status outages, the
 * reconciler, time passing, the worker, supplier faults (429, hang, reset, 5xx, garbage, revoked
 * key), status syncs, wallet payments, a second "Pay", "I have paid", admin refunds and admin
 * resolutions of unknown orders, and pairs of these at the same moment.
 *
 * Checked after every event: I2 (no supplier add, paid payment or wallet credit without a settled
 * payment), I3 (ledger = wallet balance ≥ 0, unique references, refunds ≤ the order amount), I4
 * (every status change, recorded by a test trigger, follows an allowed edge; refunds of placed orders
 * only by an admin), and the safety half of I1 (at most one supplier order per order, never a
 * supplier order and an automatic refund beyond the undelivered share, a paid order always has its
 * placement queued, each status with the effects it implies). After the sequence the run is quiesced
 * (faults off, time moves on for an hour, reconciler, worker and status sync run) and the liveness
 * half of I1 is checked: every QR the customer paid at Midtrans pays its order or is credited to
 * the wallet, exactly one of the two. I6 is checked on every quote, order, payment and gateway
 * transaction at the start and the end.
 *
 * The shrunk counterexamples of every violation this property found are replayed below as
 * regression tests.
 */

// ---------------------------------------------------------------------------------------------
// The generated scenario
// ---------------------------------------------------------------------------------------------

const USERS = [100001, 100002] as const;
const MID = 2;

interface InvoiceSpec {
  customer: 0 | 1;
  quantity: number;
  outcome: SimOutcome;
}

interface Setup {
  invoices: InvoiceSpec[];
  /** A QRIS wallet top-up by the first customer: none, an open invoice, or already paid and credited. */
  topup: "none" | "open" | "paid";
  enforceExpiry: boolean;
}

type SupplierFault = "http429" | "hang" | "reset" | "http500" | "garbage" | "revoke" | "restore";

type Event =
  | { t: "pay"; k: number; notify: boolean; late: boolean; first: boolean }
  | { t: "resend"; k: number; times: number; concurrently: boolean }
  | { t: "replayPending"; k: number }
  | { t: "forged"; k: number; variant: number }
  | { t: "edited"; k: number }
  | { t: "wrongAmount"; k: number }
  | { t: "statusFault"; on: boolean }
  | { t: "reconcile" }
  | { t: "advance"; ms: number }
  | { t: "runJobs" }
  | { t: "supplier"; fault: SupplierFault }
  | { t: "statusSync" }
  | { t: "adminRefund"; k: number; third: boolean }
  | { t: "resolve"; k: number; refund: boolean }
  | { t: "payWallet"; k: number }
  | { t: "repay"; k: number }
  | { t: "checkPayment"; k: number }
  | { t: "race"; a: Event; b: Event };

interface Scenario {
  setup: Setup;
  events: Event[];
}

const kArb = fc.nat({ max: 7 }); // an invoice, modulo how many the run has

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant("pay" as const),
      k: kArb,
      notify: fc.boolean(),
      late: fc.boolean(),
      first: fc.boolean(),
    }),
  },
  { weight: 7, arbitrary: fc.constant<Event>({ t: "runJobs" }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant("advance" as const),
      ms: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1_000, max: 60_000 }) },
        { weight: 1, arbitrary: fc.constantFrom(5 * 60_000, 16 * 60_000, 20 * 60_000) },
      ),
    }),
  },
  { weight: 4, arbitrary: fc.constant<Event>({ t: "reconcile" }) },
  { weight: 4, arbitrary: fc.constant<Event>({ t: "statusSync" }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("resend" as const),
      k: kArb,
      times: fc.integer({ min: 1, max: 5 }),
      concurrently: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("adminRefund" as const), k: kArb, third: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("resolve" as const), k: kArb, refund: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("statusFault" as const), on: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("supplier" as const),
      fault: fc.constantFrom<SupplierFault>("http429", "reset", "http500", "garbage", "revoke", "restore"),
    }),
  },
  // The supplier hanging costs the HTTP client's whole response timeout (1.5 s): rare.
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant("supplier" as const), fault: fc.constant<SupplierFault>("hang") }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("payWallet" as const), k: kArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("repay" as const), k: kArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("checkPayment" as const), k: kArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("replayPending" as const), k: kArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("forged" as const), k: kArb, variant: fc.nat({ max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("edited" as const), k: kArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("wrongAmount" as const), k: kArb }) },
);

/** Two things at the same moment (matrix rows 2, 22, 23): their awaits interleave on the one database. */
const raceArb: fc.Arbitrary<Event> = fc
  .tuple(
    kArb,
    fc.constantFrom<[Event["t"], Event["t"]]>(
      ["reconcile", "resend"],
      ["adminRefund", "statusSync"],
      ["runJobs", "runJobs"],
      ["runJobs", "statusSync"],
      ["payWallet", "pay"],
      ["checkPayment", "reconcile"],
      ["resolve", "runJobs"],
      ["repay", "repay"],
    ),
  )
  .map(([k, [a, b]]): Event => {
    const make = (t: Event["t"]): Event => {
      switch (t) {
        case "resend":
          return { t, k, times: 2, concurrently: true };
        case "adminRefund":
          return { t, k, third: true };
        case "pay":
          return { t, k, notify: true, late: false, first: false };
        case "resolve":
          return { t, k, refund: false };
        case "payWallet":
        case "checkPayment":
        case "repay":
          return { t, k };
        default:
          return { t } as Event;
      }
    };
    return { t: "race", a: make(a), b: make(b) };
  });

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  setup: fc.record({
    invoices: fc
      .array(
        fc.record({
          customer: fc.constantFrom<0 | 1>(0, 1),
          quantity: fc.constantFrom(1000, 1500, 2500),
          outcome: fc.constantFrom<SimOutcome>("Completed", "Partial", "Canceled"),
        }),
        { minLength: 2, maxLength: 4 },
      )
      // Invoice 0 belongs to the customer who may top up, so wallet payments can happen.
      .map((list) => list.map((inv, i) => (i === 0 ? { ...inv, customer: 0 as const } : inv))),
    topup: fc.constantFrom<Setup["topup"]>("none", "open", "paid"),
    enforceExpiry: fc.boolean(),
  }),
  events: fc.array(fc.oneof({ weight: 12, arbitrary: eventArb }, { weight: 1, arbitrary: raceArb }), {
    minLength: 1,
    maxLength: 30,
    size: "max",
  }),
});

// ---------------------------------------------------------------------------------------------
// Background notifications (the simulator posts cancel/expire notifications without awaiting them):
// track them so every event's effects have landed before the invariants are checked.
// ---------------------------------------------------------------------------------------------

const inFlight = new Set<Promise<unknown>>();
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const pending = realFetch(input, init);
    if (url.includes("/webhooks/midtrans")) {
      inFlight.add(pending);
      void pending.then(
        () => inFlight.delete(pending),
        () => inFlight.delete(pending),
      );
    }
    return pending;
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

async function drain(): Promise<void> {
  for (let round = 0; round < 20 && inFlight.size > 0; round++) {
    await Promise.allSettled([...inFlight]);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

// ---------------------------------------------------------------------------------------------
// One run
// ---------------------------------------------------------------------------------------------

interface Invoice {
  kind: "order" | "topup";
  userId: number;
  customerId: number;
  /** Midtrans order ids of every QR made for it (a second one after "Pay" is tapped again). */
  refs: string[];
  /** The genuine notification Midtrans would have sent while the first QR was pending. */
  pendingBody: Record<string, unknown>;
  orderId: number | null;
  quoteId: string | null;
  /** Set (synchronously, so a race sees it) once the customer has paid this order one way. */
  paid: boolean;
}

interface World {
  kit: ShopKit;
  clock: ManualClock;
  options: ModelOptions;
  invoices: Invoice[];
  /** The status-history row up to which transitions were checked (I4). */
  historyCursor: number;
}

interface ModelOptions {
  /**
   * Whether a customer may pay the same order twice (a QR and the wallet, or an old and a new QR).
   * Both models run: with "no", the runs spend their events on one payment's path to the supplier;
   * with "yes", on duplicate payments and their credits.
   */
  payTwice: boolean;
}

const FULL_MODEL: ModelOptions = { payTwice: true };
const GUARD_MODEL: ModelOptions = { payTwice: false };

/**
 * Edges an order may take (I4): the lifecycle's diagram, the one the code is held to. Admin-only
 * edges are listed separately.
 */
const ALLOWED = allowedTransitions();
/** Transitions that only an admin's action may cause. */
const ADMIN_ONLY = new Set([
  "manual>processing",
  "processing>refunded",
  "completed>refunded",
  "partial>refunded",
  "unknown>refunded",
  "unknown>placing",
]);
const ADMIN_EVENTS = new Set<Event["t"]>(["adminRefund", "resolve"]);
const byAdmin = (event: Event | "setup" | "quiesce"): boolean =>
  typeof event === "object" &&
  (ADMIN_EVENTS.has(event.t) || (event.t === "race" && (byAdmin(event.a) || byAdmin(event.b))));

/** Every status change of every order, in the order they happen: a trigger (SQLite's or PostgreSQL's) writes them to test_order_history. */
async function recordOrderHistory(kit: ShopKit): Promise<void> {
  if (kit.container.database.dialect === "sqlite") {
    sqliteHandle(kit.container.database).exec(`
      CREATE TABLE test_order_history (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id INTEGER NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL);
      CREATE TRIGGER test_order_history_trg AFTER UPDATE OF status ON orders WHEN OLD.status IS NOT NEW.status
      BEGIN INSERT INTO test_order_history (order_id, from_status, to_status) VALUES (OLD.id, OLD.status, NEW.status); END;
    `);
    return;
  }
  await sql
    .raw(
      `CREATE TABLE test_order_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL, from_status text NOT NULL, to_status text NOT NULL);
      CREATE FUNCTION test_order_history_fn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_order_history (order_id, from_status, to_status) VALUES (OLD.id, OLD.status, NEW.status); RETURN NULL; END $$;
      CREATE TRIGGER test_order_history_trg AFTER UPDATE OF status ON orders FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION test_order_history_fn();`,
    )
    .execute(kit.db);
}

async function setUp(setup: Setup, options: ModelOptions): Promise<World> {
  const clock = createManualClock();
  const kit = await createShopKit({ clock });
  const world: World = { kit, clock, options, invoices: [], historyCursor: 0 };
  try {
    await recordOrderHistory(kit);
    kit.sandbox.midtrans.setEnforceExpiry(setup.enforceExpiry);
    const seen = new Set<string>();
    for (const [i, spec] of setup.invoices.entries()) {
      const handle = `mp${i}x`;
      kit.sandbox.smm.script(handle, spec.outcome);
      const userId = USERS[spec.customer];
      const { transaction } = await buyUntilInvoice(kit, {
        mid: MID,
        target: `https://instagram.com/${handle}`,
        quantity: spec.quantity,
        userId,
      });
      expect(seen.has(transaction.order_id), "each quote gets its own invoice").toBe(false);
      seen.add(transaction.order_id);
      const payment = await kit.db
        .selectFrom("payments")
        .selectAll()
        .where("reference", "=", transaction.order_id)
        .executeTakeFirstOrThrow();
      const order = await kit.db
        .selectFrom("orders")
        .selectAll()
        .where("id", "=", payment.order_id!)
        .executeTakeFirstOrThrow();
      world.invoices.push({
        kind: "order",
        userId,
        customerId: payment.customer_id,
        refs: [transaction.order_id],
        pendingBody: kit.sandbox.midtrans.notificationFor(transaction.order_id),
        orderId: order.id,
        quoteId: order.quote_id,
        paid: false,
      });
      clock.advance(1_000);
    }
    if (setup.topup !== "none") {
      const customer = kit.customer(USERS[0]);
      await customer.say("/topup 50000");
      const transaction = kit.latestTransaction();
      expect(seen.has(transaction.order_id)).toBe(false);
      const payment = await kit.db
        .selectFrom("payments")
        .selectAll()
        .where("reference", "=", transaction.order_id)
        .executeTakeFirstOrThrow();
      expect(payment).toMatchObject({ purpose: "topup", amount: 50_000, order_id: null });
      world.invoices.push({
        kind: "topup",
        userId: USERS[0],
        customerId: payment.customer_id,
        refs: [transaction.order_id],
        pendingBody: kit.sandbox.midtrans.notificationFor(transaction.order_id),
        orderId: null,
        quoteId: null,
        paid: false,
      });
      if (setup.topup === "paid") {
        await kit.sandbox.midtrans.pay(transaction.order_id);
        await kit.runJobs();
        expect(await kit.container.wallet.balance(payment.customer_id)).toBe(50_000);
      }
    }
    return world;
  } catch (error) {
    await kit.close();
    throw error;
  }
}

const simOrdersFor = (kit: ShopKit, target: string) =>
  [...kit.sandbox.smm.orders.values()].filter((o) => o.link === target);

async function applyEvent(world: World, event: Event): Promise<void> {
  if (event.t === "race") await Promise.all([perform(world, event.a), perform(world, event.b)]);
  else await perform(world, event);
  await drain();
}

async function perform(world: World, event: Event): Promise<void> {
  const { kit, clock, invoices, options } = world;
  const midtrans = kit.sandbox.midtrans;
  /** Claims the order's one payment (when paying twice is left out); false when it was paid already. */
  const claimPayment = () => {
    if (options.payTwice) return true;
    if (inv!.paid) return false;
    inv!.paid = true;
    return true;
  };
  const inv = "k" in event ? invoices[event.k % invoices.length]! : undefined;
  const orderOf = async () =>
    kit.db.selectFrom("orders").selectAll().where("id", "=", inv!.orderId!).executeTakeFirstOrThrow();
  const ignoreAppErrors = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  };
  switch (event.t) {
    case "pay": {
      const ref = event.first ? inv!.refs[0]! : inv!.refs.at(-1)!;
      if (!claimPayment()) break;
      const result = await midtrans.pay(ref, { notify: event.notify, late: event.late });
      if (!result) inv!.paid = false; // nothing to pay: the claim is released
      for (const status of result?.deliveries ?? []) expect(status, "a valid notification is answered 200").toBe(200);
      break;
    }
    case "resend": {
      const answers = await midtrans.resend(inv!.refs.at(-1)!, event.times, event.concurrently);
      expect(
        answers.every((a) => a === 200),
        `resends answered ${answers.join(",")}`,
      ).toBe(true);
      break;
    }
    case "replayPending": {
      expect((await kit.postNotification(inv!.pendingBody)).status).toBe(200);
      break;
    }
    case "forged": {
      const ref = inv!.refs.at(-1)!;
      const genuine = midtrans.notificationFor(ref) as Record<string, unknown> & {
        signature_key: string;
        gross_amount: string;
      };
      const other = invoices[(event.k + 1) % invoices.length]!.pendingBody;
      const settled = { ...genuine, transaction_status: "settlement", status_code: "200", fraud_status: "accept" };
      const forgeries = [
        { ...genuine, signature_key: genuine.signature_key.toUpperCase() },
        { ...genuine, signature_key: genuine.signature_key.slice(0, 100) },
        { ...settled, signature_key: "f".repeat(128) },
        { ...settled, signature_key: signatureFor(ref, "200", genuine.gross_amount, "SB-Mid-server-wrong-key") },
        {
          ...settled,
          signature_key: other.signature_key === genuine.signature_key ? "0".repeat(128) : other.signature_key,
        },
        { ...genuine, gross_amount: "1.00" },
      ];
      expect(
        (await kit.postNotification(forgeries[event.variant % forgeries.length])).status,
        "a forged notification is refused",
      ).toBe(401);
      break;
    }
    case "edited": {
      const edited = {
        ...midtrans.notificationFor(inv!.refs.at(-1)!),
        transaction_status: "settlement",
        fraud_status: "accept",
      };
      expect((await kit.postNotification(edited)).status).toBe(200);
      break;
    }
    case "wrongAmount": {
      const ref = inv!.refs.at(-1)!;
      const body = midtrans.notificationFor(ref, { gross_amount: "10.00" }) as Record<string, unknown> & {
        status_code: string;
      };
      body.signature_key = signatureFor(ref, body.status_code, "10.00", midtrans.serverKey);
      expect((await kit.postNotification(body)).status).toBe(200);
      break;
    }
    case "statusFault":
      midtrans.setFault("status", event.on ? "http500" : undefined);
      break;
    case "reconcile":
      await kit.container.reconciler!.reconcileOpenPayments();
      break;
    case "advance":
      clock.advance(event.ms);
      break;
    case "runJobs":
      await kit.runJobs();
      break;
    case "supplier":
      if (event.fault === "revoke")
        await kit.container.providers.edit(SUPPLIER, { credentials: { key: "revoked-key" } });
      else if (event.fault === "restore")
        await kit.container.providers.edit(SUPPLIER, { credentials: { key: kit.sandbox.smm.key } });
      else kit.sandbox.smm.setFault("add", event.fault, 1);
      break;
    case "statusSync":
      await kit.container.statusSync.syncAll();
      break;
    case "adminRefund": {
      if (inv!.kind !== "order") break;
      const order = await orderOf();
      // The admin looks at the supplier's panel first: an order the supplier has is not refunded blind.
      if (order.status === "unknown" && simOrdersFor(kit, order.target).length > 0) break;
      const amount = event.third ? Math.max(1, Math.floor(order.amount / 3)) : undefined;
      await ignoreAppErrors(() => kit.container.orderAdmin.refund(order.id, { amount, reason: "model test" }, "test"));
      break;
    }
    case "resolve": {
      if (inv!.kind !== "order") break;
      const order = await orderOf();
      // A truthful admin: "placed" with the supplier's id when the panel has the order, else refund or place again.
      const sim = simOrdersFor(kit, order.target)[0];
      const resolution = sim
        ? { kind: "placed" as const, providerOrderId: String(sim.order) }
        : event.refund
          ? { kind: "refund" as const }
          : { kind: "not_placed" as const };
      await ignoreAppErrors(() =>
        kit.container.orderAdmin.resolveUnknown(order.id, resolution, "test", "checked the supplier panel"),
      );
      break;
    }
    case "payWallet": {
      if (inv!.kind !== "order" || !claimPayment()) break;
      const result = await kit.container.payments.payFromWallet(inv!.quoteId!, { id: inv!.customerId });
      if (!result.ok) inv!.paid = false;
      break;
    }
    case "repay": {
      if (inv!.kind !== "order") break;
      const result = await kit.container.payments.payByQris(inv!.quoteId!, { id: inv!.customerId, firstName: "Budi" });
      if (result.ok && !result.value.reused) inv!.refs.push(result.value.reference);
      break;
    }
    case "checkPayment": {
      // The customer taps "I have paid" under the newest QR.
      const payment = await kit.db
        .selectFrom("payments")
        .select("id")
        .where("reference", "=", inv!.refs.at(-1)!)
        .executeTakeFirstOrThrow();
      await kit.container.payments.checkPayment(payment.id, inv!.customerId);
      break;
    }
    case "race":
      throw new Error("races are not nested");
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

async function readState(kit: ShopKit) {
  const [orders, payments, ledger, jobs, quotes, customers] = [
    await kit.db.selectFrom("orders").selectAll().orderBy("id").execute(),
    await kit.db.selectFrom("payments").selectAll().orderBy("id").execute(),
    await kit.db.selectFrom("ledger_entries").selectAll().orderBy("id").execute(),
    await kit.db.selectFrom("jobs").selectAll().where("kind", "=", "place_order").execute(),
    await kit.db.selectFrom("quotes").selectAll().execute(),
    await kit.db.selectFrom("customers").select("id").execute(),
  ];
  return { orders, payments, ledger, jobs, quotes, customers };
}

/** I4: every status change since the last check follows an allowed edge; admin-only edges only from admin actions. */
async function checkTransitions(world: World, event: Event | "setup" | "quiesce"): Promise<void> {
  const rows = (
    await sql<{
      id: number;
      order_id: number;
      from_status: OrderStatus;
      to_status: OrderStatus;
    }>`select id, order_id, from_status, to_status from test_order_history where id > ${world.historyCursor} order by id`.execute(
      world.kit.db,
    )
  ).rows;
  for (const row of rows) {
    const edge = `${row.from_status}>${row.to_status}`;
    expect(
      ALLOWED[row.from_status] ?? [],
      `I4: order #${row.order_id} moved ${row.from_status} → ${row.to_status}`,
    ).toContain(row.to_status);
    if (ADMIN_ONLY.has(edge))
      expect(
        byAdmin(event),
        `I4: order #${row.order_id} moved ${edge} without an admin (during ${JSON.stringify(event)})`,
      ).toBe(true);
    world.historyCursor = row.id;
  }
}

/** Invariants that must hold after every single event. */
async function checkSafety(world: World, event: Event | "setup" | "quiesce"): Promise<void> {
  const { kit } = world;
  await checkTransitions(world, event);
  const { orders, payments, ledger, jobs, customers } = await readState(kit);
  const paymentById = new Map(payments.map((p) => [p.id, p]));
  const simTx = kit.sandbox.midtrans.transactions;
  const settledAtGateway = (reference: string) => simTx.get(reference)?.status === "settlement";

  // I3: ledger conservation, per customer; unique references; refunds per order within the amount.
  for (const customer of customers) {
    const entries = ledger.filter((e) => e.customer_id === customer.id);
    const sum = entries.reduce((total, e) => total + e.amount, 0);
    const balance = await kit.container.wallet.balance(customer.id);
    expect(balance, `I3: wallet balance of customer ${customer.id}`).toBe(sum);
    expect(balance, `I3: balance of customer ${customer.id} never negative`).toBeGreaterThanOrEqual(0);
  }
  expect(new Set(ledger.map((e) => e.reference)).size, "I3: every ledger reference appears once").toBe(ledger.length);
  for (const order of orders) {
    const refunds = ledger
      .filter((e) => e.order_id === order.id && e.reference.startsWith(`refund:order:${order.id}`))
      .reduce((t, e) => t + e.amount, 0);
    expect(
      refunds,
      `I3: refunds of order #${order.id} (${order.status}) exceed its amount ${order.amount}`,
    ).toBeLessThanOrEqual(order.amount);
  }

  // I2: no effect without a payment. Every supplier add and every supplier order belongs to a paid order.
  for (const request of kit.sandbox.smm.requests.filter((r) => r.action === "add")) {
    const order = orders.find((o) => o.target === request.fields.link);
    expect(order, `I2: supplier add for an unknown link ${request.fields.link}`).toBeDefined();
    const payment = order!.paid_payment_id === null ? undefined : paymentById.get(order!.paid_payment_id);
    expect(
      payment?.status,
      `I2: supplier add for order #${order!.id} (${order!.status}) whose payment is not paid`,
    ).toBe("paid");
    if (payment!.gateway === "midtrans")
      expect(
        settledAtGateway(payment!.reference),
        `I2: order #${order!.id} placed but Midtrans never settled ${payment!.reference}`,
      ).toBe(true);
    if (payment!.gateway === "wallet")
      expect(
        ledger.some((e) => e.reference === `purchase:order:${order!.id}` && e.amount === -order!.amount),
        `I2: wallet order #${order!.id} without its debit`,
      ).toBe(true);
  }
  for (const payment of payments.filter((p) => p.status === "paid")) {
    if (payment.gateway === "midtrans") {
      expect(
        settledAtGateway(payment.reference),
        `I2: payment ${payment.reference} is paid locally but not settled at Midtrans`,
      ).toBe(true);
      expect(simTx.get(payment.reference)!.gross_amount, `I2: payment ${payment.reference} amount`).toBe(
        payment.amount,
      );
    }
  }
  // Credits for QRIS money (top-ups, late or duplicate payments) only for money Midtrans settled.
  for (const entry of ledger.filter((e) => e.reference.startsWith("payment:"))) {
    const payment = paymentById.get(Number(entry.reference.slice("payment:".length)));
    expect(payment?.status, `I2: credit ${entry.reference} for a payment that is not paid`).toBe("paid");
    expect(settledAtGateway(payment!.reference), `I2: credit ${entry.reference} without a settlement`).toBe(true);
    expect(entry.amount).toBe(payment!.amount);
  }

  // I1 (safety half): per order, one effect; never a supplier order and an automatic full refund;
  // a paid order always has its work queued.
  for (const order of orders) {
    const sims = simOrdersFor(kit, order.target);
    const what = `order #${order.id} (${order.status})`;
    expect(sims.length, `I1: ${what} has ${sims.length} supplier orders`).toBeLessThanOrEqual(1);
    const autoRefund = ledger
      .filter((e) => e.reference === `refund:order:${order.id}`)
      .reduce((t, e) => t + e.amount, 0);
    const allRefunds = ledger
      .filter((e) => e.order_id === order.id && e.reference.startsWith(`refund:order:${order.id}`))
      .reduce((t, e) => t + e.amount, 0);
    if (order.paid_payment_id === null) {
      expect(["awaiting_payment", "expired"], `I1: ${what} moved on without a payment`).toContain(order.status);
      expect(sims.length, `I2: ${what} reached the supplier unpaid`).toBe(0);
      expect(allRefunds, `I1: ${what} refunded but never paid`).toBe(0);
      continue;
    }
    const payment = paymentById.get(order.paid_payment_id);
    expect(payment?.status, `I1: ${what} paid by a payment that is not paid`).toBe("paid");
    expect(payment!.order_id).toBe(order.id);
    expect(
      ledger.some((e) => e.reference === `payment:${payment!.id}`),
      `I1: ${what} fulfilled by payment ${payment!.id} that was also credited to the wallet`,
    ).toBe(false);
    // Never both: an automatic refund of an order the supplier has covers exactly the share the
    // supplier reported undelivered (Partial: pro rata, rounded down; Canceled: all of it).
    if (sims.length === 1 && autoRefund > 0) {
      expect(
        ["partial", "canceled", "refunded"],
        `I1: ${what} reached the supplier (order ${sims[0]!.order}) and was also refunded automatically`,
      ).toContain(order.status);
      expect(
        autoRefund,
        `I1: ${what} reached the supplier (order ${sims[0]!.order}) and was also refunded ${autoRefund} automatically, more than the undelivered share`,
      ).toBeLessThanOrEqual(proRataFloor(order.amount, order.remains ?? 0, order.quantity));
    }
    const queued = jobs.some(
      (j) =>
        (j.status === "pending" || j.status === "running") &&
        (JSON.parse(j.payload) as { orderId: number }).orderId === order.id,
    );
    switch (order.status) {
      case "awaiting_payment":
      case "expired":
        throw new Error(`I1: ${what} has a paid payment but is ${order.status}`);
      case "paid":
      case "placing":
        expect(queued, `I1: ${what} is paid with nothing queued to place it`).toBe(true);
        expect(autoRefund).toBe(0);
        break;
      case "processing":
      case "completed":
      case "partial":
      case "canceled":
        expect(sims.length, `I1: ${what} has no supplier order`).toBe(1);
        expect(order.provider_order_id, `I1: ${what} records another supplier order than the supplier has`).toBe(
          String(sims[0]!.order),
        );
        if (order.status === "canceled")
          expect(allRefunds, `I1: canceled ${what} not refunded in full`).toBe(order.amount);
        if (order.status === "partial")
          expect(allRefunds, `I1: partial ${what} refunded less than the undelivered share`).toBeGreaterThanOrEqual(
            proRataFloor(order.amount, order.remains ?? 0, order.quantity),
          );
        if (order.status === "processing" || order.status === "completed") expect(autoRefund).toBe(0);
        break;
      case "unknown":
        expect(autoRefund, `I1: ${what} is unknown but refunded`).toBe(0);
        break;
      case "refunded":
        expect(allRefunds, `I1: refunded ${what} has refunds of ${allRefunds}, not its amount ${order.amount}`).toBe(
          order.amount,
        );
        if (sims.length === 1)
          expect(
            order.provider_order_id,
            `I1: refunded ${what} while the supplier has order ${sims[0]!.order} the shop never recorded`,
          ).toBe(String(sims[0]!.order));
        break;
      case "manual":
        break;
    }
  }
}

/** I1 (liveness half), after quiescing: every QR paid at Midtrans has exactly one effect. */
async function checkSettledPayments(world: World): Promise<void> {
  const { kit } = world;
  const { orders, payments, ledger } = await readState(kit);
  for (const tx of kit.sandbox.midtrans.transactions.values()) {
    if (tx.status !== "settlement") continue;
    const payment = payments.find((p) => p.reference === tx.order_id);
    expect(payment, `I1: Midtrans settled ${tx.order_id} that the shop does not know`).toBeDefined();
    const credit = ledger.find((e) => e.reference === `payment:${payment!.id}`);
    const order = payment!.order_id === null ? undefined : orders.find((o) => o.id === payment!.order_id);
    const fulfils = order?.paid_payment_id === payment!.id;
    expect(
      payment!.status,
      `I1: ${tx.order_id} was paid at Midtrans but is ${payment!.status} in the shop (order #${order?.id ?? "-"} ${order?.status ?? ""}), with no effect`,
    ).toBe("paid");
    expect(
      Number(fulfils) + Number(credit !== undefined),
      `I1: ${tx.order_id} (payment ${payment!.id}) must pay its order or be credited, exactly one`,
    ).toBe(1);
  }
  for (const payment of payments.filter((p) => p.gateway === "wallet")) {
    expect(payment.status).toBe("paid");
    expect(
      orders.find((o) => o.id === payment.order_id)?.paid_payment_id,
      `I1: wallet payment ${payment.id} does not pay its order`,
    ).toBe(payment.id);
  }
}

/** I6: invoice amount = quote amount = the service's price × quantity, rounded up (or the minimum profit). */
async function checkPrices(world: World): Promise<void> {
  const { kit } = world;
  const { orders, payments, quotes } = await readState(kit);
  const minProfit = await kit.container.settings.get("pricing.min_profit_per_order");
  for (const quote of quotes) {
    const service = await kit.container.catalog.findById(quote.service_id);
    expect(service, `I6: quote ${quote.id} service`).toBeDefined();
    expect(quote.unit_price, `I6: quote ${quote.id} unit price`).toBe(service!.unitPrice);
    expect(quote.unit_size).toBe(service!.unitSize);
    expect(quote.cost_amount).toBe(amountForQuantity(service!.unitCost, quote.quantity, service!.unitSize));
    expect(quote.amount, `I6: quote ${quote.id} amount`).toBe(
      Math.max(amountForQuantity(service!.unitPrice, quote.quantity, service!.unitSize), quote.cost_amount + minProfit),
    );
  }
  for (const order of orders) {
    const quote = quotes.find((q) => q.id === order.quote_id);
    expect(order.amount, `I6: order #${order.id} amount vs its quote`).toBe(quote?.amount);
    expect(order.quantity).toBe(quote?.quantity);
  }
  for (const payment of payments) {
    if (payment.order_id !== null)
      expect(payment.amount, `I6: invoice ${payment.reference} amount vs its order`).toBe(
        orders.find((o) => o.id === payment.order_id)?.amount,
      );
    const tx = kit.sandbox.midtrans.transactions.get(payment.reference);
    if (tx) expect(tx.gross_amount, `I6: Midtrans amount of ${payment.reference}`).toBe(payment.amount);
  }
}

/** Faults off, time moves on, the reconciler and the worker run a few rounds: what a healthy night does. */
async function quiesce(world: World): Promise<void> {
  const { kit, clock } = world;
  kit.sandbox.midtrans.setFault("status", undefined);
  kit.sandbox.smm.setFault("add", undefined);
  await kit.container.providers.edit(SUPPLIER, { credentials: { key: kit.sandbox.smm.key } });
  // Short steps first (supplier retry backoffs, order progress), then long ones (the reconciler's
  // sweep of closed QRs: every 2 minutes in their first hour, every 30 minutes for a day).
  for (const step of [30_000, 30_000, 3 * 60_000, 3 * 60_000, 31 * 60_000, 31 * 60_000]) {
    clock.advance(step);
    await kit.container.reconciler!.reconcileOpenPayments();
    await drain();
    await kit.runJobs();
    await kit.container.statusSync.syncAll();
    await kit.runJobs();
    await drain();
  }
}

async function runScenario(scenario: Scenario, options: ModelOptions): Promise<void> {
  const world = await setUp(scenario.setup, options);
  try {
    await checkSafety(world, "setup");
    await checkPrices(world);
    for (const event of scenario.events) {
      await applyEvent(world, event);
      await checkSafety(world, event);
    }
    await quiesce(world);
    await checkSafety(world, "quiesce");
    await checkSettledPayments(world);
    await checkPrices(world);
  } finally {
    await drain();
    await world.kit.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Fixed for CI; fast-check prints seed and path on failure. MONEY_PATH_SEED / MONEY_PATH_RUNS explore further. */
const SEED = Number(process.env.MONEY_PATH_SEED ?? 20261121);
const RUNS = Number(process.env.MONEY_PATH_RUNS ?? 60);

function check(options: ModelOptions, parameters: fc.Parameters<[Scenario]>): Promise<void> {
  return fc.assert(
    fc.asyncProperty(scenarioArb, (scenario) => runScenario(scenario, options)),
    { seed: SEED, ...parameters },
  );
}

/** Replays minimal counterexamples this property shrank to (full model, no random runs). */
const replay = (...scenarios: Scenario[]) =>
  check(FULL_MODEL, { numRuns: scenarios.length, examples: scenarios.map((s) => [s] as [Scenario]) });

const twoInvoices = (outcome: SimOutcome = "Completed", extra: Partial<Setup> = {}): Setup => ({
  invoices: [
    { customer: 0, quantity: 1000, outcome },
    { customer: 0, quantity: 1000, outcome: "Completed" },
  ],
  topup: "none",
  enforceExpiry: false,
  ...extra,
});

const pay = (k: number, notify = true, late = false): Event => ({ t: "pay", k, notify, late, first: false });

describe("money path: every payment ends in one supplier order or one refund", () => {
  it(
    "holds I1–I4 and I6 under any order of payment, notification, supplier and admin events (each order paid once)",
    () => check(GUARD_MODEL, { numRuns: RUNS }),
    180_000,
  );

  // Found by this property and fixed: an order paid twice (the second payment credited back to the
  // wallet with the order's id) was never refunded when the supplier then canceled it or delivered
  // part of it, because refundedSoFar counted that duplicate-payment credit as a refund of the order.

  it("holds I1–I4 and I6 when a customer may pay an order twice", () => check(FULL_MODEL, { numRuns: RUNS }), 180_000);

  it(
    "I1: a QR paid without its notification, the same order then paid from the wallet and canceled by the supplier: refunded in full",
    () =>
      replay({ setup: twoInvoices("Canceled", { topup: "paid" }), events: [pay(0, false), { t: "payWallet", k: 0 }] }),
    60_000,
  );

  it(
    "I1: an old and a new QR of one order both paid, then a Partial at the supplier: the undelivered share is refunded",
    () =>
      replay({
        setup: twoInvoices("Partial"),
        events: [pay(0, false), { t: "advance", ms: 16 * 60_000 }, { t: "repay", k: 0 }, pay(0), { t: "reconcile" }],
      }),
    60_000,
  );

  // Found by this property against commit 60b8ed1 and fixed since in the working tree; kept as
  // regression examples. Lost payments: the reconciler only polled open invoices, so a QR the shop
  // had closed (withdrawn by a second "Pay" or a wallet payment, or expired) and that the customer
  // paid anyway was never found when its notification was lost or came during a status outage.

  it(
    "I1: a QR paid without its notification is found after the customer tapped Pay again",
    () =>
      replay({
        setup: twoInvoices(),
        events: [{ t: "advance", ms: 16 * 60_000 }, pay(1, false), { t: "repay", k: 1 }],
      }),
    60_000,
  );

  it(
    "I1: a QR paid without its notification is credited after the customer paid the same quote from the wallet",
    () =>
      replay({
        setup: twoInvoices("Completed", { topup: "open" }),
        events: [pay(2), pay(0, false), { t: "payWallet", k: 0 }],
      }),
    60_000,
  );

  it(
    "I1: a QR paid after the reconciler expired its invoice is found when the notification is lost",
    () =>
      replay({
        setup: twoInvoices(),
        events: [{ t: "advance", ms: 16 * 60_000 }, { t: "reconcile" }, pay(0, false, true)],
      }),
    60_000,
  );

  it(
    "I1: a QR paid after the reconciler expired its invoice is found when its notification came during a status outage",
    () =>
      replay({
        setup: twoInvoices(),
        events: [
          { t: "advance", ms: 16 * 60_000 },
          { t: "reconcile" },
          { t: "statusFault", on: true },
          pay(0, true, true),
        ],
      }),
    60_000,
  );

  // Refund races (matrix row 23): automatic refunds ignored earlier admin refunds, and admin refund
  // references were keyed by the millisecond.

  it(
    "I3: an admin's partial refund and the supplier's later cancellation or partial never refund more than was paid",
    () =>
      replay(
        {
          setup: twoInvoices("Canceled"),
          events: [
            pay(0),
            { t: "runJobs" },
            { t: "adminRefund", k: 0, third: true },
            { t: "advance", ms: 40_000 },
            { t: "statusSync" },
          ],
        },
        {
          setup: twoInvoices("Partial"),
          events: [
            pay(0),
            { t: "runJobs" },
            { t: "adminRefund", k: 0, third: true },
            { t: "adminRefund", k: 0, third: true },
            { t: "advance", ms: 40_000 },
            { t: "statusSync" },
          ],
        },
      ),
    60_000,
  );

  it(
    "I3: an admin's partial refund of an unknown order and then resolving it as refunded never refund more than was paid",
    () =>
      replay({
        setup: twoInvoices(),
        events: [
          pay(0),
          { t: "supplier", fault: "http500" },
          { t: "runJobs" },
          { t: "adminRefund", k: 0, third: true },
          { t: "resolve", k: 0, refund: true },
        ],
      }),
    60_000,
  );

  it(
    "I1: two admin refunds in the same millisecond both reach the wallet before the order closes as refunded",
    () =>
      replay({
        setup: twoInvoices(),
        events: [
          pay(0),
          { t: "runJobs" },
          { t: "advance", ms: 40_000 },
          { t: "statusSync" },
          { t: "adminRefund", k: 0, third: true },
          { t: "adminRefund", k: 0, third: false },
        ],
      }),
    60_000,
  );
});
