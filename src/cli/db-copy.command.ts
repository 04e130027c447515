import type { Container } from "../container.js";
import { dialectOfUrl } from "../infra/db/dialect.js";
import { openDatabase } from "../infra/db/open-database.js";
import { copySqliteToPostgres, DbCopyRefused } from "../infra/db/db-copy.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

/** `db copy --to postgres://…`: moves the SQLite shop (DATABASE_URL) into an empty PostgreSQL database. */
export async function runDbCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "copy") throw new CliUsageError(`unknown db command "${sub ?? ""}"`);
  const { to } = stringOptions(rest, ["to"]);
  if (!to || dialectOfUrl(to) !== "postgres" || !URL.canParse(to))
    throw new CliUsageError("db copy needs --to postgres://user:password@host:5432/database (an empty database)");
  if (container.database.dialect !== "sqlite") {
    out.error("Refused: db copy reads the SQLite shop, but DATABASE_URL already points at PostgreSQL.");
    return 1;
  }
  // Named without its password, which never reaches the screen or the logs.
  const where = (({ host, pathname }) => `${host}${pathname}`)(new URL(to));
  const target = openDatabase(to, { poolSize: 2 });
  if (target.dialect !== "postgres") throw new CliUsageError("--to must be a postgres:// URL");
  try {
    const report = await copySqliteToPostgres(container.database, target);
    out.log(`Copied the shop into PostgreSQL at ${where}.`);
    out.log(
      table([
        ["table", "SQLite rows", "PostgreSQL rows"],
        ...report.tables.map((t) => [t.table, String(t.source), String(t.target)]),
      ]),
    );
    out.log(
      `Wallet: ledger sums equal for ${report.ledgerCustomers} customer(s). Open jobs: ${report.openJobs}, the same on both.`,
    );
    if (report.skipped.length > 0)
      out.log(
        `Not copied (SQLite's search index, rebuilt from the documents on PostgreSQL): ${report.skipped.join(", ")}`,
      );
    out.log("Next: stop the shop, set DATABASE_URL to the PostgreSQL URL and start it.");
    return 0;
  } catch (error) {
    if (error instanceof DbCopyRefused) {
      out.error(`Refused: ${error.message}`);
      return 1;
    }
    out.error(
      `The copy failed and was rolled back (the PostgreSQL database is left as it was): ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await target.close();
  }
}
