import { parseArgs } from "node:util";
import type { Container } from "../container.js";
import { maskSecret } from "../infra/crypto/secret-box.js";
import { CliUsageError, table, type Output } from "./output.js";

export async function runProviderCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "add": {
      const values = stringOptions(rest, ["name", "kind", "url", "key", "currency", "rate"]);
      for (const required of ["name", "kind", "url", "key"] as const) if (!values[required]) throw new CliUsageError(`provider add needs --${required}`);
      const provider = await container.providers.add({
        name: values.name!,
        kind: values.kind as "smm-v2",
        url: values.url!,
        credentials: { key: values.key! },
        ...(values.currency ? { currency: values.currency } : {}),
        ...(values.rate ? { rateToIdr: values.rate } : {}),
      });
      out.log(`Added supplier "${provider.name}" (${provider.kind}, ${provider.apiUrl}); key stored encrypted.`);
      out.log(`Next: npm run cli -- provider test ${quote(provider.name)}  then  npm run cli -- catalog import ${quote(provider.name)}`);
      return 0;
    }
    case "list": {
      const providers = await container.providers.list();
      if (providers.length === 0) {
        out.log("No suppliers yet. Add one with: npm run cli -- provider add --name NAME --kind smm-v2 --url URL --key KEY");
        return 0;
      }
      out.log(
        table([
          ["NAME", "KIND", "URL", "KEY", "CURRENCY", "ACTIVE", "LAST TEST"],
          ...providers.map((p) => [
            p.name,
            p.kind,
            p.apiUrl,
            maskSecret("set"),
            p.currency === "IDR" ? "IDR" : `${p.currency} (×${p.rateToIdr})`,
            p.active ? "yes" : "no",
            p.lastTest ? `${p.lastTest.ok ? "ok" : "failed"} ${new Date(p.lastTest.at).toISOString()}` : "never",
          ]),
        ]),
      );
      return 0;
    }
    case "test": {
      const name = rest[0];
      if (!name) throw new CliUsageError("provider test needs a supplier name");
      const result = await container.providers.test(name);
      if (result.ok) out.log(`${name}: OK — balance ${result.balance!.balance} ${result.balance!.currency}, latency ${result.latencyMs} ms`);
      else out.error(`${name}: FAILED after ${result.latencyMs} ms — ${result.message}`);
      return result.ok ? 0 : 1;
    }
    default:
      throw new CliUsageError(sub ? `unknown provider command "${sub}"` : "provider needs a command: add, list or test");
  }
}

/** `--name value` options, all strings; an unknown option is a usage error, not a silent typo. */
function stringOptions(args: string[], names: string[]): Record<string, string | undefined> {
  try {
    const { values } = parseArgs({ args, options: Object.fromEntries(names.map((n) => [n, { type: "string" as const }])), strict: true, allowPositionals: false });
    return values as Record<string, string | undefined>;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function quote(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}
