import type { Db } from "../../infra/db/open-database.js";
import type { BotTextRow } from "./bot-texts.table.js";

/** The `bot_texts` table: the shop's own welcome and help texts, per key and language. */

export async function listBotTexts(db: Db): Promise<BotTextRow[]> {
  return db.selectFrom("bot_texts").selectAll().execute();
}

export async function findBotText(db: Db, key: string, language: BotTextRow["language"]): Promise<string | undefined> {
  const row = await db
    .selectFrom("bot_texts")
    .select("text")
    .where("key", "=", key)
    .where("language", "=", language)
    .executeTakeFirst();
  return row?.text;
}

export async function upsertBotText(db: Db, row: BotTextRow): Promise<void> {
  const { text, updated_by, updated_at } = row;
  await db
    .insertInto("bot_texts")
    .values(row)
    .onConflict((oc) => oc.columns(["key", "language"]).doUpdateSet({ text, updated_by, updated_at }))
    .execute();
}

export async function deleteBotText(db: Db, key: string, language: BotTextRow["language"]): Promise<void> {
  await db.deleteFrom("bot_texts").where("key", "=", key).where("language", "=", language).execute();
}
