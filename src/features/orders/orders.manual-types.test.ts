import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClient, type AdminClient } from "../../../test/kit/admin-client.js";
import { ADMIN_ID, createShopKit, type ShopKit } from "../../../test/kit/shop-kit.js";
import { sandboxCatalog } from "../../sandbox/smm/sample-catalog.js";

/** Manual orders of every SMM service type through the admin API (real HTTP app, database and checkout). */
let kit: ShopKit;
let staff: AdminClient;
let customerId: number;
beforeAll(async () => {
  kit = await createShopKit({ smm: { catalog: sandboxCatalog() } });
  staff = adminClient(kit);
  await staff.addStaff();
  await kit.customer(100_001).say("/start");
  customerId = (
    await kit.db.selectFrom("customers").select("id").where("telegram_id", "=", 100_001).executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await kit?.close();
});

const midOf = async (providerServiceId: number) =>
  (
    await kit.db
      .selectFrom("services")
      .select("mid")
      .where("provider_service_id", "=", String(providerServiceId))
      .executeTakeFirstOrThrow()
  ).mid;

describe("manual orders of every service type", () => {
  it("tells the form which inputs a type needs and whether a quantity is asked", async () => {
    const admin = staff.admin();
    expect((await admin.get(`/orders/manual/form/${await midOf(1401)}`)).body).toMatchObject({
      type: "Custom Comments",
      quantity: "lines",
      inputs: ["comments"],
      dripfeed: false,
    });
    expect((await admin.get(`/orders/manual/form/${await midOf(1414)}`)).body).toMatchObject({
      type: "Subscriptions",
      quantity: "subscription",
      inputs: ["perPost", "posts", "delay", "expiry"],
    });
    expect((await admin.get(`/orders/manual/form/${await midOf(1412)}`)).body).toMatchObject({
      type: "Package",
      quantity: "package",
      inputs: [],
    });
    expect((await admin.get("/orders/manual/form/2")).body).toMatchObject({
      type: "Default",
      quantity: "asked",
      dripfeed: true,
    });
  });

  it("custom comments: refuses too few lines with the limits, then stores the comments with the order", async () => {
    const admin = staff.admin();
    const mid = await midOf(1401);
    const short = await admin.post("/orders/manual/quote", {
      customerId,
      mid,
      target: "https://instagram.com/p/manual1",
      inputs: { comments: "a\nb" },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe("comments: 2 given, this service takes 5–500");
    const quote = await admin.post("/orders/manual/quote", {
      customerId,
      mid,
      target: "https://instagram.com/p/manual1",
      inputs: { comments: "satu\ndua\ntiga\nempat\nlima" },
    });
    expect(quote.body).toMatchObject({ quantity: 5, extras: { comments: ["satu", "dua", "tiga", "empat", "lima"] } });
    const made = await admin.post("/orders/manual", {
      quoteId: quote.body.quoteId,
      payment: "external",
      reason: "ordered on WhatsApp",
    });
    expect(made.status).toBe(201);
    expect(made.body.order).toMatchObject({
      status: "manual",
      quantity: 5,
      extras: { comments: ["satu", "dua", "tiga", "empat", "lima"] },
    });
    expect((await admin.get(`/orders/${made.body.order.id}`)).body.order.extras).toEqual({
      comments: ["satu", "dua", "tiga", "empat", "lima"],
    });
    // The /admin chat view of the order shows them too.
    const chat = await kit.customer(ADMIN_ID).say(`/admin ${made.body.order.id}`);
    expect(chat.map((m) => m.plain).join("\n")).toContain("Komentar (5): satu · dua · tiga · …");
  });

  it("a subscription, a package, a poll vote and a drip-feed order are priced from their inputs", async () => {
    const admin = staff.admin();
    const sub = await admin.post("/orders/manual/quote", {
      customerId,
      mid: await midOf(1414),
      target: "@budi",
      inputs: { perPost: "100-200", posts: "3", delay: "60", expiry: "-" },
    });
    expect(sub.body).toMatchObject({
      quantity: 600,
      extras: { subscription: { username: "budi", min: 100, max: 200, posts: 3, delay: 60 } },
    });
    const badDelay = await admin.post("/orders/manual/quote", {
      customerId,
      mid: await midOf(1414),
      target: "@budi",
      inputs: { perPost: "100-200", posts: "3", delay: "7", expiry: "-" },
    });
    expect(badDelay.body.error.message).toContain("delay must be one of 0, 5, 10");
    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId,
          mid: await midOf(1412),
          target: "https://instagram.com/budi",
        })
      ).body,
    ).toMatchObject({ quantity: 1000, extras: null });
    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId,
          mid: await midOf(1411),
          target: "https://t.me/c/1",
          quantity: 100,
          inputs: { answerNumber: "3" },
        })
      ).body,
    ).toMatchObject({ quantity: 100, extras: { answerNumber: 3 } });
    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId,
          mid: 2,
          target: "https://instagram.com/drip",
          quantity: 100,
          inputs: { runs: "3", interval: "10" },
        })
      ).body,
    ).toMatchObject({ quantity: 300, extras: { runs: 3, interval: 10 } });
    expect(
      (
        await admin.post("/orders/manual/quote", {
          customerId,
          mid: 1,
          target: "https://instagram.com/drip",
          quantity: 100,
          inputs: { runs: "3", interval: "10" },
        })
      ).body.error.message,
    ).toBe("this service cannot be drip-fed");
  });
});
