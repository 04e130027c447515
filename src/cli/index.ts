import type { DestinationStream } from "pino";
import { ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { AppError } from "../shared/errors.js";
import { ProviderCallError } from "../features/providers/provider.types.js";
import { runCatalogCommand } from "./catalog.command.js";
import { runFaqCommand, runKnowledgeCommand } from "./knowledge.command.js";
import { runOrderCommand, runWalletCommand } from "./order.command.js";
import { runStaffCommand } from "./staff.command.js";
import { runDbCommand } from "./db-copy.command.js";
import { runWebhookCommand } from "./webhook.command.js";
import { inFlags, runProviderCommand } from "./provider.command.js";
import { CliUsageError, type Output } from "./output.js";

const USAGE = `Usage: npm run cli -- <command>

  migrate                                   apply database migrations

  provider add --name NAME --kind KIND --url URL [credentials] [--currency USD] [--rate 16250]
      the currency is the one the supplier reports (SMM v2 panels in their balance; the Indonesian
      families price in IDR); --currency must agree with it. A non-IDR supplier needs --rate
      (rupiah per 1 unit) before anything of it is imported or sold. Keys go in the key flags,
      never in the URL.
      smm-v2:        --key KEY [--idempotency-param request_id]
      indo-panel:    --panel centralsmm|medanpedia|irvankede --api-id ID --key KEY [--secret SECRET_KEY (CentralSMM)]
      vip-reseller:  --api-id ID --key KEY [--price-tier basic|premium|special]
      digiflazz:     --username USER --key KEY [--secret WEBHOOK_SECRET]
  provider edit NAME [--url URL] [any credential flag] [--currency C --rate R]
  provider disable NAME | provider enable NAME
  provider list                             suppliers (credentials are never shown)
  provider test NAME                        call the supplier's balance; print balance and latency, and check its currency

  catalog import NAME | catalog sync NAME   import or re-sync a supplier's services
                                            (--review: new services stay hidden until reviewed)
  catalog search "TEXT"                     what the bot suggests for that text
  catalog list [--platform P] [--category C] [--provider NAME] [--all]
  catalog price --margin 25 [--category C | --provider NAME | --mid MID]
  catalog price --mid MID --price RUPIAH | catalog price --mid MID --clear
  catalog disable MID | catalog enable MID
  catalog backup MID [--add PROVIDER:SERVICE_ID | --remove PROVIDER:SERVICE_ID]

  knowledge sync | knowledge rebuild         bring the search index in line with the catalog and FAQ (rebuild: from scratch)
  knowledge search "TEXT" [--platform P] [--kind K] [--limit N]   what the knowledge base finds (mid, name, price)
  faq list [--lang id|en] | faq show SLUG [--lang en] | faq search "TEXT" [--lang L]
  faq set SLUG --lang id --title "…" --body "…" | faq remove SLUG [--lang L]

  order list [--status S] [--customer TELEGRAM_ID] [--limit N]
  order show ID | order sync [ID]           details; sync now (all, or one order)
  order resolve ID --placed SUPPLIER_ORDER_ID | --retry | --refund --reason TEXT   (orders in "unknown")
  order retry ID --reason TEXT                       (orders waiting for supplier funds: place now)
  order progress ID [--start-count N] [--remains N] --reason TEXT   (manual orders under way)
  order notes ID --set TEXT                          (admin notes; empty text clears them)
  order refund ID [--amount RUPIAH] --reason TEXT
  order outcome ID --status completed|partial|canceled [--remains N] [--start-count N] [--note T] --reason TEXT
  wallet show TELEGRAM_ID | wallet adjust TELEGRAM_ID --amount ±RUPIAH --reason TEXT
  staff list | staff add TELEGRAM_ID --role owner|admin|operator [--name NAME] | staff remove TELEGRAM_ID

  webhook set                               register the Telegram webhook (PUBLIC_URL, WEBHOOK_SECRET) for
                                            every instance; instances started after it leave it alone

  db copy --to postgres://USER:PASSWORD@HOST:5432/DATABASE
      copies this SQLite shop (DATABASE_URL) into an empty PostgreSQL database, ids kept, and checks
      row counts, every wallet's sum and the open jobs; stop the shop first
`;

/** The operator CLI: the same container and services as the bot, with output for people. */
export async function runCli(
  argv: string[],
  out: Output = { log: (l) => console.log(l), error: (l) => console.error(l) },
  env?: Record<string, string | undefined>,
  logDestination: DestinationStream = process.stderr,
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    out.log(USAGE);
    return command ? 0 : 1;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    out.error(error instanceof ConfigError ? error.message : String(error));
    return 1;
  }
  // Loaded on demand: the whole shop (LLM clients, bot, SDKs) takes a second to import, and
  // `--help` or a bad configuration should answer without it.
  const [{ createContainer }, { migrateToLatest }] = await Promise.all([
    import("../container.js"),
    import("../infra/db/migrations.js"),
  ]);
  const container = createContainer(
    config,
    createLogger(config.logLevel === "info" ? "warn" : config.logLevel, logDestination),
  );
  try {
    const { applied } = await migrateToLatest(container.database);
    if (command === "migrate") {
      out.log(
        applied.length > 0
          ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
          : "Database is up to date.",
      );
      return 0;
    }
    if (command === "provider") return await runProviderCommand(container, rest, out);
    if (command === "catalog") return await runCatalogCommand(container, rest, out);
    if (command === "knowledge") return await runKnowledgeCommand(container, rest, out);
    if (command === "faq") return await runFaqCommand(container, rest, out);
    if (command === "order") return await runOrderCommand(container, rest, out);
    if (command === "wallet") return await runWalletCommand(container, rest, out);
    if (command === "staff") return await runStaffCommand(container, rest, out);
    if (command === "db") return await runDbCommand(container, rest, out);
    if (command === "webhook") return await runWebhookCommand(container, rest, out);
    throw new CliUsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof CliUsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError || error instanceof ProviderCallError) {
      out.error(`Error: ${inFlags(error.message)}`);
      return 1;
    }
    throw error;
  } finally {
    await container.close();
  }
}
