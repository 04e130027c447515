import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { buyUntilInvoice, createShopKit, SUPPLIER, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Issue 11, point 5: a careless panel echoes the key it was sent in every error, as text and inside
 * a URL (the SMM simulator's `echoKeyInErrors`, over real HTTP). Whatever path its text takes (a
 * refused order, a connection test, a failed import), it never reaches an admin API response, the
 * shop's log or the audit log: it is masked before it is stored. The panel has no funds, so every
 * placement is refused with its echo.
 */

const WRONG_KEY = "sk-wrong-ECHOED-5551234567";
let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let supplierId: number;
let key: string;
const responses: string[] = [];

beforeAll(async () => {
  kit = await createShopKit({
    clock: createManualClock(Date.UTC(2026, 11, 7, 3, 0, 0)),
    smm: { echoKeyInErrors: true, balance: 0 },
  });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  key = kit.sandbox.smm.key;
  supplierId = (await kit.container.providers.requireByName(SUPPLIER)).id;
});
afterAll(async () => {
  await kit?.close();
});

/** Every answer the admin app got, kept to look for the keys at the end. */
async function seen<T>(answer: Promise<{ status: number; body: T }>): Promise<{ status: number; body: T }> {
  const result = await answer;
  responses.push(JSON.stringify(result.body));
  return result;
}

describe("a panel that echoes the key", () => {
  it("a refused order keeps the panel's reason with the key masked, in the database and the orders API", async () => {
    const { transaction } = await buyUntilInvoice(kit, {
      mid: 2,
      target: "https://instagram.com/echo_me",
      quantity: 1000,
    });
    await kit.sandbox.midtrans.pay(transaction.order_id);
    await kit.runJobs();
    // The panel did say it, key included: the masking has something to hide.
    expect(kit.sandbox.smm.requests.some((r) => r.action === "add")).toBe(true);
    const order = await kit.db.selectFrom("orders").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(order.last_error).toContain(
      "Not enough funds on balance (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)",
    );
    const detail = await seen(calls.owner().get(`/orders/${order.id}`));
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).toContain("••••••••");
    await seen(calls.owner().get("/orders"));
  });

  it("a connection test with a key the panel refuses shows the reason, not the key", async () => {
    expect(
      (await seen(calls.owner().patch(`/suppliers/${supplierId}`, { credentials: { key: WRONG_KEY } }))).status,
    ).toBe(200);
    const test = await seen(calls.admin().post(`/suppliers/${supplierId}/test`));
    expect(test.body.result).toMatchObject({
      ok: false,
      message: "Invalid API key (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)",
    });
    expect(test.body.supplier.lastTest.message).toBe(test.body.result.message);
    await seen(calls.admin().get(`/suppliers/${supplierId}`));
    await seen(calls.admin().get("/suppliers"));
  });

  it("a failed import stores and shows the masked reason", async () => {
    const started = await seen(calls.admin().post("/imports", { supplierId }));
    expect(started.status).toBe(202);
    await kit.container.importTasks.settled();
    const task = await seen(calls.admin().get(`/imports/${started.body.id}`));
    expect(task.body).toMatchObject({
      state: "failed",
      error: "Invalid API key (sent key ••••••••; docs: https://panel.example/api/v2?key=••••••••)",
    });
    const detail = await seen(calls.admin().get(`/suppliers/${supplierId}`));
    expect(detail.body.syncs[0].error).toBe(task.body.error);
    await seen(calls.admin().get(`/imports?supplierId=${supplierId}`));
  });

  it("neither key is in any admin answer, the captured log, the audit log or a stored supplier text", async () => {
    await seen(calls.owner().get("/audit"));
    const stored = JSON.stringify({
      orders: await kit.db.selectFrom("orders").select(["last_error", "supplier_note"]).execute(),
      providers: await kit.db.selectFrom("providers").select(["last_test_message", "api_url"]).execute(),
      syncs: await kit.db.selectFrom("catalog_syncs").select("error").execute(),
      audit: await kit.db.selectFrom("audit_log").selectAll().execute(),
    });
    expect(responses.length).toBeGreaterThan(8);
    for (const secret of [key, WRONG_KEY]) {
      expect(responses.join("\n")).not.toContain(secret);
      expect(kit.logs.text()).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain("••••••••");
  });
});
