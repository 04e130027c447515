import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { BROADCAST_JOB } from "./broadcast.service.js";

/**
 * The broadcast service on the real outbox, worker and bot against the Telegram emulator: its pace
 * (Telegram takes ~30 messages a second from a bot overall), Telegram's flood answers and refusals,
 * and sending each recipient once. Sends are timed where the bot calls Telegram (an API transformer
 * that only watches).
 */

let kit: ShopKit;
let clock: ManualClock;
/** When each sendMessage left, and its text. */
const sends: Array<{ at: number; text: string }> = [];
let nextUser = 430_000;

beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0));
  kit = await createShopKit({ clock, importCatalog: false });
  kit.bot.api.config.use((prev, method, payload, signal) => {
    if (method === "sendMessage")
      sends.push({ at: performance.now(), text: String((payload as { text?: unknown }).text) });
    return prev(method, payload, signal);
  });
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

/** Customers who started the bot (known to the emulator, so Telegram would deliver to them). */
async function newCustomers(count: number) {
  const made = [];
  for (let i = 0; i < count; i++) {
    const id = nextUser++;
    kit.sandbox.telegram.addUser({ id, first_name: `P${id}`, username: `p${id}`, language_code: "id" });
    made.push(
      await kit.container.customers.touch({
        telegramId: id,
        chatId: id,
        firstName: `P${id}`,
        username: `p${id}`,
        languageCode: "id",
      }),
    );
  }
  return made;
}

/** Only these customers are in the next broadcast's audience "all": everyone else left the chat. */
async function onlyThese(ids: number[]) {
  await kit.db.updateTable("customers").set({ chat_id: 0 }).where("id", "not in", ids).execute();
}

const receivedBy = (telegramId: number, text: string) =>
  kit
    .customer(telegramId)
    .botMessages()
    .filter((m) => m.plain === text).length;
const jobsOf = (broadcastId: number) =>
  kit.db
    .selectFrom("jobs")
    .selectAll()
    .where("kind", "=", BROADCAST_JOB)
    .where("dedupe_key", "like", `broadcast:${broadcastId}:%`)
    .execute();

/** The most sends in any one second (a window starting at each send). */
function busiestSecond(times: number[]): number {
  let most = 0;
  for (const start of times) most = Math.max(most, times.filter((t) => t >= start && t < start + 1_000).length);
  return most;
}

describe("broadcast pace", () => {
  it("stays under Telegram's ~30 messages a second overall, with order notices going out at the same time", async () => {
    const people = await newCustomers(60);
    await onlyThese(people.map((p) => p.id));
    const text = "Promo kilat: diskon 10% sampai jam 12";
    const broadcast = await kit.container.broadcasts.start(
      { html: text, audience: { kind: "all" } },
      "telegram:900001",
    );
    expect(broadcast.total).toBe(60);
    // A burst of ordinary notices (the shop's own messages) queued in the same moment.
    await kit.db.transaction().execute(async (trx) => {
      for (const p of people.slice(0, 30))
        await kit.container.notifications.toCustomer(trx, p.id, { key: "handoff-closed" });
    });
    sends.length = 0;

    kit.container.worker.start();
    try {
      await expect
        .poll(async () => (await kit.container.broadcasts.get(broadcast.id)).status, { timeout: 20_000, interval: 100 })
        .toBe("done");
      await expect
        .poll(
          async () =>
            (await kit.db.selectFrom("jobs").select("id").where("status", "in", ["pending", "running"]).execute())
              .length,
          { timeout: 20_000, interval: 100 },
        )
        .toBe(0);
    } finally {
      await kit.container.worker.stop();
    }

    const view = await kit.container.broadcasts.get(broadcast.id);
    expect(view.counts).toMatchObject({ sent: 60, pending: 0, failed: 0, blocked: 0 });
    for (const p of people) expect(receivedBy(p.telegramId, text)).toBe(1);
    const promo = sends.filter((s) => s.text === text).map((s) => s.at);
    const notices = sends.filter((s) => s.text !== text).map((s) => s.at);
    expect(promo).toHaveLength(60);
    expect(notices).toHaveLength(30);

    // Everything together stays within Telegram's limit for a bot...
    expect(busiestSecond(sends.map((s) => s.at))).toBeLessThanOrEqual(30);
    expect(sends.at(-1)!.at - sends[0]!.at).toBeGreaterThanOrEqual((89 * 1_000) / 30 - 5);
    // ...and the broadcast keeps to 25 a second (four workers share one pace), leaving room for the
    // shop's own notices, which keep going out while it runs (at least 5 a second) instead of waiting for its end.
    expect(promo.at(-1)! - promo[0]!).toBeGreaterThanOrEqual((59 * 1_000) / 25 - 5);
    expect(busiestSecond(promo)).toBeLessThanOrEqual(26);
    expect(notices.filter((t) => t < promo.at(-1)!).length).toBeGreaterThanOrEqual(
      Math.floor(((promo.at(-1)! - promo[0]!) / 1_000) * 5) - 2,
    );
  }, 40_000);
});

describe("Telegram's answers to a broadcast message", () => {
  it("waits as long as Telegram says on a flood answer, without counting it as a failure", async () => {
    const [flooded, fine] = await newCustomers(2);
    await onlyThese([flooded!.id, fine!.id]);
    kit.sandbox.telegram.failSends(flooded!.telegramId, { kind: "flood", retryAfter: 90 });
    const text = "Info jadwal libur";
    const broadcast = await kit.container.broadcasts.start(
      { html: text, audience: { kind: "all" } },
      "telegram:900001",
    );

    await kit.runJobs();
    expect((await kit.container.broadcasts.get(broadcast.id)).counts).toMatchObject({ sent: 1, pending: 1, failed: 0 });
    const waiting = (await jobsOf(broadcast.id)).find((j) => j.status === "pending")!;
    expect(waiting.run_at).toBe(clock.now() + 90_000);
    expect(waiting.last_error).toBe("Telegram asked to slow down");

    clock.advance(89_000);
    await kit.runJobs();
    expect(receivedBy(flooded!.telegramId, text)).toBe(0);
    clock.advance(1_000);
    await kit.runJobs();
    expect(receivedBy(flooded!.telegramId, text)).toBe(1);
    expect(receivedBy(fine!.telegramId, text)).toBe(1);
    expect(await kit.container.broadcasts.get(broadcast.id)).toMatchObject({
      status: "done",
      counts: { sent: 2, pending: 0, failed: 0 },
    });
  });

  it("tries a refused message again, counts it failed after the last attempt, and still finishes", async () => {
    const [refused, once, blocked] = await newCustomers(3);
    await onlyThese([refused!.id, once!.id, blocked!.id]);
    kit.sandbox.telegram.failSends(
      refused!.telegramId,
      { kind: "rejected", description: "Bad Request: TOPIC_CLOSED" },
      99,
    );
    kit.sandbox.telegram.failSends(once!.telegramId, { kind: "rejected", description: "Bad Request: TOPIC_CLOSED" }, 1);
    kit.sandbox.telegram.setBlocked(blocked!.telegramId);
    const text = "Pengumuman penting";
    const broadcast = await kit.container.broadcasts.start(
      { html: text, audience: { kind: "all" } },
      "telegram:900001",
    );

    await kit.runJobs();
    expect((await kit.container.broadcasts.get(broadcast.id)).counts).toMatchObject({ pending: 2, blocked: 1 });
    // Backoff between attempts (5 s, 10 s, …); five attempts in all.
    for (let i = 0; i < 6; i++) {
      clock.advance(10 * 60_000);
      await kit.runJobs();
    }
    const view = await kit.container.broadcasts.get(broadcast.id);
    expect(view).toMatchObject({ status: "done", counts: { sent: 1, failed: 1, blocked: 1, pending: 0, canceled: 0 } });
    expect(receivedBy(once!.telegramId, text)).toBe(1);
    expect(receivedBy(refused!.telegramId, text)).toBe(0);
    const row = await kit.db
      .selectFrom("broadcast_recipients")
      .selectAll()
      .where("broadcast_id", "=", broadcast.id)
      .where("customer_id", "=", refused!.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed" });
    expect(row.error).toContain("TOPIC_CLOSED");
    expect((await jobsOf(broadcast.id)).find((j) => j.payload.includes(`"customerId":${refused!.id}`))!.attempts).toBe(
      5,
    );
    kit.sandbox.telegram.setBlocked(blocked!.telegramId, false);
  });

  it("sends each recipient once, even when a job runs again (a worker that crashed after sending)", async () => {
    const [person] = await newCustomers(1);
    await onlyThese([person!.id]);
    const text = "Sekali saja";
    const broadcast = await kit.container.broadcasts.start(
      { html: text, audience: { kind: "all" } },
      "telegram:900001",
    );
    await kit.runJobs();
    await kit.container.broadcasts.deliver(
      { broadcastId: broadcast.id, customerId: person!.id },
      { id: 0, attempts: 1, maxAttempts: 5 },
    );
    expect(receivedBy(person!.telegramId, text)).toBe(1);
    // Starting the same broadcast again is a new broadcast (its own jobs), not a replay of this one.
    expect((await jobsOf(broadcast.id)).map((j) => j.status)).toEqual(["done"]);
  });

  it("sends nothing more once canceled, even to recipients whose job was already queued", async () => {
    const people = await newCustomers(3);
    await onlyThese(people.map((p) => p.id));
    const text = "Dibatalkan";
    const broadcast = await kit.container.broadcasts.start(
      { html: text, audience: { kind: "all" } },
      "telegram:900001",
    );
    const canceled = await kit.container.broadcasts.cancel(broadcast.id, "telegram:900001");
    expect(canceled).toMatchObject({ status: "canceled", counts: { canceled: 3, pending: 0 } });
    await kit.runJobs();
    for (const p of people) expect(receivedBy(p.telegramId, text)).toBe(0);
    await expect(kit.container.broadcasts.cancel(broadcast.id, "telegram:900001")).rejects.toThrow(
      `broadcast #${broadcast.id} is no longer sending`,
    );
  });
});
