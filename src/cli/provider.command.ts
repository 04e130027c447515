import type { Container } from "../container.js";
import { maskSecret } from "../infra/crypto/secret-box.js";
import type { ProviderCredentials, ProviderKind, ProviderOptions } from "../features/providers/provider.types.js";
import type { ProviderSummary } from "../features/providers/providers.service.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

const FIELDS = [
  "name",
  "kind",
  "url",
  "key",
  "api-id",
  "secret",
  "username",
  "panel",
  "currency",
  "rate",
  "price-tier",
  "idempotency-param",
  "testing",
];

/**
 * Maps the CLI's flags to each kind's credential fields:
 *   smm-v2: --key · indo-panel: --api-id --key [--secret for CentralSMM] --panel
 *   vip-reseller: --api-id --key · digiflazz: --username --key [--secret = webhook secret]
 */
function credentialsFrom(kind: string, v: Record<string, string | undefined>): ProviderCredentials {
  const set = (c: ProviderCredentials) =>
    Object.fromEntries(Object.entries(c).filter(([, value]) => value !== undefined)) as ProviderCredentials;
  switch (kind) {
    case "smm-v2":
      return set({ key: v.key });
    case "digiflazz":
      return set({ username: v.username, apiKey: v.key, webhookSecret: v.secret });
    default:
      return set({ apiId: v["api-id"], apiKey: v.key, secretKey: v.secret });
  }
}

function optionsFrom(v: Record<string, string | undefined>): ProviderOptions {
  return Object.fromEntries(
    Object.entries({
      panel: v.panel,
      priceTier: v["price-tier"],
      idempotencyParam: v["idempotency-param"],
      testing: v.testing === undefined ? undefined : v.testing === "true",
    }).filter(([, value]) => value !== undefined),
  ) as ProviderOptions;
}

/** The service names credential fields; the operator typed flags. */
const FLAG_OF: Record<string, string> = {
  apiId: "--api-id",
  apiKey: "--key",
  secretKey: "--secret",
  webhookSecret: "--secret",
  username: "--username",
  key: "--key",
  rateToIdr: "--rate",
  panel: "--panel",
};

export function inFlags(message: string): string {
  return message.replace(
    /(?<![\w-])(apiId|apiKey|secretKey|webhookSecret|username|key)\b(?= is required)/g,
    (field) => FLAG_OF[field] ?? field,
  );
}

export async function runProviderCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  const providers = container.providers;
  switch (sub) {
    case "add": {
      const v = stringOptions(rest, FIELDS);
      for (const required of ["name", "kind", "url"] as const)
        if (!v[required]) throw new CliUsageError(`provider add needs --${required}`);
      const provider = await providers.add({
        name: v.name!,
        kind: v.kind as ProviderKind,
        url: v.url!,
        credentials: credentialsFrom(v.kind!, v),
        options: optionsFrom(v),
        ...(v.currency ? { currency: v.currency } : {}),
        ...(v.rate ? { rateToIdr: v.rate } : {}),
      });
      out.log(
        `Added supplier "${provider.name}" (${provider.kind}, ${provider.apiUrl}); credentials stored encrypted.`,
      );
      out.log(currencyLine(provider, Boolean(v.currency)));
      if (provider.currencyCheck.message) {
        // Stored, but held: the operator reads what to do before importing anything.
        out.error(`NOT SOLD YET — ${provider.currencyCheck.message}`);
        return 0;
      }
      out.log(
        `Next: npm run cli -- provider test ${quote(provider.name)}  then  npm run cli -- catalog import ${quote(provider.name)}`,
      );
      return 0;
    }
    case "edit": {
      const [name, ...flags] = rest;
      if (!name || name.startsWith("--")) throw new CliUsageError("provider edit needs a supplier name");
      const current = await providers.requireByName(name);
      const v = stringOptions(
        flags,
        FIELDS.filter((f) => f !== "name" && f !== "kind"),
      );
      const credentials = credentialsFrom(current.kind, v);
      const options = optionsFrom(v);
      const updated = await providers.edit(name, {
        ...(v.url ? { url: v.url } : {}),
        ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
        ...(Object.keys(options).length > 0 ? { options } : {}),
        ...(v.currency ? { currency: v.currency } : {}),
        ...(v.rate ? { rateToIdr: v.rate } : {}),
      });
      if (updated.currencyCheck.message && (v.rate || v.currency)) {
        out.log(`Updated supplier "${updated.name}".`);
        out.error(`NOT SOLD — ${updated.currencyCheck.message}`);
        return updated.currencyCheck.problem === "needs_import" ? 0 : 1;
      }
      out.log(
        `Updated supplier "${updated.name}".${v.rate || v.currency ? " Run catalog sync to reprice its services." : ""}`,
      );
      return 0;
    }
    case "disable":
    case "enable": {
      const name = rest[0];
      if (!name) throw new CliUsageError(`provider ${sub} needs a supplier name`);
      await providers.edit(name, { active: sub === "enable" });
      out.log(
        sub === "enable"
          ? `Supplier "${name}" enabled: its services are sold again.`
          : `Supplier "${name}" disabled: its services are no longer sold; orders in flight are not touched.`,
      );
      return 0;
    }
    case "list": {
      const list = await providers.list();
      if (list.length === 0) {
        out.log(
          "No suppliers yet. Add one with: npm run cli -- provider add --name NAME --kind smm-v2 --url URL --key KEY",
        );
        return 0;
      }
      const rows = [["NAME", "KIND", "URL", "CREDENTIALS", "CURRENCY", "ACTIVE", "LAST TEST"]];
      for (const p of list) {
        const fields = await providers.credentialFieldsSet(p.name);
        rows.push([
          p.name,
          p.kind + (p.options.panel ? `/${p.options.panel}` : ""),
          p.apiUrl,
          fields.map((f) => `${f}=${maskSecret("set")}`).join(" "),
          currencyCell(p),
          p.active ? "yes" : "no",
          p.lastTest ? `${p.lastTest.ok ? "ok" : "failed"} ${new Date(p.lastTest.at).toISOString()}` : "never",
        ]);
      }
      out.log(table(rows));
      return 0;
    }
    case "test": {
      const name = rest[0];
      if (!name) throw new CliUsageError("provider test needs a supplier name");
      const result = await providers.test(name);
      if (result.ok)
        out.log(
          `${name}: OK — balance ${result.balance!.balance} ${result.balance!.currency}, latency ${result.latencyMs} ms`,
        );
      else out.error(`${name}: FAILED after ${result.latencyMs} ms — ${result.message}`);
      if (result.currencyProblem) out.error(`${name}: NOT SOLD — ${result.currencyProblem}`);
      return result.ok && !result.currencyProblem ? 0 : 1;
    }
    default:
      throw new CliUsageError(
        sub
          ? `unknown provider command "${sub}"`
          : "provider needs a command: add, edit, disable, enable, list or test",
      );
  }
}

/** Which currency the supplier was set up with, and where that came from. */
function currencyLine(p: ProviderSummary, given: boolean): string {
  const rate = p.currency !== "IDR" && p.rateToIdr ? ` at Rp ${p.rateToIdr} per 1 ${p.currency}` : "";
  const source =
    p.currencyCheck.reported === null
      ? given
        ? ", as given with --currency (the supplier has not confirmed it yet)"
        : " for now: the supplier could not be asked"
      : p.currencyCheck.reported === p.currency
        ? given
          ? ", as the supplier confirms"
          : ", as the supplier reports"
        : `, but the supplier reports ${p.currencyCheck.reported}`;
  return `Currency: ${p.currency}${rate}${source}.`;
}

/** provider list's CURRENCY column: the rate, and what holds the supplier when something does. */
function currencyCell(p: ProviderSummary): string {
  const base =
    p.currency === "IDR" ? "IDR" : p.rateToIdr ? `${p.currency} (×${p.rateToIdr})` : `${p.currency} (no rate)`;
  switch (p.currencyCheck.problem) {
    case null:
      return base;
    case "mismatch":
      return `${base} NOT SOLD: supplier says ${p.currencyCheck.reported}`;
    case "no_rate":
      return `${base} NOT SOLD: set --rate`;
    case "unverified":
      return `${base} NOT SOLD: unverified`;
    case "needs_import":
      return `${base} NOT SOLD: import again`;
  }
}

function quote(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}
