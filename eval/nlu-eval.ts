import { understand } from "../src/features/assistant/rules-extractor.js";
import {
  productQueryFor,
  type DialogContext,
  type Intent,
  type Understanding,
} from "../src/features/language/language.understanding.js";
import { readText, type Reading } from "../src/features/language/language.reading.js";
import type { Service } from "../src/features/catalog/catalog.service.js";
import type { ProductQuery, ProductResults } from "../src/features/knowledge/knowledge.types.js";
import { sandboxCatalog } from "../src/sandbox/smm/sample-catalog.js";
import { createShopKit } from "../test/kit/shop-kit.js";
import { NLU_CASES, type NluCase } from "./nlu-cases.js";

/**
 * Measures the no-LLM path a customer message takes: the rule reader's intent and slots, then the
 * knowledge base's product search on the query the bot itself would run (`productQueryFor`). Kept
 * apart from the printing so `npm run eval:nlu` and the vitest goals test read the same figures.
 */

export const GOALS = {
  hit1: 0.9,
  hit3: 0.97,
  /**
   * 90%: a misread intent costs the customer one more turn, never money (prices come from the
   * database and paying needs an explicit press), but below nine in ten a chat derails often enough
   * for customers to notice. The same bar as hit@1, so neither half of the path hides the other.
   */
  intent: 0.9,
} as const;

/** Intents whose action spends or collects money: paying a quote, opening a wallet top-up. */
export const MONEY_MOVING_INTENTS: ReadonlySet<Intent> = new Set<Intent>(["confirm", "topup"]);

/** Read as if the bot were idle: nothing picked, nothing asked. */
export const IDLE_CONTEXT: DialogContext = {
  stage: "idle",
  awaiting: undefined,
  selected: undefined,
  recent: [],
  language: "id",
};

export type SlotName = "quantity" | "target" | "zone" | "orderId" | "amount" | "mid";
const SLOT_NAMES: readonly SlotName[] = ["quantity", "target", "zone", "orderId", "amount", "mid"];

export interface Rate {
  hits: number;
  total: number;
  /** hits / total; 1 when nothing was measured (no case, nothing missed). */
  rate: number;
}

export type RetrievalCause =
  /** The reader named another platform or kind, so the search was filtered away from the product. */
  | "reader-wrong"
  /** The reader left platform or kind out and the words alone did not find it. */
  | "reader-missing"
  /** Platform and kind were right, but the descriptive query lost a name word the customer typed ("dana" in "top up dana 50rb"). */
  | "reader-query"
  /** Platform and kind were right; the search ranked other products first (or found none). */
  | "ranking";

export type Failure =
  | { kind: "intent"; id: string; text: string; expected: Intent; got: Intent }
  | {
      kind: "retrieval";
      id: string;
      text: string;
      expected: string;
      got: string[];
      read: string;
      cause: RetrievalCause;
      hit3: boolean;
    }
  | { kind: "slot"; id: string; text: string; slot: SlotName; expected: string; got: string }
  | { kind: "injection"; id: string; text: string; reason: string }
  | { kind: "label"; id: string; text: string; reason: string };

export interface GoalResult {
  name: string;
  target: number;
  value: number;
  ok: boolean;
}

export interface NluEvalReport {
  cases: number;
  intent: { overall: Rate; byTag: Record<string, Rate>; byIntent: Record<string, Rate> };
  retrieval: {
    hit1: Rate;
    hit3: Rate;
    byTag: Record<string, { hit1: Rate; hit3: Rate }>;
    byPlatform: Record<string, { hit1: Rate; hit3: Rate }>;
  };
  slots: { overall: Rate; bySlot: Record<string, Rate> };
  injections: { total: number; safe: number };
  /** Product labels no sellable service satisfies: a wrong label, not a reader or search miss. */
  unsatisfiable: string[];
  goals: GoalResult[];
  failures: Failure[];
}

export interface NluEvalDeps {
  /** The rules reader, given the message as the bot reads it once per turn. */
  understand: (message: Reading, context: DialogContext) => Understanding;
  findProducts: (query: ProductQuery) => Promise<ProductResults>;
  /** Every sellable service, to check that each product label can be met at all. */
  sellable: readonly Service[];
}

/**
 * Builds the sandbox shop the way the tests do (the SMM panel and both top-up suppliers, imported;
 * the test config carries no OpenAI key, so the rules read and the search runs without embeddings),
 * waits for the knowledge index, and scores every case.
 */
export async function runNluEval(cases: readonly NluCase[] = NLU_CASES): Promise<NluEvalReport> {
  // The sandbox shop's own list: the generated services plus one of every SMM order type.
  const kit = await createShopKit({ smm: { catalog: sandboxCatalog() } });
  try {
    await kit.addTopupSupplier("vip-reseller");
    await kit.addTopupSupplier("digiflazz");
    const { knowledge, catalog } = kit.container;
    await knowledge.sync();
    const sellable = (await catalog.list({})).filter((s) => s.sellable);
    return await evaluateCases(cases, { understand, findProducts: (query) => knowledge.findProducts(query), sellable });
  } finally {
    await kit.close();
  }
}

/** Runs every case through the reader and the search and scores them. */
export async function evaluateCases(cases: readonly NluCase[], deps: NluEvalDeps): Promise<NluEvalReport> {
  const failures: Failure[] = [];
  const intent = counter();
  const intentByTag = new Map<string, Counter>();
  const intentByIntent = new Map<string, Counter>();
  const hit1 = counter();
  const hit3 = counter();
  const retrievalByTag = new Map<string, { hit1: Counter; hit3: Counter }>();
  const retrievalByPlatform = new Map<string, { hit1: Counter; hit3: Counter }>();
  const slots = counter();
  const slotsByName = new Map<string, Counter>();
  const unsatisfiable: string[] = [];
  let injections = 0;
  let safeInjections = 0;

  for (const c of cases) {
    // As the bot does: one reading of the message, handed to the rules and to the product search.
    const reading = readText(c.text);
    const u = deps.understand(reading, IDLE_CONTEXT);

    const intentOk = u.intent === c.intent;
    for (const bucket of [intent, slot(intentByIntent, c.intent), ...c.tags.map((t) => slot(intentByTag, t))])
      bucket.add(intentOk);
    if (!intentOk) failures.push({ kind: "intent", id: c.id, text: c.text, expected: c.intent, got: u.intent });

    if (c.product) {
      const expected = c.product;
      if (!deps.sellable.some((s) => matchesProduct(s, expected))) {
        unsatisfiable.push(c.id);
        failures.push({
          kind: "label",
          id: c.id,
          text: c.text,
          reason: `no sellable service is ${describeProduct(expected)}`,
        });
      }
      const results = await deps.findProducts({ ...productQueryFor(u, reading), limit: 3 });
      const top = results.services.slice(0, 3);
      const at1 = top[0] !== undefined && matchesProduct(top[0], expected);
      const at3 = top.some((s) => matchesProduct(s, expected));
      const buckets = [pair(retrievalByPlatform, expected.platform), ...c.tags.map((t) => pair(retrievalByTag, t))];
      for (const b of [{ hit1, hit3 }, ...buckets]) {
        b.hit1.add(at1);
        b.hit3.add(at3);
      }
      if (!at1) {
        failures.push({
          kind: "retrieval",
          id: c.id,
          text: c.text,
          expected: describeProduct(expected),
          got: top.map((s) => `${s.platform}/${s.kind} ${s.name}`),
          read: `platform=${u.platform ?? "-"} kind=${u.kind ?? "-"} query=${JSON.stringify(productQueryFor(u, c.text).text)}`,
          cause: retrievalCause(u, c.text, expected),
          hit3: at3,
        });
      }
    }

    for (const name of SLOT_NAMES) {
      const want = c.slots?.[name];
      if (want === undefined) continue;
      const ok = slotMatches(u, name, want);
      slots.add(ok);
      slot(slotsByName, name).add(ok);
      if (!ok)
        failures.push({
          kind: "slot",
          id: c.id,
          text: c.text,
          slot: name,
          expected: String(want),
          got: show(slotValues(u, name)),
        });
    }

    if (c.tags.includes("injection")) {
      injections++;
      const reasons = injectionProblems(c, u);
      if (reasons.length === 0) safeInjections++;
      for (const reason of reasons) failures.push({ kind: "injection", id: c.id, text: c.text, reason });
    }
  }

  const report: Omit<NluEvalReport, "goals"> = {
    cases: cases.length,
    intent: { overall: intent.rate(), byTag: rates(intentByTag), byIntent: rates(intentByIntent) },
    retrieval: {
      hit1: hit1.rate(),
      hit3: hit3.rate(),
      byTag: pairRates(retrievalByTag),
      byPlatform: pairRates(retrievalByPlatform),
    },
    slots: { overall: slots.rate(), bySlot: rates(slotsByName) },
    injections: { total: injections, safe: safeInjections },
    unsatisfiable,
    failures,
  };
  return { ...report, goals: goalsOf(report) };
}

function goalsOf(report: Omit<NluEvalReport, "goals">): GoalResult[] {
  const goal = (name: string, target: number, value: number): GoalResult => ({
    name,
    target,
    value,
    ok: value >= target,
  });
  return [
    goal("retrieval hit@1", GOALS.hit1, report.retrieval.hit1.rate),
    goal("retrieval hit@3", GOALS.hit3, report.retrieval.hit3.rate),
    goal("intent accuracy", GOALS.intent, report.intent.overall.rate),
    goal("injections safe", 1, report.injections.total === 0 ? 1 : report.injections.safe / report.injections.total),
    goal("labels satisfiable", 1, report.unsatisfiable.length === 0 ? 1 : 0),
  ];
}

/**
 * The service is the product the label asks for. Terms match case-insensitively anywhere in the
 * name, except that a number must stand whole: "70" is the 70-diamond pack, not part of "720".
 */
export function matchesProduct(
  service: Pick<Service, "platform" | "kind" | "name">,
  product: NonNullable<NluCase["product"]>,
): boolean {
  if (service.platform !== product.platform || service.kind !== product.kind) return false;
  return (product.nameIncludes ?? []).every((term) => termPattern(term).test(service.name));
}

function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const before = /^\d/.test(term) ? "(?<![\\d.,])" : "";
  const after = /\d$/.test(term) ? "(?![\\d]|[.,]\\d)" : "";
  return new RegExp(`${before}${escaped}${after}`, "i");
}

function describeProduct(product: NonNullable<NluCase["product"]>): string {
  const words = product.nameIncludes?.length
    ? ` named ${product.nameIncludes.map((w) => JSON.stringify(w)).join(" + ")}`
    : "";
  return `${product.platform}/${product.kind}${words}`;
}

function retrievalCause(u: Understanding, message: string, expected: NonNullable<NluCase["product"]>): RetrievalCause {
  if (
    (u.platform !== undefined && u.platform !== expected.platform) ||
    (u.kind !== undefined && u.kind !== expected.kind)
  )
    return "reader-wrong";
  if (u.platform === undefined || u.kind === undefined) return "reader-missing";
  const query = productQueryFor(u, message).text;
  const lost = (expected.nameIncludes ?? []).some(
    (term) => termPattern(term).test(message) && !termPattern(term).test(query),
  );
  return lost ? "reader-query" : "ranking";
}

/**
 * What the reader holds for a slot. A game account may sit in `target`/`zone` or, when the reader
 * could not yet tell the message is a top-up, in `account`; checkout uses either, so either counts.
 */
function slotValues(u: Understanding, name: SlotName): Array<string | number> {
  const values: Array<string | number | undefined> =
    name === "target" ? [u.target, u.account?.target] : name === "zone" ? [u.zone, u.account?.zone] : [u[name]];
  return values.filter((v): v is string | number => v !== undefined);
}

function slotMatches(u: Understanding, name: SlotName, want: string | number): boolean {
  return slotValues(u, name).some((got) => (typeof want === "number" ? got === want : String(got).trim() === want));
}

function show(values: Array<string | number>): string {
  return values.length === 0 ? "(none)" : values.map((v) => JSON.stringify(v)).join(" / ");
}

/** An injection must not trigger a money-moving action, nor come back with slots it did not contain. */
function injectionProblems(c: NluCase, u: Understanding): string[] {
  const problems: string[] = [];
  if (MONEY_MOVING_INTENTS.has(u.intent)) problems.push(`read as money-moving intent "${u.intent}"`);
  for (const name of SLOT_NAMES) {
    const want = c.slots?.[name];
    for (const got of slotValues(u, name)) {
      const grounded = want !== undefined ? got === want : groundedIn(c.text, got);
      if (!grounded) problems.push(`invented ${name}=${JSON.stringify(got)}`);
    }
  }
  return problems;
}

/** The value is in the message: a string as written, a number as written with its "rb"/"k"/"jt" unit. */
function groundedIn(text: string, value: string | number): boolean {
  if (typeof value === "string") return text.toLowerCase().includes(value.toLowerCase());
  return numbersIn(text).has(value);
}

function numbersIn(text: string): Set<number> {
  const found = new Set<number>();
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)\s*(k|rb|ribu|jt|juta)?/gi)) {
    const raw = m[1]!;
    const multiplier = !m[2] ? 1 : /^(jt|juta)$/i.test(m[2]) ? 1_000_000 : 1_000;
    for (const base of [Number(raw.replace(/[.,]/g, "")), Number(raw.replace(",", "."))]) {
      if (Number.isFinite(base)) {
        found.add(base);
        found.add(Math.round(base * multiplier));
      }
    }
  }
  return found;
}

interface Counter {
  add(ok: boolean): void;
  rate(): Rate;
}

function counter(): Counter {
  let hits = 0;
  let total = 0;
  return {
    add(ok) {
      total++;
      if (ok) hits++;
    },
    rate: () => ({ hits, total, rate: total === 0 ? 1 : hits / total }),
  };
}

function slot(map: Map<string, Counter>, key: string): Counter {
  let c = map.get(key);
  if (!c) map.set(key, (c = counter()));
  return c;
}

function pair(map: Map<string, { hit1: Counter; hit3: Counter }>, key: string) {
  let c = map.get(key);
  if (!c) map.set(key, (c = { hit1: counter(), hit3: counter() }));
  return c;
}

function rates(map: Map<string, Counter>): Record<string, Rate> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, c.rate()]));
}

function pairRates(map: Map<string, { hit1: Counter; hit3: Counter }>): Record<string, { hit1: Rate; hit3: Rate }> {
  return Object.fromEntries(
    [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, { hit1: c.hit1.rate(), hit3: c.hit3.rate() }]),
  );
}

// ---------------------------------------------------------------------------------------------
// Printing

const pct = (r: Rate) => (r.total === 0 ? "   -  " : `${(r.rate * 100).toFixed(1).padStart(5)}%`);
const count = (r: Rate) => `${r.hits}/${r.total}`.padStart(8);

/** The report as the terminal table `npm run eval:nlu` prints. */
export function formatNluReport(report: NluEvalReport, title = "NLU evaluation"): string {
  const lines: string[] = [];
  const tags = [...new Set([...Object.keys(report.intent.byTag), ...Object.keys(report.retrieval.byTag)])].sort();
  lines.push(`${title}: ${report.cases} cases, rules reader (no LLM), idle context`, "");
  lines.push("Goals");
  for (const g of report.goals)
    lines.push(
      `  ${g.name.padEnd(20)} ${(g.value * 100).toFixed(1).padStart(5)}%  (goal ≥ ${(g.target * 100).toFixed(0)}%)  ${g.ok ? "ok" : "MISSED"}`,
    );
  lines.push("");
  lines.push(
    `${"tag".padEnd(14)} ${"intent".padStart(8)} ${"".padStart(8)}   ${"hit@1".padStart(8)} ${"".padStart(8)}   ${"hit@3".padStart(8)}`,
  );
  const row = (name: string, i: Rate | undefined, r: { hit1: Rate; hit3: Rate } | undefined) =>
    `${name.padEnd(14)} ${i ? `${pct(i)} ${count(i)}` : " ".repeat(15)}   ${r ? `${pct(r.hit1)} ${count(r.hit1)}   ${pct(r.hit3)} ${count(r.hit3)}` : ""}`;
  lines.push(row("ALL", report.intent.overall, { hit1: report.retrieval.hit1, hit3: report.retrieval.hit3 }));
  for (const t of tags) lines.push(row(t, report.intent.byTag[t], report.retrieval.byTag[t]));
  lines.push("", "Intent accuracy by expected intent");
  for (const [k, r] of Object.entries(report.intent.byIntent)) lines.push(`  ${k.padEnd(14)} ${pct(r)} ${count(r)}`);
  lines.push("", "Retrieval by platform");
  for (const [k, r] of Object.entries(report.retrieval.byPlatform))
    lines.push(`  ${k.padEnd(16)} hit@1 ${pct(r.hit1)} ${count(r.hit1)}   hit@3 ${pct(r.hit3)} ${count(r.hit3)}`);
  lines.push("", `Slots ${pct(report.slots.overall)} ${count(report.slots.overall)}`);
  for (const [k, r] of Object.entries(report.slots.bySlot)) lines.push(`  ${k.padEnd(14)} ${pct(r)} ${count(r)}`);
  lines.push("", `Injections read safely: ${report.injections.safe}/${report.injections.total}`);

  const groups: Array<[Failure["kind"], string]> = [
    ["label", "Labels no sellable service satisfies"],
    ["injection", "Unsafe injection readings"],
    ["intent", "Intent misses"],
    ["retrieval", "Retrieval misses at rank 1"],
    ["slot", "Slot misses"],
  ];
  for (const [kind, title] of groups) {
    const list = report.failures.filter((f) => f.kind === kind);
    if (list.length === 0) continue;
    lines.push("", `${title} (${list.length})`);
    for (const f of list) lines.push(`  ${describeFailure(f)}`);
  }
  return lines.join("\n");
}

function describeFailure(f: Failure): string {
  const head = `[${f.id}] ${JSON.stringify(f.text)}`;
  switch (f.kind) {
    case "intent":
      return `${head}: expected ${f.expected}, got ${f.got}`;
    case "retrieval":
      return `${head}: expected ${f.expected}; ${f.cause}${f.hit3 ? " (in top 3)" : ""}; read ${f.read}; got ${f.got.length ? f.got.map((g) => `\n      ${g}`).join("") : "nothing"}`;
    case "slot":
      return `${head}: ${f.slot} expected ${JSON.stringify(f.expected)}, got ${f.got}`;
    case "injection":
    case "label":
      return `${head}: ${f.reason}`;
  }
}
