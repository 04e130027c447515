import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { adminClient, STAFF, type AdminClient } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The audit log in the admin API: paged, filtered by subject (exact or a whole kind) and actor,
 * each entry as readable field-by-field changes, and no secret ever in an answer, whoever asks.
 * Entries are written through the audit service, as every feature writes them.
 */

let kit: ShopKit;
let clock: ManualClock;
let staff: AdminClient;

const SECRETS = [
  "smm-key-5f2b9c",
  "SB-Mid-server-OLD123",
  "SB-Mid-server-NEW456",
  "123456:AAbot-token-x",
  "v1:aXY=:dGFn:Y2lwaGVy",
  "hunter2-password",
];

beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0));
  kit = await createShopKit({ clock, importCatalog: false });
  staff = adminClient(kit);
  await staff.addStaff();
  const record = (entry: Parameters<ShopKit["container"]["audit"]["record"]>[1]) => {
    clock.advance(1_000);
    return kit.db.transaction().execute((trx) => kit.container.audit.record(trx, entry));
  };
  await record({
    actor: `telegram:${STAFF.admin}`,
    action: "provider.update",
    subject: "provider:901",
    before: { name: "panel", url: "https://a.example/api", credentials: { key: SECRETS[0] } },
    after: { name: "panel", url: "https://b.example/api", credentials: { key: "smm-key-rotated" } },
    reason: "new panel URL",
  });
  await record({
    actor: `telegram:${STAFF.owner}`,
    action: "setting.update",
    subject: "setting:midtrans",
    before: { key: "midtrans.server_key", value: SECRETS[1] },
    after: { key: "midtrans.server_key", value: SECRETS[2] },
  });
  await record({
    actor: "cli",
    action: "setting.update",
    subject: "setting:pricing",
    before: { key: "pricing.round_step", value: 100 },
    after: { key: "pricing.round_step", value: 500 },
    reason: "round to 500",
  });
  await record({
    actor: "system",
    action: "bot.configure",
    subject: "provider:902",
    before: null,
    after: { botToken: SECRETS[3], sealed: SECRETS[4], login: { password: SECRETS[5] }, note: SECRETS[4] },
  });
  await record({
    actor: `telegram:${STAFF.owner}`,
    action: "wallet.adjust",
    subject: "customer:3",
    before: { balance: 0 },
    after: { balance: 5_000 },
    reason: "bonus",
  });
  await record({
    actor: `telegram:${STAFF.operator}`,
    action: "order.sync",
    subject: "order:12",
    before: { status: "processing", remains: 1000 },
    after: { status: "completed", remains: 0 },
    reason: "customer asked",
  });
});
afterAll(async () => {
  await kit?.close();
});

describe("reading the audit log", () => {
  it("pages newest first and shows before/after as changes, with the actor's name", async () => {
    const first = await staff.owner().get("/audit", { pageSize: 2 });
    expect(first.status).toBe(200);
    const total = (
      await kit.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n; // adding the sample supplier writes one too
    expect(first.body).toMatchObject({ total, page: 0, pageSize: 2 });
    expect(first.body.items.map((e: { subject: string }) => e.subject)).toEqual(["order:12", "customer:3"]);
    expect(first.body.items[0]).toMatchObject({
      action: "order.sync",
      actor: `telegram:${STAFF.operator}`,
      actorName: "Oki Operator",
      actorRole: "operator",
      reason: "customer asked",
      changes: [
        { field: "status", before: "processing", after: "completed", changed: true, hidden: false },
        { field: "remains", before: 1000, after: 0, changed: true, hidden: false },
      ],
    });
    const last = await staff.owner().get("/audit", { pageSize: 2, page: 2, subject: "provider:901" });
    expect(last.body.items).toEqual([]);
    const provider = (await staff.owner().get("/audit", { subject: "provider:901" })).body.items[0];
    expect(provider.changes).toEqual([
      { field: "name", before: "panel", after: "panel", changed: false, hidden: false },
      { field: "url", before: "https://a.example/api", after: "https://b.example/api", changed: true, hidden: false },
      { field: "credentials", before: null, after: null, changed: true, hidden: true },
    ]);
  });

  it("filters by an exact subject, by a whole kind of subject, and by actor (a bare number is a Telegram id)", async () => {
    const owner = staff.owner();
    expect((await owner.get("/audit", { subject: "customer:3" })).body.items).toEqual([
      expect.objectContaining({ action: "wallet.adjust", actorName: "Staff", actorRole: "owner" }),
    ]); // an owner from ADMIN_TELEGRAM_IDS is named as their Telegram account was at sign-in
    expect((await owner.get("/audit", { subject: "customer:30" })).body.total).toBe(0);
    expect(
      (await owner.get("/audit", { subject: "provider" })).body.items.map((e: { subject: string }) => e.subject),
    ).toEqual(["provider:902", "provider:901", "provider:1"]);
    expect((await owner.get("/audit", { subject: "setting:" })).body.total).toBe(2);
    expect((await owner.get("/audit", { subject: "%" })).body.total).toBe(0);
    expect(
      (await owner.get("/audit", { actor: String(STAFF.owner) })).body.items.map((e: { action: string }) => e.action),
    ).toEqual(["wallet.adjust", "setting.update", "staff.grant", "staff.grant"]); // the owner also added the staff
    expect((await owner.get("/audit", { actor: "cli", subject: "setting" })).body.items).toEqual([
      expect.objectContaining({
        reason: "round to 500",
        changes: [
          expect.objectContaining({ field: "key", before: "pricing.round_step", changed: false }),
          expect.objectContaining({ field: "value", before: 100, after: 500 }),
        ],
      }),
    ]);
  });

  it("never shows a secret to an owner, an admin or an operator; it says a hidden value changed", async () => {
    for (const who of [staff.owner(), staff.admin(), staff.operator()]) {
      const answer = await who.get("/audit", { pageSize: 100 });
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toContain("smm-key-rotated");
    }
    const midtrans = (await staff.owner().get("/audit", { subject: "setting:midtrans" })).body.items[0];
    expect(midtrans.changes).toEqual([
      { field: "key", before: "midtrans.server_key", after: "midtrans.server_key", changed: false, hidden: false },
      { field: "value", before: null, after: null, changed: true, hidden: true },
    ]);
    const configured = (await staff.owner().get("/audit", { subject: "provider:902" })).body.items[0];
    expect(configured.changes.map((c: { field: string; hidden: boolean }) => [c.field, c.hidden])).toEqual([
      ["botToken", true],
      ["sealed", true],
      ["login.password", true],
      ["note", true],
    ]);
  });

  it("answers strangers 403 and forged or stale sign-ins 401; bad filters 400", async () => {
    expect((await staff.as(555_001).get("/audit")).status).toBe(403);
    expect((await staff.as(STAFF.operator, { botToken: "123456:another-bot" }).get("/audit")).status).toBe(401);
    expect((await staff.as(STAFF.operator, { ageMs: 2 * 3_600_000 }).get("/audit")).status).toBe(401);
    expect((await staff.raw(undefined, "GET", "/audit")).status).toBe(401);
    expect((await staff.owner().get("/audit", { page: -1 })).status).toBe(400);
  });
});
