import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORM_LABELS, PLATFORMS } from "../catalog/catalog.vocabulary.js";
import { describeLedgerEntry, type LedgerKind } from "../wallet/wallet.entry-kind.js";

/**
 * The admin app has a text in both languages for everything the server sends as data: every audit
 * action the source records, every kind of wallet entry (also in the bot's Fluent files), every
 * refusal key the source throws, and every key one language has, the other has too.
 */

// The app's own module list (miniapp/src/i18n/index.ts), loaded by path: the server's type check does not follow into the app's sources.
const APP_TEXTS = "../../../miniapp/src/i18n/index.ts";
const { TEXTS } = (await import(/* @vite-ignore */ APP_TEXTS)) as {
  TEXTS: ReadonlyArray<{ id: Record<string, string>; en: Record<string, string> }>;
};
const merged = { id: {} as Record<string, string>, en: {} as Record<string, string> };
for (const texts of TEXTS) {
  Object.assign(merged.id, texts.id);
  Object.assign(merged.en, texts.en);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}
const code = sources(join(import.meta.dirname, "..", ".."))
  .map((path) => readFileSync(path, "utf8"))
  .join("\n");

const LEDGER_KINDS: LedgerKind[] = [
  "topup_qris",
  "payment_late",
  "payment_twice",
  "purchase",
  "adjustment",
  "refund_admin",
  "refund_partial",
  "refund_supplier_canceled",
  "refund_admin_partial",
  "refund_admin_canceled",
  "refund_not_placed",
  "refund",
];

describe("admin app texts", () => {
  it("has every key in both languages", () => {
    expect(Object.keys(merged.id).filter((key) => !(key in merged.en))).toEqual([]);
    expect(Object.keys(merged.en).filter((key) => !(key in merged.id))).toEqual([]);
  });

  it("names every audit action the source records", () => {
    const actions = new Set([...code.matchAll(/action: "([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1]!));
    for (const kind of ["placed", "not_placed", "refund"]) actions.add(`order.resolve_unknown.${kind}`);
    expect(actions.size).toBeGreaterThan(20);
    expect([...actions].filter((action) => !merged.id[`audit.action.${action}`])).toEqual([]);
  });

  it("says every refusal key the source throws", () => {
    const keys = new Set(
      [...code.matchAll(/key: "((?:input|setting|providers|orders|wallet)\.[a-z_]+)"/g)].map((m) => m[1]!),
    );
    expect(keys.size).toBeGreaterThan(15);
    expect([...keys].filter((key) => !merged.id[`error.${key}`] || !merged.en[`error.${key}`])).toEqual([]);
  });

  it("has a name for every platform, brand or text", () => {
    for (const platform of PLATFORMS)
      expect(PLATFORM_LABELS[platform] || merged.id[`platform.${platform}`], platform).toBeTruthy();
    for (const slug of ["pulsa", "data", "emoney", "pln", "other"])
      expect([merged.id[`platform.${slug}`], merged.en[`platform.${slug}`]].every(Boolean), slug).toBe(true);
  });

  it("says every kind of wallet entry, in the app and in the bot", () => {
    const fluent = (language: string) =>
      readFileSync(join(import.meta.dirname, "..", "..", "locales", `${language}.ftl`), "utf8");
    for (const kind of LEDGER_KINDS) {
      expect(merged.id[`ledger.kind.${kind}`], kind).toBeTruthy();
      expect(merged.en[`ledger.kind.${kind}`], kind).toBeTruthy();
      for (const language of ["id", "en"])
        expect(fluent(language), `${language} ${kind}`).toContain(`ledger-entry-${kind} =`);
    }
  });

  it("reads each writer's entry as its kind", () => {
    const entry = (reason: string, reference: string, note: string | null) =>
      describeLedgerEntry({ reason, reference, note });
    expect(entry("topup", "payment:4", "wallet top-up by QRIS")).toEqual({
      kind: "topup_qris",
      params: {},
      text: null,
    });
    expect(entry("refund", "payment:5", "paid after the invoice expired").kind).toBe("payment_late");
    expect(entry("refund", "payment:6", "payment for an order that was already paid").kind).toBe("payment_twice");
    expect(entry("purchase", "purchase:order:3", "manual order: WhatsApp")).toEqual({
      kind: "purchase",
      params: {},
      text: "WhatsApp",
    });
    expect(entry("adjustment", "adjust:1:abc", "bonus")).toEqual({ kind: "adjustment", params: {}, text: "bonus" });
    expect(entry("refund", "refund:order:3:admin:ab12cd34", "admin: late")).toEqual({
      kind: "refund_admin",
      params: {},
      text: "late",
    });
    expect(entry("refund", "refund:order:3", "partial: 1500 of 5000 not delivered")).toEqual({
      kind: "refund_partial",
      params: { remains: 1500, quantity: 5000 },
      text: null,
    });
    expect(entry("refund", "refund:order:3", "supplier status Canceled")).toEqual({
      kind: "refund_supplier_canceled",
      params: {},
      text: "Canceled",
    });
    expect(entry("refund", "refund:order:3", "admin set partial: half came")).toEqual({
      kind: "refund_admin_partial",
      params: {},
      text: "half came",
    });
    expect(entry("refund", "refund:order:3", "admin set canceled: never came")).toEqual({
      kind: "refund_admin_canceled",
      params: {},
      text: "never came",
    });
    expect(entry("refund", "refund:order:3", "admin: not in the panel")).toEqual({
      kind: "refund_admin",
      params: {},
      text: "not in the panel",
    });
    expect(entry("refund", "refund:order:3", "Not enough funds on balance")).toEqual({
      kind: "refund_not_placed",
      params: {},
      text: "Not enough funds on balance",
    });
  });
});
