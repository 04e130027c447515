import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { openDatabase } from "../../src/infra/db/open-database.js";
import { TEST_MASTER_KEY } from "../kit/config.js";
import { freePort } from "../kit/free-port.js";
import { startSandboxServer } from "../kit/sandbox-server.js";
import { killAllShops, SHOP_WAIT_MS, startShop, stopShop, within, type ShopProcess } from "../kit/shop-process.js";
import { createPostgresTestDatabase, ignoreDropOfClosedPool } from "../kit/test-database.js";

/**
 * Issue 13 point 3, with real processes: two shop instances on one PostgreSQL database, and the one
 * that took the customer's supplier order job dies by SIGKILL while holding it. The other instance,
 * still running, takes the job once its lease has run out and finishes it; nothing is placed twice.
 * Both are armed with the same crash point, so whichever claims first dies; the survivor never reaches
 * it, because it finds the placement already in flight and settles the order as unknown instead.
 */
const USER = 100_401;
const ADMIN = 900_401;
const SECRET = "instance_kill_secret_0001";
const ORDER_TEXT = "ID 2 https://instagram.com/budi 1000";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await killAllShops();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("an instance killed while holding a job", () => {
  it("lets the other instance finish that job after the lease, with no second supplier call", async () => {
    const standIns = await startSandboxServer();
    cleanups.push(() => standIns.close());
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.drop());
    const [portA, portB] = [await freePort(), await freePort()];
    const env: Record<string, string> = {
      ...standIns.env,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: "4",
      MASTER_KEY: TEST_MASTER_KEY,
      BOT_MODE: "webhook",
      PUBLIC_URL: `http://127.0.0.1:${portA}`,
      WEBHOOK_SECRET: SECRET,
      ADMIN_TELEGRAM_IDS: String(ADMIN),
      LOG_LEVEL: "warn",
      // Short, so the test waits seconds for the dead instance's lease, not two minutes.
      JOB_LEASE_SECONDS: "3",
      FAILPOINTS: "before_supplier_call",
    };
    const cli = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(
        argv,
        {
          log: (l: string) => lines.push(l),
          error: (l: string) => lines.push(l),
        },
        env,
        new Writable({ write: (_c, _e, done) => done() }),
      );
      if (code !== 0) throw new Error(`"cli ${argv.join(" ")}" exited ${code}:\n${lines.join("\n")}`);
    };
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
    await cli("catalog", "import", "JAP");
    const telegram = standIns.sandbox.telegram;
    telegram.addUser({
      id: ADMIN,
      first_name: "Owner",
      username: "owner",
      language_code: "id",
    });

    const shops: ShopProcess[] = await Promise.all([
      startShop({ ...env, PORT: String(portA) }),
      startShop({ ...env, PORT: String(portB) }),
    ]);
    expect(telegram.calls.filter((c) => c.method === "setWebhook")).toHaveLength(1);

    // The customer orders and pays; the payment's supplier job is taken by one instance, which dies.
    const isPay = (data: string | undefined) => data?.startsWith("pay:") ?? false;
    telegram.userSays(USER, ORDER_TEXT);
    const quote = await telegram.waitForBotMessage(
      USER,
      (m) => m.buttons.flat().some((b) => isPay(b.callback_data)),
      SHOP_WAIT_MS,
    );
    telegram.userPresses(
      USER,
      quote.message_id,
      quote.buttons.flat().find((b) => isPay(b.callback_data))!.callback_data!,
    );
    await telegram.waitForBotMessage(USER, (m) => Boolean(m.photo), SHOP_WAIT_MS);
    const [tx] = [...standIns.sandbox.midtrans.transactions.values()];
    await standIns.sandbox.midtrans.pay(tx!.order_id);
    const dead = await within(
      Promise.race(shops.map((shop) => shop.exited.then((how) => ({ shop, how })))),
      SHOP_WAIT_MS,
      `an instance to die holding the job:\n${shops.map((s) => s.output()).join("\n")}`,
    );
    expect(dead.how).toEqual({ code: null, signal: "SIGKILL" });
    const survivor = shops.find((s) => s !== dead.shop)!;

    // After the lease the survivor takes the job: the placement was in flight when its holder died,
    // so it is never sent again; the order is flagged for the admin, the customer told.
    const alert = await telegram.waitForBotMessage(
      ADMIN,
      (m) => /Hasil pesanan #\d+ di supplier tidak pasti/.test(m.plain),
      SHOP_WAIT_MS,
    );
    await telegram.waitForBotMessage(USER, (m) => /Pesanan #\d+ sedang kami cek manual/.test(m.plain), SHOP_WAIT_MS);
    expect(survivor.child.exitCode).toBeNull();
    await stopShop(survivor);

    expect(standIns.sandbox.smm.addCalls()).toBe(0);
    const opened = openDatabase(database.url, {
      poolSize: 1,
      onPoolError: ignoreDropOfClosedPool,
    });
    try {
      const jobs = await opened.db
        .selectFrom("jobs")
        .select(["status", "attempts", "leased_by"])
        .where("kind", "=", "place_order")
        .execute();
      // Taken twice: by the instance that died, then by the survivor, which finished it.
      expect(jobs).toEqual([{ status: "done", attempts: 2, leased_by: null }]);
      const orders = await opened.db
        .selectFrom("orders")
        .select(["id", "status", "provider_order_id", "attempts"])
        .execute();
      expect(orders).toEqual([
        {
          id: expect.any(Number),
          status: "unknown",
          provider_order_id: null,
          attempts: 1,
        },
      ]);
      expect(alert.plain).toContain(`#${orders[0]!.id}`);
    } finally {
      await opened.close();
    }
  }, 90_000);
});
