import { ORDER_MOVES, ORDER_STATUSES, allowedTransitions } from "./orders.lifecycle.js";

/**
 * The two copies of the lifecycle that cannot import it: the "Order states" section of
 * docs/ARCHITECTURE.md and the Mini App's runtime list of statuses (the app imports server code
 * type-only). `scripts/order-lifecycle.ts` writes them; orders.lifecycle.test.ts fails when either
 * differs from what these functions render, so an edit to the lifecycle cannot leave them behind.
 */

export const DOC_BEGIN =
  "<!-- order-states:begin (generated from src/features/orders/orders.lifecycle.ts by `npx tsx scripts/order-lifecycle.ts`; do not edit) -->";
export const DOC_END = "<!-- order-states:end -->";

/** The doc section between the markers: the diagram (from → to) and every named move. */
export function renderOrderStatesDoc(): string {
  const graph = allowedTransitions();
  const width = Math.max(...ORDER_STATUSES.map((s) => s.length));
  const diagram = ORDER_STATUSES.map(
    (s) => `${s.padEnd(width)} → ${graph[s].length > 0 ? graph[s].join(", ") : "(final)"}`,
  );
  const moves = Object.entries(ORDER_MOVES).map(
    ([name, m]) =>
      `| \`${name}\` | ${m.from.join(", ")} | ${m.to === "same" ? "(status stays)" : m.to.join(", ")} | ${m.why} |`,
  );
  return [
    DOC_BEGIN,
    "```",
    ...diagram,
    "```",
    "",
    "| Move | From | To | When |",
    "| --- | --- | --- | --- |",
    ...moves,
    DOC_END,
  ].join("\n");
}

/** The Mini App's list (miniapp/src/screens/order-statuses.generated.ts). */
export function renderMiniappStatuses(): string {
  return [
    "// Generated from src/features/orders/orders.lifecycle.ts by `npx tsx scripts/order-lifecycle.ts`; do not edit.",
    "// The app imports server code type-only, so the runtime list is a copy that a test keeps equal.",
    'import type { OrderStatus } from "../../../src/features/admin/contracts/orders.contract";',
    "",
    `export const ORDER_STATUSES = [${ORDER_STATUSES.map((s) => `"${s}"`).join(", ")}] as const satisfies readonly OrderStatus[];`,
    "",
  ].join("\n");
}

/** `doc` with its order-states section replaced by `section` (the markers must be there). */
export function withOrderStatesSection(doc: string, section: string): string {
  const begin = doc.indexOf(DOC_BEGIN);
  const end = doc.indexOf(DOC_END);
  if (begin < 0 || end < begin) throw new Error("docs/ARCHITECTURE.md lacks the order-states markers");
  return doc.slice(0, begin) + section + doc.slice(end + DOC_END.length);
}
