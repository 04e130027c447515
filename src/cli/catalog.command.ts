import type { Container } from "../container.js";
import type { ImportReport } from "../features/catalog/catalog.service.js";
import type { MarginScope, RepriceReport } from "../features/catalog/catalog.management.js";
import { formatRupiah } from "../shared/money.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

export async function runCatalogCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  const { catalog, catalogManagement: manage } = container;
  switch (sub) {
    case "import":
    case "sync": {
      const name = rest.filter((a) => a !== "--review")[0];
      if (!name) throw new CliUsageError(`catalog ${sub} needs a supplier name`);
      const started = performance.now();
      // --review: new services come in hidden, to be approved or kept as backups in the admin app.
      const newServices = rest.includes("--review") ? "review" : "sale";
      printImport(
        await catalog.importFromProvider(name, "cli", { newServices }),
        Math.round(performance.now() - started),
        sub === "sync" ? "Synced" : "Imported",
        out,
      );
      return 0;
    }
    case "search": {
      const text = rest.join(" ").trim();
      if (!text) throw new CliUsageError('catalog search needs text, e.g. catalog search "followers instagram"');
      const result = await catalog.search(text);
      const understood = [
        result.query.platform && `platform=${result.query.platform}`,
        result.query.kind && `kind=${result.query.kind}`,
        result.query.keywords.length > 0 && `keywords=${result.query.keywords.join(",")}`,
      ]
        .filter(Boolean)
        .join(" ");
      out.log(`Understood: ${understood || "nothing the catalog knows"}`);
      if (result.services.length === 0) {
        out.log("No matching services: the bot would show the categories instead.");
        return 0;
      }
      out.log(
        table([
          ["MID", "NAME", "PRICE", "MIN-MAX"],
          ...result.services.map((s) => [String(s.mid), s.name, priceText(s), `${s.min}-${s.max}`]),
        ]),
      );
      out.log(`${result.services.length} of ${result.total} matching services shown.`);
      return 0;
    }
    case "list": {
      const v = stringOptions(
        rest.filter((a) => a !== "--all"),
        ["platform", "category", "provider"],
      );
      const provider = v.provider ? await container.providers.requireByName(v.provider) : undefined;
      const services = await catalog.list({
        platform: v.platform,
        category: v.category,
        providerId: provider?.id,
        includeInactive: rest.includes("--all"),
      });
      if (services.length === 0) {
        out.log("No services match.");
        return 0;
      }
      out.log(
        table([
          ["MID", "NAME", "PRICE", "COST", "STATUS"],
          ...services.map((s) => [
            String(s.mid),
            s.name.slice(0, 70),
            priceText(s) + (s.priceOverride !== null ? " (fixed)" : ""),
            formatRupiah(s.unitCost),
            status(s),
          ]),
        ]),
      );
      out.log(`${services.length} services.`);
      return 0;
    }
    case "price": {
      const v = stringOptions(
        rest.filter((a) => a !== "--clear"),
        ["margin", "category", "provider", "mid", "price"],
      );
      const mid = v.mid === undefined ? undefined : Number(v.mid);
      if (v.mid !== undefined && !Number.isInteger(mid)) throw new CliUsageError("--mid takes a shop number");
      if (v.margin !== undefined && (v.price !== undefined || rest.includes("--clear")))
        throw new CliUsageError("use --margin or a fixed --price/--clear, not both");
      if (rest.includes("--clear") || v.price !== undefined) {
        if (mid === undefined) throw new CliUsageError("a fixed price needs --mid");
        const price = rest.includes("--clear") ? null : Number(v.price);
        if (price !== null && !Number.isInteger(price))
          throw new CliUsageError("--price takes whole rupiah, e.g. --price 12000");
        const service = await manage.setFixedPrice(mid, price);
        out.log(
          price === null
            ? `Service ${mid} follows its margin again: ${priceText(service)}.`
            : `Service ${mid} now sells at a fixed ${priceText(service)} (cost ${formatRupiah(service.unitCost)}).`,
        );
        return 0;
      }
      if ([v.category, v.provider, v.mid].filter((x) => x !== undefined).length > 1)
        throw new CliUsageError(
          "a margin applies to one of --category, --provider or --mid (or, with none, the whole shop)",
        );
      if (v.margin === undefined)
        throw new CliUsageError(
          "catalog price needs --margin PERCENT (with --category, --provider or --mid), or --mid M --price RUPIAH",
        );
      const scope: MarginScope =
        mid !== undefined
          ? { scope: "service", mid }
          : v.category
            ? { scope: "category", category: v.category }
            : v.provider
              ? { scope: "provider", provider: v.provider }
              : { scope: "default" };
      printReprice(await manage.setMargin(scope, v.margin), `Margin ${v.margin}% set for ${describeScope(scope)}`, out);
      return 0;
    }
    case "disable":
    case "enable": {
      const mid = Number(rest[0]);
      if (!Number.isInteger(mid)) throw new CliUsageError(`catalog ${sub} needs a shop number (MID)`);
      const service = await manage.setEnabled(mid, sub === "enable");
      out.log(`Service ${mid} (${service.name}) is ${service.active ? "sold again" : "no longer sold"}.`);
      return 0;
    }
    case "backup": {
      const mid = Number(rest[0]);
      if (!Number.isInteger(mid)) throw new CliUsageError("catalog backup needs a shop number (MID)");
      const v = stringOptions(rest.slice(1), ["add", "remove"]);
      const ref = v.add ?? v.remove;
      let backups;
      if (v.add && v.remove) throw new CliUsageError("use either --add or --remove");
      if (ref) {
        const colon = ref.lastIndexOf(":");
        const [provider, serviceId] = [ref.slice(0, Math.max(colon, 0)), ref.slice(colon + 1)];
        if (colon <= 0 || !serviceId) throw new CliUsageError("use PROVIDER:SERVICE_ID, e.g. --add JAP:1234");
        backups = v.add
          ? await manage.addBackup(mid, provider, serviceId)
          : await manage.removeBackup(mid, provider, serviceId);
      } else {
        backups = await manage.backups(mid);
      }
      const names = new Map((await container.providers.list()).map((p) => [p.id, p.name]));
      if (backups.length === 0) out.log(`Service ${mid} has no backup suppliers.`);
      else {
        const rows = backups.map((b, i) => [
          String(i + 1),
          String(b.mid),
          names.get(b.providerId) ?? "?",
          `${b.name} (${b.providerServiceId})`,
          formatRupiah(b.unitCost),
          status(b),
        ]);
        out.log(
          `Backups of service ${mid}, tried in this order:\n${table([["#", "MID", "SUPPLIER", "SUPPLIER SERVICE", "COST", "STATUS"], ...rows])}`,
        );
      }
      return 0;
    }
    default:
      throw new CliUsageError(
        sub
          ? `unknown catalog command "${sub}"`
          : "catalog needs a command: import, sync, search, list, price, disable, enable or backup",
      );
  }
}

function printImport(report: ImportReport, ms: number, verb: string, out: Output): void {
  out.log(`${verb} from ${report.provider}: ${report.received} rows received in ${ms} ms`);
  out.log(`  imported:  ${report.imported}`);
  if (report.underReview > 0)
    out.log(`  waiting for review (hidden until approved in the admin app): ${report.underReview}`);
  out.log(`  updated:   ${report.updated}`);
  out.log(`  unchanged: ${report.unchanged}`);
  out.log(`  removed:   ${report.removed}`);
  out.log(`  repriced:  ${report.repriced}`);
  if (report.disabledBelowCost > 0)
    out.log(
      `  NOT SOLD (fixed price below new cost): ${report.disabledBelowCost} — ${report.changes.disabled.map((c) => `ID ${c.mid}`).join(", ")}`,
    );
  out.log(`  skipped:   ${report.skipped.length}`);
  for (const row of report.skipped)
    out.log(`    row ${row.row}${row.providerServiceId ? ` (service ${row.providerServiceId})` : ""}: ${row.reason}`);
}

function printReprice(report: RepriceReport, title: string, out: Output): void {
  out.log(`${title}: ${report.repriced} of ${report.checked} services repriced.`);
  if (report.disabledBelowCost > 0)
    out.log(`  ${report.disabledBelowCost} services with a fixed price below cost are no longer sold.`);
  if (report.reenabled > 0) out.log(`  ${report.reenabled} services are sold again.`);
}

function describeScope(scope: MarginScope): string {
  switch (scope.scope) {
    case "default":
      return "the whole shop (services without a more specific rule)";
    case "provider":
      return `supplier ${scope.provider}`;
    case "category":
      return `category "${scope.category}"`;
    case "service":
      return `service ${scope.mid}`;
  }
}

function priceText(s: { unitPrice: number; unitSize: number }): string {
  return s.unitSize === 1 ? `${formatRupiah(s.unitPrice)}/item` : `${formatRupiah(s.unitPrice)}/${s.unitSize}`;
}

function status(s: { active: boolean; removed: boolean; disabledReason: string | null }): string {
  if (s.active) return "sold";
  if (s.removed) return "removed by supplier";
  if (s.disabledReason === "supplier_currency") return "off: supplier currency to fix (provider list)";
  if (s.disabledReason === "review") return "off: waiting for review";
  if (s.disabledReason === "backup") return "off: kept as a backup";
  return s.disabledReason === "below_cost"
    ? "off: price below cost"
    : s.disabledReason === "unavailable"
      ? "off: supplier out of stock"
      : s.disabledReason === "admin"
        ? "off: disabled"
        : "off: supplier disabled";
}
