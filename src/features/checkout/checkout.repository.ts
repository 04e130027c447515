import type { Db } from "../../infra/db/open-database.js";
import type { NewQuoteRow, QuoteRow, QuoteStatus } from "./checkout.table.js";

/** The quotes' SQL. Each function takes the executor, so opening an order and closing its quote share one transaction. */

export async function insertQuote(db: Db, row: NewQuoteRow): Promise<void> {
  await db.insertInto("quotes").values(row).execute();
}

export async function findQuoteRow(db: Db, id: string): Promise<QuoteRow | undefined> {
  return db.selectFrom("quotes").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Moves an open quote to `status`; only an open quote changes. */
export async function closeOpenQuote(db: Db, id: string, status: Exclude<QuoteStatus, "open">): Promise<boolean> {
  const result = await db
    .updateTable("quotes")
    .set({ status })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
