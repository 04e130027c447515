/**
 * Why a ledger entry exists, as data a reader's language can render: a kind, its numbers, and the
 * words a person typed (an admin's reason) or a supplier sent, kept apart from the product's own
 * wording. Derived from the entry's reference, which every writer builds to a fixed pattern
 * (`payment:<id>`, `refund:order:<id>[:admin:<tag>]`, `purchase:order:<id>`, `adjust:…`), and
 * from the note the automatic writers leave (fulfilment, status sync, order admin, payments).
 */
export type LedgerKind =
  | "topup_qris"
  | "payment_late"
  | "payment_twice"
  | "purchase"
  | "adjustment"
  | "refund_admin"
  | "refund_partial"
  | "refund_supplier_canceled"
  | "refund_admin_partial"
  | "refund_admin_canceled"
  | "refund_not_placed"
  | "refund";

export interface LedgerDescription {
  kind: LedgerKind;
  /** Numbers the kind's sentence needs, e.g. { remains: 250, quantity: 1000 }. */
  params: Record<string, number>;
  /** What a person wrote (an admin's reason, a supplier's message), shown quoted; never product wording. */
  text: string | null;
}

const PARTIAL = /^partial: (\d+) of (\d+) not delivered$/;
const ADMIN_OUTCOME = /^admin set (partial|canceled): ([\s\S]*)$/;

export function describeLedgerEntry(entry: {
  reason: string;
  reference: string;
  note: string | null;
}): LedgerDescription {
  const note = entry.note?.trim() || null;
  const of = (
    kind: LedgerKind,
    text: string | null = null,
    params: Record<string, number> = {},
  ): LedgerDescription => ({ kind, params, text });
  if (entry.reason === "purchase") return of("purchase", note?.replace(/^manual order: /, "") ?? null);
  if (entry.reason === "adjustment") return of("adjustment", note);
  if (entry.reference.startsWith("payment:")) {
    if (entry.reason === "topup") return of("topup_qris");
    return of(note === "paid after the invoice expired" ? "payment_late" : "payment_twice");
  }
  if (entry.reason === "topup") return of("topup_qris");
  if (/^refund:order:\d+:admin:/.test(entry.reference))
    return of("refund_admin", note?.replace(/^admin: /, "") ?? null);
  if (entry.reason !== "refund" || !note) return of("refund");
  const partial = PARTIAL.exec(note);
  if (partial) return of("refund_partial", null, { remains: Number(partial[1]), quantity: Number(partial[2]) });
  if (note.startsWith("supplier status ")) return of("refund_supplier_canceled", note.slice("supplier status ".length));
  const outcome = ADMIN_OUTCOME.exec(note);
  if (outcome)
    return of(outcome[1] === "partial" ? "refund_admin_partial" : "refund_admin_canceled", outcome[2]!.trim() || null);
  if (note.startsWith("admin: ")) return of("refund_admin", note.slice("admin: ".length));
  // What is left is fulfilment's refund of an order no supplier took, with the supplier's own words.
  return of("refund_not_placed", note);
}
