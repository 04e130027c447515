import { sql, type Kysely } from "kysely";
import { migrateToLatest } from "./migrations.js";
import type { Db, PostgresDatabase, SqliteDatabase } from "./open-database.js";

/** At most this many rows per INSERT (fewer for wide tables: PostgreSQL takes 65,535 parameters a statement). */
const BATCH_ROWS = 1000;
const MAX_PARAMETERS = 60_000;

// Migration bookkeeping is the target's own (it ran the same migrations); SQLite's full-text and
// vector tables have no PostgreSQL twin: the search index is rebuilt from the documents.
const NOT_COPIED = /^(kysely_migration|kysely_migration_lock|knowledge_fts.*|knowledge_vec.*|sqlite_.*)$/;

export class DbCopyRefused extends Error {
  override readonly name = "DbCopyRefused";
}

export interface TableCopy {
  table: string;
  source: number;
  target: number;
}

export interface DbCopyReport {
  tables: TableCopy[];
  /** Source tables with no PostgreSQL counterpart (SQLite's search index). */
  skipped: string[];
  /** Customers whose ledger sum was compared (all equal, or the copy was rolled back). */
  ledgerCustomers: number;
  openJobs: number;
}

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

interface ForeignKey {
  table: string;
  column: string;
  references: string;
  nullable: boolean;
}

/**
 * Copies a SQLite shop into an empty PostgreSQL database: the target is migrated to the same
 * steps, every table is copied in batches with its ids (customers see order numbers), identity
 * sequences continue after the highest id, and then row counts, each customer's ledger sum and the
 * open jobs are compared. All of it is one PostgreSQL transaction: a failed check leaves the target
 * as empty as it was. The shop should be stopped meanwhile (rows written during the copy are not in it).
 */
export async function copySqliteToPostgres(source: SqliteDatabase, target: PostgresDatabase): Promise<DbCopyReport> {
  await refuseNonEmpty(target);
  await migrateToLatest(target);
  const sourceSteps = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(source.db);
  const targetSteps = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(target.db);
  if (sourceSteps.rows.map((r) => r.name).join() !== targetSteps.rows.map((r) => r.name).join()) {
    throw new DbCopyRefused(
      "the SQLite and PostgreSQL migrations differ; update the program so both trees hold the same steps",
    );
  }

  const sourceTables = (
    source.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  const targetTables = new Set(
    (
      await sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
        target.db,
      )
    ).rows.map((r) => r.name),
  );
  const tables = sourceTables.filter((t) => !NOT_COPIED.test(t) && targetTables.has(t));
  const skipped = sourceTables.filter((t) => !/^(kysely_|sqlite_)/.test(t) && !tables.includes(t));
  const keys = await foreignKeys(target);
  const { order, deferred } = copyOrder(tables, keys);

  return target.db.transaction().execute(async (trx) => {
    const db = trx as unknown as AnyDb;
    // The FAQ rows a migration seeds: the shop's own FAQ (edited or not) comes from SQLite with its ids.
    await trx.deleteFrom("faq_documents").execute();
    const copies: TableCopy[] = [];
    for (const table of order) {
      const columns = await copyableColumns(trx, source, table);
      const later = deferred.filter((k) => k.table === table).map((k) => k.column);
      const batchRows = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
      let batch: Array<Record<string, unknown>> = [];
      let copied = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await db
          .insertInto(table)
          .values(batch.map((row) => ({ ...row, ...Object.fromEntries(later.map((c) => [c, null])) })))
          .execute();
        copied += batch.length;
        batch = [];
      };
      for (const row of source.sqlite
        .prepare(`select ${columns.map(quote).join(", ")} from ${quote(table)}`)
        .iterate() as IterableIterator<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length >= batchRows) await flush();
      }
      await flush();
      copies.push({ table, source: copied, target: 0 });
    }
    // References into tables copied later (orders ↔ payments) are filled in now.
    for (const key of deferred) {
      const rows = source.sqlite
        .prepare(
          `select id, ${quote(key.column)} as value from ${quote(key.table)} where ${quote(key.column)} is not null`,
        )
        .all() as Array<{ id: number; value: unknown }>;
      for (const row of rows)
        await db
          .updateTable(key.table)
          .set({ [key.column]: row.value })
          .where("id", "=", row.id)
          .execute();
    }
    await resetIdentities(trx);

    for (const copy of copies) {
      copy.source = (source.sqlite.prepare(`select count(*) as n from ${quote(copy.table)}`).get() as { n: number }).n;
      copy.target = (
        await sql<{ n: number }>`select count(*) as n from ${sql.table(copy.table)}`.execute(trx)
      ).rows[0]!.n;
    }
    const uneven = copies.filter((c) => c.source !== c.target);
    if (uneven.length > 0)
      throw new Error(
        `row counts differ after the copy: ${uneven.map((c) => `${c.table} ${c.source} → ${c.target}`).join(", ")}`,
      );
    const ledgerCustomers = await compareLedgers(source, trx);
    const openJobs = await compareOpenJobs(source, trx);
    return { tables: copies, skipped, ledgerCustomers, openJobs };
  });
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Empty: no tables at all, or the shop's schema with no row in any table (`npm run migrate` run first). */
async function refuseNonEmpty(target: PostgresDatabase): Promise<void> {
  const tables = (
    await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
      target.db,
    )
  ).rows.map((r) => r.name);
  if (tables.length === 0) return;
  if (!tables.includes("kysely_migration"))
    throw new DbCopyRefused(
      `the PostgreSQL database is not empty (it holds tables such as ${tables.slice(0, 3).join(", ")}); copy into a new, empty database`,
    );
  const holding: string[] = [];
  for (const table of tables.filter((t) => !t.startsWith("kysely_migration"))) {
    const { rows } = await sql<{
      any: number;
    }>`select count(*) as any from (select 1 from ${sql.table(table)} limit 1) t`.execute(target.db);
    if (rows[0]!.any > 0) holding.push(table);
  }
  // faq_documents is seeded by a migration: a freshly migrated database holds only those rows.
  const seeded = holding.length === 1 && holding[0] === "faq_documents" && (await onlySeededFaqs(target));
  if (holding.length > 0 && !seeded)
    throw new DbCopyRefused(
      `the PostgreSQL database is not empty (rows in ${holding.join(", ")}); copy into a new, empty database`,
    );
}

async function onlySeededFaqs(target: PostgresDatabase): Promise<boolean> {
  const { rows } = await sql<{
    changed: number;
  }>`select count(*) as changed from faq_documents where updated_at <> created_at`.execute(target.db);
  const total = await target.db
    .selectFrom("faq_documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return rows[0]!.changed === 0 && total.n <= 16;
}

async function foreignKeys(target: PostgresDatabase): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select c.conrelid::regclass::text as table, a.attname as column, c.confrelid::regclass::text as references, not a.attnotnull as nullable
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(target.db);
  return rows;
}

/** Parents before children; a cycle (orders ↔ payments) is broken at a nullable reference, filled in afterwards. */
export function copyOrder(
  tables: readonly string[],
  keys: readonly ForeignKey[],
): { order: string[]; deferred: ForeignKey[] } {
  const order: string[] = [];
  const deferred: ForeignKey[] = [];
  const remaining = new Set(tables);
  const blocking = (table: string) =>
    keys.filter(
      (k) => k.table === table && k.references !== table && remaining.has(k.references) && !deferred.includes(k),
    );
  while (remaining.size > 0) {
    const ready = [...remaining].find((t) => blocking(t).length === 0);
    if (ready) {
      order.push(ready);
      remaining.delete(ready);
      continue;
    }
    const breakable = [...remaining].find((t) => blocking(t).every((k) => k.nullable));
    if (!breakable)
      throw new Error(`cannot order the copy: required references form a cycle among ${[...remaining].join(", ")}`);
    deferred.push(...blocking(breakable));
  }
  return { order, deferred };
}

/** Columns both sides have, without PostgreSQL's generated ones (the search vector computes itself). */
async function copyableColumns(trx: Db, source: SqliteDatabase, table: string): Promise<string[]> {
  const sourceColumns = (
    source.sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as Array<{ name: string }>
  ).map((r) => r.name);
  const { rows } = await sql<{
    name: string;
  }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'`.execute(
    trx,
  );
  const targetColumns = new Set(rows.map((r) => r.name));
  return sourceColumns.filter((c) => targetColumns.has(c));
}

/** The next order, customer, … gets the number after the highest copied one. */
async function resetIdentities(trx: Db): Promise<void> {
  const { rows } = await sql<{
    table: string;
    column: string;
  }>`select table_name as table, column_name as column from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(
    trx,
  );
  for (const { table, column } of rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}

async function compareLedgers(source: SqliteDatabase, trx: Db): Promise<number> {
  const before = source.sqlite
    .prepare("select customer_id, sum(amount) as total from ledger_entries group by customer_id order by customer_id")
    .all() as Array<{ customer_id: number; total: number }>;
  const after = (
    await sql<{
      customer_id: number;
      total: number;
    }>`select customer_id, sum(amount) as total from ledger_entries group by customer_id order by customer_id`.execute(
      trx,
    )
  ).rows;
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    const differing = before
      .filter((b, i) => after[i]?.customer_id !== b.customer_id || after[i]?.total !== b.total)
      .map((b) => b.customer_id);
    throw new Error(
      `wallet balances differ after the copy for customer(s) ${differing.join(", ") || "(extra rows in the target)"}`,
    );
  }
  return before.length;
}

async function compareOpenJobs(source: SqliteDatabase, trx: Db): Promise<number> {
  const before = source.sqlite
    .prepare("select id, kind, status, run_at from jobs where status in ('pending', 'running') order by id")
    .all();
  const after = (
    await sql`select id, kind, status, run_at from jobs where status in ('pending', 'running') order by id`.execute(trx)
  ).rows;
  if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error("the open jobs differ after the copy");
  return before.length;
}
