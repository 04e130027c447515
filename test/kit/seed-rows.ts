import type { Db } from "../../src/infra/db/open-database.js";

/**
 * Plain rows for repository tests on either dialect: a customer, a supplier with one service, and a
 * quote, written straight into the tables (the services that normally write them need the network).
 */
export async function seedCustomerAndService(
  db: Db,
  n = 1,
  now = 1_796_671_139_497,
): Promise<{ customerId: number; serviceId: number; providerId: number }> {
  const { id: customerId } = await db
    .insertInto("customers")
    .values({
      telegram_id: 7_000_000_000 + n,
      chat_id: 7_000_000_000 + n,
      first_name: `Pelanggan ${n}`,
      language: "id",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const provider = await db.selectFrom("providers").select("id").where("name", "=", "panel").executeTakeFirst();
  const providerId =
    provider?.id ??
    (
      await db
        .insertInto("providers")
        .values({
          name: "panel",
          kind: "smm-v2",
          api_url: "http://127.0.0.1:1",
          credentials: "sealed",
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const service = await db.selectFrom("services").select("id").where("mid", "=", 1).executeTakeFirst();
  const serviceId =
    service?.id ??
    (
      await db
        .insertInto("services")
        .values({
          mid: 1,
          provider_id: providerId,
          provider_service_id: "101",
          name: "Instagram Followers",
          category: "Instagram",
          platform: "instagram",
          kind: "followers",
          type: "Default",
          description: "",
          min_quantity: 10,
          max_quantity: 100_000,
          cost_rate: "12.5",
          unit_cost: 13,
          unit_price: 20_000,
          refill_days: null,
          speed: null,
          price_override: null,
          name_override: null,
          description_override: null,
          disabled_reason: null,
          refill: 0,
          cancel: 0,
          dripfeed: 0,
          removed_at: null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  return { customerId, serviceId, providerId };
}

export async function seedQuote(
  db: Db,
  ids: { customerId: number; serviceId: number },
  quoteId: string,
  amount: number,
  now = 1_796_671_139_497,
): Promise<string> {
  await db
    .insertInto("quotes")
    .values({
      id: quoteId,
      customer_id: ids.customerId,
      service_id: ids.serviceId,
      target: "@toko",
      quantity: 1000,
      unit_price: amount,
      amount,
      cost_amount: Math.floor(amount / 2),
      zone: null,
      nickname: null,
      extras: null,
      expires_at: now + 600_000,
      created_at: now,
    })
    .execute();
  return quoteId;
}
