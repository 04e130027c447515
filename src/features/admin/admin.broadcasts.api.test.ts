import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { buyUntilInvoice, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Broadcasts over HTTP with signed initData, on the real bot, outbox and database: the preview
 * (Telegram HTML checked, the audience counted), sending to every customer in the audience through
 * the bot, blocked customers counted, cancelling, and who may do it (manage: admins and owners).
 */

let kit: ShopKit;
let clock: ManualClock;
let calls: ReturnType<typeof adminCalls>;
/** Customers who talked to the bot, by Telegram id; the first one also bought something. */
const people: number[] = [];
let buyer: number;

beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 11, 2, 0, 0));
  kit = await createShopKit({ clock });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
  for (let id = 420_000; id < 420_010; id++) {
    kit.sandbox.telegram.addUser({
      id,
      first_name: `Pelanggan ${id}`,
      username: `p${id}`,
      language_code: id % 2 ? "en" : "id",
    });
    await kit.customer(id).say("/start");
    people.push(id);
  }
  buyer = people[0]!;
  const { transaction } = await buyUntilInvoice(kit, {
    mid: 2,
    target: "https://instagram.com/pembeli",
    quantity: 1000,
    userId: buyer,
  });
  await kit.sandbox.midtrans.pay(transaction.order_id);
  await kit.runJobs();
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const customers = async () =>
  Number(
    (
      await kit.db
        .selectFrom("customers")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("chat_id", ">", 0)
        .executeTakeFirstOrThrow()
    ).n,
  );
const messagesOf = (id: number, text: string) =>
  kit
    .customer(id)
    .botMessages()
    .filter((m) => m.plain === text);
const broadcastCount = async () => (await kit.db.selectFrom("broadcasts").select("id").execute()).length;

describe("broadcast preview", () => {
  it("shows the message as Telegram will, and how many customers the audience holds", async () => {
    const all = await calls
      .admin()
      .post("/broadcasts/preview", { html: "<b>Promo</b> hari ini &amp; besok", audience: { kind: "all" } });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      problem: null,
      tree: {
        tag: "",
        attributes: {},
        children: [{ tag: "b", attributes: {}, children: ["Promo"] }, " hari ini & besok"],
      },
      recipients: await customers(),
    });
    expect(all.body.recipients).toBe(people.length);
    const buyers = await calls
      .admin()
      .post("/broadcasts/preview", { html: "Terima kasih", audience: { kind: "buyers", days: 30 } });
    expect(buyers.body.recipients).toBe(1);
  });

  it("says what is wrong with HTML Telegram would refuse, with where", async () => {
    // Plain text (JSON for the app), so an entity is written as the person types it.
    const cases: Array<[string, string]> = [
      ["<b>Promo", "<b> is never closed"],
      ["1 < 2", 'a "<" that does not start a tag at character 3: write &lt; for a less-than sign'],
      ["2 > 1", 'a lone ">" at character 3: write &gt;'],
      [
        "<div>Promo</div>",
        "<div> is not supported by Telegram (at character 1); use b, i, u, s, a, code, pre, blockquote or tg-spoiler",
      ],
      ["Diskon 50% & gratis", 'a lone "&" at character 12: write &amp; for an ampersand'],
      ['<a href="javascript:alert(1)">klik</a>', "<a> has an unsupported href (at character 1)"],
      ["   ", "the message is empty"],
    ];
    for (const [html, problem] of cases) {
      const answer = await calls.admin().post("/broadcasts/preview", { html, audience: { kind: "all" } });
      expect(answer.status, html).toBe(200);
      expect(answer.body, html).toMatchObject({ problem, tree: null, recipients: people.length });
    }
  });

  it("refuses an audience it does not know, and a missing text, with a clear message", async () => {
    const refused = [
      await calls.admin().post("/broadcasts/preview", { html: "Halo", audience: { kind: "vip" } }),
      await calls.admin().post("/broadcasts/preview", { html: "Halo", audience: { kind: "buyers", days: 0 } }),
      await calls.admin().post("/broadcasts/preview", { html: "Halo", audience: { kind: "buyers" } }),
      await calls.admin().post("/broadcasts/preview", { audience: { kind: "all" } }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(refused.map((r) => r.body.error.message)).toEqual([
      'audience: the audience is {"kind":"all"} or {"kind":"buyers","days":N}',
      "audience: at least 1 day",
      "audience: days is a whole number",
      "html: the message text (Telegram HTML) is missing",
    ]);
  });
});

describe("sending a broadcast", () => {
  it("refuses to start with HTML Telegram would refuse, or an audience nobody is in, and stores nothing", async () => {
    const before = await broadcastCount();
    const bad = await calls.admin().post("/broadcasts", { html: "<b>Promo", audience: { kind: "all" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("Telegram would refuse this message: <b> is never closed");
    // The only buyer paid two days ago: nobody bought in the last day.
    clock.advance(2 * 86_400_000);
    const empty = await calls.admin().post("/broadcasts", { html: "Halo", audience: { kind: "buyers", days: 1 } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("nobody is in this audience yet");
    const noAudience = await calls.admin().post("/broadcasts", { html: "Halo" });
    expect(noAudience.status).toBe(400);
    expect(noAudience.body.error.message).toBe(
      'audience: the audience is {"kind":"all"} or {"kind":"buyers","days":N}',
    );
    expect(await broadcastCount()).toBe(before);
    await kit.runJobs();
    expect(messagesOf(buyer, "Halo")).toEqual([]);
  });

  it("reaches every customer through the bot, counts the one who blocked it, and finishes", async () => {
    const blocked = people[3]!;
    kit.sandbox.telegram.setBlocked(blocked);
    const html = "<b>Promo 11.11</b>\nDiskon 20% semua layanan &amp; bonus saldo";
    const started = await calls.admin().post("/broadcasts", { html, audience: { kind: "all" } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: "sending",
      total: people.length,
      html,
      audience: { kind: "all" },
      createdBy: `telegram:${STAFF.admin}`,
      finishedAt: null,
      preview: "Promo 11.11 Diskon 20% semua layanan & bonus saldo",
    });
    expect(started.body.counts).toEqual({ pending: people.length, sent: 0, failed: 0, blocked: 0, canceled: 0 });
    const id = started.body.id as number;

    await kit.runJobs();
    const done = await calls.admin().get(`/broadcasts/${id}`);
    expect(done.body).toMatchObject({
      status: "done",
      counts: { pending: 0, sent: people.length - 1, failed: 0, blocked: 1, canceled: 0 },
    });
    expect(done.body.finishedAt).toEqual(expect.any(Number));
    expect(done.body).toMatchObject({
      createdBy: `telegram:${STAFF.admin}`,
      createdByName: "Ayu Admin",
      canceledByName: null,
    }); // people by name, the id second
    expect((await calls.admin().get("/broadcasts")).body.items.find((b: { id: number }) => b.id === id)).toMatchObject({
      createdByName: "Ayu Admin",
    });
    const text = "Promo 11.11\nDiskon 20% semua layanan & bonus saldo";
    for (const id of people) expect(messagesOf(id, text), String(id)).toHaveLength(id === blocked ? 0 : 1);
    // Sent as HTML: the customer sees bold text, not tags.
    expect(kit.customer(people[0]!).botMessages().at(-1)!.text).toBe(html);
    const recipient = await kit.db
      .selectFrom("broadcast_recipients")
      .selectAll()
      .where("broadcast_id", "=", id)
      .where("status", "=", "blocked")
      .executeTakeFirstOrThrow();
    expect(recipient.error).toContain("blocked");

    // Each recipient once: running the jobs again sends nothing more.
    await kit.runJobs();
    for (const id of people) expect(messagesOf(id, text)).toHaveLength(id === blocked ? 0 : 1);

    const [entry] = await kit.db.selectFrom("audit_log").selectAll().where("subject", "=", `broadcast:${id}`).execute();
    expect(entry).toMatchObject({ action: "broadcast.start", actor: `telegram:${STAFF.admin}` });
    expect(JSON.parse(entry!.after!)).toEqual({
      audience: { kind: "all" },
      recipients: people.length,
      text: "Promo 11.11\nDiskon 20% semua layanan & bonus saldo",
    });
    kit.sandbox.telegram.setBlocked(blocked, false);

    const list = await calls.owner().get("/broadcasts");
    expect(list.body.items[0]).toMatchObject({ id, status: "done", total: people.length });
    expect(list.body.items.map((b: { id: number }) => b.id)).toEqual(
      [...list.body.items.map((b: { id: number }) => b.id)].sort((a: number, b: number) => b - a),
    );
  });

  it("cancels: the customers not reached yet get nothing, and a canceled one cannot be canceled again", async () => {
    const text = "Pengumuman: toko libur besok";
    const started = await calls.owner().post("/broadcasts", { html: text, audience: { kind: "all" } });
    const id = started.body.id as number;
    // The worker sends on its own lane while the owner cancels after the first message is out.
    kit.container.worker.start();
    try {
      await kit.sandbox.telegram.waitForBotMessage(people[0]!, (m) => m.plain === text);
      const canceled = await calls.owner().post(`/broadcasts/${id}/cancel`);
      expect(canceled.status).toBe(200);
      expect(canceled.body).toMatchObject({ status: "canceled", canceledBy: `telegram:${STAFF.owner}` });
    } finally {
      await kit.container.worker.stop();
    }
    await kit.runJobs();
    const after = (await calls.owner().get(`/broadcasts/${id}`)).body;
    expect(after.status).toBe("canceled");
    expect(after.counts.sent).toBeGreaterThanOrEqual(1);
    expect(after.counts.canceled).toBeGreaterThanOrEqual(1);
    expect(after.counts.sent + after.counts.canceled).toBe(people.length);
    // The counts say exactly who got it.
    const rows = await kit.db
      .selectFrom("broadcast_recipients")
      .innerJoin("customers", "customers.id", "broadcast_recipients.customer_id")
      .select(["customers.telegram_id", "broadcast_recipients.status"])
      .where("broadcast_id", "=", id)
      .execute();
    for (const row of rows)
      expect(messagesOf(row.telegram_id, text), `${row.telegram_id} ${row.status}`).toHaveLength(
        row.status === "sent" ? 1 : 0,
      );

    const again = await calls.owner().post(`/broadcasts/${id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`broadcast #${id} is no longer sending`);
    const audit = await kit.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject", "=", `broadcast:${id}`)
      .where("action", "=", "broadcast.cancel")
      .execute();
    expect(audit).toHaveLength(1);
    expect([JSON.parse(audit[0]!.before!), JSON.parse(audit[0]!.after!)]).toEqual([
      { status: "sending" },
      { status: "canceled" },
    ]);
  });

  it("answers 404 for a broadcast that does not exist", async () => {
    for (const answer of [
      await calls.admin().get("/broadcasts/99999"),
      await calls.admin().post("/broadcasts/99999/cancel"),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe("no broadcast #99999");
    }
  });

  it("is for admins and owners only: operators and strangers are refused and nothing is sent", async () => {
    const before = await broadcastCount();
    const operator = calls.operator();
    expect((await operator.get("/broadcasts")).status).toBe(403);
    expect((await operator.post("/broadcasts/preview", { html: "Halo", audience: { kind: "all" } })).status).toBe(403);
    const refused = await operator.post("/broadcasts", { html: "Halo dari operator", audience: { kind: "all" } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("your role (operator) cannot do this");
    expect((await operator.get("/broadcasts/1")).status).toBe(403);
    expect((await operator.post("/broadcasts/1/cancel")).status).toBe(403);
    expect((await calls.as(555_001).post("/broadcasts", { html: "Halo", audience: { kind: "all" } })).status).toBe(403);
    expect(await broadcastCount()).toBe(before);
    await kit.runJobs();
    expect(messagesOf(people[1]!, "Halo dari operator")).toEqual([]);
  });
});
