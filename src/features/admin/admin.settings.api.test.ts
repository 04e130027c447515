import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../infra/clock/clock.js";
import { SETTING_GROUPS } from "../settings/settings.admin.js";
import { SETTING_KEYS } from "../settings/settings.service.js";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * The settings area over HTTP with signed initData: every shop setting with its bounds, changed one
 * at a time, validated, audited with before and after, pricing ones repricing the catalog.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
beforeAll(async () => {
  kit = await createShopKit({ clock: createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0)) });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const auditOf = (subject: string) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", subject).orderBy("id").execute();
const settingIn = (body: { groups: Array<{ settings: Array<{ key: string }> }> }, key: string) =>
  body.groups.flatMap((g) => g.settings).find((s) => s.key === key) as Record<string, unknown>;

describe("shop settings in the admin app", () => {
  it("lists every setting in a group, with its value, default and bounds", async () => {
    expect(SETTING_GROUPS.flatMap((g) => g.keys).sort()).toEqual([...SETTING_KEYS].sort());
    const answer = await calls.admin().get("/settings");
    expect(answer.status).toBe(200);
    expect(answer.body.groups.map((g: { group: string }) => g.group)).toEqual([
      "payments",
      "pricing",
      "checkout",
      "sync",
      "assistant",
    ]);
    expect(settingIn(answer.body, "payments.invoice_expiry_minutes")).toMatchObject({
      kind: "integer",
      value: 15,
      default: 15,
      min: 1,
      max: 1440,
    });
    expect(settingIn(answer.body, "payments.late_payment_policy")).toMatchObject({
      kind: "choice",
      options: ["fulfil_if_quote_valid", "wallet"],
    });
    expect(settingIn(answer.body, "payments.rails")).toMatchObject({
      kind: "choices",
      value: ["qris", "wallet", "stars"],
    });
    expect(settingIn(answer.body, "catalog.sync_cron")).toMatchObject({ kind: "cron", value: "15 */6 * * *" });
    expect(settingIn(answer.body, "pricing.default_margin_percent")).toMatchObject({ kind: "percent", value: "30" });
  });

  it("changes a setting, audited with the value before and after, and the shop uses it at once", async () => {
    const answer = await calls.admin().put("/settings/payments.invoice_expiry_minutes", { value: 20 });
    expect(answer.status).toBe(200);
    expect(answer.body.setting).toMatchObject({ key: "payments.invoice_expiry_minutes", value: 20 });
    expect(await kit.container.settings.get("payments.invoice_expiry_minutes")).toBe(20);
    const [entry] = await auditOf("setting:payments.invoice_expiry_minutes");
    expect(entry).toMatchObject({ action: "settings.change", actor: "telegram:900101" });
    expect([JSON.parse(entry!.before!), JSON.parse(entry!.after!)]).toEqual([{ value: 15 }, { value: 20 }]);
  });

  it("changes the Stars rate, the late-payment policy, the rails and the assistant's limits", async () => {
    for (const [key, value] of [
      ["payments.stars_rate_idr", 300],
      ["payments.late_payment_policy", "wallet"],
      ["payments.rails", ["wallet", "qris"]],
      ["checkout.quote_ttl_minutes", 45],
      ["assistant.llm_daily_token_budget", 0],
      ["assistant.handoff_after_misunderstandings", 5],
      ["assistant.transcript_retention_days", 7],
    ] as const) {
      const answer = await calls.owner().put(`/settings/${key}`, { value });
      expect(answer.status, key).toBe(200);
      expect(await kit.container.settings.get(key)).toEqual(value);
    }
    expect(await kit.container.payments.rails()).toEqual(["wallet", "qris"]);
  });

  it("refuses values outside a setting's bounds and says which", async () => {
    const refused = [
      await calls.admin().put("/settings/payments.invoice_expiry_minutes", { value: 0 }),
      await calls.admin().put("/settings/payments.invoice_expiry_minutes", { value: "15" }),
      await calls.admin().put("/settings/payments.late_payment_policy", { value: "refund" }),
      await calls.admin().put("/settings/payments.rails", { value: [] }),
      await calls.admin().put("/settings/payments.rails", { value: ["qris", "qris"] }),
      await calls.admin().put("/settings/catalog.sync_cron", { value: "99 * * * *" }),
      await calls.admin().put("/settings/wallet.topup_min", { value: 9_000_000 }),
      await calls.admin().put("/settings/pricing.default_margin_percent", { value: "tiga puluh" }),
      await calls.admin().put("/settings/no.such_setting", { value: 1 }),
      await calls.admin().put("/settings/payments.stars_rate_idr", {}),
    ];
    expect(refused.map((r) => r.status)).toEqual(Array(refused.length).fill(400));
    // Each in words an admin can act on, naming the setting (the Mini App shows them as they are).
    expect(refused[0]!.body.error.message).toBe("payments.invoice_expiry_minutes: the smallest allowed is 1");
    expect(refused[1]!.body.error.message).toBe("payments.invoice_expiry_minutes: a whole number is needed");
    expect(refused[2]!.body.error.message).toBe(
      "payments.late_payment_policy: choose one of fulfil_if_quote_valid, wallet",
    );
    expect(refused[3]!.body.error.message).toBe("payments.rails: choose at least 1");
    expect(refused[4]!.body.error.message).toBe("each payment rail once");
    expect(refused[5]!.body.error.message).toContain("not a schedule croner understands");
    expect(refused[6]!.body.error.message).toBe("the smallest top-up cannot be above the largest");
    expect(refused[8]!.body.error.message).toBe("there is no setting no.such_setting");
    expect(refused[7]!.body.error.message).toBe(
      "pricing.default_margin_percent: a percentage such as 30 or 12.5 is needed",
    );
    expect(refused[9]!.body.error.message).toBe("value: give the new value as { value }");
    // And as a key with its values, which the app says in the admin's language (miniapp/src/i18n/wording.ts).
    expect(refused.map((r) => [r.body.error.key, r.body.error.params])).toEqual([
      ["setting.too_small", { min: 1, setting: "payments.invoice_expiry_minutes" }],
      ["setting.whole_number", { setting: "payments.invoice_expiry_minutes" }],
      ["setting.unknown_choice", { setting: "payments.late_payment_policy" }],
      ["setting.choose_at_least", { min: 1, setting: "payments.rails" }],
      ["setting.rails_once", {}],
      ["setting.cron_format", { setting: "catalog.sync_cron" }],
      ["setting.topup_min_above_max", { max: 5_000_000 }],
      ["setting.percent_format", { setting: "pricing.default_margin_percent" }],
      ["setting.unknown", { key: "no.such_setting" }],
      ["input.required", { field: "value" }],
    ]);
    const tooBig = await calls.admin().put("/settings/payments.invoice_expiry_minutes", { value: 1441 });
    expect([tooBig.status, tooBig.body.error.message]).toEqual([
      400,
      "payments.invoice_expiry_minutes: the largest allowed is 1440",
    ]);
    const fraction = await calls.admin().put("/settings/payments.stars_rate_idr", { value: 250.5 });
    expect([fraction.status, fraction.body.error.message]).toEqual([
      400,
      "payments.stars_rate_idr: a whole number is needed",
    ]);
    const cron = await calls.admin().put("/settings/catalog.sync_cron", { value: "every hour" });
    expect(cron.body.error.message).toBe(
      "catalog.sync_cron: a schedule of five fields is needed: minute hour day month weekday, e.g. 15 */6 * * *",
    );
    expect(await kit.container.settings.get("catalog.sync_cron")).toBe("15 */6 * * *");
  });

  it("reprices every service when the default margin changes, audited by the catalog", async () => {
    const before = (await kit.container.catalog.findByMid(2))!;
    const answer = await calls.admin().put("/settings/pricing.default_margin_percent", { value: "50" });
    expect(answer.status).toBe(200);
    expect(answer.body.setting.value).toBe("50");
    expect(answer.body.repriced.repriced).toBeGreaterThan(0);
    const after = (await kit.container.catalog.findByMid(2))!;
    expect(after.unitPrice).toBeGreaterThan(before.unitPrice);
    const [entry] = await auditOf("pricing:default");
    expect(entry).toMatchObject({ action: "pricing.margin", actor: "telegram:900101" });
    expect(JSON.parse(entry!.after!)).toEqual({ marginPercent: "50" });
  });

  it("reprices when the rounding step changes", async () => {
    const answer = await calls.admin().put("/settings/pricing.round_step", { value: 1_000 });
    expect(answer.status).toBe(200);
    expect(answer.body.repriced.checked).toBeGreaterThan(0);
    expect((await kit.container.catalog.findByMid(2))!.unitPrice % 1_000).toBe(0);
  });

  it("changes nothing and records nothing when the value is the same", async () => {
    const count = (await auditOf("setting:checkout.quote_ttl_minutes")).length;
    await calls.admin().put("/settings/checkout.quote_ttl_minutes", { value: 45 });
    expect((await auditOf("setting:checkout.quote_ttl_minutes")).length).toBe(count);
  });

  it("is for admins and owners: operators and strangers are refused, unsigned requests are 401", async () => {
    expect((await calls.operator().get("/settings")).status).toBe(403);
    expect((await calls.operator().put("/settings/payments.invoice_expiry_minutes", { value: 30 })).status).toBe(403);
    expect((await calls.as(555_001).get("/settings")).status).toBe(403);
    const client = adminClient(kit);
    expect((await client.raw(undefined, "GET", "/settings")).status).toBe(401);
    expect((await client.as(900_101, { ageMs: 2 * 3_600_000 }).get("/settings")).status).toBe(401);
    expect((await client.as(900_101, { botToken: "123:another" }).get("/settings")).status).toBe(401);
  });
});
