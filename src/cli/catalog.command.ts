import type { Container } from "../container.js";
import { formatRupiah } from "../shared/money.js";
import { CliUsageError, table, type Output } from "./output.js";

export async function runCatalogCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "import": {
      const name = rest[0];
      if (!name) throw new CliUsageError("catalog import needs a supplier name");
      const started = performance.now();
      const report = await container.catalog.importFromProvider(name);
      out.log(`Imported from ${report.provider}: ${report.received} rows received in ${Math.round(performance.now() - started)} ms`);
      out.log(`  imported:  ${report.imported}`);
      out.log(`  updated:   ${report.updated}`);
      out.log(`  unchanged: ${report.unchanged}`);
      out.log(`  removed:   ${report.removed}`);
      out.log(`  skipped:   ${report.skipped.length}`);
      for (const row of report.skipped) out.log(`    row ${row.row}${row.providerServiceId ? ` (service ${row.providerServiceId})` : ""}: ${row.reason}`);
      return 0;
    }
    case "search": {
      const text = rest.join(" ").trim();
      if (!text) throw new CliUsageError('catalog search needs text, e.g. catalog search "followers instagram"');
      const result = await container.catalog.search(text);
      const understood = [result.query.platform && `platform=${result.query.platform}`, result.query.kind && `kind=${result.query.kind}`, result.query.keywords.length > 0 && `keywords=${result.query.keywords.join(",")}`].filter(Boolean).join(" ");
      out.log(`Understood: ${understood || "nothing the catalog knows"}`);
      if (result.services.length === 0) {
        out.log("No matching services: the bot would show the categories instead.");
        return 0;
      }
      out.log(table([["MID", "NAME", "PRICE/1000", "MIN-MAX"], ...result.services.map((s) => [String(s.mid), s.name, formatRupiah(s.unitPrice), `${s.min}-${s.max}`])]));
      out.log(`${result.services.length} of ${result.total} matching services shown.`);
      return 0;
    }
    default:
      throw new CliUsageError(sub ? `unknown catalog command "${sub}"` : "catalog needs a command: import or search");
  }
}
