import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCalls } from "../../../test/kit/admin-calls.js";
import { adminClient, STAFF } from "../../../test/kit/admin-client.js";
import { createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";

/**
 * Staff over HTTP with signed initData: who may open the admin app, with which role. Owners manage
 * it (the owner from ADMIN_TELEGRAM_IDS is shown but fixed); every change is audited with the role
 * before and after, and takes effect on the next request.
 */

let kit: ShopKit;
let calls: ReturnType<typeof adminCalls>;
beforeAll(async () => {
  kit = await createShopKit({ importCatalog: false });
  await adminClient(kit).addStaff();
  calls = adminCalls(kit);
}, 60_000);
afterAll(async () => {
  await kit?.close();
});

const auditOf = (telegramId: number) =>
  kit.db.selectFrom("audit_log").selectAll().where("subject", "=", `admin:${telegramId}`).orderBy("id").execute();
const change = (entry: { before: string | null; after: string | null }) => [
  entry.before && JSON.parse(entry.before),
  entry.after && JSON.parse(entry.after),
];
const meAs = async (telegramId: number) => calls.as(telegramId).get("/me");
const staffIds = async () => (await kit.container.admins.list()).map((s) => s.telegramId);

describe("the staff list", () => {
  it("shows the environment's owner (fixed) and everyone added, with what each role may do", async () => {
    const answer = await calls.owner().get("/staff");
    expect(answer.status).toBe(200);
    expect(answer.body.staff).toEqual([
      { telegramId: STAFF.owner, role: "owner", name: "Staff", fromConfig: true }, // named as their Telegram account was when they signed in
      { telegramId: STAFF.admin, role: "admin", name: "Ayu Admin", fromConfig: false },
      { telegramId: STAFF.operator, role: "operator", name: "Oki Operator", fromConfig: false },
    ]);
    const roles = Object.fromEntries(
      answer.body.roles.map((r: { role: string; permissions: string[] }) => [r.role, r.permissions]),
    );
    expect(roles.operator).toEqual(["view", "operate"]);
    expect(roles.owner).toContain("staff");
    expect(roles.admin).not.toContain("staff");
  });

  it("adds someone by Telegram id as an operator: audited, and they can sign in at once with that role", async () => {
    const id = 700_001;
    expect((await meAs(id)).status).toBe(403);
    const added = await calls.owner().post("/staff", { telegramId: id, role: "operator", name: "  Rina  " });
    expect(added.status).toBe(201);
    expect(added.body.member).toEqual({ telegramId: id, role: "operator", name: "Rina", fromConfig: false });
    const me = await meAs(id);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: "operator", permissions: ["view", "operate"] });
    // Operators never see keys nor move money back, nor manage the shop.
    expect((await calls.as(id).get("/broadcasts")).status).toBe(403);

    const [entry] = await auditOf(id);
    expect(entry).toMatchObject({ action: "staff.grant", actor: `telegram:${STAFF.owner}` });
    expect(change(entry!)).toEqual([null, { role: "operator", name: "Rina" }]);
  });

  it("changes a role, audited with the role before and after, effective on the next request", async () => {
    const id = 700_001;
    const changed = await calls.owner().put(`/staff/${id}`, { role: "admin" });
    expect(changed.status).toBe(200);
    expect(changed.body.member).toEqual({ telegramId: id, role: "admin", name: "Rina", fromConfig: false });
    expect((await meAs(id)).body.role).toBe("admin");
    expect((await calls.as(id).get("/broadcasts")).status).toBe(200);
    const entries = await auditOf(id);
    expect(entries).toHaveLength(2);
    expect(change(entries[1]!)).toEqual([
      { role: "operator", name: "Rina" },
      { role: "admin", name: "Rina" },
    ]);
    // Saving the same role again changes nothing and records nothing.
    expect((await calls.owner().put(`/staff/${id}`, { role: "admin" })).status).toBe(200);
    expect(await auditOf(id)).toHaveLength(2);
  });

  it("removes someone: audited, and their next request is refused", async () => {
    const id = 700_001;
    const removed = await calls.owner().delete(`/staff/${id}`);
    expect(removed).toEqual({ status: 200, body: { removed: true } });
    expect((await meAs(id)).status).toBe(403);
    expect(await staffIds()).not.toContain(id);
    const entries = await auditOf(id);
    expect(entries.at(-1)).toMatchObject({ action: "staff.revoke", actor: `telegram:${STAFF.owner}` });
    expect(change(entries.at(-1)!)).toEqual([{ role: "admin" }, null]);
    const again = await calls.owner().delete(`/staff/${id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe(`no staff member with Telegram id ${id}`);
  });

  it("lets an owner make another owner, who then manages staff too", async () => {
    const id = 700_002;
    expect((await calls.owner().post("/staff", { telegramId: id, role: "owner", name: "Wati" })).status).toBe(201);
    expect((await calls.as(id).get("/staff")).status).toBe(200);
    expect((await calls.as(id).post("/staff", { telegramId: 700_003, role: "operator" })).status).toBe(201);
    expect(await staffIds()).toContain(700_003);
  });

  it("never lets anyone change or remove the owners from ADMIN_TELEGRAM_IDS, nor their own access", async () => {
    const tableOwner = calls.as(700_002);
    const removeConfigOwner = await tableOwner.delete(`/staff/${STAFF.owner}`);
    expect(removeConfigOwner.status).toBe(400);
    expect(removeConfigOwner.body.error.message).toBe(
      "this person is an owner through ADMIN_TELEGRAM_IDS; change it there",
    );
    const demoteConfigOwner = await tableOwner.put(`/staff/${STAFF.owner}`, { role: "operator" });
    expect(demoteConfigOwner.status).toBe(400);
    expect(demoteConfigOwner.body.error.message).toBe(
      "this person is an owner through ADMIN_TELEGRAM_IDS; change it there",
    );
    const addConfigOwner = await tableOwner.post("/staff", { telegramId: STAFF.owner, role: "admin" });
    expect(addConfigOwner.status).toBe(409);
    expect(addConfigOwner.body.error.message).toBe(`${STAFF.owner} is already on the staff as owner`);

    for (const answer of [
      await tableOwner.delete("/staff/700002"),
      await tableOwner.put("/staff/700002", { role: "admin" }),
      await calls.owner().delete(`/staff/${STAFF.owner}`),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toBe("you cannot change or remove your own access; ask another owner");
    }
    expect((await meAs(STAFF.owner)).body.role).toBe("owner");
    expect((await meAs(700_002)).body.role).toBe("owner");
    expect(await auditOf(STAFF.owner)).toEqual([]);
  });

  it("refuses bad input with a message that says what is wrong", async () => {
    const owner = calls.owner();
    const cases: Array<[unknown, string]> = [
      [{ telegramId: "12345", role: "operator" }, "telegramId: telegramId is the person's numeric Telegram id"],
      [{ telegramId: -5, role: "operator" }, "telegramId: telegramId is the person's numeric Telegram id"],
      [{ telegramId: 1.5, role: "operator" }, "telegramId: telegramId is the person's numeric Telegram id"],
      [{ telegramId: 700_010, role: "boss" }, "role: role is owner, admin or operator"],
      [{ telegramId: 700_010 }, "role: role is owner, admin or operator"],
      [{ telegramId: 700_011, role: "operator", name: "x".repeat(65) }, "name: at most 64 characters"],
      [{ telegramId: 700_012, role: "operator", name: 42 }, "name: name is text"],
    ];
    for (const [body, message] of cases) {
      const answer = await owner.post("/staff", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toBe(message);
    }
    const badRole = await owner.put(`/staff/${STAFF.operator}`, { role: "superadmin" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toBe("role: role is owner, admin or operator");
    const nobody = await owner.put("/staff/700099", { role: "admin" });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toBe("no staff member with Telegram id 700099");
    const notAnId = await owner.delete("/staff/budi");
    expect(notAnId.status).toBe(400);
    expect(notAnId.body.error.message).toBe("telegramId must be a positive whole number");
    const duplicate = await owner.post("/staff", { telegramId: STAFF.operator, role: "admin" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe(`${STAFF.operator} is already on the staff as operator`);
    expect(await staffIds()).not.toContain(700_010);
  });

  it("is for owners only: an admin cannot make an owner (or anyone), operators cannot manage staff", async () => {
    const before = await kit.db.selectFrom("admins").selectAll().orderBy("telegram_id").execute();
    const auditBefore = (await kit.db.selectFrom("audit_log").select("id").execute()).length;
    for (const who of ["admin", "operator"] as const) {
      const as = calls.as(who);
      const answers = [
        await as.get("/staff"),
        await as.post("/staff", { telegramId: 700_020, role: "owner" }),
        await as.post("/staff", { telegramId: 700_021, role: "operator" }),
        await as.put(`/staff/${who === "admin" ? STAFF.admin : STAFF.operator}`, { role: "owner" }),
        await as.put(`/staff/${STAFF.operator}`, { role: "admin" }),
        await as.delete(`/staff/${STAFF.admin}`),
      ];
      for (const answer of answers) {
        expect(answer.status, who).toBe(403);
        expect(answer.body.error.message).toBe(`your role (${who}) cannot do this`);
      }
    }
    expect((await calls.as(555_001).get("/staff")).status).toBe(403);
    expect(await kit.db.selectFrom("admins").selectAll().orderBy("telegram_id").execute()).toEqual(before);
    expect((await kit.db.selectFrom("audit_log").select("id").execute()).length).toBe(auditBefore);
  });
});
