import type { Db } from "../../infra/db/open-database.js";
import type { CustomerRow, CustomerUpdate, NewCustomerRow } from "./customers.table.js";

/** The `customers` table. Each function takes the executor, so a transaction can pass itself. */

export async function findCustomerById(db: Db, id: number): Promise<CustomerRow | undefined> {
  return db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findCustomerByTelegramId(db: Db, telegramId: number): Promise<CustomerRow | undefined> {
  return db.selectFrom("customers").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();
}

/** Inserts a customer unless one with this Telegram id exists already (two first updates at once). */
export async function insertCustomerIfAbsent(db: Db, row: NewCustomerRow): Promise<void> {
  await db
    .insertInto("customers")
    .values(row)
    .onConflict((oc) => oc.column("telegram_id").doNothing())
    .execute();
}

export async function updateCustomer(db: Db, id: number, update: CustomerUpdate): Promise<void> {
  await db.updateTable("customers").set(update).where("id", "=", id).execute();
}
