import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The hand-off inbox over HTTP with signed initData, on the real bot and database: a customer asks
 * the bot for a person (/cs), staff read the conversation in the admin app, answer (the customer
 * gets it through the bot at once) and end it (the customer is told the bot is back).
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
let nextUser = 410_000;
beforeAll(async () => {
  kit = await createShopKit();
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

/** A new customer who talked to the bot and then asked for a person; returns them and the hand-off number. */
async function customerAsking(first: string) {
  const id = nextUser++;
  kit.sandbox.telegram.addUser({ id, first_name: "Sari", username: `sari${id}`, language_code: "id" });
  const customer = kit.customer(id);
  await customer.say(first);
  await customer.say("/cs");
  const row = (await kit.container.customers.findByTelegramId(id))!;
  const number = (await kit.container.handoff.openFor(row.id))!.number;
  return { customer, customerId: row.id, number };
}

describe("the hand-off inbox in the admin app", () => {
  it("lists open hand-offs with the customer, and shows one with its conversation oldest first", async () => {
    const { customer, customerId, number } = await customerAsking("pesanan saya belum masuk kak");
    await customer.say("sudah 2 hari");

    const inbox = await calls.operator().get("/handoffs");
    expect(inbox.status).toBe(200);
    const open = inbox.body.open.find((h: { number: number }) => h.number === number);
    expect(open).toMatchObject({
      number,
      reason: "asked",
      status: "open",
      closedAt: null,
      customer: { id: customerId, telegramId: customer.id, username: `sari${customer.id}`, firstName: "Sari" },
    });
    expect(inbox.body.recent.map((h: { number: number }) => h.number)).not.toContain(number);

    const detail = await calls.operator().get(`/handoffs/${number}`);
    expect(detail.status).toBe(200);
    expect(detail.body.handoff).toMatchObject({ number, status: "open" });
    expect(detail.body.customer.telegramId).toBe(customer.id);
    const turns = detail.body.transcript as Array<{ role: string; text: string; createdAt: number }>;
    expect(turns[0]).toMatchObject({ role: "customer", text: "pesanan saya belum masuk kak" });
    expect(turns.filter((t) => t.role === "customer").map((t) => t.text)).toEqual([
      "pesanan saya belum masuk kak",
      "/cs",
      "sudah 2 hari",
    ]);
    // The bot's own answers are there too, between the customer's, as the customer saw them.
    expect(turns.some((t) => t.role === "bot" && t.text.includes("admin kami akan membalas"))).toBe(true);
    expect(turns.map((t) => t.createdAt)).toEqual([...turns.map((t) => t.createdAt)].sort((a, b) => a - b));
  });

  it("sends an answer to the customer through the bot at once, as text, and records it as the admin's turn", async () => {
    const { customer, customerId, number } = await customerAsking("halo");
    const answer = await calls
      .operator()
      .post(`/handoffs/${number}/reply`, { text: "  Halo kak, <b>pesanan</b> & saldo kami cek ya  " });
    expect(answer).toEqual({ status: 200, body: { sent: true } });
    // Sent without waiting for the outbox; what the admin typed is shown as typed, not as HTML.
    expect(customer.lastText()).toBe("🧑‍💼 Admin: Halo kak, <b>pesanan</b> & saldo kami cek ya");
    const turns = await kit.container.transcripts.recent(customerId, 10);
    expect(turns.at(-1)).toMatchObject({ role: "admin", text: "Halo kak, <b>pesanan</b> & saldo kami cek ya" });
    const detail = await calls.admin().get(`/handoffs/${number}`);
    expect(detail.body.transcript.at(-1)).toMatchObject({
      role: "admin",
      text: "Halo kak, <b>pesanan</b> & saldo kami cek ya",
    });
  });

  it("refuses an empty or missing answer with a clear message, and sends nothing", async () => {
    const { customer, number } = await customerAsking("halo");
    const before = customer.botMessages().length;
    const refused = [
      await calls.operator().post(`/handoffs/${number}/reply`, { text: "   " }),
      await calls.operator().post(`/handoffs/${number}/reply`, {}),
      await calls.operator().post(`/handoffs/${number}/reply`, { text: "x".repeat(3_801) }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400]);
    expect(refused.map((r) => r.body.error.message)).toEqual([
      "text: write the answer",
      "text: write the answer",
      "text: at most 3800 characters",
    ]);
    expect(customer.botMessages().length).toBe(before);
  });

  it("ends a hand-off: the customer is told the bot is back, and it moves to the recent ones", async () => {
    const { customer, number } = await customerAsking("mau tanya");
    const ended = await calls.operator().post(`/handoffs/${number}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.handoff).toMatchObject({ number, status: "closed" });
    await kit.runJobs();
    expect(customer.lastText()).toContain("Bot siap membantu lagi");

    const inbox = await calls.operator().get("/handoffs");
    expect(inbox.body.open.map((h: { number: number }) => h.number)).not.toContain(number);
    expect(inbox.body.recent.find((h: { number: number }) => h.number === number)).toMatchObject({
      status: "closed",
      closedBy: `telegram:${STAFF.operator}`,
      closedByName: "Oki Operator",
      customer: { telegramId: customer.id },
    });
    const audit = await kit.db
      .selectFrom("audit_log")
      .select(["actor", "action", "before", "after"])
      .where("subject", "=", `handoff:${number}`)
      .execute();
    expect(audit).toEqual([
      {
        actor: `telegram:${STAFF.operator}`,
        action: "handoff.end",
        before: '{"status":"open"}',
        after: '{"status":"closed"}',
      },
    ]);
    // The customer talks to the bot again, not to the admins.
    expect((await customer.say("followers ig")).map((m) => m.plain).join()).toMatch(/Instagram/);
  });

  it("answers 409 with a message for an answer to a hand-off that has ended, and sends nothing", async () => {
    const { customer, number } = await customerAsking("halo");
    expect((await calls.operator().post(`/handoffs/${number}/end`)).status).toBe(200);
    await kit.runJobs();
    const before = customer.botMessages().length;

    const late = await calls.operator().post(`/handoffs/${number}/reply`, { text: "masih ada yang bisa dibantu?" });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe(`hand-off #${number} has already ended; the message was not sent`);
    const again = await calls.operator().post(`/handoffs/${number}/end`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`hand-off #${number} has already ended`);
    await kit.runJobs();
    expect(customer.botMessages().length).toBe(before);
  });

  it("says so when the customer blocked the bot, instead of pretending the answer arrived", async () => {
    const { customer, customerId, number } = await customerAsking("halo");
    kit.sandbox.telegram.setBlocked(customer.id);
    const answer = await calls.operator().post(`/handoffs/${number}/reply`, { text: "kak?" });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe(
      `the answer to hand-off #${number} did not arrive: the customer blocked the bot or deleted the chat`,
    );
    expect((await kit.container.transcripts.recent(customerId, 5)).some((t) => t.role === "admin")).toBe(false);
    kit.sandbox.telegram.setBlocked(customer.id, false);
  });

  it("answers 404 for a hand-off that does not exist and 400 for a number that is not one", async () => {
    for (const call of [
      calls.operator().get("/handoffs/999999"),
      calls.operator().post("/handoffs/999999/reply", { text: "halo" }),
      calls.operator().post("/handoffs/999999/end"),
    ]) {
      const answer = await call;
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe("no hand-off #999999");
    }
    const bad = await calls.operator().get("/handoffs/abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("number must be a positive whole number");
  });

  it("is for every staff role and nobody else", async () => {
    const { number } = await customerAsking("halo");
    for (const role of ["owner", "admin", "operator"] as const)
      expect((await calls.as(role).get(`/handoffs/${number}`)).status).toBe(200);
    expect((await calls.as(555_001).get("/handoffs")).status).toBe(403);
    expect((await calls.as(555_001).post(`/handoffs/${number}/reply`, { text: "halo" })).status).toBe(403);
    expect((await adminClient(kit).raw(undefined, "GET", "/handoffs")).status).toBe(401);
    expect((await kit.container.handoff.find(number))!.status).toBe("open");
  });
});
