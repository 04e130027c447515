import { isPositive, parseDecimal } from "../../shared/money.js";
import type { ProviderKind } from "./provider.types.js";

/**
 * A supplier's currency is what the supplier says, not what someone typed. SMM v2 panels report
 * theirs in every `balance` answer ("currency": "USD"); the Indonesian families (indo-panel, VIP
 * Reseller, Digiflazz) never report one because they price in rupiah only (wire-contracts §2–4).
 * A supplier whose configuration disagrees with that, or that prices in a foreign currency with no
 * rate to rupiah, is held: nothing of it is imported, repriced or sold until an admin fixes it.
 */
export type CurrencyProblem = "mismatch" | "no_rate" | "unverified" | "needs_import";

export interface CurrencyState {
  configured: string;
  /** "" when no rate is set (a foreign-currency supplier added before its rate was known). */
  rateToIdr: string;
  /** What the supplier said last; null when it was never asked or does not say. */
  reported: string | null;
}

/** The currency a family prices in by contract, for the families whose answers never name one. */
export function familyCurrency(kind: ProviderKind): string | undefined {
  return kind === "smm-v2" ? undefined : "IDR";
}

/** The currency a balance answer names, upper-cased; undefined when it names none. */
export function reportedCurrency(kind: ProviderKind, balanceCurrency: string | undefined): string | undefined {
  const said = balanceCurrency?.trim().toUpperCase();
  if (said && /^[A-Z]{3}$/.test(said)) return said;
  return familyCurrency(kind);
}

export function hasRate(rateToIdr: string): boolean {
  const rate = parseDecimal(rateToIdr);
  return rate !== undefined && isPositive(rate);
}

/** What holds a supplier off sale, given its configuration and what it reported; null when nothing does. */
export function currencyProblemOf(state: CurrencyState): "mismatch" | "no_rate" | null {
  if (state.reported !== null && state.reported !== state.configured) return "mismatch";
  if (state.configured !== "IDR" && !hasRate(state.rateToIdr)) return "no_rate";
  return null;
}

/**
 * What the admin reads in the CLI and in errors: what is wrong and the exact command that fixes
 * it. (The admin app and the Telegram alert render the same facts in the admin's language.)
 */
export function currencyProblemText(name: string, problem: CurrencyProblem, state: CurrencyState): string {
  const cli = (args: string) => `npm run cli -- provider edit ${/\s/.test(name) ? `"${name}"` : name} ${args}`;
  switch (problem) {
    case "mismatch": {
      const reported = state.reported ?? "?";
      const fix =
        reported === "IDR" ? cli("--currency IDR") : cli(`--currency ${reported} --rate <rupiah per 1 ${reported}>`);
      return `${name} reports its prices in ${reported}, but it is set up as ${state.configured}: nothing of it is imported or sold until this is fixed. Fix: ${fix} (or set its currency${reported === "IDR" ? "" : " and rate"} in the admin app), then import its catalog again.`;
    }
    case "no_rate":
      return `${name} prices in ${state.configured} and has no rate to rupiah: nothing of it is imported or sold until it has one. Fix: ${cli(`--rate <rupiah per 1 ${state.configured}>`)} (for example --rate 16250), or set the rate in the admin app.`;
    case "needs_import":
      return `${name}'s currency now checks out, but its services were priced under the old setting: they are sold again once its catalog is imported anew. Run npm run cli -- catalog import ${/\s/.test(name) ? `"${name}"` : name} (or Import in the admin app).`;
    case "unverified":
      return `TokoBot could not ask ${name} which currency it prices in: nothing of it is imported or sold until it answers. Check its URL and key, then run npm run cli -- provider test ${/\s/.test(name) ? `"${name}"` : name}.`;
  }
}
