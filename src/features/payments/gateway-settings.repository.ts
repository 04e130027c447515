import type { Db } from "../../infra/db/open-database.js";
import type { GatewaySettingRow } from "./gateway-settings.table.js";

/** The settings of one gateway saved in the admin app (none: it runs on its environment bootstrap, or not at all). */
export function readGatewaySettings(db: Db, gateway: string): Promise<GatewaySettingRow[]> {
  return db.selectFrom("gateway_settings").selectAll().where("gateway", "=", gateway).orderBy("field").execute();
}

/** Replaces every saved setting of one gateway with these, in the caller's transaction. */
export async function replaceGatewaySettings(
  trx: Db,
  gateway: string,
  rows: ReadonlyArray<{ field: string; value: string; secret: boolean }>,
  actor: string,
  now: number,
): Promise<void> {
  await deleteRows(trx, gateway);
  if (rows.length === 0) return;
  await trx
    .insertInto("gateway_settings")
    .values(
      rows.map((r) => ({
        gateway,
        field: r.field,
        value: r.value,
        secret: r.secret ? (1 as const) : (0 as const),
        updated_by: actor,
        updated_at: now,
      })),
    )
    .execute();
}

/** Forgets what the admin app saved for one gateway; false when nothing was saved. */
export async function deleteGatewaySettings(trx: Db, gateway: string): Promise<boolean> {
  return (await deleteRows(trx, gateway)) > 0;
}

const deleteRows = async (trx: Db, gateway: string): Promise<number> => {
  // The row of the table before 20261208T1020 goes too: a replaced or cleared key leaves no sealed copy behind.
  await trx.deleteFrom("gateway_keys").where("gateway", "=", gateway).execute();
  const result = await trx.deleteFrom("gateway_settings").where("gateway", "=", gateway).executeTakeFirst();
  return Number(result.numDeletedRows);
};

/** QR invoices of one gateway still open: charged under its current keys, which they need to be confirmed. */
export async function countOpenInvoices(executor: Db, gateway: string): Promise<number> {
  const row = await executor
    .selectFrom("payments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("gateway", "=", gateway)
    .where("status", "in", ["creating", "pending"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
