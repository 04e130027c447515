import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { createManualClock, type ManualClock } from "../../src/infra/clock/clock.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { ADMIN_ID, buyUntilInvoice, createShopKit, type ShopKit } from "../kit/shop-kit.js";

/**
 * The operator CLI's order and wallet commands, as `npm run cli -- …` runs them, on the same
 * database file as a running shop: customers buy through the bot (the shop kit, with the sandbox
 * stand-ins over HTTP), the owner acts from a terminal (runCli, its own container and connection),
 * and the shop delivers the resulting messages. Checks read what the operator reads (exit code and
 * printed lines) and what the customer is told; the database is read only to know order numbers.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const rupiah = (amount: number) => `Rp\u00a0${amount.toLocaleString("id-ID")}`;

let dir: string;
let kit: ShopKit;
let clock: ManualClock;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shop-cli-orders-"));
  clock = createManualClock(Date.now());
  const database = { DATABASE_URL: join(dir, "shop.db"), DATA_DIR: dir };
  kit = await createShopKit({ clock, env: database });
  env = {
    ...kit.standIns.env,
    ...database,
    MASTER_KEY: TEST_MASTER_KEY,
    PORT: "0",
    LOG_LEVEL: "silent",
    ADMIN_TELEGRAM_IDS: String(ADMIN_ID),
  };
});

afterAll(async () => {
  await kit?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const code = await runCli(argv, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) }, env, sink);
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

async function must(...argv: string[]): Promise<Run> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`"${argv.join(" ")}" exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
  return run;
}

let nextUser = 400_001;

/** A new customer buys `quantity` of mid 2 for `target` through the bot and pays the QRIS invoice. */
async function paidOrder(target: string, quantity = 1000) {
  const userId = nextUser++;
  kit.sandbox.telegram.addUser({
    id: userId,
    first_name: `Reseller${userId}`,
    username: `r${userId}`,
    language_code: "id",
  });
  const { customer, transaction } = await buyUntilInvoice(kit, { mid: 2, target, quantity, userId });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  return { customer, order };
}

const statusOf = async (id: number) =>
  (await kit.db.selectFrom("orders").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

/** Rows of `order list`: order number and status (columns separated by two spaces or more). */
function listed(stdout: string): Array<{ id: number; status: string }> {
  return stdout
    .split("\n")
    .filter((line) => /^#\d+ {2}/.test(line))
    .map((line) => {
      const [id, status] = line.split(/ {2,}/);
      return { id: Number(id!.slice(1)), status: status! };
    });
}

describe("operating orders from the CLI on the shop's database", () => {
  it("order list --status shows only orders in that state; order show prints the payment, ledger and audit lines", async () => {
    const { order: running } = await paidOrder("https://instagram.com/list_running");
    await kit.runJobs();
    const { order: waiting } = await paidOrder("https://instagram.com/list_unknown");
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.runJobs();
    expect(await statusOf(waiting.id)).toBe("unknown");

    const unknown = listed((await must("order", "list", "--status", "unknown")).stdout);
    expect(unknown).toContainEqual({ id: waiting.id, status: "unknown" });
    expect(unknown.every((row) => row.status === "unknown")).toBe(true);
    expect(listed((await must("order", "list", "--status", "processing")).stdout)).toContainEqual({
      id: running.id,
      status: "processing",
    });
    expect(listed((await must("order", "list")).stdout).map((r) => r.id)).toEqual(
      expect.arrayContaining([running.id, waiting.id]),
    );
    expect((await must("order", "list", "--status", "partial")).stdout).toBe("No orders match.");

    await must("order", "refund", String(running.id), "--amount", "1000", "--reason", "late start, goodwill");
    const show = (await must("order", "show", String(running.id))).stdout.split("\n");
    expect(show[0]).toBe(`Order #${running.id}: processing`);
    expect(show).toContainEqual(
      expect.stringMatching(new RegExp(`^ {2}payment \\S+: midtrans ${rupiah(running.amount)} paid`)),
    );
    expect(show).toContainEqual(
      expect.stringMatching(
        new RegExp(`^ {2}ledger \\+${rupiah(1_000)} refund \\(refund:order:${running.id}:admin:[a-z0-9]+\\)$`),
      ),
    );
    expect(show).toContainEqual(expect.stringMatching(/^ {2}audit \S+ cli order\.refund: late start, goodwill$/));

    const bad = await cli("order", "list", "--status", "lost");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--status is one of: awaiting_payment, paid/);
    expect((await cli("order", "show", "999999")).stderr).toBe("Error: no order #999999");
  });

  it("order sync ID asks the supplier now and moves the order on; the customer is told", async () => {
    const { customer, order } = await paidOrder("https://instagram.com/sync_me");
    await kit.runJobs();
    clock.advance(60_000);
    const run = await must("order", "sync", String(order.id));
    expect(run.stdout).toBe(
      "Checked 1 orders with 1 supplier calls: 1 changed, 0 suppliers failed, 0 flagged as stuck.",
    );
    expect(await statusOf(order.id)).toBe("completed");
    await kit.runJobs();
    expect(customer.lastText()).toContain(`Pesanan #${order.id} selesai`);
  });

  it("order resolve ID --refund --reason closes an unknown order with a full refund; the wrong state or a missing choice is refused", async () => {
    const { customer, order } = await paidOrder("https://instagram.com/resolve_me");
    kit.sandbox.smm.setFault("add", "hang", 1);
    await kit.runJobs();
    expect(await statusOf(order.id)).toBe("unknown");

    expect((await cli("order", "resolve", String(order.id), "--refund")).code).toBe(2);
    expect((await cli("order", "resolve", String(order.id), "--refund", "--retry", "--reason", "both")).code).toBe(2);
    expect((await cli("order", "resolve", String(order.id), "--reason", "neither")).code).toBe(2);
    expect(await statusOf(order.id)).toBe("unknown");

    const run = await must(
      "order",
      "resolve",
      String(order.id),
      "--refund",
      "--reason",
      "nothing in the supplier panel",
    );
    expect(run.stdout).toBe(`Order #${order.id} is now refunded.`);
    await kit.runJobs();
    expect(customer.lastText()).toContain(`pesanan #${order.id} tidak bisa diproses`);

    const again = await cli("order", "resolve", String(order.id), "--retry", "--reason", "second thoughts");
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Error: order #${order.id} is refunded, not unknown`);
    const show = (await must("order", "show", String(order.id))).stdout;
    expect(show).toContain(`ledger +${rupiah(order.amount)} refund (refund:order:${order.id})`);
    expect(show).toMatch(/audit \S+ cli order\.resolve_unknown\.refund: nothing in the supplier panel/);
  });

  it("order refund ID --amount N --reason refunds part, then at most the rest; --reason is required", async () => {
    const { customer, order } = await paidOrder("https://instagram.com/refund_me");
    await kit.runJobs();
    clock.advance(60_000);
    await must("order", "sync", String(order.id));
    expect(await statusOf(order.id)).toBe("completed");

    const missing = await cli("order", "refund", String(order.id), "--amount", "1000");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^order refund needs --reason/);

    const part = await must(
      "order",
      "refund",
      String(order.id),
      "--amount",
      "2500",
      "--reason",
      "some followers dropped",
    );
    expect(part.stdout).toBe(`Refunded ${rupiah(2_500)} on order #${order.id} (now completed).`);
    await kit.runJobs();
    expect(customer.lastText()).toContain(`${rupiah(2_500)} untuk pesanan #${order.id}`);

    const tooMuch = await cli(
      "order",
      "refund",
      String(order.id),
      "--amount",
      String(order.amount),
      "--reason",
      "everything",
    );
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr).toBe(
      `Error: at most ${rupiah(order.amount - 2_500)} is left to refund on order #${order.id}`,
    );

    clock.advance(1_000);
    const rest = await must("order", "refund", String(order.id), "--reason", "customer unhappy");
    expect(rest.stdout).toBe(`Refunded ${rupiah(order.amount - 2_500)} on order #${order.id} (now refunded).`);
  });

  it("order outcome ID --status partial --remains N refunds the undelivered share of a manual order, rounded down", async () => {
    await kit.db.updateTable("services").set({ mode: "manual" }).where("mid", "=", 2).execute();
    try {
      const { customer, order } = await paidOrder("https://instagram.com/by_hand", 1500);
      await kit.runJobs();
      expect(await statusOf(order.id)).toBe("manual");
      expect(listed((await must("order", "list", "--status", "manual")).stdout)).toContainEqual({
        id: order.id,
        status: "manual",
      });

      expect((await cli("order", "outcome", String(order.id), "--status", "partial", "--remains", "451")).code).toBe(2);
      expect((await cli("order", "outcome", String(order.id), "--status", "halfway", "--reason", "x")).code).toBe(2);

      const run = await must(
        "order",
        "outcome",
        String(order.id),
        "--status",
        "partial",
        "--remains",
        "451",
        "--reason",
        "supplier ran short",
      );
      expect(run.stdout).toBe(`Order #${order.id} is now partial.`);
      const refund = Number((BigInt(order.amount) * 451n) / 1500n);
      expect((await must("order", "show", String(order.id))).stdout).toContain(
        `ledger +${rupiah(refund)} refund (refund:order:${order.id})`,
      );
      await kit.runJobs();
      expect(customer.lastText()).toContain(`(451 belum terkirim). ${rupiah(refund)} dikembalikan`);
    } finally {
      await kit.db.updateTable("services").set({ mode: "auto" }).where("mid", "=", 2).execute();
    }
  });
});

describe("wallets from the CLI", () => {
  it("wallet show and wallet adjust credit and debit with a reason; below zero, no reason or an unknown customer are refused", async () => {
    const userId = nextUser++;
    kit.sandbox.telegram.addUser({ id: userId, first_name: "Sari", username: `s${userId}`, language_code: "id" });
    const customer = kit.customer(userId);
    await customer.say("/saldo");

    expect((await must("wallet", "show", String(userId))).stdout).toBe(`Sari (${userId}): balance ${rupiah(0)}`);
    const credit = await must(
      "wallet",
      "adjust",
      String(userId),
      "--amount",
      "15000",
      "--reason",
      "transfer received by bank",
    );
    expect(credit.stdout).toBe(`Adjusted Sari's wallet by 15000: balance ${rupiah(15_000)}.`);
    const debit = await must(
      "wallet",
      "adjust",
      String(userId),
      "--amount=-4000",
      "--reason",
      "fee for a manual order",
    );
    expect(debit.stdout).toBe(`Adjusted Sari's wallet by -4000: balance ${rupiah(11_000)}.`);
    await kit.runJobs();
    expect(customer.lastText()).toContain(`Saldo sekarang ${rupiah(11_000)}`);

    const show = (await must("wallet", "show", String(userId))).stdout.split("\n");
    expect(show[0]).toBe(`Sari (${userId}): balance ${rupiah(11_000)}`);
    expect(show.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`-${rupiah(4_000)} adjustment — fee for a manual order$`)),
      expect.stringMatching(new RegExp(`\\+${rupiah(15_000)} adjustment — transfer received by bank$`)),
    ]);

    const below = await cli("wallet", "adjust", String(userId), "--amount=-11001", "--reason", "too much");
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(`Error: the balance is ${rupiah(11_000)}; it cannot go below zero`);
    expect((await cli("wallet", "adjust", String(userId), "--amount", "5000")).code).toBe(2);
    const zero = await cli("wallet", "adjust", String(userId), "--amount", "0", "--reason", "nothing");
    expect(zero).toMatchObject({
      code: 1,
      stderr: "Error: the adjustment is a whole number of rupiah, positive or negative, not zero",
    });
    expect((await cli("wallet", "show", "424242")).code).toBe(2);
    expect((await must("wallet", "show", String(userId))).stdout.split("\n")[0]).toBe(
      `Sari (${userId}): balance ${rupiah(11_000)}`,
    );
  });
});

describe("staff from the CLI", () => {
  it("adds an operator, changes the role, removes them, with audit entries; owners from ADMIN_TELEGRAM_IDS stay", async () => {
    expect((await must("staff", "add", "555001", "--role", "operator", "--name", "Rina")).stdout).toBe(
      "Telegram 555001 is now operator.",
    );
    expect((await must("staff", "add", "555001", "--role", "admin", "--name", "Rina")).stdout).toBe(
      "Telegram 555001 is now admin.",
    );
    const rows = (await must("staff", "list")).stdout.split("\n");
    expect(rows.find((r) => r.startsWith("555001"))).toMatch(/^555001\s+admin\s+Rina\s+app$/);
    expect(rows.find((r) => r.startsWith(String(ADMIN_ID)))).toMatch(/owner\s+.*ADMIN_TELEGRAM_IDS$/);
    // The running shop reads the same table; it re-reads its cached staff list every 30 seconds.
    clock.advance(30_001);
    expect(await kit.container.admins.roleOf(555001)).toBe("admin");

    expect((await cli("staff", "remove", String(ADMIN_ID))).stderr).toBe(
      "Error: this person is an owner through ADMIN_TELEGRAM_IDS; change it there",
    );
    expect(await cli("staff", "add", "555002", "--role", "boss")).toMatchObject({
      code: 1,
      stderr: "Error: role must be owner, admin or operator",
    });
    expect((await cli("staff", "add", "abc", "--role", "admin")).code).toBe(2);
    expect((await must("staff", "remove", "555001")).stdout).toBe("Telegram 555001 is no longer staff.");
    expect((await cli("staff", "remove", "555001")).stderr).toBe("Error: no staff member with Telegram id 555001");

    const audit = await kit.db
      .selectFrom("audit_log")
      .select(["actor", "action"])
      .where("subject", "=", "admin:555001")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { actor: "cli", action: "staff.grant" },
      { actor: "cli", action: "staff.grant" },
      { actor: "cli", action: "staff.revoke" },
    ]);
  });
});
