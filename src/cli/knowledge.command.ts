import type { Container } from "../container.js";
import type { FaqLanguage, IndexSyncReport } from "../features/knowledge/knowledge.types.js";
import { isKind, isPlatform } from "../features/catalog/catalog.vocabulary.js";
import { formatRupiah } from "../shared/money.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

/** `knowledge sync | rebuild | search "TEXT" [--platform P] [--kind K] [--limit N]` */
export async function runKnowledgeCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  const { knowledge } = container;
  switch (sub) {
    case "sync":
    case "rebuild": {
      const report = sub === "sync" ? await knowledge.sync() : await knowledge.rebuild();
      out.log(`${sub === "sync" ? "Synced" : "Rebuilt"} the knowledge index.`);
      out.log(`  services: ${describe(report.services)}`);
      out.log(`  faq:      ${describe(report.faq)}`);
      return 0;
    }
    case "search": {
      const { text, options } = textAndOptions(rest, ["platform", "kind", "limit"]);
      if (!text) throw new CliUsageError('knowledge search needs text, e.g. knowledge search "followers ig murah"');
      const { platform, kind } = options;
      if (platform !== undefined && !isPlatform(platform)) throw new CliUsageError(`unknown platform "${platform}"`);
      if (kind !== undefined && !isKind(kind)) throw new CliUsageError(`unknown kind "${kind}"`);
      const limit = options.limit === undefined ? 8 : Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new CliUsageError("--limit takes a whole number above zero");
      const result = await knowledge.findProducts({ text, platform, kind, limit });
      if (result.services.length === 0) {
        out.log("No matching services.");
        return 0;
      }
      out.log(
        table([
          ["MID", "NAME", "PRICE"],
          ...result.services.map((s) => [
            String(s.mid),
            s.name,
            `${formatRupiah(s.unitPrice)}/${s.unitSize === 1 ? "item" : s.unitSize}`,
          ]),
        ]),
      );
      out.log(`${result.services.length} of ${result.total} matching services shown.`);
      return 0;
    }
    default:
      throw new CliUsageError(
        sub ? `unknown knowledge command "${sub}"` : "knowledge needs a command: sync, rebuild or search",
      );
  }
}

/** `faq list [--lang L] | faq show SLUG [--lang L] | faq set SLUG --lang L --title T --body B | faq remove SLUG [--lang L] | faq search "TEXT" [--lang L]` */
export async function runFaqCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  const { faq } = container.knowledge;
  switch (sub) {
    case "list": {
      const v = stringOptions(rest, ["lang"]);
      const documents = await faq.list({ language: language(v.lang), includeInactive: true });
      if (documents.length === 0) {
        out.log("No FAQ documents.");
        return 0;
      }
      out.log(
        table([
          ["SLUG", "LANG", "TITLE", "STATUS"],
          ...documents.map((d) => [d.slug, d.language, d.title, d.active ? "shown" : "hidden"]),
        ]),
      );
      out.log(`${documents.length} FAQ documents.`);
      return 0;
    }
    case "show": {
      const [slug, ...flags] = rest;
      if (!slug || slug.startsWith("--"))
        throw new CliUsageError("faq show needs a slug, e.g. faq show cara-bayar --lang en");
      const lang = language(stringOptions(flags, ["lang"]).lang) ?? "id";
      const document = await faq.get(slug, lang);
      if (!document) {
        out.error(`Error: no FAQ "${slug}" in language ${lang}`);
        return 1;
      }
      out.log(
        `${document.title}  [${document.slug}, ${document.language}${document.active ? "" : ", hidden"}]\n\n${document.body}`,
      );
      return 0;
    }
    case "set": {
      const [slug, ...flags] = rest;
      if (!slug || slug.startsWith("--"))
        throw new CliUsageError('faq set needs a slug, e.g. faq set cara-bayar --lang id --title "…" --body "…"');
      const v = stringOptions(flags, ["lang", "title", "body"]);
      if (!v.lang || v.title === undefined || v.body === undefined)
        throw new CliUsageError("faq set needs --lang, --title and --body");
      const existed = await faq.get(slug, language(v.lang));
      const document = await faq.upsert({ slug, language: v.lang as FaqLanguage, title: v.title, body: v.body });
      out.log(
        `${existed ? "Updated" : "Added"} FAQ "${document.slug}" (${document.language}); the index is up to date.`,
      );
      return 0;
    }
    case "remove": {
      const [slug, ...flags] = rest;
      if (!slug || slug.startsWith("--")) throw new CliUsageError("faq remove needs a slug");
      const lang = language(stringOptions(flags, ["lang"]).lang);
      const removed = await faq.remove(slug, lang);
      out.log(`Removed ${removed} FAQ document${removed === 1 ? "" : "s"} "${slug}"${lang ? ` (${lang})` : ""}.`);
      return 0;
    }
    case "search": {
      const { text, options } = textAndOptions(rest, ["lang"]);
      if (!text) throw new CliUsageError('faq search needs text, e.g. faq search "gimana cara bayar"');
      const hits = await container.knowledge.searchFaq(text, { language: language(options.lang) });
      if (hits.length === 0) {
        out.log("No FAQ answers that question.");
        return 0;
      }
      out.log(
        table([
          ["SLUG", "LANG", "TITLE"],
          ...hits.map((h) => [h.document.slug, h.document.language, h.document.title]),
        ]),
      );
      return 0;
    }
    default:
      throw new CliUsageError(
        sub ? `unknown faq command "${sub}"` : "faq needs a command: list, show, set, remove or search",
      );
  }
}

function language(value: string | undefined): FaqLanguage | undefined {
  if (value === undefined) return undefined;
  if (value !== "id" && value !== "en") throw new CliUsageError('--lang is "id" or "en"');
  return value;
}

/** Free text first (quoted or not), then `--name value` options. */
function textAndOptions(
  args: string[],
  names: string[],
): { text: string; options: Record<string, string | undefined> } {
  const first = args.findIndex((a) => a.startsWith("--"));
  const words = first < 0 ? args : args.slice(0, first);
  return { text: words.join(" ").trim(), options: stringOptions(first < 0 ? [] : args.slice(first), names) };
}

function describe(report: IndexSyncReport): string {
  return `${report.upserted} new or changed, ${report.removed} removed, ${report.embedded} embedded, ${report.ms} ms`;
}
