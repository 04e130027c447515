import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInitData } from "../../infra/telegram/init-data.js";
import { createAdminApi } from "./admin.api.js";
import { createManualClock, type ManualClock } from "../../infra/clock/clock.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

let kit: ShopKit;
let clock: ManualClock;
beforeAll(async () => {
  clock = createManualClock(Date.UTC(2026, 10, 21, 3, 0, 0));
  kit = await createShopKit({ clock, importCatalog: false });
});
afterAll(async () => {
  await kit.close();
});

const token = () => kit.sandbox.telegram.token;
const initDataFor = (userId: number, ageMs = 0, botToken = token()) =>
  signInitData({ id: userId, firstName: "Sari", username: "sari" }, botToken, new Date(clock.now() - ageMs));
const me = (authorization?: string) =>
  kit.app.request("/api/admin/me", { headers: authorization === undefined ? {} : { authorization } });

describe("signing in to the admin API with Telegram initData", () => {
  it("lets an owner from ADMIN_TELEGRAM_IDS in, with every permission", async () => {
    const response = await me(`tma ${initDataFor(ADMIN_ID)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      telegramId: ADMIN_ID,
      role: "owner",
      permissions: expect.arrayContaining(["reveal", "staff", "refund"]),
    });
  });

  it.each([
    ["no header", undefined],
    ["another scheme", `Bearer ${"x".repeat(20)}`],
    ["garbage", "tma not-init-data"],
  ])("refuses %s with 401", async (_name, header) => {
    const response = await me(header);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "admin.unauthorized" } });
  });

  it("refuses initData signed with another bot's token, or edited after signing", async () => {
    expect((await me(`tma ${initDataFor(ADMIN_ID, 0, "123456:another-bot-token")}`)).status).toBe(401);
    const forged = initDataFor(900_002).replace("900002", String(ADMIN_ID));
    expect((await me(`tma ${forged}`)).status).toBe(401);
  });

  it("refuses initData older than an hour, and from too far in the future, by the shop's clock", async () => {
    expect((await me(`tma ${initDataFor(ADMIN_ID, 59 * 60_000)}`)).status).toBe(200);
    expect((await me(`tma ${initDataFor(ADMIN_ID, 61 * 60_000)}`)).status).toBe(401);
    expect((await me(`tma ${initDataFor(ADMIN_ID, -4 * 60_000)}`)).status).toBe(200); // a little clock skew
    expect((await me(`tma ${initDataFor(ADMIN_ID, -10 * 60_000)}`)).status).toBe(401);
  });

  it("answers a genuine Telegram user who is not staff with a 403 that reveals nothing", async () => {
    const response = await me(`tma ${initDataFor(555_001)}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "admin.forbidden", message: "not allowed" } });
  });

  it("lets staff added by an owner in with their role, and out again when removed", async () => {
    await kit.container.admins.grant({ telegramId: 555_002, role: "operator", name: "Dewi" }, `telegram:${ADMIN_ID}`);
    const response = await me(`tma ${initDataFor(555_002)}`);
    expect(await response.json()).toMatchObject({ role: "operator", permissions: ["view", "operate"] });
    await kit.container.admins.revoke(555_002, `telegram:${ADMIN_ID}`);
    expect((await me(`tma ${initDataFor(555_002)}`)).status).toBe(403);
    const audit = await kit.container.audit.recent({ subject: "admin:555002" });
    expect(audit.map((a) => a.action)).toEqual(["staff.revoke", "staff.grant"]);
  });
});

describe("every admin route, for someone who is not staff", () => {
  // Every route the admin API has, read from the router itself: a route added later is covered too.
  const routes = () => {
    const api = createAdminApi(kit.container);
    const seen = new Set<string>();
    return api.routes
      .filter((r) => r.method !== "ALL")
      .map((r) => ({ method: r.method, path: `/api/admin${r.path.replace(/:(\w+)/g, "1")}` }))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
  };

  it("answers 401 without initData and 403 for a Telegram user who is not staff, and changes nothing", async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(40);
    const auditBefore = await kit.db.selectFrom("audit_log").select("id").execute();
    const stranger = `tma ${initDataFor(555_009)}`;
    for (const { method, path } of all) {
      const body =
        method === "GET" ? undefined : JSON.stringify({ value: 1, text: "x", telegramId: 555_009, role: "owner" });
      const anonymous = await kit.app.request(path, { method, body, headers: { "content-type": "application/json" } });
      expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      const outsider = await kit.app.request(path, {
        method,
        body,
        headers: { "content-type": "application/json", authorization: stranger },
      });
      expect([method, path, outsider.status]).toEqual([method, path, 403]);
      expect(await outsider.json()).toEqual({ error: { code: "admin.forbidden", message: "not allowed" } });
    }
    expect(await kit.db.selectFrom("audit_log").select("id").execute()).toEqual(auditBefore);
    expect(await kit.container.admins.roleOf(555_009)).toBeUndefined();
  });
});
