import type { Db } from "../../infra/db/open-database.js";
import type { Notice, NoticeButton } from "../notifications/notifications.service.js";
import { rememberInvoiceMessageId } from "./payments.repository.js";
import type { PaymentRow } from "./payments.table.js";

/**
 * The chat message that shows a QRIS invoice keeps its "check payment" button only while the
 * invoice is open: the notice that tells the customer it was paid, expired or withdrawn also
 * replaces that button (with a way to the order once paid, with nothing otherwise).
 */
export async function rememberInvoiceMessage(db: Db, paymentId: number, messageId: number): Promise<void> {
  await rememberInvoiceMessageId(db, paymentId, messageId);
}

/** The part of a notice that settles these invoices' messages with `buttons`. */
export function invoiceButtons(
  payments: readonly Pick<PaymentRow, "invoice_message_id">[],
  buttons: NoticeButton[][],
): Pick<Notice, "replaceButtons"> {
  const shown = payments.filter((p) => p.invoice_message_id !== null);
  return shown.length === 0
    ? {}
    : { replaceButtons: shown.map((p) => ({ messageId: p.invoice_message_id!, buttons })) };
}

/** A paid order's invoice: its button now opens the order. */
export function paidOrderButtons(orderId: number): NoticeButton[][] {
  return [[{ key: "button-view-order", vars: { order: orderId }, data: `ord:${orderId}` }]];
}
